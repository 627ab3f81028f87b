//! The analysis every screen reads, computed in the web worker: a provider
//! that owns one analysis worker for the whole app, and the
//! [`use_analysis`] hook. Screens asking for the same job share one result
//! (the facilitator overview and the play-back both read the community's),
//! a changed community supersedes the job still running for it, and the
//! last result stays on screen, marked as updating, until the next arrives.
//!
//! A watchdog listens for the worker while it has work: a worker that has
//! said nothing for a while is asked how it is, and one that still says
//! nothing (it crashed, hung or never loaded) counts as lost: every lane it
//! had work for then shows [`AnalysisFailure::WorkerLost`] with a retry that
//! starts a fresh worker (so does the next job asked for). Should the old
//! worker speak again after all, its lanes simply carry on. Nothing on
//! screen waits for it meanwhile.

use crate::core::jobs::{
    shows_progress, AnalysisJob, AnalysisUpdate, Job, JobId, Output, Progress, Reply, Stage,
};
use crate::core::model::Community;
use crate::platform::render::frames;
use crate::platform::worker::WorkerHandle;
use gloo::timers::callback::{Interval, Timeout};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// The lane the event's own analysis runs on.
pub const COMMUNITY_LANE: &str = "community";

/// What a screen shows of one lane's analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnalysisView {
    /// The newest result (of the current job, or of the one before it).
    pub latest: Option<Rc<AnalysisUpdate>>,
    /// Set while a job runs: its stage and how far it is.
    pub progress: Option<Progress>,
    /// True when `latest` is a result of the job last asked for.
    pub current: bool,
    /// Why the last job failed, if it did.
    pub failed: Option<AnalysisFailure>,
}

/// Why a lane has no fresh result.
#[derive(Debug, Clone, PartialEq)]
pub enum AnalysisFailure {
    /// The job itself could not be done (the worker's own words).
    Job(String),
    /// The worker stopped answering: it crashed, hung or never started.
    WorkerLost,
}

/// How often the watchdog looks (ms).
const WATCH_EVERY_MS: u32 = 1_000;
/// Silence after which the watchdog asks the worker how it is (ms).
const PING_AFTER_MS: f64 = 3_000.0;
/// Silence after which the worker counts as lost (ms), once it has also
/// left [`UNANSWERED_PINGS`] pings unanswered. A worker's steps are bounded
/// to a few tens of milliseconds, so only a dead or stuck worker (or one
/// whose files never loaded) is silent this long.
const LOST_AFTER_MS: f64 = 15_000.0;
/// The same for a worker that has not answered yet: loading and compiling
/// its files on a busy machine can take a while.
const NEVER_STARTED_AFTER_MS: f64 = 60_000.0;
/// Pings, each sent on its own watchdog tick, that a lost worker has left
/// unanswered: a page too busy to run its timers (a big sociogram drawn in
/// software) has then also had time to read any reply already sent.
const UNANSWERED_PINGS: u32 = 3;
/// A watchdog tick this late means the page itself was suspended (a hidden
/// tab, a sleeping laptop): silence so far is not counted.
const PAGE_STALL_MS: f64 = 10_000.0;

#[derive(Default)]
struct LaneState {
    asked: Option<AnalysisJob>,
    /// What the screen that asked last made `asked` of (its hook's deps),
    /// so a screen opened again can tell, before it asks, whether the
    /// lane's result is of what it shows.
    asked_for: Option<Rc<dyn Any>>,
    job: Option<JobId>,
    generation: u64,
    latest: Option<Rc<AnalysisUpdate>>,
    latest_generation: u64,
    progress: Option<Progress>,
    failed: Option<AnalysisFailure>,
    listeners: Vec<(u64, Callback<()>)>,
    /// The stage of the progress last shown, and when (page clock).
    progress_shown: Option<(Stage, f64)>,
}

impl LaneState {
    /// The worker was given up too soon: it is still working on this lane.
    fn clear_lost(&mut self) {
        if self.failed == Some(AnalysisFailure::WorkerLost) {
            self.failed = None;
        }
    }

    fn view(&self) -> AnalysisView {
        AnalysisView {
            latest: self.latest.clone(),
            progress: self.progress,
            current: self.latest.is_some() && self.latest_generation == self.generation,
            failed: self.failed.clone(),
        }
    }
}

#[derive(Default)]
struct Inner {
    worker: RefCell<Option<Rc<WorkerHandle>>>,
    lanes: RefCell<HashMap<&'static str, LaneState>>,
    next_token: RefCell<u64>,
    /// When the worker last said anything (ms, page clock).
    heard: Cell<f64>,
    /// Pings sent since then.
    unanswered: Cell<u32>,
    /// The current worker has answered at least once.
    started: Cell<bool>,
    /// The watchdog has given the current worker up.
    lost: Cell<bool>,
    /// When the watchdog last ran.
    watched: Cell<f64>,
    watchdog: RefCell<Option<Interval>>,
}

impl Inner {
    /// The worker has just said something (or silence starts now).
    fn hear(&self) {
        self.heard.set(frames::now());
        self.unanswered.set(0);
    }
}

/// The app's analysis worker and the latest result of each lane.
#[derive(Clone, Default)]
pub struct AnalysisService(Rc<Inner>);

impl PartialEq for AnalysisService {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl AnalysisService {
    /// The worker, started on first use.
    fn worker(&self) -> Rc<WorkerHandle> {
        self.0
            .worker
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(WorkerHandle::spawn_warmed()))
            .clone()
    }

    /// Starts the worker if it is not running, and calls `done` once it has
    /// warmed up (its answer to a `Stats` sent after the warm-up request,
    /// which the worker handles in order).
    pub fn warm_up(&self, done: impl Fn() + 'static) {
        self.worker().stats(move |_| done());
    }

    /// Runs `job` on `lane` unless it is the job the lane already has.
    pub fn request(&self, lane: &'static str, job: AnalysisJob) {
        let generation = {
            let mut lanes = self.0.lanes.borrow_mut();
            let state = lanes.entry(lane).or_default();
            if state.asked.as_ref() == Some(&job) {
                return;
            }
            state.asked = Some(job.clone());
            state.generation += 1;
            state.failed = None;
            state.progress_shown = None;
            state.progress = Some(Progress {
                stage: Stage::Preparing,
                done: 0,
                total: 1,
            });
            state.generation
        };
        if self.0.lost.get() {
            self.replace_worker();
        }
        if !self.busy() {
            // Silence is counted from the first job on.
            self.0.hear();
        }
        self.watch();
        let weak: Weak<Inner> = Rc::downgrade(&self.0);
        let id = self.worker().start(lane, Job::Analysis(job), move |reply| {
            if let Some(inner) = weak.upgrade() {
                inner.hear();
                inner.started.set(true);
                inner.lost.set(false);
                AnalysisService(inner).on_reply(lane, generation, reply);
            }
        });
        if let Some(state) = self.0.lanes.borrow_mut().get_mut(lane) {
            state.job = Some(id);
        }
        self.notify(lane);
    }

    fn on_reply(&self, lane: &'static str, generation: u64, reply: Reply) {
        {
            let mut lanes = self.0.lanes.borrow_mut();
            let Some(state) = lanes.get_mut(lane) else {
                return;
            };
            if state.generation != generation {
                return; // a newer job has taken the lane
            }
            match reply {
                Reply::Progress { progress, .. } => {
                    state.progress = Some(progress);
                    state.clear_lost();
                    let now = frames::now();
                    if !shows_progress(state.progress_shown, progress.stage, now) {
                        return; // shown with the next report, or the result
                    }
                    state.progress_shown = Some((progress.stage, now));
                }
                Reply::Output {
                    output: Output::Analysis(update),
                    last,
                    ..
                } => {
                    state.clear_lost();
                    state.latest = Some(Rc::new(*update));
                    state.latest_generation = generation;
                    state.progress_shown = None;
                    if last {
                        state.progress = None;
                        state.job = None;
                    }
                }
                Reply::Stopped { .. } => {
                    state.progress = None;
                    state.job = None;
                }
                Reply::Failed { message, .. } => {
                    state.failed = Some(AnalysisFailure::Job(message));
                    state.progress = None;
                    state.job = None;
                }
                // Other jobs' outputs (imports, layouts) never come to an analysis lane.
                Reply::Stats { .. } | Reply::Output { .. } => return,
            }
        }
        // In a task of its own: decoding a large result is this task's
        // work, and the screens' re-render with it (the play-back rebuilds
        // its scene) then need not fit in the same frame.
        let service = self.clone();
        Timeout::new(0, move || service.notify(lane)).forget();
    }

    /// Some lane has a job running in the worker.
    fn busy(&self) -> bool {
        self.0.lanes.borrow().values().any(|s| s.job.is_some())
    }

    /// Starts the watchdog (once; it idles while no job runs).
    fn watch(&self) {
        if self.0.watchdog.borrow().is_some() {
            return;
        }
        self.0.watched.set(frames::now());
        let weak: Weak<Inner> = Rc::downgrade(&self.0);
        let interval = Interval::new(WATCH_EVERY_MS, move || {
            if let Some(inner) = weak.upgrade() {
                AnalysisService(inner).look();
            }
        });
        *self.0.watchdog.borrow_mut() = Some(interval);
    }

    /// One look of the watchdog: ping a quiet worker, drop a lost one.
    fn look(&self) {
        if self.0.lost.get() {
            return; // until the worker speaks again, or is replaced
        }
        let now = frames::now();
        let stalled = now - self.0.watched.replace(now) > PAGE_STALL_MS;
        if !self.busy() || stalled {
            // Nothing to wait for, or the page itself was not running.
            self.0.hear();
            return;
        }
        let quiet = now - self.0.heard.get();
        let limit = if self.0.started.get() {
            LOST_AFTER_MS
        } else {
            NEVER_STARTED_AFTER_MS
        };
        if quiet > limit && self.0.unanswered.get() >= UNANSWERED_PINGS {
            self.lose_worker();
        } else if quiet > PING_AFTER_MS {
            let weak: Weak<Inner> = Rc::downgrade(&self.0);
            if let Some(worker) = self.0.worker.borrow().as_ref() {
                self.0.unanswered.set(self.0.unanswered.get() + 1);
                worker.stats(move |_| {
                    if let Some(inner) = weak.upgrade() {
                        inner.hear();
                        inner.started.set(true);
                    }
                });
            }
        }
    }

    /// Gives the worker up: every lane it has work for says so (and stops
    /// showing progress); its jobs stay theirs should it answer after all.
    fn lose_worker(&self) {
        self.0.lost.set(true);
        let lost: Vec<&'static str> = {
            let mut lanes = self.0.lanes.borrow_mut();
            lanes
                .iter_mut()
                .filter(|(_, s)| s.job.is_some())
                .map(|(lane, s)| {
                    s.progress = None;
                    s.failed = Some(AnalysisFailure::WorkerLost);
                    *lane
                })
                .collect()
        };
        for lane in lost {
            self.notify(lane);
        }
    }

    /// Drops a lost worker (a fresh one starts with the next job); the jobs
    /// it had die with it, and their lanes keep saying so until retried.
    fn replace_worker(&self) {
        self.0.worker.borrow_mut().take();
        self.0.started.set(false);
        self.0.lost.set(false);
        for state in self.0.lanes.borrow_mut().values_mut() {
            state.job = None;
        }
    }

    /// Runs the lane's last job again (on a fresh worker if the old one was
    /// lost).
    pub fn retry(&self, lane: &'static str) {
        let job = self
            .0
            .lanes
            .borrow_mut()
            .get_mut(lane)
            .and_then(|s| s.asked.take());
        if let Some(job) = job {
            self.request(lane, job);
        }
    }

    fn notify(&self, lane: &'static str) {
        let listeners: Vec<Callback<()>> = self
            .0
            .lanes
            .borrow()
            .get(lane)
            .map(|s| s.listeners.iter().map(|(_, cb)| cb.clone()).collect())
            .unwrap_or_default();
        for cb in listeners {
            cb.emit(());
        }
    }

    fn subscribe(&self, lane: &'static str, cb: Callback<()>) -> u64 {
        let token = {
            let mut t = self.0.next_token.borrow_mut();
            *t += 1;
            *t
        };
        self.0
            .lanes
            .borrow_mut()
            .entry(lane)
            .or_default()
            .listeners
            .push((token, cb));
        token
    }

    fn unsubscribe(&self, lane: &'static str, token: u64) {
        if let Some(state) = self.0.lanes.borrow_mut().get_mut(lane) {
            state.listeners.retain(|(t, _)| *t != token);
        }
    }

    /// Notes that the job last asked on `lane` was made of `deps`.
    fn note_asked_for<D: 'static>(&self, lane: &'static str, deps: D) {
        if let Some(state) = self.0.lanes.borrow_mut().get_mut(lane) {
            state.asked_for = Some(Rc::new(deps));
        }
    }

    /// The job last asked on `lane` was made of `deps`.
    fn was_asked_for<D: PartialEq + 'static>(&self, lane: &'static str, deps: &D) -> bool {
        self.0
            .lanes
            .borrow()
            .get(lane)
            .and_then(|s| s.asked_for.as_ref())
            .and_then(|a| a.downcast_ref::<D>())
            .is_some_and(|a| a == deps)
    }

    pub fn view(&self, lane: &'static str) -> AnalysisView {
        self.0
            .lanes
            .borrow()
            .get(lane)
            .map(LaneState::view)
            .unwrap_or_default()
    }

    /// Runs `job` once on `lane` (e.g. metrics for an export) and hands the
    /// exact result, or why there is none, to `done`.
    pub fn run_once(
        &self,
        lane: &'static str,
        job: AnalysisJob,
        done: impl FnOnce(Result<AnalysisUpdate, String>) + 'static,
    ) {
        let done = RefCell::new(Some(done));
        self.worker().start(lane, Job::Analysis(job), move |reply| {
            let result = match reply {
                Reply::Output {
                    output: Output::Analysis(update),
                    last: true,
                    ..
                } => Ok(*update),
                Reply::Failed { message, .. } => Err(message),
                Reply::Stopped { .. } => Err("the analysis was stopped".into()),
                _ => return,
            };
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        });
    }
}

#[derive(Properties, PartialEq)]
pub struct AnalysisProviderProps {
    pub children: Html,
}

/// Shares one [`AnalysisService`] with everything inside it.
#[function_component(AnalysisProvider)]
pub fn analysis_provider(props: &AnalysisProviderProps) -> Html {
    let service = use_memo((), |_| AnalysisService::default());
    html! {
        <ContextProvider<AnalysisService> context={(*service).clone()}>
            { props.children.clone() }
        </ContextProvider<AnalysisService>>
    }
}

/// The analysis on `lane` of whatever `deps` stand for: `make_job` runs
/// (and the job is posted) when `deps` change; the view re-renders the
/// component as progress and results arrive.
#[hook]
pub fn use_analysis<D, F>(lane: &'static str, deps: D, make_job: F) -> AnalysisView
where
    D: PartialEq + Clone + 'static,
    F: FnOnce(&D) -> AnalysisJob + 'static,
{
    use_analysis_when(lane, true, deps, make_job)
}

/// As [`use_analysis`], but nothing is asked of the worker until `ready`
/// (the play-back shows its first picture before it starts the worker and
/// encodes the job: both cost the page's main thread). Until then the
/// lane's result is `current` only if it is of these `deps` (an earlier
/// visit's result of an event changed since, by a merge say, is not).
#[hook]
pub fn use_analysis_when<D, F>(
    lane: &'static str,
    ready: bool,
    deps: D,
    make_job: F,
) -> AnalysisView
where
    D: PartialEq + Clone + 'static,
    F: FnOnce(&D) -> AnalysisJob + 'static,
{
    let service = use_context::<AnalysisService>();
    let redraw = use_force_update();
    let stale = !ready
        && service
            .as_ref()
            .is_some_and(|s| !s.was_asked_for(lane, &deps));
    {
        let service = service.clone();
        use_effect_with(lane, move |lane| {
            let lane = *lane;
            let token = service
                .as_ref()
                .map(|s| s.subscribe(lane, Callback::from(move |()| redraw.force_update())));
            move || {
                if let (Some(s), Some(t)) = (service, token) {
                    s.unsubscribe(lane, t);
                }
            }
        });
    }
    {
        let service = service.clone();
        use_effect_with((ready, deps), move |(ready, deps)| {
            if let Some(s) = service.filter(|_| *ready) {
                s.request(lane, make_job(deps));
                s.note_asked_for(lane, deps.clone());
            }
        });
    }
    let mut view = service.map(|s| s.view(lane)).unwrap_or_default();
    view.current &= !stale;
    view
}

/// The event's own analysis (people network, exact in the end).
#[hook]
pub fn use_community_analysis(community: Rc<Community>) -> AnalysisView {
    use_analysis(COMMUNITY_LANE, community, |c| AnalysisJob::for_community(c))
}
