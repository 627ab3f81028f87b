//! Shows one or more QR frames on a canvas, cycling through them when the
//! payload needs several codes, with "Code 2 of 5" and a pause button. The
//! scanner on the other side collects them in any order, so there is no
//! need to wait for the first one.

use crate::core::handover::qr;
use crate::state::context::use_app;
use gloo::timers::callback::Interval;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

/// How long each code stays up: long enough for a slow phone camera to
/// focus and decode, short enough that seven codes pass in a few seconds.
const FRAME_MS: u32 = 600;
/// Pixels per QR module on the canvas (drawn crisp, scaled by CSS).
const MODULE_PX: usize = 8;

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub frames: Rc<Vec<String>>,
    /// The accessible name of the picture ("Event code for …").
    pub label: String,
    #[prop_or_default]
    pub testid: AttrValue,
}

#[function_component(QrCanvas)]
pub fn qr_canvas(props: &QrProps) -> Html {
    let app = use_app();
    let index = use_state(|| 0usize);
    let paused = use_state(|| false);
    let canvas = use_node_ref();
    let count = props.frames.len();
    {
        let index = index.clone();
        use_effect_with((count, *paused), move |(count, paused)| {
            let timer = (*count > 1 && !*paused).then(|| {
                let index = index.clone();
                let count = *count;
                Interval::new(FRAME_MS, move || index.set((*index + 1) % count))
            });
            move || drop(timer)
        });
    }
    {
        let canvas = canvas.clone();
        let text = props.frames.get(*index % count.max(1)).cloned();
        use_effect_with(text, move |text| {
            if let (Some(text), Some(el)) = (text, canvas.cast::<HtmlCanvasElement>()) {
                draw(&el, text);
            }
            || ()
        });
    }
    let toggle = {
        let paused = paused.clone();
        Callback::from(move |_: MouseEvent| paused.set(!*paused))
    };
    let shown = (*index % count.max(1)) + 1;
    html! {
        <figure class="qr">
            <canvas ref={canvas} class="qr-canvas" role="img" aria-label={props.label.clone()}
                data-testid={props.testid.clone()} data-frame={shown.to_string()}
                data-frames={count.to_string()} />
            if count > 1 {
                <figcaption class="qr-caption">
                    <span aria-live="off" data-testid="qr-position">
                        { app.t_with("ho-code-position", &[("n", shown.into()), ("count", count.into())]) }
                    </span>
                    <button type="button" class="btn" onclick={toggle} aria-pressed={(*paused).to_string()}>
                        { if *paused { app.t("ho-code-play") } else { app.t("ho-code-pause") } }
                    </button>
                </figcaption>
            }
        </figure>
    }
}

fn draw(canvas: &HtmlCanvasElement, text: &str) {
    let Some(matrix) = qr::encode(text) else {
        return;
    };
    let (side, pixels) = qr::render_luma(&matrix, MODULE_PX);
    canvas.set_width(side as u32);
    canvas.set_height(side as u32);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let mut rgba = Vec::with_capacity(pixels.len() * 4);
    for p in pixels {
        rgba.extend_from_slice(&[p, p, p, 255]);
    }
    if let Ok(image) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        wasm_bindgen::Clamped(&rgba),
        side as u32,
        side as u32,
    ) {
        let _ = ctx.put_image_data(&image, 0.0, 0.0);
    }
}
