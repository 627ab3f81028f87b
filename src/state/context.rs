//! The yew side of the state: the provider that boots from storage and saves
//! every committed change, and the `use_app()` hook with domain methods.
//! Components call `app.apply(cmd)`; this module decides when bytes hit disk.

use super::app_state::{Action, AppState, StorageHealth};
use super::draft::Draft;
use super::route::Route;
use crate::core::command::Command;
use crate::core::model::schema;
use crate::core::model::{Community, Event, EventId, Response, ResponseId};
use crate::core::pin::{Attempts, Check, PinHash};
use crate::i18n::{Arg, Translator};
use crate::platform::store::any::AnyStore;
use crate::platform::store::indexed_db::IndexedDbStore;
use crate::platform::store::memory::MemoryStore;
use crate::platform::store::repository::{RepoError, Repository};
use crate::platform::{clock, files, lifecycle, tabs};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The draft's storage key. One resident at a time per device.
const DRAFT_KEY: &str = "current";
/// How long edits may wait before they are written (a drag makes one edit).
const SAVE_DEBOUNCE_MS: u32 = 200;

#[derive(PartialEq)]
pub struct StateCell(pub AppState);

impl Reducible for StateCell {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(StateCell(self.0.clone().reduce(action)))
    }
}

pub(super) type Repo = Rc<Repository<AnyStore>>;

/// What the provider shares: the state, the storage, the language.
#[derive(Clone)]
pub struct AppContext {
    state: UseReducerHandle<StateCell>,
    repo: Rc<RefCell<Option<Repo>>>,
    translator: Translator,
}

impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.translator == other.translator
    }
}

impl AppContext {
    pub fn state(&self) -> &AppState {
        &self.state.0
    }

    pub fn t(&self, key: &str) -> String {
        self.translator.t(key)
    }

    pub fn t_with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.translator.t_with(key, args)
    }

    pub fn translator(&self) -> &Translator {
        &self.translator
    }

    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    pub(super) fn repo(&self) -> Option<Repo> {
        self.repo.borrow().clone()
    }

    pub(super) fn dispatcher(&self) -> UseReducerDispatcher<StateCell> {
        self.state.dispatcher()
    }

    pub fn navigate(&self, route: Route) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(route.hash());
        }
        self.dispatch(Action::Navigate(route));
    }

    /// Consent given: create the response. Nothing is stored before this.
    pub fn start_response(&self) {
        let state = self.state();
        let response = Response::new(
            ResponseId::new(clock::random_id("r")),
            state.community.event.id.clone(),
            state.lang.clone(),
            clock::now(),
        );
        self.dispatch(Action::StartResponse(response));
    }

    pub fn apply(&self, command: Command) {
        self.dispatch(Action::Apply(command));
    }

    /// Finishes the resident's response: written in its own transaction and
    /// read back before the thank-you screen says "saved". On failure the draft
    /// stays, so nothing is lost, and the banner offers an export.
    pub fn finish(&self) {
        let Some(draft) = self.state().draft.clone() else {
            return;
        };
        let mut response = draft.response.clone();
        let now = clock::now();
        response.status = crate::core::model::ResponseStatus::Finished;
        response.finished_at = Some(now);
        response.updated_at = now;
        if response.withdrawal_code.is_none() {
            response.withdrawal_code = Some(withdrawal_code());
        }
        // A phone that joined an event by its code seals the map and hands it over.
        if self.hand_over(&response) {
            return;
        }
        let dispatcher = self.state.dispatcher();
        let Some(repo) = self.repo() else {
            return;
        };
        if !self.state().storage.can_write() {
            // Memory only: keep it in the community so it can be exported.
            dispatcher.dispatch(Action::ResponseSaved(response));
            return;
        }
        spawn_local(async move {
            match repo.save_response(&response).await {
                Ok(()) => {
                    let _ = repo.clear_draft(DRAFT_KEY).await;
                    dispatcher.dispatch(Action::ResponseSaved(response));
                    tabs::announce_change();
                }
                Err(e) => dispatcher.dispatch(Action::StorageProblem(health(&e))),
            }
        });
    }

    pub fn discard_draft(&self) {
        self.dispatch(Action::DiscardDraft);
    }

    pub fn update_event(&self, event: Event) {
        self.dispatch(Action::UpdateEvent(event));
    }

    /// Replaces all data (demo, new event, import) in one transaction.
    pub fn replace_community(&self, community: Community) {
        let dispatcher = self.state.dispatcher();
        let repo = self.repo();
        spawn_local(async move {
            if let Some(repo) = repo {
                if let Err(e) = repo.replace_community(&community).await {
                    dispatcher.dispatch(Action::StorageProblem(health(&e)));
                    return;
                }
                tabs::announce_change();
            }
            dispatcher.dispatch(Action::ReplaceCommunity(community));
        });
    }

    /// Downloads everything held, including an unfinished map, as a Weave backup.
    pub fn export_everything(&self) {
        let state = self.state();
        let text = schema::to_json(&state.everything());
        let name = format!(
            "weave-{}-{}.json",
            slug(&state.community.event.name),
            state.community.event.date
        );
        if let Err(e) = files::download(&name, "application/json", text.as_bytes()) {
            web_sys::console::error_1(&e.into());
        }
    }

    /// Sets (or changes) the facilitator PIN; only a salted slow hash is kept.
    pub fn set_pin(&self, pin: &str) {
        let mut kiosk = self.state().kiosk.clone();
        kiosk.pin = Some(PinHash::new(pin, clock::random_bytes::<16>()));
        kiosk.attempts = Attempts::default();
        self.dispatch(Action::SetKiosk(kiosk));
        self.dispatch(Action::Unlock(true));
    }

    /// Checks a PIN guess (slow on purpose), recording wrong tries.
    pub fn try_pin(&self, pin: &str) -> Check {
        let mut kiosk = self.state().kiosk.clone();
        let Some(hash) = kiosk.pin.clone() else {
            self.dispatch(Action::Unlock(true));
            return Check::Ok;
        };
        let result = kiosk.attempts.check(&hash, pin, clock::now());
        self.dispatch(Action::SetKiosk(kiosk));
        if result == Check::Ok {
            self.dispatch(Action::Unlock(true));
        }
        result
    }

    /// Turns kiosk mode on (the resident flow only) or off.
    pub fn set_kiosk_enabled(&self, enabled: bool) {
        let mut kiosk = self.state().kiosk.clone();
        kiosk.enabled = enabled;
        self.dispatch(Action::SetKiosk(kiosk));
        if enabled {
            // Called from the facilitator's tap, so the browser allows full screen.
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.request_fullscreen();
            }
            self.dispatch(Action::Unlock(false));
            self.navigate(Route::Map);
        }
    }

    /// Withdraws the response with this code. Returns false when no finished
    /// response has it.
    pub fn withdraw(&self, code: &str) -> bool {
        let code = code.trim().to_uppercase();
        let Some(response) = self
            .state()
            .community
            .responses
            .iter()
            .find(|r| r.withdrawal_code.as_deref() == Some(code.as_str()))
        else {
            return false;
        };
        let id = response.id.clone();
        let Some(repo) = self.repo() else {
            return false;
        };
        let dispatcher = self.state.dispatcher();
        spawn_local(async move {
            match repo.delete_response(&id).await {
                Ok(()) => {
                    dispatcher.dispatch(Action::Withdraw(id));
                    tabs::announce_change();
                }
                Err(e) => dispatcher.dispatch(Action::StorageProblem(health(&e))),
            }
        });
        true
    }

    pub fn request_persistence(&self) {
        let dispatcher = self.state.dispatcher();
        spawn_local(async move {
            let answer = lifecycle::request_persistence().await;
            dispatcher.dispatch(Action::Persisted(answer));
        });
    }
}

pub(super) fn health(e: &RepoError) -> StorageHealth {
    match e {
        RepoError::Store(s) => StorageHealth::from_error(s),
        RepoError::Load(l) => StorageHealth::CannotOpen(l.to_string()),
    }
}

/// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L).
pub(super) fn withdrawal_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    clock::random_bytes::<6>()
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() {
        "event".into()
    } else {
        s.chars().take(40).collect()
    }
}

#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().unwrap_or_else(|| panic!("use_app() outside <AppProvider>"))
}

#[derive(Properties, PartialEq)]
pub struct ProviderProps {
    pub children: Html,
}

fn current_route() -> Route {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| Route::parse(&h))
        .unwrap_or(Route::Start)
}

#[function_component(AppProvider)]
pub fn app_provider(props: &ProviderProps) -> Html {
    let state = use_reducer(|| {
        let empty = Community::new(Event::new(EventId::new("loading"), "", ""));
        StateCell(AppState::new(
            current_route(),
            crate::i18n::DEFAULT_LANGUAGE.into(),
            empty,
        ))
    });
    let repo = use_mut_ref(|| None::<Repo>);
    let translator = use_memo(state.0.lang.clone(), |lang| Translator::new(lang));

    // Boot: open storage, decide writer/reader, load or seed the demo.
    {
        let dispatcher = state.dispatcher();
        let repo = repo.clone();
        use_effect_with((), move |_| {
            spawn_local(boot(dispatcher, repo));
            || ()
        });
    }

    // Follow the address bar.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    dispatcher.dispatch(Action::Navigate(current_route()));
                })
            });
            move || drop(listener)
        });
    }

    use_draft_saving(&state, &repo);
    use_meta_saving(&state, &repo);
    use_kiosk_saving(&state, &repo);
    super::handover_actions::use_handover_saving(&state, &repo);

    let context = AppContext {
        state,
        repo,
        translator: (*translator).clone(),
    };
    html! {
        <ContextProvider<AppContext> context={context}>
            { props.children.clone() }
        </ContextProvider<AppContext>>
    }
}

async fn boot(dispatcher: UseReducerDispatcher<StateCell>, slot: Rc<RefCell<Option<Repo>>>) {
    let (store, mut problem) = match IndexedDbStore::open().await {
        Ok(s) => (AnyStore::IndexedDb(s), None),
        Err(e) => (
            AnyStore::Memory(MemoryStore::new()),
            Some(StorageHealth::from_error(&e)),
        ),
    };
    let repo = Rc::new(Repository::new(store));
    if problem.is_none() && !tabs::become_writer().await {
        repo.set_read_only(Some("Weave is open in another tab".into()));
        problem = Some(StorageHealth::OtherTab);
        let reload_repo = repo.clone();
        let d = dispatcher.clone();
        let channel = tabs::listen_for_changes(move || {
            let repo = reload_repo.clone();
            let d = d.clone();
            spawn_local(async move {
                if let Ok(Some(loaded)) = repo.load().await {
                    d.dispatch(Action::Reloaded(loaded.community));
                }
            });
        });
        std::mem::forget(channel);
    }
    *slot.borrow_mut() = Some(repo.clone());
    let (community, unreadable) = match repo.load().await {
        Ok(Some(loaded)) => (loaded.community, loaded.unreadable),
        Ok(None) => {
            let demo = crate::core::demo::demo_community(2026);
            if problem.is_none() {
                if let Err(e) = repo.replace_community(&demo).await {
                    problem = Some(health(&e));
                }
            }
            (demo, Vec::new())
        }
        Err(e) => {
            // Never overwrite what we cannot read: this tab becomes read-only.
            repo.set_read_only(Some(e.to_string()));
            problem = Some(health(&e));
            let empty = Community::new(Event::new(EventId::new("unreadable"), "", ""));
            (empty, Vec::new())
        }
    };
    if let Ok(kiosk) = repo.load_kiosk().await {
        dispatcher.dispatch(Action::KioskLoaded(kiosk));
    }
    super::handover_actions::boot(&repo, &dispatcher).await;
    super::earlier::boot(&repo, &dispatcher).await;
    let draft = match repo.load_draft::<Draft>(DRAFT_KEY).await {
        Ok(Some(Ok(d))) if d.response.event == community.event.id => Some(d),
        _ => None,
    };
    dispatcher.dispatch(Action::Booted {
        community: Box::new(community),
        draft: draft.map(Box::new),
        unreadable,
    });
    if let Some(p) = problem {
        dispatcher.dispatch(Action::StorageProblem(p));
    }
    let persisted = lifecycle::is_persisted().await;
    dispatcher.dispatch(Action::Persisted(persisted));
}

/// Saves the draft shortly after each committed edit, and at once when the
/// page is hidden or unloaded.
#[hook]
fn use_draft_saving(state: &UseReducerHandle<StateCell>, repo: &Rc<RefCell<Option<Repo>>>) {
    // The newest unsaved draft (Some(None) = "delete the stored draft").
    let pending = use_mut_ref(|| None::<Option<Rc<Draft>>>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let flush = {
        let pending = pending.clone();
        let timer = timer.clone();
        let repo = repo.clone();
        let dispatcher = state.dispatcher();
        Rc::new(move || {
            timer.borrow_mut().take();
            let Some(value) = pending.borrow_mut().take() else {
                return;
            };
            let Some(repo) = repo.borrow().clone() else {
                return;
            };
            let dispatcher = dispatcher.clone();
            spawn_local(async move {
                let result = match &value {
                    Some(draft) => repo.save_draft(DRAFT_KEY, draft.as_ref()).await,
                    None => repo.clear_draft(DRAFT_KEY).await,
                };
                match result {
                    Ok(()) => dispatcher.dispatch(Action::Saved),
                    Err(e) => dispatcher.dispatch(Action::StorageProblem(health(&e))),
                }
            });
        })
    };
    {
        let flush = flush.clone();
        use_effect_with((), move |_| {
            let listeners = lifecycle::on_hide(move || flush());
            move || drop(listeners)
        });
    }
    let rev = state.0.draft_rev;
    let ready = state.0.boot == super::app_state::Boot::Ready;
    let writable = state.0.storage.can_write();
    let draft = state.0.draft.clone();
    use_effect_with(rev, move |rev| {
        if *rev > 0 && ready && writable {
            let forget = draft.is_none();
            *pending.borrow_mut() = Some(draft);
            if forget {
                // A resident left: their stored draft goes now, not after a debounce.
                flush();
            } else {
                let f = flush.clone();
                *timer.borrow_mut() = Some(Timeout::new(SAVE_DEBOUNCE_MS, move || f()));
            }
        }
        || ()
    });
}

/// Saves the event set-up and decision logs whenever they change.
#[hook]
fn use_meta_saving(state: &UseReducerHandle<StateCell>, repo: &Rc<RefCell<Option<Repo>>>) {
    let rev = state.0.meta_rev;
    let community = state.0.community.clone();
    let writable = state.0.storage.can_write();
    let repo = repo.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(rev, move |rev| {
        if *rev > 0 && writable {
            if let Some(repo) = repo.borrow().clone() {
                spawn_local(async move {
                    match repo.save_meta(&community).await {
                        Ok(()) => tabs::announce_change(),
                        Err(e) => dispatcher.dispatch(Action::StorageProblem(health(&e))),
                    }
                });
            }
        }
        || ()
    });
}

/// Saves this device's kiosk settings whenever they change.
#[hook]
fn use_kiosk_saving(state: &UseReducerHandle<StateCell>, repo: &Rc<RefCell<Option<Repo>>>) {
    let rev = state.0.kiosk_rev;
    let kiosk = state.0.kiosk.clone();
    let repo = repo.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(rev, move |rev| {
        if *rev > 0 {
            save_device_value(&repo, dispatcher, move |repo| async move {
                repo.save_kiosk(&kiosk).await
            });
        }
        || ()
    });
}

/// Writes one of this device's own values (kiosk settings, hand-over keys)
/// in the background; a failure shows as the storage banner.
pub(super) fn save_device_value<F, Fut>(
    repo: &Rc<RefCell<Option<Repo>>>,
    dispatcher: UseReducerDispatcher<StateCell>,
    save: F,
) where
    F: FnOnce(Repo) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<(), RepoError>> + 'static,
{
    if let Some(repo) = repo.borrow().clone() {
        spawn_local(async move {
            if let Err(e) = save(repo).await {
                dispatcher.dispatch(Action::StorageProblem(health(&e)));
            }
        });
    }
}
