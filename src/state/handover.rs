//! The reducer's hand-over arms, kept apart from the shared reducer: keys and
//! outbox changes, a phone's sealed map replacing its plain copy, and a map
//! received from a phone. Pure, tested natively.

use super::app_state::{Action, AppState, SaveState};
use std::rc::Rc;

impl AppState {
    pub(super) fn reduce_handover(mut self, action: Action) -> Self {
        match action {
            Action::HandoverLoaded(device) => self.handover = device,
            Action::SetHandover(device) => {
                self.handover = device;
                self.handover_rev += 1;
            }
            Action::HandedOver { response, outgoing } => {
                self.handover
                    .outbox
                    .retain(|o| o.response != outgoing.response);
                self.handover.outbox.push(*outgoing);
                self.handover_rev += 1;
                // Not in the community: a lost phone must not hold the plain map.
                self.just_finished = Some(Rc::new(*response));
                self.draft = None;
                self.draft_rev += 1;
                self.save = SaveState::Saved;
            }
            Action::ResponseReceived(response) => {
                Rc::make_mut(&mut self.community).upsert_response(*response);
            }
            _ => {}
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::core::demo::demo_community_sized;
    use crate::core::handover::Outgoing;
    use crate::core::model::{Response, ResponseId, Timestamp};
    use crate::state::{Action, AppState, Route};

    #[test]
    fn a_handed_over_map_leaves_only_its_sealed_copy() {
        let community = demo_community_sized(1, 1);
        let event = community.event.id.clone();
        let r = Response::new(
            ResponseId::new("r-phone"),
            event.clone(),
            "en",
            Timestamp(1),
        );
        let out = Outgoing::new(
            r.id.clone(),
            event,
            "ABC".into(),
            0,
            b"sealed",
            Timestamp(2),
        );
        let state = AppState::new(Route::Map, "en".into(), community)
            .reduce(Action::StartResponse(r.clone()))
            .reduce(Action::HandedOver {
                response: Box::new(r.clone()),
                outgoing: Box::new(out.clone()),
            });
        assert!(state.draft.is_none());
        assert!(state.community.response(&r.id).is_none());
        assert_eq!(state.handover.outbox, vec![out.clone()]);
        assert_eq!(state.just_finished.as_deref(), Some(&r));
        // Sealing the same map again replaces, never doubles, its outbox entry.
        let state = state.reduce(Action::HandedOver {
            response: Box::new(r.clone()),
            outgoing: Box::new(out),
        });
        assert_eq!(state.handover.outbox.len(), 1);
        assert_eq!(state.handover_rev, 2);
    }

    #[test]
    fn a_received_map_joins_the_community_once() {
        let mut community = demo_community_sized(1, 2);
        let r = community.responses.pop().unwrap();
        let state = AppState::new(Route::Facilitator, "en".into(), community)
            .reduce(Action::ResponseReceived(Box::new(r.clone())))
            .reduce(Action::ResponseReceived(Box::new(r.clone())));
        assert_eq!(state.community.responses.len(), 2);
    }
}
