//! The Canvas 2D picture painted off the main thread, both sides: the page
//! hands its canvas to a worker (`transferControlToOffscreen`) and sends it
//! what `core::playback::paint_job` says; the worker paints each picture
//! into its pixel buffer and puts it on that canvas, which the browser
//! shows without the page's thread touching a pixel. The worker is another
//! instance of the app's one worker binary (built for speed), started with
//! the name [`NAME`] so it runs this instead of the job runner.
//!
//! The page keeps one picture with the worker at a time, two when each
//! takes longer than a frame (so the worker has the next one to start on
//! as soon as it puts one on screen): pictures never pile up behind a slow
//! one, the page keeps its own 60 frames a second, and the worker paints
//! as often as it can. The benchmark found the second picture in flight
//! 50% more pictures a second at 20,000 nodes and fewer frames at 2,000.
//! Messages are plain objects: the `paint_job` message as a JSON string, a
//! frame's positions beside it as `Float64Array`s whose buffers are
//! transferred, not copied.

use crate::core::playback::paint_job::{PaintFrame, PaintMessage, PaintReply, Painting};
use js_sys::{Array, Float64Array, Object, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{
    DedicatedWorkerGlobalScope, HtmlCanvasElement, ImageData, MessageEvent, OffscreenCanvas,
    OffscreenCanvasRenderingContext2d, Worker, WorkerOptions,
};

/// The worker's name, which makes the worker binary paint.
pub const NAME: &str = "weave-paint";

fn get(value: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(value, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

fn object(fields: &[(&str, &JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// The page's side: one worker painting one canvas. Dropping it stops the
/// worker.
pub struct PaintWorker {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    failed: Rc<Cell<bool>>,
    replies: Rc<RefCell<Vec<PaintReply>>>,
    /// The canvas was taken from the page (and given to the worker, when
    /// `transferred`).
    took: bool,
    transferred: bool,
    seq: u64,
    in_flight: usize,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl PaintWorker {
    /// True when this browser can paint a page's canvas from a worker.
    pub fn is_supported() -> bool {
        let global = js_sys::global();
        let canvas_can = get(&global, "HTMLCanvasElement")
            .and_then(|c| get(&c, "prototype"))
            .is_some_and(|p| {
                Reflect::has(&p, &"transferControlToOffscreen".into()).unwrap_or(false)
            });
        canvas_can
            && Reflect::has(&global, &"OffscreenCanvasRenderingContext2D".into()).unwrap_or(false)
    }

    /// Starts a paint worker, if this browser can paint a canvas from a
    /// worker; it paints once given a canvas (see
    /// [`PaintWorker::take_canvas`], once it [is ready](PaintWorker::is_ready)).
    pub fn spawn() -> Option<PaintWorker> {
        if !Self::is_supported() {
            return None;
        }
        let options = WorkerOptions::new();
        options.set_name(NAME);
        let worker =
            Worker::new_with_options(crate::platform::worker::WORKER_SCRIPT, &options).ok()?;
        let (ready, failed) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(false)));
        let replies = Rc::new(RefCell::new(Vec::new()));
        let on_message = {
            let (ready, failed, replies) = (ready.clone(), failed.clone(), replies.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                if get(&data, "ready").is_some() {
                    ready.set(true);
                } else if let Some(error) = get(&data, "error") {
                    web_sys::console::warn_2(&"Painting worker failed:".into(), &error);
                    failed.set(true);
                } else if let Some(text) = data.as_string() {
                    match serde_json::from_str::<PaintReply>(&text) {
                        Ok(r) => replies.borrow_mut().push(r),
                        Err(_) => failed.set(true),
                    }
                }
            })
        };
        let on_error = {
            let failed = failed.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                web_sys::console::warn_2(&"Painting worker failed:".into(), &e);
                failed.set(true);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(PaintWorker {
            worker,
            ready,
            failed,
            replies,
            took: false,
            transferred: false,
            seq: 0,
            in_flight: 0,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// The worker has started and listens.
    pub fn is_ready(&self) -> bool {
        self.ready.get()
    }

    /// The worker could not start, or cannot paint.
    pub fn has_failed(&self) -> bool {
        self.failed.get()
    }

    /// Hands `canvas` to the worker for good; false when the browser refused
    /// (the canvas is then still the page's).
    pub fn take_canvas(&mut self, canvas: &HtmlCanvasElement) -> bool {
        let Ok(offscreen) = canvas.transfer_control_to_offscreen() else {
            self.failed.set(true);
            return false;
        };
        self.took = true;
        let message = object(&[("canvas", &offscreen)]);
        let sent = self
            .worker
            .post_message_with_transfer(&message, &Array::of1(&offscreen));
        self.transferred = sent.is_ok();
        // Transferred or not, the canvas cannot be drawn on here any more.
        if !self.transferred {
            self.failed.set(true);
        }
        self.transferred
    }

    /// The page's canvas was taken (it can no longer be drawn on here).
    pub fn took_canvas(&self) -> bool {
        self.took
    }

    /// `depth` pictures (or more) are with the worker.
    pub fn is_busy(&self, depth: usize) -> bool {
        self.in_flight >= depth
    }

    /// Sends a scene, styles or a picture to paint (with its positions).
    pub fn send(&mut self, message: &PaintMessage, positions: Option<(&[f64], &[f64])>) {
        let Ok(text) = serde_json::to_string(message) else {
            return;
        };
        let text = JsValue::from_str(&text);
        let posted = match positions {
            Some((x, y)) => {
                let (x, y) = (Float64Array::from(x), Float64Array::from(y));
                let message = object(&[("json", &text), ("x", &x), ("y", &y)]);
                self.worker
                    .post_message_with_transfer(&message, &Array::of2(&x.buffer(), &y.buffer()))
            }
            None => self.worker.post_message(&object(&[("json", &text)])),
        };
        if posted.is_err() {
            self.failed.set(true);
        }
    }

    /// Sends `frame` to paint with positions `x`, `y` (its number is set
    /// here).
    pub fn paint(&mut self, mut frame: PaintFrame, x: &[f64], y: &[f64]) {
        self.seq += 1;
        frame.seq = self.seq;
        self.in_flight += 1;
        self.send(&PaintMessage::Frame(frame), Some((x, y)));
    }

    /// The worker's answer for the latest picture put on screen since the
    /// last call, with how many were.
    pub fn landed(&mut self) -> Option<(PaintReply, usize)> {
        let mut replies = self.replies.borrow_mut();
        let count = replies.len();
        let last = replies.pop()?;
        replies.clear();
        self.in_flight = self.in_flight.saturating_sub(count);
        Some((last, count))
    }
}

impl Drop for PaintWorker {
    fn drop(&mut self) {
        // Unhooked first: a reply already queued must not reach the
        // handlers dropped with this value.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// True in a worker started as a paint worker.
pub fn is_paint_worker() -> bool {
    js_sys::global()
        .dyn_into::<DedicatedWorkerGlobalScope>()
        .is_ok_and(|scope| scope.name() == NAME)
}

/// The worker's side: the canvas, its context and what paints on it.
#[derive(Default)]
struct Side {
    painting: Painting,
    canvas: Option<(OffscreenCanvas, OffscreenCanvasRenderingContext2d)>,
}

fn now() -> f64 {
    get(&js_sys::global(), "performance")
        .map_or(0.0, |p| p.unchecked_into::<web_sys::Performance>().now())
}

fn opaque_context(canvas: &OffscreenCanvas) -> Option<OffscreenCanvasRenderingContext2d> {
    let options = object(&[("alpha", &false.into())]);
    canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

impl Side {
    /// Handles one message; an answer to post back, if any.
    fn handle(&mut self, data: &JsValue) -> Result<Option<String>, String> {
        if let Some(canvas) = get(data, "canvas") {
            let canvas: OffscreenCanvas = canvas.dyn_into().map_err(|_| "no canvas")?;
            let ctx = opaque_context(&canvas).ok_or("no 2d context on the canvas")?;
            self.canvas = Some((canvas, ctx));
            return Ok(None);
        }
        let text = get(data, "json")
            .and_then(|t| t.as_string())
            .ok_or("unknown message")?;
        let message: PaintMessage = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let Some(frame) = self.painting.take(message) else {
            return Ok(None);
        };
        let started = now();
        let positions = |key| {
            get(data, key)
                .and_then(|v| v.dyn_into::<Float64Array>().ok())
                .map(|a| a.to_vec())
                .unwrap_or_default()
        };
        let (x, y) = (positions("x"), positions("y"));
        let painted = self.painting.paint(&frame, &x, &y);
        let (canvas, ctx) = self.canvas.as_ref().ok_or("no canvas yet")?;
        if canvas.width() != frame.width {
            canvas.set_width(frame.width);
        }
        if canvas.height() != frame.height {
            canvas.set_height(frame.height);
        }
        let image = ImageData::new_with_u8_clamped_array_and_sh(
            Clamped(self.painting.pixels()),
            frame.width,
            frame.height,
        )
        .map_err(|e| format!("{e:?}"))?;
        ctx.put_image_data(&image, 0.0, 0.0)
            .map_err(|e| format!("{e:?}"))?;
        let reply = PaintReply {
            seq: frame.seq,
            painted,
            cost_ms: now() - started,
        };
        serde_json::to_string(&reply)
            .map(Some)
            .map_err(|e| e.to_string())
    }
}

/// Runs this worker as a paint worker (called by the worker binary).
pub fn register() {
    console_error_panic_hook::set_once();
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let side = RefCell::new(Side::default());
    let answer = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let posted = match side.borrow_mut().handle(&e.data()) {
            Ok(Some(reply)) => answer.post_message(&JsValue::from_str(&reply)),
            Ok(None) => Ok(()),
            Err(error) => answer.post_message(&object(&[("error", &JsValue::from_str(&error))])),
        };
        if let Err(e) = posted {
            web_sys::console::error_1(&e);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its page: so does its handler.
    on_message.forget();
    let _ = scope.post_message(&object(&[("ready", &true.into())]));
}
