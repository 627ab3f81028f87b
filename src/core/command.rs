//! Every edit of a [`Response`] as a [`Command`]; applying one returns its
//! inverse, so undo and redo come for free ([`History`]).
//!
//! Rules every command keeps:
//! - it validates before it mutates, so an `Err` leaves the response untouched;
//! - after it applies, [`Response::check_invariants`] still holds;
//! - applying the returned inverse gives back exactly the response before,
//!   vector positions included (a removed person returns to the same place in
//!   `alters`, with each tie back at its old index).
//!
//! Commands do not touch `updated_at`: the store stamps it when it saves, so
//! undo cannot make the clock run backwards. Commands are serde-serialisable
//! so a draft and its [`History`] survive a reload.

use crate::core::geometry::WorldPoint;
use crate::core::model::{
    Alter, AlterId, AlterTie, Barrier, Frequency, NewPlace, NewPlaceId, PlaceRef, PlaceVisit,
    PromptId, QuestionId, Relationship, Response, Timestamp, RINGS,
};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a command could not apply. The response is unchanged when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CommandError {
    #[error("no person {0:?} on the map")]
    UnknownAlter(AlterId),
    #[error("person {0:?} is already on the map")]
    DuplicateAlter(AlterId),
    #[error("ring {0} does not exist")]
    InvalidRing(u8),
    #[error("a position is not a finite number")]
    NotFinite,
    #[error("a person cannot be tied to themselves")]
    SelfTie,
    #[error("these two people are already tied")]
    DuplicateTie,
    #[error("these two people are not tied")]
    UnknownTie,
    #[error("this person was already named under that prompt")]
    DuplicatePrompt,
    #[error("the place is not in this response")]
    UnknownPlace,
    #[error("the place is already in this response")]
    DuplicatePlace,
    #[error("no added place {0:?}")]
    UnknownNewPlace(NewPlaceId),
    #[error("added place {0:?} already exists")]
    DuplicateNewPlace(NewPlaceId),
    #[error("added place {0:?} is still visited")]
    NewPlaceInUse(NewPlaceId),
    #[error("an index is out of range")]
    IndexOutOfRange,
}

/// One edit of a response. Build with the variant directly or with the helper
/// constructors ([`Command::add_alter`], [`Command::add_tie`]); apply with
/// [`Command::apply`], or better through [`History::do_`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Command {
    /// A new person, appended to `alters`; the resident named them under `prompt`.
    AddAlter {
        id: AlterId,
        name: String,
        prompt: PromptId,
        at: WorldPoint,
        ring: u8,
        time: Timestamp,
    },
    /// Removes a person and every tie touching them.
    RemoveAlter {
        id: AlterId,
    },
    /// The inverse of [`Command::RemoveAlter`]: puts the person back at `index`
    /// and each tie back at its recorded index (ascending).
    RestoreAlter {
        index: usize,
        alter: Alter,
        ties: Vec<(usize, AlterTie)>,
    },
    /// The resident named someone already on the map under another prompt.
    AddPromptToAlter {
        id: AlterId,
        prompt: PromptId,
    },
    /// Replaces the prompts a person was named under (the inverse of the above).
    SetPrompts {
        id: AlterId,
        prompts: Vec<PromptId>,
    },
    MoveAlter {
        id: AlterId,
        to: WorldPoint,
        ring: u8,
    },
    SetAlterName {
        id: AlterId,
        name: String,
    },
    SetRelationship {
        id: AlterId,
        value: Option<Relationship>,
    },
    SetFrequency {
        id: AlterId,
        value: Option<Frequency>,
    },
    SetCanChange {
        id: AlterId,
        value: Option<bool>,
    },
    /// Ties two people; `index` = where in `ties` (None appends).
    AddTie {
        a: AlterId,
        b: AlterId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    RemoveTie {
        a: AlterId,
        b: AlterId,
    },
    /// An about-you answer; `None` clears it.
    SetAnswer {
        question: QuestionId,
        value: Option<String>,
    },
    SetWellbeing {
        value: Option<u8>,
    },
    /// `index` = where in `places` (None appends).
    AddPlaceVisit {
        visit: PlaceVisit,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    RemovePlaceVisit {
        place: PlaceRef,
    },
    SetPlaceFrequency {
        place: PlaceRef,
        value: Option<Frequency>,
    },
    SetPlaceInformation {
        place: PlaceRef,
        value: bool,
    },
    /// A place the resident added that is not on the list; visit it with a
    /// following [`Command::AddPlaceVisit`] in the same [`Command::Batch`].
    AddNewPlace {
        place: NewPlace,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    /// Removes an added place nobody visits any more.
    RemoveNewPlace {
        id: NewPlaceId,
    },
    ToggleBarrier {
        barrier: Barrier,
    },
    /// Replaces the barrier list (the inverse of a toggle).
    SetBarriers {
        barriers: Vec<Barrier>,
    },
    /// Several commands as one undo step; all apply or none do.
    Batch {
        commands: Vec<Command>,
    },
}

type Applied = Result<Command, CommandError>;

fn find_alter(r: &mut Response, id: AlterId) -> Result<&mut Alter, CommandError> {
    r.alter_mut(id).ok_or(CommandError::UnknownAlter(id))
}

fn check_ring(ring: u8) -> Result<(), CommandError> {
    if (1..=RINGS).contains(&ring) {
        Ok(())
    } else {
        Err(CommandError::InvalidRing(ring))
    }
}

fn check_point(p: WorldPoint) -> Result<(), CommandError> {
    if p.is_finite() {
        Ok(())
    } else {
        Err(CommandError::NotFinite)
    }
}

fn visit_index(r: &Response, place: &PlaceRef) -> Result<usize, CommandError> {
    r.places
        .iter()
        .position(|v| &v.place == place)
        .ok_or(CommandError::UnknownPlace)
}

impl Command {
    /// A new person with the next free id.
    pub fn add_alter(
        response: &Response,
        name: impl Into<String>,
        prompt: PromptId,
        at: WorldPoint,
        ring: u8,
        time: Timestamp,
    ) -> Command {
        Command::AddAlter {
            id: response.next_alter_id(),
            name: name.into(),
            prompt,
            at,
            ring,
            time,
        }
    }

    /// A tie appended to the list.
    pub fn add_tie(a: AlterId, b: AlterId) -> Command {
        Command::AddTie { a, b, index: None }
    }

    /// Applies the command.
    ///
    /// # Returns
    /// The inverse command: applying it right after restores the response
    /// exactly. On `Err` the response is unchanged.
    ///
    /// # Complexity
    /// O(alters + ties + places) for one command; a batch is the sum of its parts.
    pub fn apply(&self, r: &mut Response) -> Applied {
        match self {
            Command::AddAlter {
                id,
                name,
                prompt,
                at,
                ring,
                time,
            } => add_alter(r, *id, name, prompt, *at, *ring, *time),
            Command::RemoveAlter { id } => remove_alter(r, *id),
            Command::RestoreAlter { index, alter, ties } => restore_alter(r, *index, alter, ties),
            Command::AddPromptToAlter { id, prompt } => {
                let a = find_alter(r, *id)?;
                if a.prompts.contains(prompt) {
                    return Err(CommandError::DuplicatePrompt);
                }
                let old = a.prompts.clone();
                a.prompts.push(prompt.clone());
                Ok(Command::SetPrompts {
                    id: *id,
                    prompts: old,
                })
            }
            Command::SetPrompts { id, prompts } => {
                let a = find_alter(r, *id)?;
                let old = std::mem::replace(&mut a.prompts, prompts.clone());
                Ok(Command::SetPrompts {
                    id: *id,
                    prompts: old,
                })
            }
            Command::MoveAlter { id, to, ring } => {
                check_ring(*ring)?;
                check_point(*to)?;
                let a = find_alter(r, *id)?;
                let old = Command::MoveAlter {
                    id: *id,
                    to: WorldPoint::new(a.x, a.y),
                    ring: a.ring,
                };
                (a.x, a.y, a.ring) = (to.x, to.y, *ring);
                Ok(old)
            }
            Command::SetAlterName { id, name } => {
                let a = find_alter(r, *id)?;
                let old = std::mem::replace(&mut a.name, name.clone());
                Ok(Command::SetAlterName { id: *id, name: old })
            }
            Command::SetRelationship { id, value } => {
                let a = find_alter(r, *id)?;
                let old = std::mem::replace(&mut a.relationship, *value);
                Ok(Command::SetRelationship {
                    id: *id,
                    value: old,
                })
            }
            Command::SetFrequency { id, value } => {
                let a = find_alter(r, *id)?;
                let old = std::mem::replace(&mut a.frequency, *value);
                Ok(Command::SetFrequency {
                    id: *id,
                    value: old,
                })
            }
            Command::SetCanChange { id, value } => {
                let a = find_alter(r, *id)?;
                let old = std::mem::replace(&mut a.can_change, *value);
                Ok(Command::SetCanChange {
                    id: *id,
                    value: old,
                })
            }
            Command::AddTie { a, b, index } => add_tie(r, *a, *b, *index),
            Command::RemoveTie { a, b } => {
                let tie = AlterTie::new(*a, *b);
                let i = r.ties.iter().position(|t| AlterTie::new(t.a, t.b) == tie);
                let i = i.ok_or(CommandError::UnknownTie)?;
                let t = r.ties.remove(i);
                Ok(Command::AddTie {
                    a: t.a,
                    b: t.b,
                    index: Some(i),
                })
            }
            Command::SetAnswer { question, value } => {
                let old = match value {
                    Some(v) => r.answers.insert(question.clone(), v.clone()),
                    None => r.answers.remove(question),
                };
                Ok(Command::SetAnswer {
                    question: question.clone(),
                    value: old,
                })
            }
            Command::SetWellbeing { value } => {
                let old = std::mem::replace(&mut r.wellbeing, *value);
                Ok(Command::SetWellbeing { value: old })
            }
            Command::AddPlaceVisit { visit, index } => add_place_visit(r, visit, *index),
            Command::RemovePlaceVisit { place } => {
                let i = visit_index(r, place)?;
                let visit = r.places.remove(i);
                Ok(Command::AddPlaceVisit {
                    visit,
                    index: Some(i),
                })
            }
            Command::SetPlaceFrequency { place, value } => {
                let i = visit_index(r, place)?;
                let old = std::mem::replace(&mut r.places[i].frequency, *value);
                Ok(Command::SetPlaceFrequency {
                    place: place.clone(),
                    value: old,
                })
            }
            Command::SetPlaceInformation { place, value } => {
                let i = visit_index(r, place)?;
                let old = std::mem::replace(&mut r.places[i].information, *value);
                Ok(Command::SetPlaceInformation {
                    place: place.clone(),
                    value: old,
                })
            }
            Command::AddNewPlace { place, index } => {
                if r.new_places.iter().any(|p| p.id == place.id) {
                    return Err(CommandError::DuplicateNewPlace(place.id));
                }
                let i = index.unwrap_or(r.new_places.len());
                if i > r.new_places.len() {
                    return Err(CommandError::IndexOutOfRange);
                }
                r.new_places.insert(i, place.clone());
                Ok(Command::RemoveNewPlace { id: place.id })
            }
            Command::RemoveNewPlace { id } => {
                if r.places.iter().any(|v| v.place == PlaceRef::New(*id)) {
                    return Err(CommandError::NewPlaceInUse(*id));
                }
                let i = r.new_places.iter().position(|p| p.id == *id);
                let i = i.ok_or(CommandError::UnknownNewPlace(*id))?;
                let place = r.new_places.remove(i);
                Ok(Command::AddNewPlace {
                    place,
                    index: Some(i),
                })
            }
            Command::ToggleBarrier { barrier } => {
                let old = r.barriers.clone();
                match r.barriers.iter().position(|b| b == barrier) {
                    Some(i) => {
                        r.barriers.remove(i);
                    }
                    None => r.barriers.push(*barrier),
                }
                Ok(Command::SetBarriers { barriers: old })
            }
            Command::SetBarriers { barriers } => {
                let old = std::mem::replace(&mut r.barriers, barriers.clone());
                Ok(Command::SetBarriers { barriers: old })
            }
            Command::Batch { commands } => apply_batch(r, commands),
        }
    }
}

fn add_alter(
    r: &mut Response,
    id: AlterId,
    name: &str,
    prompt: &PromptId,
    at: WorldPoint,
    ring: u8,
    time: Timestamp,
) -> Applied {
    check_ring(ring)?;
    check_point(at)?;
    if r.alter(id).is_some() {
        return Err(CommandError::DuplicateAlter(id));
    }
    r.alters.push(Alter {
        id,
        name: name.to_owned(),
        prompts: vec![prompt.clone()],
        ring,
        x: at.x,
        y: at.y,
        relationship: None,
        frequency: None,
        can_change: None,
        public_figure: false,
        added_at: time,
    });
    Ok(Command::RemoveAlter { id })
}

fn remove_alter(r: &mut Response, id: AlterId) -> Applied {
    let index = r.alters.iter().position(|a| a.id == id);
    let index = index.ok_or(CommandError::UnknownAlter(id))?;
    let alter = r.alters.remove(index);
    let mut ties = Vec::new();
    let mut kept = Vec::with_capacity(r.ties.len());
    for (i, t) in r.ties.drain(..).enumerate() {
        if t.touches(id) {
            ties.push((i, t));
        } else {
            kept.push(t);
        }
    }
    r.ties = kept;
    Ok(Command::RestoreAlter { index, alter, ties })
}

fn restore_alter(
    r: &mut Response,
    index: usize,
    alter: &Alter,
    ties: &[(usize, AlterTie)],
) -> Applied {
    check_ring(alter.ring)?;
    check_point(WorldPoint::new(alter.x, alter.y))?;
    if r.alter(alter.id).is_some() {
        return Err(CommandError::DuplicateAlter(alter.id));
    }
    if index > r.alters.len() {
        return Err(CommandError::IndexOutOfRange);
    }
    // Validate the ties on a copy, so a bad one leaves the response untouched.
    let mut new_ties = r.ties.clone();
    let mut last = None;
    for &(i, t) in ties {
        let other = if t.a == alter.id { t.b } else { t.a };
        if !t.touches(alter.id) || t.a == t.b {
            return Err(CommandError::SelfTie);
        }
        if r.alter(other).is_none() {
            return Err(CommandError::UnknownAlter(other));
        }
        if new_ties
            .iter()
            .any(|x| AlterTie::new(x.a, x.b) == AlterTie::new(t.a, t.b))
        {
            return Err(CommandError::DuplicateTie);
        }
        if i > new_ties.len() || last.is_some_and(|l| i <= l) {
            return Err(CommandError::IndexOutOfRange);
        }
        new_ties.insert(i, t);
        last = Some(i);
    }
    r.alters.insert(index, alter.clone());
    r.ties = new_ties;
    Ok(Command::RemoveAlter { id: alter.id })
}

fn add_tie(r: &mut Response, a: AlterId, b: AlterId, index: Option<usize>) -> Applied {
    if a == b {
        return Err(CommandError::SelfTie);
    }
    for id in [a, b] {
        if r.alter(id).is_none() {
            return Err(CommandError::UnknownAlter(id));
        }
    }
    let tie = AlterTie::new(a, b);
    if r.ties.iter().any(|t| AlterTie::new(t.a, t.b) == tie) {
        return Err(CommandError::DuplicateTie);
    }
    let i = index.unwrap_or(r.ties.len());
    if i > r.ties.len() {
        return Err(CommandError::IndexOutOfRange);
    }
    r.ties.insert(i, tie);
    Ok(Command::RemoveTie { a: tie.a, b: tie.b })
}

fn add_place_visit(r: &mut Response, visit: &PlaceVisit, index: Option<usize>) -> Applied {
    if r.places.iter().any(|v| v.place == visit.place) {
        return Err(CommandError::DuplicatePlace);
    }
    if let PlaceRef::New(id) = visit.place {
        if !r.new_places.iter().any(|p| p.id == id) {
            return Err(CommandError::UnknownNewPlace(id));
        }
    }
    let i = index.unwrap_or(r.places.len());
    if i > r.places.len() {
        return Err(CommandError::IndexOutOfRange);
    }
    r.places.insert(i, visit.clone());
    Ok(Command::RemovePlaceVisit {
        place: visit.place.clone(),
    })
}

fn apply_batch(r: &mut Response, commands: &[Command]) -> Applied {
    let mut inverses: Vec<Command> = Vec::with_capacity(commands.len());
    for c in commands {
        match c.apply(r) {
            Ok(inv) => inverses.push(inv),
            Err(e) => {
                // Roll back what did apply; each inverse is valid by construction.
                for inv in inverses.iter().rev() {
                    let _ = inv.apply(r);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Command::Batch { commands: inverses })
}

/// An edit that applies to a target and returns its exact inverse: the
/// resident's [`Command`]s on a [`Response`], and the facilitator's place-list
/// edits on an event (`core::places::PlaceEdit`). One [`History`] serves both.
pub trait Undoable: Sized {
    type Target;
    type Error;
    /// Applies the edit; on `Err` the target is unchanged.
    fn apply_to(&self, target: &mut Self::Target) -> Result<Self, Self::Error>;
}

impl Undoable for Command {
    type Target = Response;
    type Error = CommandError;
    fn apply_to(&self, r: &mut Response) -> Applied {
        self.apply(r)
    }
}

/// Steps a [`History`] keeps; older ones are forgotten so a long session
/// cannot grow the draft without bound.
pub const HISTORY_LIMIT: usize = 500;

/// Undo and redo stacks. Both hold ready-to-apply edits: `undo` the inverses
/// of what was done, `redo` the inverses of what was undone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History<C = Command> {
    pub undo: Vec<C>,
    pub redo: Vec<C>,
}

impl<C> Default for History<C> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl<C: Undoable> History<C> {
    /// Steps kept; see [`HISTORY_LIMIT`].
    pub const LIMIT: usize = HISTORY_LIMIT;

    pub fn new() -> Self {
        Self::default()
    }

    /// Applies a new action, records its inverse and forgets the redo stack.
    pub fn do_(&mut self, cmd: C, target: &mut C::Target) -> Result<(), C::Error> {
        let inverse = cmd.apply_to(target)?;
        self.undo.push(inverse);
        if self.undo.len() > Self::LIMIT {
            let excess = self.undo.len() - Self::LIMIT;
            self.undo.drain(..excess);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last action. `Ok(false)` when there is nothing to undo.
    pub fn undo(&mut self, target: &mut C::Target) -> Result<bool, C::Error> {
        Self::shift(&mut self.undo, &mut self.redo, target)
    }

    /// Redoes the last undone action. `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self, target: &mut C::Target) -> Result<bool, C::Error> {
        Self::shift(&mut self.redo, &mut self.undo, target)
    }

    fn shift(from: &mut Vec<C>, to: &mut Vec<C>, target: &mut C::Target) -> Result<bool, C::Error> {
        let Some(cmd) = from.pop() else {
            return Ok(false);
        };
        match cmd.apply_to(target) {
            Ok(inverse) => {
                to.push(inverse);
                Ok(true)
            }
            Err(e) => {
                // The target changed behind our back; keep the step for the caller to see.
                from.push(cmd);
                Err(e)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a new resident starts).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
