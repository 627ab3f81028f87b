//! The reducer's part for where-they-go set-up: the facilitator's place-list
//! edits with their own undo history, and decisions about places residents
//! added. Pure, like the rest of `AppState`.

use super::app_state::AppState;
use crate::core::model::PlaceDecision;
use crate::core::places::PlaceEdit;
use std::rc::Rc;

impl AppState {
    /// Applies a place-list edit and records its inverse. An edit that does
    /// not apply (a stale undo step, a duplicate name) changes nothing.
    pub(super) fn edit_places(&mut self, edit: PlaceEdit) -> bool {
        let mut event = self.community.event.clone();
        if self.place_history.do_(edit, &mut event).is_err() {
            return false;
        }
        Rc::make_mut(&mut self.community).event = event;
        self.meta_rev += 1;
        true
    }

    pub(super) fn undo_places(&mut self, redo: bool) {
        let mut event = self.community.event.clone();
        let moved = if redo {
            self.place_history.redo(&mut event)
        } else {
            self.place_history.undo(&mut event)
        };
        if moved == Ok(true) {
            Rc::make_mut(&mut self.community).event = event;
            self.meta_rev += 1;
        }
    }

    /// Appends place decisions, with the list edit they need (accepting a
    /// place adds it to the list); both land or neither does.
    pub(super) fn decide_places(&mut self, edit: Option<PlaceEdit>, decisions: Vec<PlaceDecision>) {
        if let Some(edit) = edit {
            if !self.edit_places(edit) {
                return;
            }
        }
        if !decisions.is_empty() {
            Rc::make_mut(&mut self.community)
                .place_decisions
                .extend(decisions);
            self.meta_rev += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Action, AppState, Route};
    use crate::core::demo::demo_community_sized;
    use crate::core::model::{MapPin, PlaceId};
    use crate::core::places::PlaceEdit;

    #[test]
    fn place_edits_undo_and_redo_through_the_reducer() {
        let c = demo_community_sized(3, 2);
        let id = c.event.places[0].id.clone();
        let before = c.event.clone();
        let s = AppState::new(Route::Facilitator, "en".into(), c).reduce(Action::EditPlaces(
            PlaceEdit::SetPin {
                id: id.clone(),
                pin: Some(MapPin { x: 0.5, y: 0.5 }),
            },
        ));
        assert_eq!(
            s.community.event.place(&id).and_then(|p| p.pin),
            Some(MapPin { x: 0.5, y: 0.5 })
        );
        assert_eq!(s.meta_rev, 1);
        let s = s.reduce(Action::UndoPlaces);
        assert_eq!(s.community.event, before);
        let s = s.reduce(Action::RedoPlaces);
        assert!(s.place_history.can_undo());
        // A bad edit changes nothing and is not recorded.
        let rev = s.meta_rev;
        let s = s.reduce(Action::EditPlaces(PlaceEdit::Remove {
            id: PlaceId::new("no-such-place"),
        }));
        assert_eq!(s.meta_rev, rev);
    }
}
