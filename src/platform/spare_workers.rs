//! Workers started before they are needed, while the app idles: the
//! play-back's layout worker and paint worker, loaded and warmed while a
//! resident draws, so that the first half second of the play-back does not
//! also start two workers (compiling their code and warming it up). On 2
//! cores, that start-up shared the CPU with the first frames, the analysis
//! and the layout's first steps, and frames were dropped. The play-back
//! takes the spares. When it closes, the app starts new ones once it idles
//! again ([`fill`], from `components::warm_up`).
//!
//! `<html data-spare-workers>` says how many wait (the tests count the
//! page's workers against it).

use crate::platform::render::paint_worker::PaintWorker;
use crate::platform::worker::WorkerHandle;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How often [`fill`] looks whether the spares have started (ms).
const LOOK_EVERY_MS: u32 = 50;
/// How long [`fill`] waits for them at most before it calls back anyway (ms).
const WAIT_AT_MOST_MS: f64 = 10_000.0;

#[derive(Default)]
struct Spares {
    /// A job runner, warmed up; `ready` once it answered.
    runner: Option<(WorkerHandle, Rc<Cell<bool>>)>,
    painter: Option<PaintWorker>,
}

thread_local! {
    static SPARES: RefCell<Spares> = RefCell::default();
}

/// Writes the count, in a task of its own (it is called from frames).
fn show_count() {
    Timeout::new(0, write_count).forget();
}

fn write_count() {
    let count = SPARES.with(|s| {
        let s = s.borrow();
        usize::from(s.runner.is_some()) + usize::from(s.painter.is_some())
    });
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("data-spare-workers", &count.to_string());
    }
}

/// Starts whichever spare is missing, and calls `done` once both have
/// started (or failed to, or after [`WAIT_AT_MOST_MS`]).
pub fn fill(done: impl FnOnce() + 'static) {
    SPARES.with(|s| {
        let mut s = s.borrow_mut();
        if s.runner.is_none() {
            let handle = WorkerHandle::spawn_warmed();
            let ready = Rc::new(Cell::new(false));
            let answered = ready.clone();
            handle.stats(move |_| answered.set(true));
            s.runner = Some((handle, ready));
        }
        if s.painter.is_none() {
            s.painter = PaintWorker::spawn();
        }
    });
    show_count();
    wait(crate::platform::render::frames::now(), Box::new(done));
}

fn wait(since: f64, done: Box<dyn FnOnce()>) {
    let started = SPARES.with(|s| {
        let s = s.borrow();
        let runner = s.runner.as_ref().is_none_or(|(_, ready)| ready.get());
        let painter = s
            .painter
            .as_ref()
            .is_none_or(|p| p.is_ready() || p.has_failed());
        runner && painter
    });
    if started || crate::platform::render::frames::now() - since > WAIT_AT_MOST_MS {
        done();
    } else {
        Timeout::new(LOOK_EVERY_MS, move || wait(since, done)).forget();
    }
}

/// The spare job runner if one waits, else a new one.
pub fn runner() -> WorkerHandle {
    let spare = SPARES.with(|s| s.borrow_mut().runner.take());
    show_count();
    spare.map_or_else(WorkerHandle::spawn, |(handle, _)| handle)
}

/// The spare paint worker if one waits and is well, else a new one (if
/// this browser can paint from a worker at all).
pub fn painter() -> Option<PaintWorker> {
    let spare = SPARES.with(|s| s.borrow_mut().painter.take());
    show_count();
    spare
        .filter(|p| !p.has_failed())
        .or_else(PaintWorker::spawn)
}
