//! The web worker, both sides, over gloo-worker. The protocol and the job
//! logic live in `core::jobs` (pure, tested natively); this file only moves
//! its messages and schedules its steps.
//!
//! - Page side: [`WorkerHandle::spawn`] starts one instance of the worker
//!   (Trunk builds `src/bin/weave-worker.rs` into `weave-worker.js` and
//!   `weave-worker_bg.wasm`; `static/weave-worker-loader.js` starts them, so
//!   no inline or `blob:` script is needed under the page's CSP, which gloo's
//!   plain `spawn` would need); [`WorkerHandle::start`] posts a
//!   job and calls back with each of its replies; [`WorkerHandle::cancel`].
//!   Several handles are several workers running in parallel, all from the
//!   same files.
//! - Worker side: [`register`] (called by the worker binary) runs a
//!   [`Runner`], a step at a time, yielding to the event loop between steps
//!   through a `MessageChannel` (not `setTimeout`, whose 4 ms clamp would
//!   cost a tenth of the time), so new requests are read between steps. A
//!   paced job's step is followed by a rest (`core::jobs::Pace`), a
//!   `setTimeout` as long as the rest.
//!
//! Messages are JSON strings: every type of the protocol round-trips
//! through JSON (floats exactly), and one string is the cheapest thing to
//! post.

use crate::core::jobs::{Job, JobId, Lane, Reply, Request, Runner};
use gloo::timers::callback::Timeout;
use gloo::worker::{Codec, HandlerId, Registrable, Spawnable, Worker, WorkerBridge, WorkerScope};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The worker's script, next to `index.html` (`static/weave-worker-loader.js`).
pub(crate) const WORKER_SCRIPT: &str = "./weave-worker-loader.js";

/// Encodes every message as one JSON string.
pub struct Json;

impl Codec for Json {
    fn encode<I: Serialize>(input: I) -> JsValue {
        match serde_json::to_string(&input) {
            Ok(text) => JsValue::from_str(&text),
            // Only non-string map keys fail, and the protocol has none.
            Err(e) => panic!("worker message could not be encoded: {e}"),
        }
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let text = input.as_string().unwrap_or_default();
        match serde_json::from_str(&text) {
            Ok(value) => value,
            // Both ends are one build of this crate: a mismatch is a bug.
            Err(e) => panic!("worker message could not be decoded: {e}"),
        }
    }
}

/// Wakes the worker up in a fresh task of its event loop.
pub enum Tick {
    Step,
}

/// A zero-delay macrotask: a message to ourselves on a `MessageChannel`.
struct Yielder {
    port: web_sys::MessagePort,
    receiver: web_sys::MessagePort,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Yielder {
    fn new(scope: WorkerScope<WeaveWorker>) -> Option<Self> {
        let channel = web_sys::MessageChannel::new().ok()?;
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
            scope.send_message(Tick::Step);
        });
        let receiver = channel.port1();
        receiver.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Self {
            port: channel.port2(),
            receiver,
            _on_message: on_message,
        })
    }

    fn wake(&self) -> bool {
        self.port.post_message(&JsValue::NULL).is_ok()
    }
}

impl Drop for Yielder {
    /// The page dropped its last handle: gloo drops the worker and closes
    /// it, but a wake-up already posted can still arrive. Unhooked first,
    /// it finds no handler, instead of the dropped closure (which threw
    /// "closure invoked recursively or after being dropped" in the page).
    fn drop(&mut self) {
        self.receiver.set_onmessage(None);
        self.receiver.close();
        self.port.close();
    }
}

/// The worker: a [`Runner`] and who asked for each job.
pub struct WeaveWorker {
    runner: Runner,
    owners: HashMap<JobId, HandlerId>,
    yielder: Option<Yielder>,
    /// A step is already scheduled.
    awake: bool,
    /// The rest after a paced job's step (see `core::jobs::Pace`): the
    /// next step is scheduled when it ends.
    resting: Option<Timeout>,
    /// Logical cores of this machine (`navigator.hardwareConcurrency`).
    cores: u32,
    /// Milliseconds spent handling requests and stepping jobs (encoding
    /// their replies included) since the worker started: the time the
    /// worker's thread was busy with work, measured in the worker itself.
    busy_ms: f64,
}

/// Logical cores (`navigator.hardwareConcurrency`; 2 if unknown).
fn worker_cores() -> u32 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator"))
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("hardwareConcurrency")))
        .ok()
        .and_then(|c| c.as_f64())
        .filter(|c| *c >= 1.0)
        .map_or(2, |c| c.min(f64::from(u32::MAX)) as u32)
}

/// The worker's own clock (`self.performance.now()`; no `window` here).
fn worker_now() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .filter(|p| !p.is_undefined())
        .map_or(0.0, |p| p.unchecked_into::<web_sys::Performance>().now())
}

impl WeaveWorker {
    fn deliver(&mut self, scope: &WorkerScope<Self>, replies: Vec<Reply>) {
        for reply in replies {
            let id = reply.id();
            let owner = if reply.is_final() {
                self.owners.remove(&id)
            } else {
                self.owners.get(&id).copied()
            };
            if let Some(owner) = owner {
                scope.respond(owner, reply);
            }
        }
    }

    /// Schedules the next step, after `rest_ms` if the job rests.
    fn schedule(&mut self, scope: &WorkerScope<Self>, rest_ms: f64) {
        if self.awake || self.runner.is_idle() {
            return;
        }
        self.awake = true;
        if rest_ms >= 1.0 {
            let scope = scope.clone();
            self.resting = Some(Timeout::new(rest_ms.round() as u32, move || {
                scope.send_message(Tick::Step);
            }));
            return;
        }
        let woken = self.yielder.as_ref().is_some_and(Yielder::wake);
        if !woken {
            // No MessageChannel: fall back to the microtask queue (requests
            // then wait for the job to end, but the job still runs).
            scope.send_message(Tick::Step);
        }
    }
}

impl Worker for WeaveWorker {
    type Message = Tick;
    type Input = Request;
    type Output = Reply;

    fn create(scope: &WorkerScope<Self>) -> Self {
        Self {
            runner: Runner::default(),
            owners: HashMap::new(),
            yielder: Yielder::new(scope.clone()),
            awake: false,
            resting: None,
            cores: worker_cores(),
            busy_ms: 0.0,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, _tick: Tick) {
        let t0 = worker_now();
        self.awake = false;
        if let Some(rest) = self.resting.take() {
            // It fired (this step is its callback): nothing to cancel, and
            // its closure is not dropped while it runs.
            let _ = rest.forget();
        }
        let replies = self.runner.step();
        self.deliver(scope, replies);
        let spent = worker_now() - t0;
        self.schedule(scope, self.runner.rest_after(spent, self.cores));
        self.busy_ms += spent;
    }

    fn received(&mut self, scope: &WorkerScope<Self>, request: Request, who: HandlerId) {
        let t0 = worker_now();
        match &request {
            Request::Start { id, .. } => {
                self.owners.insert(*id, who);
            }
            Request::Stats { id } => {
                let stats = Reply::Stats {
                    id: *id,
                    memory_bytes: wasm_memory_bytes(),
                    jobs_running: self.runner.running().len() as u32,
                    busy_ms: self.busy_ms,
                };
                scope.respond(who, stats);
                return;
            }
            Request::WarmUp => {
                // Tens of milliseconds once, so the first real analysis,
                // layout and picture run optimised (in this worker and in
                // the workers started from the same script later).
                let _ = crate::core::jobs::warm_up::in_worker();
                self.busy_ms += worker_now() - t0;
                return;
            }
            Request::Cancel { .. } => {}
        }
        let replies = self.runner.handle(request);
        self.deliver(scope, replies);
        self.schedule(scope, 0.0);
        self.busy_ms += worker_now() - t0;
    }

    fn disconnected(&mut self, scope: &WorkerScope<Self>, who: HandlerId) {
        let orphans: Vec<JobId> = self
            .owners
            .iter()
            .filter(|(_, owner)| **owner == who)
            .map(|(id, _)| *id)
            .collect();
        for id in orphans {
            self.owners.remove(&id);
            let replies = self.runner.handle(Request::Cancel { id });
            self.deliver(scope, replies);
        }
    }
}

/// The size of this thread's wasm memory (`WebAssembly.Memory` buffer).
pub fn wasm_memory_bytes() -> u64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0, |b| u64::from(b.byte_length()))
}

/// Runs the worker in this (worker) global scope; the worker binary's main.
pub fn register() {
    console_error_panic_hook::set_once();
    WeaveWorker::registrar().encoding::<Json>().register();
}

type Listener = Rc<dyn Fn(Reply)>;

/// One running instance of the worker, seen from the page. Dropping the
/// handle stops the worker and every job in it.
pub struct WorkerHandle {
    bridge: WorkerBridge<WeaveWorker>,
    listeners: Rc<RefCell<HashMap<JobId, Listener>>>,
    next: Cell<u64>,
}

impl WorkerHandle {
    /// Starts a new worker (its script and wasm load in the background;
    /// jobs posted meanwhile wait for it).
    pub fn spawn() -> WorkerHandle {
        let listeners: Rc<RefCell<HashMap<JobId, Listener>>> = Rc::default();
        let route = listeners.clone();
        let bridge = WeaveWorker::spawner()
            .callback(move |reply: Reply| {
                let id = reply.id();
                let listener = if reply.is_final() {
                    route.borrow_mut().remove(&id)
                } else {
                    route.borrow().get(&id).cloned()
                };
                if let Some(listener) = listener {
                    listener(reply);
                }
            })
            .encoding::<Json>()
            .spawn_with_loader(WORKER_SCRIPT);
        WorkerHandle {
            bridge,
            listeners,
            next: Cell::new(1),
        }
    }

    /// Posts `job` on `lane` (superseding the lane's running job, whose
    /// listener then hears `Stopped`); `on_reply` hears every reply of it.
    pub fn start(&self, lane: &str, job: Job, on_reply: impl Fn(Reply) + 'static) -> JobId {
        let id = JobId(self.next.get());
        self.next.set(id.0 + 1);
        self.listeners.borrow_mut().insert(id, Rc::new(on_reply));
        self.bridge.send(Request::Start {
            id,
            lane: Lane::new(lane),
            job: Box::new(job),
        });
        id
    }

    /// Stops a job; its listener is dropped at once and hears nothing more.
    pub fn cancel(&self, id: JobId) {
        self.listeners.borrow_mut().remove(&id);
        self.bridge.send(Request::Cancel { id });
    }

    /// A worker started and asked to warm up (see [`Request::WarmUp`])
    /// before its first job arrives: the analysis worker, and the spare
    /// layout worker (`platform::spare_workers`).
    pub fn spawn_warmed() -> WorkerHandle {
        let handle = WorkerHandle::spawn();
        handle.bridge.send(Request::WarmUp);
        handle
    }

    /// Asks the worker for its [`Reply::Stats`] (its wasm memory).
    pub fn stats(&self, on_reply: impl Fn(Reply) + 'static) {
        let id = JobId(self.next.get());
        self.next.set(id.0 + 1);
        self.listeners.borrow_mut().insert(id, Rc::new(on_reply));
        self.bridge.send(Request::Stats { id });
    }
}
