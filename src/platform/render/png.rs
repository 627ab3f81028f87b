//! The PNG export: the SVG export drawn onto an off-screen canvas at the
//! screen's pixel density and encoded with `canvas.toBlob`, so the picture
//! and the drawing never disagree.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlCanvasElement, HtmlImageElement, Url};

fn err(what: &str) -> JsValue {
    JsValue::from_str(what)
}

/// Rasterises `svg` (of `width`×`height` CSS pixels) at `scale` and returns
/// the PNG bytes.
pub async fn svg_to_png(
    svg: &str,
    width: f64,
    height: f64,
    scale: f64,
) -> Result<Vec<u8>, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| err("no document"))?;
    let parts = js_sys::Array::new();
    parts.push(&JsValue::from_str(svg));
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let image = HtmlImageElement::new()?;
    let loaded = Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let result = JsFuture::from(loaded).await;
    let _ = Url::revoke_object_url(&url);
    result?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    let (w, h) = ((width * scale).round(), (height * scale).round());
    canvas.set_width(w.max(1.0) as u32);
    canvas.set_height(h.max(1.0) as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| err("no 2d context"))?
        .unchecked_into();
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w, h)?;
    let encoded = Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob(&resolve);
    });
    let png: Blob = JsFuture::from(encoded)
        .await?
        .dyn_into()
        .map_err(|_| err("no picture"))?;
    let buffer = JsFuture::from(png.array_buffer()).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
