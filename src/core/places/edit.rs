//! The facilitator's edits of the place list and the map picture, each with
//! its exact inverse, so the place editor has undo/redo like the resident's
//! canvas (one [`History`](crate::core::command::History) type serves both).
//!
//! Rules, as for resident commands: an edit validates before it mutates (an
//! `Err` leaves the event untouched); applying the returned inverse gives the
//! event back exactly, list order included; names stay unique (ignoring case
//! and spacing) and pins stay inside the picture.

use super::csv::PlaceRow;
use super::ids::{fresh_id, taken_ids};
use crate::core::command::Undoable;
use crate::core::model::{name_key, Event, MapPicture, MapPin, Place, PlaceId};
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("no place {0} on the list")]
    UnknownPlace(PlaceId),
    #[error("place {0} is already on the list")]
    DuplicateId(PlaceId),
    /// Carries the name of the place already on the list.
    #[error("another place is already called {0:?}")]
    DuplicateName(String),
    #[error("a place needs a name")]
    EmptyName,
    #[error("a pin must lie on the picture (0 to 1 across and down)")]
    PinOffPicture,
    #[error("an index is out of range")]
    IndexOutOfRange,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum PlaceEdit {
    /// Inserts a place at `index` (None appends).
    Add {
        place: Place,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    Remove {
        id: PlaceId,
    },
    /// Replaces the place with the same id (name, category, description, pin).
    Update {
        place: Place,
    },
    /// Moves a place to position `to` in the list (the palette's order).
    Move {
        id: PlaceId,
        to: usize,
    },
    SetPin {
        id: PlaceId,
        pin: Option<MapPin>,
    },
    /// Replaces the whole list (the inverse of an import).
    SetList {
        places: Vec<Place>,
    },
    SetMap {
        map: Option<MapPicture>,
    },
    /// Several edits as one undo step; all apply or none do.
    Batch {
        edits: Vec<PlaceEdit>,
    },
}

fn index_of(e: &Event, id: &PlaceId) -> Result<usize, EditError> {
    e.places
        .iter()
        .position(|p| &p.id == id)
        .ok_or_else(|| EditError::UnknownPlace(id.clone()))
}

fn check_pin(pin: Option<MapPin>) -> Result<(), EditError> {
    match pin {
        Some(p) if !(0.0..=1.0).contains(&p.x) || !(0.0..=1.0).contains(&p.y) => {
            Err(EditError::PinOffPicture)
        }
        _ => Ok(()),
    }
}

/// The name is not empty and no *other* place has it.
fn check_name(e: &Event, place: &Place) -> Result<(), EditError> {
    let key = name_key(&place.name);
    if key.is_empty() {
        return Err(EditError::EmptyName);
    }
    if let Some(other) = e
        .places
        .iter()
        .find(|p| p.id != place.id && name_key(&p.name) == key)
    {
        return Err(EditError::DuplicateName(other.name.clone()));
    }
    check_pin(place.pin)
}

impl PlaceEdit {
    /// Applies the edit.
    ///
    /// # Returns
    /// The inverse edit; on `Err` the event is unchanged.
    ///
    /// # Complexity
    /// O(places) per edit (O(places²) for a whole-list replacement's name check).
    pub fn apply(&self, e: &mut Event) -> Result<PlaceEdit, EditError> {
        match self {
            PlaceEdit::Add { place, index } => {
                if e.place(&place.id).is_some() {
                    return Err(EditError::DuplicateId(place.id.clone()));
                }
                check_name(e, place)?;
                let i = index.unwrap_or(e.places.len());
                if i > e.places.len() {
                    return Err(EditError::IndexOutOfRange);
                }
                e.places.insert(i, place.clone());
                Ok(PlaceEdit::Remove {
                    id: place.id.clone(),
                })
            }
            PlaceEdit::Remove { id } => {
                let i = index_of(e, id)?;
                let place = e.places.remove(i);
                Ok(PlaceEdit::Add {
                    place,
                    index: Some(i),
                })
            }
            PlaceEdit::Update { place } => {
                let i = index_of(e, &place.id)?;
                check_name(e, place)?;
                let old = std::mem::replace(&mut e.places[i], place.clone());
                Ok(PlaceEdit::Update { place: old })
            }
            PlaceEdit::Move { id, to } => {
                let from = index_of(e, id)?;
                if *to >= e.places.len() {
                    return Err(EditError::IndexOutOfRange);
                }
                let p = e.places.remove(from);
                e.places.insert(*to, p);
                Ok(PlaceEdit::Move {
                    id: id.clone(),
                    to: from,
                })
            }
            PlaceEdit::SetPin { id, pin } => {
                check_pin(*pin)?;
                let i = index_of(e, id)?;
                let old = std::mem::replace(&mut e.places[i].pin, *pin);
                Ok(PlaceEdit::SetPin {
                    id: id.clone(),
                    pin: old,
                })
            }
            PlaceEdit::SetList { places } => {
                let mut trial = e.clone();
                trial.places.clear();
                for p in places {
                    if trial.place(&p.id).is_some() {
                        return Err(EditError::DuplicateId(p.id.clone()));
                    }
                    check_name(&trial, p)?;
                    trial.places.push(p.clone());
                }
                let old = std::mem::replace(&mut e.places, places.clone());
                Ok(PlaceEdit::SetList { places: old })
            }
            PlaceEdit::SetMap { map } => {
                let old = std::mem::replace(&mut e.map, map.clone());
                Ok(PlaceEdit::SetMap { map: old })
            }
            PlaceEdit::Batch { edits } => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(e) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            for inv in inverses.iter().rev() {
                                let _ = inv.apply(e);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Ok(PlaceEdit::Batch { edits: inverses })
            }
        }
    }
}

impl Undoable for PlaceEdit {
    type Target = Event;
    type Error = EditError;
    fn apply_to(&self, e: &mut Event) -> Result<PlaceEdit, EditError> {
        self.apply(e)
    }
}

/// What importing a CSV would do to the list, for the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// One edit: apply it to import, undo it to take the import back.
    pub edit: PlaceEdit,
    pub added: Vec<String>,
    /// Places already on the list (same name) whose category, description
    /// or pin the file changes.
    pub updated: Vec<String>,
    /// Places already on the list exactly as in the file.
    pub unchanged: usize,
    /// Places on the list that the file does not mention; they stay.
    pub kept: usize,
}

/// Plans importing `rows` into the event's list: a place with the same name
/// (ignoring case and spacing) is updated in place, keeping its id, so
/// residents' answers keep pointing at it; new names are appended with fresh
/// ids; places the file does not mention stay. Nothing changes until the
/// returned edit is applied.
pub fn plan_import(event: &Event, rows: &[PlaceRow]) -> ImportPlan {
    let mut places = event.places.clone();
    let mut taken = taken_ids(event);
    let (mut added, mut updated, mut unchanged) = (Vec::new(), Vec::new(), 0);
    let mut mentioned = std::collections::BTreeSet::new();
    for row in rows {
        let key = name_key(&row.name);
        if let Some(p) = places.iter_mut().find(|p| name_key(&p.name) == key) {
            mentioned.insert(p.id.clone());
            // A file without pins does not remove pins set by dragging.
            let pin = row.pin.or(p.pin);
            if p.category == row.category && p.description == row.description && p.pin == pin {
                unchanged += 1;
            } else {
                p.category = row.category;
                p.description = row.description.clone();
                p.pin = pin;
                updated.push(p.name.clone());
            }
            continue;
        }
        let id = fresh_id(&row.name, &taken);
        taken.insert(id.0.clone());
        mentioned.insert(id.clone());
        added.push(row.name.clone());
        places.push(Place {
            id,
            name: row.name.clone(),
            category: row.category,
            description: row.description.clone(),
            pin: row.pin,
        });
    }
    let kept = event
        .places
        .iter()
        .filter(|p| !mentioned.contains(&p.id))
        .count();
    ImportPlan {
        edit: PlaceEdit::SetList { places },
        added,
        updated,
        unchanged,
        kept,
    }
}

/// Where a row dragged to height `y` lands in a list whose rows' vertical
/// middles are `mids` (top to bottom), as a [`PlaceEdit::Move`] target for
/// the row now at `from`.
pub fn drop_index(mids: &[f64], from: usize, y: f64) -> usize {
    let before = mids.iter().filter(|&&m| m < y).count();
    // Rows above the dragged one shift up once it is taken out.
    if before > from { before - 1 } else { before }.min(mids.len().saturating_sub(1))
}

/// Moves a pin by a keyboard step (fractions of the picture), staying on it.
pub fn nudge(pin: MapPin, dx: f64, dy: f64) -> MapPin {
    MapPin {
        x: (pin.x + dx).clamp(0.0, 1.0),
        y: (pin.y + dy).clamp(0.0, 1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{EventId, PlaceCategory};

    fn place(id: &str, name: &str) -> Place {
        Place {
            id: PlaceId::new(id),
            name: name.into(),
            category: PlaceCategory::Venue,
            description: String::new(),
            pin: None,
        }
    }

    fn event() -> Event {
        let mut e = Event::new(EventId::new("e"), "E", "2026-11-22");
        e.places = vec![place("a", "Alpha"), place("b", "Beta"), place("c", "Gamma")];
        e
    }

    #[test]
    fn moving_and_undoing_restores_the_order() {
        let mut e = event();
        let before = e.clone();
        let inv = PlaceEdit::Move {
            id: PlaceId::new("c"),
            to: 0,
        }
        .apply(&mut e)
        .unwrap();
        let order: Vec<_> = e.places.iter().map(|p| p.id.0.as_str()).collect();
        assert_eq!(order, ["c", "a", "b"]);
        inv.apply(&mut e).unwrap();
        assert_eq!(e, before);
    }

    #[test]
    fn names_stay_unique_and_errors_change_nothing() {
        let mut e = event();
        let before = e.clone();
        let mut dup = place("d", " alpha ");
        assert_eq!(
            PlaceEdit::Add {
                place: dup.clone(),
                index: None
            }
            .apply(&mut e),
            Err(EditError::DuplicateName("Alpha".into()))
        );
        dup.name = "Delta".into();
        let batch = PlaceEdit::Batch {
            edits: vec![
                PlaceEdit::Add {
                    place: dup,
                    index: None,
                },
                PlaceEdit::SetPin {
                    id: PlaceId::new("a"),
                    pin: Some(MapPin { x: 2.0, y: 0.0 }),
                },
            ],
        };
        assert_eq!(batch.apply(&mut e), Err(EditError::PinOffPicture));
        assert_eq!(e, before);
    }

    #[test]
    fn import_updates_by_name_keeps_ids_and_appends_new() {
        let mut e = event();
        e.places[0].pin = Some(MapPin { x: 0.1, y: 0.1 });
        let rows = vec![
            PlaceRow {
                line: 2,
                name: "ALPHA".into(),
                category: PlaceCategory::Group,
                description: String::new(),
                pin: None,
            },
            PlaceRow {
                line: 3,
                name: "Beta".into(),
                category: PlaceCategory::Venue,
                description: String::new(),
                pin: None,
            },
            PlaceRow {
                line: 4,
                name: "Alpha Two".into(),
                category: PlaceCategory::Venue,
                description: String::new(),
                pin: Some(MapPin { x: 0.5, y: 0.5 }),
            },
        ];
        let plan = plan_import(&e, &rows);
        assert_eq!(plan.added, vec!["Alpha Two".to_string()]);
        assert_eq!(plan.updated, vec!["Alpha".to_string()]);
        assert_eq!((plan.unchanged, plan.kept), (1, 1));
        let before = e.clone();
        let inv = plan.edit.apply(&mut e).unwrap();
        assert_eq!(e.places[0].id, PlaceId::new("a"));
        assert_eq!(e.places[0].category, PlaceCategory::Group);
        assert_eq!(e.places[0].pin, Some(MapPin { x: 0.1, y: 0.1 }));
        assert_eq!(e.places[3].id, PlaceId::new("alpha-two"));
        inv.apply(&mut e).unwrap();
        assert_eq!(e, before);
    }

    #[test]
    fn drop_index_counts_the_rows_passed() {
        let mids = [10.0, 30.0, 50.0, 70.0];
        assert_eq!(drop_index(&mids, 0, 5.0), 0);
        assert_eq!(drop_index(&mids, 0, 55.0), 2);
        assert_eq!(drop_index(&mids, 3, 20.0), 1);
        assert_eq!(drop_index(&mids, 1, 500.0), 3);
        assert_eq!(drop_index(&[], 0, 1.0), 0);
    }

    #[test]
    fn nudges_stay_on_the_picture() {
        let p = nudge(MapPin { x: 0.99, y: 0.0 }, 0.05, -0.05);
        assert_eq!(p, MapPin { x: 1.0, y: 0.0 });
    }
}
