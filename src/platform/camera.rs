//! The camera for QR scanning: open the back camera (getUserMedia), grab a
//! downscaled greyscale frame for the decoder, switch cameras, and the torch
//! where the device has one. Everything is released when the scanner closes.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream};

/// Frames are scaled so their longer side is at most this many pixels:
/// enough for a code that fills a third of the view, cheap to decode.
const MAX_SIDE: u32 = 640;

/// Why the camera could not be used, for a clear message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CameraError {
    /// The browser has no camera API here (old browser, insecure page).
    Unsupported,
    /// The person (or a policy) said no.
    Denied,
    /// No camera, or it is in use by another app.
    NotFound,
    Other(String),
}

pub struct Camera {
    stream: MediaStream,
    video: HtmlVideoElement,
    canvas: HtmlCanvasElement,
}

impl Drop for Camera {
    fn drop(&mut self) {
        for track in self.stream.get_tracks().iter() {
            if let Ok(t) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                t.stop();
            }
        }
        self.video.set_src_object(None);
    }
}

impl Camera {
    /// Opens the camera facing `user` (front) or the environment (back) and
    /// shows it in `video`.
    pub async fn open(video: HtmlVideoElement, user: bool) -> Result<Camera, CameraError> {
        let devices = web_sys::window()
            .map(|w| w.navigator())
            .and_then(|n| n.media_devices().ok())
            .ok_or(CameraError::Unsupported)?;
        let constraints = web_sys::MediaStreamConstraints::new();
        let video_wanted = Object::new();
        let facing = Object::new();
        let _ = Reflect::set(
            &facing,
            &"ideal".into(),
            &(if user { "user" } else { "environment" }).into(),
        );
        let _ = Reflect::set(&video_wanted, &"facingMode".into(), &facing);
        let _ = Reflect::set(&video_wanted, &"width".into(), &ideal(1280));
        let _ = Reflect::set(&video_wanted, &"height".into(), &ideal(720));
        constraints.set_video(&video_wanted);
        constraints.set_audio(&JsValue::FALSE);
        let promise = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|_| CameraError::Unsupported)?;
        let stream: MediaStream = JsFuture::from(promise)
            .await
            .map_err(camera_error)?
            .unchecked_into();
        video.set_muted(true);
        let _ = video.set_attribute("playsinline", "");
        video.set_src_object(Some(&stream));
        if let Ok(p) = video.play() {
            let _ = JsFuture::from(p).await;
        }
        let canvas: HtmlCanvasElement = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .ok_or(CameraError::Unsupported)?
            .unchecked_into();
        Ok(Camera {
            stream,
            video,
            canvas,
        })
    }

    fn track(&self) -> Option<web_sys::MediaStreamTrack> {
        self.stream.get_video_tracks().get(0).dyn_into().ok()
    }

    /// Whether this camera has a torch that can be switched on.
    pub fn has_torch(&self) -> bool {
        let Some(track) = self.track() else {
            return false;
        };
        let caps = Reflect::get(&track, &"getCapabilities".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&track).ok());
        caps.and_then(|c| Reflect::get(&c, &"torch".into()).ok())
            .map(|t| t.is_truthy())
            .unwrap_or(false)
    }

    /// Asks the camera to switch its torch; the promise settles when it has
    /// (the borrow of the camera ends before anyone awaits it).
    pub fn torch_request(&self, on: bool) -> Option<js_sys::Promise> {
        let track = self.track()?;
        let setting = Object::new();
        let _ = Reflect::set(&setting, &"torch".into(), &on.into());
        let constraints = Object::new();
        let _ = Reflect::set(
            &constraints,
            &"advanced".into(),
            &Array::of1(&setting).into(),
        );
        Reflect::get(&track, &"applyConstraints".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call1(&track, &constraints).ok())
            .map(js_sys::Promise::from)
    }

    /// The current frame as greyscale (width, height, luma), downscaled; `None`
    /// until the camera delivers pictures.
    pub fn grab(&self) -> Option<(usize, usize, Vec<u8>)> {
        let (vw, vh) = (self.video.video_width(), self.video.video_height());
        if vw == 0 || vh == 0 {
            return None;
        }
        let scale = (MAX_SIDE as f64 / vw.max(vh) as f64).min(1.0);
        let (w, h) = (
            ((vw as f64 * scale) as u32).max(1),
            ((vh as f64 * scale) as u32).max(1),
        );
        self.canvas.set_width(w);
        self.canvas.set_height(h);
        // Read back every frame: a CPU-side canvas makes getImageData cheap.
        let options = Object::new();
        let _ = Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE);
        let ctx: CanvasRenderingContext2d = self
            .canvas
            .get_context_with_context_options("2d", &options)
            .ok()
            .flatten()?
            .dyn_into()
            .ok()?;
        ctx.draw_image_with_html_video_element_and_dw_and_dh(
            &self.video,
            0.0,
            0.0,
            w as f64,
            h as f64,
        )
        .ok()?;
        let rgba = ctx
            .get_image_data(0.0, 0.0, w as f64, h as f64)
            .ok()?
            .data();
        let luma = rgba
            .chunks_exact(4)
            .map(|p| ((p[0] as u32 * 77 + p[1] as u32 * 150 + p[2] as u32 * 29) >> 8) as u8)
            .collect();
        Some((w as usize, h as usize, luma))
    }
}

fn ideal(n: u32) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"ideal".into(), &n.into());
    o.into()
}

fn camera_error(e: JsValue) -> CameraError {
    let name = Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => CameraError::Denied,
        "NotFoundError" | "NotReadableError" | "OverconstrainedError" => CameraError::NotFound,
        "TypeError" => CameraError::Unsupported,
        _ => CameraError::Other(name),
    }
}
