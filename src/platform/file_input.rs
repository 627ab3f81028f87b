//! Files the facilitator picks or drops: finding the `File` in an input's
//! change event or a drop event, reading its bytes without blocking the page,
//! and yielding to the browser so a "Reading…" message is painted first.

use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, Event, File, FileList, HtmlInputElement};

/// Files larger than this are refused before reading: the page would hold
/// the bytes, the text and the parsed network at once. The limit is the
/// parsers' own ([`crate::core::formats::MAX_IMPORT_BYTES`]), as a float for
/// `File::size`.
pub const MAX_IMPORT_BYTES: f64 = crate::core::formats::MAX_IMPORT_BYTES as f64;

/// The first file chosen in an `<input type=file>`'s change event.
pub fn picked_file(event: &Event) -> Option<File> {
    let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Let the same file be picked again after a failed or cancelled import.
    input.set_value("");
    file
}

/// The first file dropped on an element. Reads `dataTransfer` through
/// reflection, so no extra web-sys features are needed.
pub fn dropped_file(event: &DragEvent) -> Option<File> {
    let transfer = Reflect::get(event.as_ref(), &JsValue::from_str("dataTransfer")).ok()?;
    let files = Reflect::get(&transfer, &JsValue::from_str("files")).ok()?;
    files.dyn_into::<FileList>().ok()?.get(0)
}

/// True when a drag carries files (not text or a link), so the drop zone
/// lights up only for something it can take.
pub fn drags_files(event: &DragEvent) -> bool {
    Reflect::get(event.as_ref(), &JsValue::from_str("dataTransfer"))
        .and_then(|t| Reflect::get(&t, &JsValue::from_str("types")))
        .ok()
        .and_then(|types| types.dyn_into::<js_sys::Array>().ok())
        .is_some_and(|types| types.includes(&JsValue::from_str("Files"), 0))
}

/// Reads a file's bytes asynchronously (the browser reads off the main thread).
pub async fn read_bytes(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the file could not be read".into())
    })?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Resolves after the browser has had a chance to paint: the next animation
/// frame, then a fresh task. Long synchronous work (parsing a big file,
/// matching) runs after it, so a status message is visible meanwhile.
pub async fn after_paint() {
    let promise = Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let next_task = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    resolve.unchecked_ref(),
                    0,
                );
            }
        });
        // A hidden page gets no animation frames; go straight to a task.
        let hidden = window.document().is_some_and(|d| d.hidden());
        if hidden
            || window
                .request_animation_frame(next_task.unchecked_ref())
                .is_err()
        {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                next_task.unchecked_ref(),
                0,
            );
        }
    });
    let _ = JsFuture::from(promise).await;
}
