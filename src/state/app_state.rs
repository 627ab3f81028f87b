//! The one app state and the actions that change it. Pure: no yew, no
//! browser, so every transition is tested natively. Side effects (saving,
//! tab coordination) live in `context`, which watches the revision counters.

use super::draft::{Draft, Step};
use super::route::Route;
use crate::core::command::{Command, History};

use crate::core::handover::{HandoverDevice, Outgoing};
use crate::core::kiosk::KioskDevice;
use crate::core::model::{
    Community, Event, MergeDecision, PlaceDecision, Response, ResponseId, ResponseStatus, Timestamp,
};
use crate::core::places::PlaceEdit;
use crate::core::playback::scene::Labels;
use crate::platform::store::StoreError;
use std::rc::Rc;

/// Whether storage works, as far as the app can tell; drives the banners.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum StorageHealth {
    #[default]
    Ok,
    /// IndexedDB cannot be used (private mode, sandboxed frame): nothing is kept.
    Unavailable(String),
    /// The browser's storage is full: new work is kept in memory only.
    QuotaFull,
    /// Another tab is the writer: this one can look but not change anything.
    OtherTab,
    /// The stored data is from a newer app (or damaged): shown, never overwritten.
    CannotOpen(String),
    /// Saving stopped after an unexpected error.
    Failed(String),
}

impl StorageHealth {
    pub fn can_write(&self) -> bool {
        matches!(self, StorageHealth::Ok)
    }

    pub fn from_error(e: &StoreError) -> Self {
        match e {
            StoreError::Unavailable(why) => StorageHealth::Unavailable(why.clone()),
            StoreError::QuotaExceeded => StorageHealth::QuotaFull,
            other => StorageHealth::Failed(other.to_string()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SaveState {
    #[default]
    Idle,
    /// Changes are waiting for the debounce to write them.
    Pending,
    Saved,
    Failed,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Boot {
    Loading,
    Ready,
}

/// The earlier event held on this device for comparison (see `state::earlier`).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Earlier {
    #[default]
    None,
    Held(Rc<Community>),
    /// Something is stored but cannot be read (damaged, or from a newer app):
    /// kept until the facilitator removes or replaces it.
    Unreadable(String),
}

impl Earlier {
    pub fn held(&self) -> Option<&Rc<Community>> {
        match self {
            Earlier::Held(c) => Some(c),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub boot: Boot,
    pub route: Route,
    pub lang: String,
    pub community: Rc<Community>,
    /// Bumped when the event set-up or decision logs change (they get saved).
    pub meta_rev: u64,
    pub draft: Option<Rc<Draft>>,
    /// Bumped on every committed edit of the draft (it gets saved).
    pub draft_rev: u64,
    pub storage: StorageHealth,
    pub save: SaveState,
    /// The browser's answer to `navigator.storage.persist()`.
    pub persisted: Option<bool>,
    /// Stored records that could not be read (kept, reported).
    pub unreadable: Vec<String>,
    /// The response that just finished, for the thank-you screen and play-back.
    pub just_finished: Option<Rc<Response>>,
    /// This device's kiosk mode and PIN.
    pub kiosk: KioskDevice,
    /// Bumped when `kiosk` changes (it gets saved).
    pub kiosk_rev: u64,
    /// The facilitator entered the PIN in this session.
    pub unlocked: bool,
    /// Undo/redo of the facilitator's place-list edits (this session only).
    pub place_history: History<PlaceEdit>,
    /// This device's hand-over keys, joined event and outbox (see `handover`).
    pub handover: HandoverDevice,
    /// Bumped when `handover` changes (it gets saved).
    pub handover_rev: u64,
    /// Which names the play-back may show: set from the facilitator
    /// workspace only, never stored (a reload returns to places only).
    pub playback_labels: Labels,
    /// An earlier event kept beside this one, for the play-back's comparison.
    pub earlier: Earlier,
}

#[derive(Debug, Clone)]
pub enum Action {
    Booted {
        community: Box<Community>,
        draft: Option<Box<Draft>>,
        unreadable: Vec<String>,
    },
    /// Data changed in another tab; take the stored version.
    Reloaded(Community),
    Navigate(Route),
    SetLanguage(String),
    /// Consent given: a response exists from now on.
    StartResponse(Response),
    Apply(Command),
    Undo,
    Redo,
    GoTo(Step),
    /// The resident left without finishing (declined, reset, timed out).
    DiscardDraft,
    /// The finished response is stored and read back.
    ResponseSaved(Response),
    ReplaceCommunity(Community),
    UpdateEvent(Event),
    /// Facilitator decisions about who is the same person, appended to the
    /// merge log (it is saved with the event).
    RecordMerges(Vec<MergeDecision>),
    Saving,
    Saved,
    StorageProblem(StorageHealth),
    Persisted(Option<bool>),
    FinishedAt(Timestamp),
    /// The thank-you screen was left: forget the last resident entirely.
    ClearFinished,
    KioskLoaded(KioskDevice),
    SetKiosk(KioskDevice),
    Unlock(bool),
    /// A response withdrawn by its code: it and every decision about its people go.
    Withdraw(ResponseId),
    /// The facilitator edited the place list or the map picture (undoable).
    EditPlaces(PlaceEdit),
    UndoPlaces,
    RedoPlaces,
    /// Decisions about places residents added, with the list edit they need.
    DecidePlaces {
        edit: Option<PlaceEdit>,
        decisions: Vec<PlaceDecision>,
    },
    /// Hand-over (see `state::handover`): this device's keys and outbox read from storage.
    HandoverLoaded(HandoverDevice),
    SetHandover(HandoverDevice),
    /// A phone finished a map for a joined event: it is sealed in the outbox
    /// and its plain copy is forgotten (kept in memory for the thank-you screen).
    HandedOver {
        response: Box<Response>,
        outgoing: Box<Outgoing>,
    },
    /// The facilitator's device received a map from a phone (already stored).
    ResponseReceived(Box<Response>),
    /// The facilitator chose which names the play-back shows.
    SetPlaybackLabels(Labels),
    /// The earlier event for comparison was read, kept, replaced or removed.
    SetEarlier(Earlier),
}

impl AppState {
    pub fn new(route: Route, lang: String, community: Community) -> Self {
        Self {
            boot: Boot::Loading,
            route,
            lang,
            community: Rc::new(community),
            meta_rev: 0,
            draft: None,
            draft_rev: 0,
            storage: StorageHealth::Ok,
            save: SaveState::Idle,
            persisted: None,
            unreadable: Vec::new(),
            just_finished: None,
            kiosk: KioskDevice::default(),
            kiosk_rev: 0,
            unlocked: false,
            place_history: History::default(),
            handover: HandoverDevice::default(),
            handover_rev: 0,
            playback_labels: Labels::default(),
            earlier: Earlier::None,
        }
    }

    /// Applies one action. Never panics on user data: an invalid command is ignored.
    pub fn reduce(mut self, action: Action) -> Self {
        match action {
            Action::Booted {
                community,
                draft,
                unreadable,
            } => {
                self.community = Rc::new(*community);
                self.draft = draft.map(|d| Rc::new(*d));
                self.unreadable = unreadable;
                self.boot = Boot::Ready;
            }
            Action::Reloaded(community) => {
                self.community = Rc::new(community);
                self.place_history.clear();
            }
            Action::Navigate(route) => self.route = route,
            Action::SetLanguage(lang) => self.lang = lang,
            Action::StartResponse(response) => {
                self.just_finished = None;
                self.draft = Some(Rc::new(Draft::new(response)));
                self.bump_draft();
            }
            Action::Apply(command) => {
                if let Some(draft) = self.draft.as_mut() {
                    if Rc::make_mut(draft).apply(command).is_ok() {
                        self.bump_draft();
                    }
                }
            }
            Action::Undo => {
                if let Some(draft) = self.draft.as_mut() {
                    if Rc::make_mut(draft).undo() {
                        self.bump_draft();
                    }
                }
            }
            Action::Redo => {
                if let Some(draft) = self.draft.as_mut() {
                    if Rc::make_mut(draft).redo() {
                        self.bump_draft();
                    }
                }
            }
            Action::GoTo(step) => {
                if let Some(draft) = self.draft.as_mut() {
                    Rc::make_mut(draft).step = step;
                    self.bump_draft();
                }
            }
            Action::DiscardDraft => {
                self.draft = None;
                self.bump_draft();
            }
            Action::ResponseSaved(response) => {
                Rc::make_mut(&mut self.community).upsert_response(response.clone());
                self.just_finished = Some(Rc::new(response));
                self.draft = None;
                self.bump_draft();
                self.save = SaveState::Saved;
            }
            Action::ReplaceCommunity(community) => {
                self.community = Rc::new(community);
                self.place_history.clear();
                self.meta_rev += 1;
            }
            Action::UpdateEvent(event) => {
                Rc::make_mut(&mut self.community).event = event;
                self.meta_rev += 1;
            }
            Action::RecordMerges(decisions) => {
                if !decisions.is_empty() {
                    Rc::make_mut(&mut self.community).merges.extend(decisions);
                    self.meta_rev += 1;
                }
            }
            Action::Saving => self.save = SaveState::Pending,
            Action::Saved => {
                if self.save == SaveState::Pending {
                    self.save = SaveState::Saved;
                }
            }
            Action::StorageProblem(health) => {
                self.storage = health;
                self.save = SaveState::Failed;
            }
            Action::Persisted(p) => self.persisted = p,
            Action::ClearFinished => self.just_finished = None,
            Action::KioskLoaded(kiosk) => self.kiosk = kiosk,
            Action::SetKiosk(kiosk) => {
                self.kiosk = kiosk;
                self.kiosk_rev += 1;
            }
            Action::Unlock(on) => self.unlocked = on,
            Action::SetPlaybackLabels(labels) => self.playback_labels = labels,
            Action::SetEarlier(earlier) => self.earlier = earlier,
            Action::Withdraw(id) => {
                let c = Rc::make_mut(&mut self.community);
                c.responses.retain(|r| r.id != id);
                c.merges
                    .retain(|m| m.a.response != id && m.b.response != id);
                c.place_decisions.retain(|d| d.response != id);
                if self.just_finished.as_ref().is_some_and(|r| r.id == id) {
                    self.just_finished = None;
                }
                self.meta_rev += 1;
            }
            Action::EditPlaces(edit) => {
                self.edit_places(edit);
            }
            Action::UndoPlaces => self.undo_places(false),
            Action::RedoPlaces => self.undo_places(true),
            Action::DecidePlaces { edit, decisions } => self.decide_places(edit, decisions),
            action @ (Action::HandoverLoaded(_)
            | Action::SetHandover(_)
            | Action::HandedOver { .. }
            | Action::ResponseReceived(_)) => return self.reduce_handover(action),
            Action::FinishedAt(now) => {
                if let Some(draft) = self.draft.as_mut() {
                    let d = Rc::make_mut(draft);
                    d.response.status = ResponseStatus::Finished;
                    d.response.finished_at = Some(now);
                    d.response.updated_at = now;
                }
            }
        }
        self
    }

    fn bump_draft(&mut self) {
        self.draft_rev += 1;
        self.save = SaveState::Pending;
    }

    /// Everything the app holds, including an unfinished draft, for "Export everything now".
    pub fn everything(&self) -> Community {
        let mut c = (*self.community).clone();
        if let Some(d) = &self.draft {
            c.upsert_response(d.response.clone());
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_community_sized;
    use crate::core::model::{AlterRef, MergeDecision, Verdict};

    #[test]
    fn withdrawing_removes_the_response_and_decisions_about_its_people() {
        let mut community = demo_community_sized(3, 6);
        let gone = community.responses[0].id.clone();
        let kept = community.responses[1].id.clone();
        let pair = |a: &ResponseId, b: &ResponseId| MergeDecision {
            a: AlterRef {
                response: a.clone(),
                alter: crate::core::model::AlterId(0),
            },
            b: AlterRef {
                response: b.clone(),
                alter: crate::core::model::AlterId(0),
            },
            verdict: Verdict::Same,
            evidence: vec![],
            score: None,
            decided_at: Timestamp(1),
        };
        community.merges = vec![
            pair(&gone, &kept),
            pair(&kept, &community.responses[2].id.clone()),
        ];
        let state = AppState::new(Route::Facilitator, "en".into(), community)
            .reduce(Action::Withdraw(gone.clone()));
        assert!(state.community.response(&gone).is_none());
        assert_eq!(state.community.responses.len(), 5);
        assert_eq!(state.community.merges.len(), 1);
        assert_eq!(state.meta_rev, 1);
    }

    #[test]
    fn discarding_a_draft_forgets_it_and_its_history() {
        let community = demo_community_sized(3, 1);
        let r = Response::new(
            ResponseId::new("x"),
            community.event.id.clone(),
            "en",
            Timestamp(1),
        );
        let state = AppState::new(Route::Map, "en".into(), community)
            .reduce(Action::StartResponse(r))
            .reduce(Action::DiscardDraft);
        assert!(state.draft.is_none());
        assert!(state.just_finished.is_none());
    }
}
