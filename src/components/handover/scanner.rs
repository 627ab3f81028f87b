//! The QR scanner: a camera viewfinder with torch and camera switch where the
//! device has them, "3 of 7 codes read" as frames arrive in any order, and a
//! file picker / drop zone for when there is no camera. Frames go through a
//! `core::handover::Collector`; the complete payload goes to the parent.
//! Decoding runs on the main thread on a downscaled frame, paced so that it
//! takes a third of the main thread at most (see `REST`).

use crate::core::handover::{frames::FrameError, qr, Collector, Kind, Progress};
use crate::platform::camera::{Camera, CameraError};
use crate::platform::file_input;
use crate::state::context::use_app;
use gloo::timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::HtmlVideoElement;
use yew::prelude::*;

/// How often the scanner looks for a new frame.
const SCAN_MS: u32 = 200;
/// After a frame that took `t` ms to decode, the next waits `t * REST`, so
/// decoding keeps the main thread busy a third of the time at most, however
/// slow the device.
const REST: f64 = 2.0;

#[derive(Properties, PartialEq)]
pub struct ScannerProps {
    pub kind: Kind,
    pub on_payload: Callback<Vec<u8>>,
    /// Start the camera without waiting for a tap (the person asked for it).
    #[prop_or_default]
    pub autostart: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum CamState {
    Off,
    Starting,
    On { torch: Option<bool> },
    Failed(CameraError),
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Status {
    have: usize,
    count: usize,
    missing: Vec<usize>,
    problem: Option<&'static str>,
}

type Shared<T> = Rc<RefCell<T>>;

/// Feeds one decoded text to the collector; returns the new status and the
/// payload when a transfer is complete.
fn feed(collector: &Shared<Collector>, text: &str, status: &mut Status) -> Option<Vec<u8>> {
    // The borrow ends here: the Complete arm borrows the collector again.
    let result = collector.borrow_mut().push(text);
    match result {
        Ok(Progress::Collecting {
            have,
            count,
            missing,
            ..
        }) => {
            *status = Status {
                have,
                count,
                missing,
                problem: None,
            };
            None
        }
        Ok(Progress::Complete { transfer, payload }) => {
            *status = Status::default();
            // A later scan of the same codes is processed again (and reported as a repeat).
            collector.borrow_mut().forget(&transfer);
            Some(payload)
        }
        Ok(Progress::AlreadyComplete { .. }) => None,
        Err(e) => {
            status.problem = Some(match e {
                FrameError::NotWeave => "ho-scan-not-weave",
                FrameError::WrongKind { found: Kind::Event } => "ho-scan-event-code",
                FrameError::WrongKind {
                    found: Kind::Response,
                } => "ho-scan-response-code",
                FrameError::Damaged | FrameError::Mismatch => "ho-scan-damaged",
            });
            None
        }
    }
}

#[function_component(Scanner)]
pub fn scanner(props: &ScannerProps) -> Html {
    let app = use_app();
    let video = use_node_ref();
    let camera: Shared<Option<Camera>> = use_mut_ref(|| None);
    let collector: Shared<Collector> = {
        let kind = props.kind;
        use_mut_ref(move || Collector::new(kind))
    };
    let cam = use_state(|| CamState::Off);
    let front = use_state(|| false);
    let status = use_state(Status::default);
    let dropping = use_state(|| false);
    // The latest status, for the timer (a state handle read in a closure is stale).
    let status_now: Shared<Status> = use_mut_ref(Status::default);

    let publish = {
        let status = status.clone();
        let status_now = status_now.clone();
        let on_payload = props.on_payload.clone();
        let collector = collector.clone();
        Rc::new(move |text: &str| {
            let mut s = status_now.borrow().clone();
            let done = feed(&collector, text, &mut s);
            if s != *status_now.borrow() {
                *status_now.borrow_mut() = s.clone();
                status.set(s);
            }
            if let Some(payload) = done {
                on_payload.emit(payload);
            }
        })
    };

    let start = {
        let (video, camera, cam, front) =
            (video.clone(), camera.clone(), cam.clone(), front.clone());
        Rc::new(move |user: bool| {
            let Some(el) = video.cast::<HtmlVideoElement>() else {
                return;
            };
            camera.borrow_mut().take();
            cam.set(CamState::Starting);
            front.set(user);
            let (camera, cam) = (camera.clone(), cam.clone());
            spawn_local(async move {
                match Camera::open(el, user).await {
                    Ok(c) => {
                        let torch = c.has_torch().then_some(false);
                        *camera.borrow_mut() = Some(c);
                        cam.set(CamState::On { torch });
                    }
                    Err(e) => cam.set(CamState::Failed(e)),
                }
            });
        })
    };

    // The decode loop runs while the camera is on; the camera stops on unmount.
    {
        let camera = camera.clone();
        let publish = publish.clone();
        let on = matches!(*cam, CamState::On { .. });
        use_effect_with(on, move |on| {
            let timer = on.then(|| {
                let camera = camera.clone();
                let next_at = std::cell::Cell::new(0.0);
                Interval::new(SCAN_MS, move || {
                    let start = js_sys::Date::now();
                    if start < next_at.get() {
                        return;
                    }
                    let frame = camera.borrow().as_ref().and_then(|c| c.grab());
                    if let Some((w, h, luma)) = frame {
                        let texts = qr::decode_luma(w, h, &luma);
                        let end = js_sys::Date::now();
                        next_at.set(end + (end - start) * REST);
                        for text in texts {
                            publish(&text);
                        }
                    }
                })
            });
            move || drop(timer)
        });
    }
    {
        let camera = camera.clone();
        use_effect_with((), move |_| move || drop(camera.borrow_mut().take()));
    }
    {
        let start = start.clone();
        use_effect_with(props.autostart, move |auto| {
            if *auto {
                start(false);
            }
            || ()
        });
    }

    let on_start = {
        let start = start.clone();
        Callback::from(move |_: MouseEvent| start(false))
    };
    let on_flip = {
        let (start, front) = (start.clone(), front.clone());
        Callback::from(move |_: MouseEvent| start(!*front))
    };
    let on_stop = {
        let (camera, cam) = (camera.clone(), cam.clone());
        Callback::from(move |_: MouseEvent| {
            camera.borrow_mut().take();
            cam.set(CamState::Off);
        })
    };
    let on_torch = {
        let (camera, cam) = (camera.clone(), cam.clone());
        Callback::from(move |_: MouseEvent| {
            let CamState::On { torch: Some(lit) } = *cam else {
                return;
            };
            let request = camera.borrow().as_ref().and_then(|c| c.torch_request(!lit));
            let cam = cam.clone();
            spawn_local(async move {
                if let Some(p) = request {
                    if JsFuture::from(p).await.is_ok() {
                        cam.set(CamState::On { torch: Some(!lit) });
                    }
                }
            });
        })
    };
    let read_file = {
        let publish = publish.clone();
        Rc::new(move |file: web_sys::File| {
            let publish = publish.clone();
            spawn_local(async move {
                if let Ok(bytes) = file_input::read_bytes(&file).await {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let lines: Vec<&str> = text
                        .lines()
                        .filter(|l| l.trim_start().starts_with("WV1/"))
                        .collect();
                    if lines.is_empty() {
                        publish("not a weave file");
                    }
                    for line in lines {
                        publish(line);
                    }
                }
            });
        })
    };
    let on_pick = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            if let Some(f) = file_input::picked_file(&e) {
                read_file(f);
            }
        })
    };
    let on_over = {
        let dropping = dropping.clone();
        Callback::from(move |e: DragEvent| {
            if file_input::drags_files(&e) {
                e.prevent_default();
                dropping.set(true);
            }
        })
    };
    let on_leave = {
        let dropping = dropping.clone();
        Callback::from(move |_: DragEvent| dropping.set(false))
    };
    let on_drop = {
        let (dropping, read_file) = (dropping.clone(), read_file.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dropping.set(false);
            if let Some(f) = file_input::dropped_file(&e) {
                read_file(f);
            }
        })
    };

    let camera_on = matches!(*cam, CamState::On { .. });
    let camera_note = match &*cam {
        CamState::Off => None,
        CamState::Starting => Some(app.t("ho-cam-starting")),
        CamState::On { .. } => Some(app.t("ho-cam-hint")),
        CamState::Failed(CameraError::Denied) => Some(app.t("ho-cam-denied")),
        CamState::Failed(CameraError::NotFound) => Some(app.t("ho-cam-not-found")),
        CamState::Failed(_) => Some(app.t("ho-cam-unsupported")),
    };
    let s = &*status;
    let progress = (s.count > 0).then(|| {
        let missing = s
            .missing
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        html! {
            <div class="scan-progress">
                <progress max={s.count.to_string()} value={s.have.to_string()} aria-hidden="true" />
                <p data-testid="scan-progress">
                    { app.t_with("ho-scan-progress", &[("have", s.have.into()), ("count", s.count.into())]) }
                </p>
                <p class="muted">{ app.t_with("ho-scan-missing", &[("list", missing.into())]) }</p>
            </div>
        }
    });
    let file_id = format!("scan-file-{:?}", props.kind).to_lowercase();
    html! {
        <div class="scanner">
            <div class={classes!("viewfinder", camera_on.then_some("on"))}>
                <video ref={video} class="viewfinder-video" aria-label={app.t("ho-cam-view")} />
                if camera_on { <div class="viewfinder-frame" aria-hidden="true"></div> }
            </div>
            <div class="actions">
                if camera_on {
                    <button type="button" class="btn" onclick={on_flip} data-testid="cam-flip">{ app.t("ho-cam-flip") }</button>
                    if let CamState::On { torch: Some(lit) } = *cam {
                        <button type="button" class="btn" onclick={on_torch} aria-pressed={lit.to_string()}>{ app.t("ho-cam-torch") }</button>
                    }
                    <button type="button" class="btn" onclick={on_stop}>{ app.t("ho-cam-stop") }</button>
                } else {
                    <button type="button" class="btn primary huge" onclick={on_start} data-testid="cam-start">{ app.t("ho-cam-start") }</button>
                }
            </div>
            <div class="scan-status" role="status" aria-live="polite">
                if let Some(note) = camera_note { <p class="muted">{ note }</p> }
                { for progress }
                if let Some(key) = s.problem { <p class="warn-text" data-testid="scan-problem">{ app.t(key) }</p> }
            </div>
            <div class={classes!("drop-zone", dropping.then_some("hover"))}
                ondragover={on_over.clone()} ondragenter={on_over} ondragleave={on_leave} ondrop={on_drop}>
                <p>{ app.t("ho-file-drop") }</p>
                <label class="btn" for={file_id.clone()}>{ app.t("ho-file-pick") }</label>
                <input id={file_id} class="sr-only" type="file" accept=".weave,.txt,text/plain"
                    onchange={on_pick} data-testid="scan-file" />
            </div>
        </div>
    }
}
