//! The one app state and the actions that change it. Pure: no yew, no
//! browser, so every transition is tested natively. Side effects (saving,
//! tab coordination) live in `context`, which watches the revision counters.

use super::draft::{Draft, Step};
use super::route::Route;
use crate::core::command::Command;
use crate::core::model::{Community, Event, MergeDecision, Response, ResponseStatus, Timestamp};
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
            Action::Reloaded(community) => self.community = Rc::new(community),
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
