//! Work that runs off the main thread: the message protocol between the page
//! and the web worker (`src/bin/weave-worker.rs`), and the [`Runner`] that
//! drives jobs in small steps. Pure and serde-only, so superseding,
//! cancellation, progress and chunking are all tested natively; the browser
//! glue (`platform::worker`) only moves these messages and schedules steps.
//!
//! One worker binary serves every kind of job, so the page can run several
//! instances of it at once (say one for analysis, one for a live layout)
//! from the same script and wasm file.
//!
//! # The protocol
//! The page sends [`Request`]s: `Start` a [`Job`] on a [`Lane`], or `Cancel`
//! one. A job started on a lane **supersedes** the job still running on the
//! same lane of that worker: the older one stops at once with
//! [`Stop::Superseded`]. Jobs on different lanes run side by side, a step of
//! each in turn. The worker answers with [`Reply`]s: `Progress`, `Output`
//! (`last: false` when a better result follows), `Stopped` and `Failed`.
//! Every reply names its job, so callers ignore replies of jobs they have
//! given up on.
//!
//! A [`Task`] does a bounded slice of work per [`Task::step`] (a few to a few
//! tens of milliseconds), so the worker reads new requests in between:
//! cancelling or superseding takes effect within one step.
//!
//! # Adding a job
//! 1. Write the job in its own module here (`core/jobs/<name>.rs`): an input
//!    type and an output type (serde), and a type implementing [`Task`] whose
//!    `step` does one slice of work and pushes [`Emit`]s (progress, outputs).
//! 2. Add one variant to [`Job`] (the input) and one to [`Output`], and one
//!    arm to [`Job::into_task`]. Nothing else in the worker changes.
//! 3. On the page: `platform::worker::WorkerHandle::start(lane, Job::Yours(..),
//!    on_reply)`; test the task natively by driving a [`Runner`].

pub mod analysis;
pub mod import;
pub mod layout;
pub mod matching;
pub mod network_wire;
pub mod report_wire;
pub mod warm_up;

use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

pub use analysis::{AnalysisJob, AnalysisTask, AnalysisUpdate, Refinement, Subject};

/// Names one job; chosen by the page, unique per worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct JobId(pub u64);

/// A queue of work on one worker: a new job on a lane supersedes the old one.
/// The page names its lanes (e.g. `"community"`, `"export"`, `"layout"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Lane(pub String);

impl Lane {
    pub fn new(name: &str) -> Self {
        Lane(name.to_string())
    }
}

/// Every kind of job the worker runs, with its input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Job {
    /// Network analysis of a community or a network.
    Analysis(AnalysisJob),
    /// Reading a file the facilitator picked or dropped, for its preview.
    Import(import::ImportJob),
    /// The play-back's live ForceAtlas2 layout, streaming positions.
    Layout(crate::core::playback::layout_job::LayoutInput),
    /// Match suggestions for a community's named people.
    Matching(matching::MatchingJob),
}

impl Job {
    /// The task that does this job (cheap: the work starts in its first step).
    pub fn into_task(self) -> Box<dyn Task> {
        match self {
            Job::Analysis(job) => Box::new(AnalysisTask::new(job)),
            Job::Matching(job) => Box::new(matching::MatchingTask::new(job)),
            Job::Import(job) => Box::new(import::ImportTask::new(job)),
            Job::Layout(input) => Box::new(layout::LayoutTask::new(input)),
        }
    }
}

/// Every kind of result a job posts back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Output {
    Analysis(Box<AnalysisUpdate>),
    Import(Box<import::ImportOutcome>),
    Layout(crate::core::playback::layout_job::LayoutUpdate),
    Matching(Box<matching::MatchingOutput>),
}

/// What a job is doing, for progress indicators (each has an i18n key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading the input, building networks.
    Preparing,
    /// Degrees, centralities, cohesion, communities, brokerage.
    Metrics,
    /// Betweenness from a sample of sources: the quick full picture.
    Sampling,
    /// Exact shortest-path metrics, refining the sampled ones.
    Refining,
    /// Finding and scoring pairs of named people who may be one person.
    Matching,
}

impl Stage {
    /// The i18n key of the stage's progress text.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Preparing => "analysis-stage-preparing",
            Stage::Metrics => "analysis-stage-metrics",
            Stage::Sampling => "analysis-stage-sampling",
            Stage::Refining => "analysis-stage-refining",
            Stage::Matching => "match-stage-matching",
        }
    }
}

/// Progress is worth showing (the screens listening re-render) at most this
/// often, in ms, and at once when a stage starts: the worker reports up to ~100
/// steps a stage, and each re-rendered the whole play-back screen (in the
/// first second of a 2,000-node play-back, ~125 ms of the page's thread).
pub const PROGRESS_EVERY_MS: f64 = 200.0;

/// Whether progress in `stage` at `now` is shown, the last shown being
/// `last` (its stage and time).
pub fn shows_progress(last: Option<(Stage, f64)>, stage: Stage, now: f64) -> bool {
    last.is_none_or(|(s, at)| s != stage || now - at >= PROGRESS_EVERY_MS)
}

/// How far a job has come: `done` of `total` units of its current stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub stage: Stage,
    pub done: u64,
    pub total: u64,
}

impl Progress {
    /// Share of the stage done, in 0..=1 (1 for an empty stage).
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            (self.done.min(self.total) as f64) / self.total as f64
        }
    }
}

/// What the page sends to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Starts `job`, superseding the job running on `lane`.
    Start {
        id: JobId,
        lane: Lane,
        job: Box<Job>,
    },
    /// Stops a job; unknown or finished jobs are ignored.
    Cancel { id: JobId },
    /// Asks how the worker is doing (answered by the browser glue, which
    /// alone can see the wasm memory; the runner ignores it).
    Stats { id: JobId },
    /// Runs [`warm_up::in_worker`] now, so the first analysis, layout and
    /// picture run optimised: sent once, to the analysis worker (the layout,
    /// paint, import and matching workers started later share its optimised
    /// code). No reply (a `Stats` sent after it is answered once it is
    /// done); the runner ignores it.
    WarmUp,
}

/// Why a job stopped before its last output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stop {
    Cancelled,
    /// A newer job on the same lane took its place.
    Superseded {
        by: JobId,
    },
}

/// What the worker sends back; every reply names its job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    Progress {
        id: JobId,
        progress: Progress,
    },
    /// A result; `last: false` means a better one follows.
    Output {
        id: JobId,
        output: Output,
        last: bool,
    },
    /// The job stopped early; nothing more comes from it.
    Stopped {
        id: JobId,
        why: Stop,
    },
    /// The job could not be done; nothing more comes from it.
    Failed {
        id: JobId,
        message: String,
    },
    /// The answer to [`Request::Stats`]: the worker's wasm memory now,
    /// which only grows, so it is also its high-water mark.
    Stats {
        id: JobId,
        memory_bytes: u64,
        jobs_running: u32,
        /// Milliseconds the worker has spent on work since it started (its
        /// own clock around each request and step; idle time excluded).
        #[serde(default)]
        busy_ms: f64,
    },
}

impl Reply {
    pub fn id(&self) -> JobId {
        match self {
            Reply::Progress { id, .. }
            | Reply::Output { id, .. }
            | Reply::Stopped { id, .. }
            | Reply::Failed { id, .. }
            | Reply::Stats { id, .. } => *id,
        }
    }

    /// True for the job's final reply.
    pub fn is_final(&self) -> bool {
        match self {
            Reply::Progress { .. } => false,
            Reply::Output { last, .. } => *last,
            Reply::Stopped { .. } | Reply::Failed { .. } | Reply::Stats { .. } => true,
        }
    }
}

/// What a task reports from one step (the runner adds the job id).
#[derive(Debug, Clone, PartialEq)]
pub enum Emit {
    Progress(Progress),
    /// `last: true` ends the job.
    Output {
        output: Output,
        last: bool,
    },
    /// Ends the job.
    Failed(String),
}

/// A job in progress: a state machine advanced one bounded step at a time.
pub trait Task {
    /// Does one slice of work and pushes what to report to `out`. Returns
    /// true while more work remains; a task that returns false has pushed
    /// its last output or a failure.
    fn step(&mut self, out: &mut Vec<Emit>) -> bool;

    /// How the worker paces this job's steps (see [`Pace`]).
    fn pace(&self) -> Pace {
        Pace::FlatOut
    }
}

/// How hard a job may run. Most jobs run flat out; the live layout's first
/// steps, beside the play-back's first pictures and its analysis, rest
/// between steps on a small machine, so the painter, the page and the
/// browser's compositor keep the cores they need for every frame (on 2
/// cores, with the layout running flat out beside the painter and the
/// analysis, the page's thread got a fifth of the time in the first half
/// second, and frames dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pace {
    #[default]
    FlatOut,
    BesideThePicture,
}

/// Cores the picture needs for itself: the painter, the page's thread and
/// the compositor, measured while 2,000 people were laid out (CDP trace).
const PICTURE_CORES: f64 = 1.5;
/// The least share of a core a paced job keeps, however small the machine.
const LEAST_SHARE: f64 = 0.34;

impl Pace {
    /// The share of one core this job's steps take on a machine with
    /// `cores` logical cores (1: flat out).
    pub fn share(self, cores: u32) -> f64 {
        match self {
            Pace::FlatOut => 1.0,
            Pace::BesideThePicture => (f64::from(cores) - PICTURE_CORES).clamp(LEAST_SHARE, 1.0),
        }
    }

    /// How long to rest after a step that took `spent_ms`, so the job keeps
    /// to its [`share`](Pace::share).
    pub fn rest_ms(self, spent_ms: f64, cores: u32) -> f64 {
        let share = self.share(cores);
        if share >= 1.0 || !spent_ms.is_finite() || spent_ms <= 0.0 {
            0.0
        } else {
            spent_ms * (1.0 / share - 1.0)
        }
    }
}

struct Running {
    id: JobId,
    lane: Lane,
    task: Box<dyn Task>,
}

/// Runs jobs a step at a time, one lane after another, applying the
/// superseding and cancelling rules of the protocol.
///
/// # Example
/// ```
/// use weave::core::jobs::{Job, JobId, Lane, Reply, Request, Runner};
/// use weave::core::jobs::analysis::{AnalysisJob, Subject};
/// use weave::core::network::Network;
/// let mut runner = Runner::default();
/// let job = Job::Analysis(AnalysisJob::new(Subject::network(Network::new(false))));
/// runner.handle(Request::Start { id: JobId(1), lane: Lane::new("a"), job: Box::new(job) });
/// let mut replies = Vec::new();
/// while !runner.is_idle() {
///     replies.extend(runner.step());
/// }
/// assert!(matches!(replies.last(), Some(Reply::Output { last: true, .. })));
/// ```
#[derive(Default)]
pub struct Runner {
    running: VecDeque<Running>,
    /// The pace of the job stepped last.
    last_pace: Pace,
}

impl Runner {
    /// Takes a request; returns the replies it causes at once (stops).
    pub fn handle(&mut self, request: Request) -> Vec<Reply> {
        match request {
            Request::Start { id, lane, job } => {
                let mut replies = Vec::new();
                self.running.retain(|r| {
                    let keep = r.lane != lane && r.id != id;
                    if !keep {
                        replies.push(Reply::Stopped {
                            id: r.id,
                            why: Stop::Superseded { by: id },
                        });
                    }
                    keep
                });
                self.running.push_back(Running {
                    id,
                    lane,
                    task: (*job).into_task(),
                });
                replies
            }
            Request::Cancel { id } => {
                let before = self.running.len();
                self.running.retain(|r| r.id != id);
                if self.running.len() < before {
                    vec![Reply::Stopped {
                        id,
                        why: Stop::Cancelled,
                    }]
                } else {
                    Vec::new()
                }
            }
            Request::Stats { .. } | Request::WarmUp => Vec::new(),
        }
    }

    /// Advances the next job by one step (round robin over lanes).
    pub fn step(&mut self) -> Vec<Reply> {
        let Some(mut r) = self.running.pop_front() else {
            return Vec::new();
        };
        let mut emitted = Vec::new();
        self.last_pace = r.task.pace();
        let more = r.task.step(&mut emitted);
        let mut ended = false;
        let id = r.id;
        let mut replies: Vec<Reply> = emitted
            .into_iter()
            .filter_map(|e| {
                if ended {
                    return None;
                }
                Some(match e {
                    Emit::Progress(progress) => Reply::Progress { id, progress },
                    Emit::Output { output, last } => {
                        ended = last;
                        Reply::Output { id, output, last }
                    }
                    Emit::Failed(message) => {
                        ended = true;
                        Reply::Failed { id, message }
                    }
                })
            })
            .collect();
        if more && !ended {
            self.running.push_back(r);
        } else if !ended {
            replies.push(Reply::Failed {
                id,
                message: "the job ended without a result".into(),
            });
        }
        replies
    }

    /// How long the worker rests after the last step, which took
    /// `spent_ms`, on a machine with `cores` cores (see [`Pace`]).
    pub fn rest_after(&self, spent_ms: f64, cores: u32) -> f64 {
        if self.is_idle() {
            0.0
        } else {
            self.last_pace.rest_ms(spent_ms, cores)
        }
    }

    /// True when no job is running.
    pub fn is_idle(&self) -> bool {
        self.running.is_empty()
    }

    /// The jobs running, in the order they will be stepped.
    pub fn running(&self) -> Vec<JobId> {
        self.running.iter().map(|r| r.id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_beside_the_picture_leaves_small_machines_a_core_for_it() {
        let paced = Pace::BesideThePicture;
        // 2 cores: the picture keeps 1.5 of them, so the job rests as long
        // as it worked (half a core).
        assert_eq!(paced.share(2), 0.5);
        assert_eq!(paced.rest_ms(20.0, 2), 20.0);
        // 1 core: a third of it at least, never nothing.
        assert!((paced.rest_ms(10.0, 1) - 10.0 * (1.0 / LEAST_SHARE - 1.0)).abs() < 1e-9);
        // 4 cores and more: flat out.
        assert_eq!(paced.rest_ms(20.0, 4), 0.0);
        assert_eq!(Pace::FlatOut.rest_ms(20.0, 1), 0.0);
        // A clock that did not move, or went back, asks for no rest.
        assert_eq!(paced.rest_ms(0.0, 2), 0.0);
        assert_eq!(paced.rest_ms(-3.0, 2), 0.0);
        assert_eq!(paced.rest_ms(f64::NAN, 2), 0.0);
    }

    #[test]
    fn the_runner_rests_after_a_starting_layout_step_only() {
        use crate::core::jobs::analysis::{AnalysisJob, Subject};
        use crate::core::network::Network;
        use crate::core::playback::layout_job::LayoutInput;
        use crate::core::playback::scene::SceneOptions;
        use crate::core::playback::{generate, LiveLayout, Scene};
        let (net, order) = generate::people(60, 180, 1);
        let scene = Scene::from_networks(&net, None, &order, &SceneOptions::default());
        let mut live = LiveLayout::new();
        live.set_scene(&scene);
        let layout = Job::Layout(LayoutInput {
            generation: 1,
            x: live.x().to_vec(),
            y: live.y().to_vec(),
            edges: live.edges().clone(),
        });
        let mut analysis_net = Network::new(false);
        for i in 0..30 {
            analysis_net.add_node(i.to_string(), None, Default::default());
        }
        let analysis = Job::Analysis(AnalysisJob::new(Subject::network(analysis_net)));
        let mut runner = Runner::default();
        let start = |id, lane: &str, job| Request::Start {
            id: JobId(id),
            lane: Lane::new(lane),
            job: Box::new(job),
        };
        runner.handle(start(1, "layout", layout));
        runner.handle(start(2, "analysis", analysis));
        runner.step(); // a slice of the layout
        assert_eq!(runner.rest_after(12.0, 2), 12.0);
        assert_eq!(runner.rest_after(12.0, 8), 0.0);
        runner.step(); // a slice of the analysis
        assert_eq!(runner.rest_after(12.0, 2), 0.0);

        // Nothing left to run: nothing to rest for.
        runner.handle(Request::Cancel { id: JobId(1) });
        runner.step();
        assert_eq!(runner.rest_after(12.0, 2), 0.0);
    }

    #[test]
    fn progress_shows_at_each_new_stage_and_otherwise_every_so_often() {
        assert!(shows_progress(None, Stage::Preparing, 0.0));
        let shown = Some((Stage::Metrics, 1000.0));
        let soon = 1000.0 + PROGRESS_EVERY_MS - 1.0;
        assert!(!shows_progress(shown, Stage::Metrics, soon));
        assert!(shows_progress(
            shown,
            Stage::Metrics,
            1000.0 + PROGRESS_EVERY_MS
        ));
        assert!(shows_progress(shown, Stage::Sampling, 1001.0));
    }
}
