//! Gives the sociogram's engine a layout worker of its own: a second
//! instance of the app's one worker binary (the analysis runs in another),
//! so the main thread only eases and draws. A new graph starts a layout job
//! on the worker's layout lane, superseding the one running; positions land
//! in the engine's inbox (only the newest is kept). Where no worker answers,
//! the engine lays out on the main thread after a timeout.

use super::engine::{EngineHandle, LayoutLink};
use crate::core::jobs::{Job, JobId, Output, Reply};
use crate::core::playback::layout_job::LayoutRequest;
use crate::platform::render::frames;
use crate::platform::spare_workers;
use crate::platform::worker::WorkerHandle;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The worker lane layout jobs run on.
const LANE: &str = "layout";

fn link(handle: Rc<WorkerHandle>) -> LayoutLink {
    let inbox = Rc::new(RefCell::new(None));
    let current: Rc<Cell<Option<JobId>>> = Rc::new(Cell::new(None));
    let to_inbox = inbox.clone();
    let send = move |request: LayoutRequest| match request {
        LayoutRequest::Graph(input) => {
            let inbox = to_inbox.clone();
            let id = handle.start(LANE, Job::Layout(input), move |reply| {
                if let Reply::Output {
                    output: Output::Layout(update),
                    ..
                } = reply
                {
                    *inbox.borrow_mut() = Some(update);
                }
            });
            current.set(Some(id));
        }
        LayoutRequest::Stop => {
            if let Some(id) = current.take() {
                handle.cancel(id);
            }
        }
    };
    LayoutLink {
        send: Rc::new(send),
        inbox,
    }
}

/// Gives `engine`'s layout a worker of its own while the component is
/// mounted, from when the returned callback is called (until then the
/// engine shows its starting positions). A call, not a state change: a
/// re-render of the play-back screen there held the page for a frame or
/// two.
#[hook]
pub fn use_layout_worker(engine: &EngineHandle) -> Callback<()> {
    // The worker, once started; `None` inside once the component is gone
    // (a call after that, from a task already queued, starts nothing:
    // a worker started then was dropped before it loaded, and its first
    // message reached a dropped closure).
    let running = use_mut_ref(|| Some(None::<Rc<WorkerHandle>>));
    {
        let running = running.clone();
        use_effect_with(engine.clone(), move |engine| {
            let engine = engine.clone();
            engine.0.borrow_mut().await_worker(frames::now());
            move || {
                if running.borrow_mut().take().flatten().is_some() {
                    engine.0.borrow_mut().stop_worker();
                }
            }
        });
    }
    let engine = engine.clone();
    Callback::from(move |()| {
        let mut slot = running.borrow_mut();
        let Some(current @ None) = slot.as_mut() else {
            return; // started already, or unmounted
        };
        let handle = Rc::new(spare_workers::runner());
        engine
            .0
            .borrow_mut()
            .use_worker(link(handle.clone()), frames::now());
        *current = Some(handle);
    })
}
