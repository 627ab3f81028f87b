//! A picture's bytes as a `blob:` URL for an `<image>` element: the picture
//! is shown as an image (an SVG runs no script and loads nothing there) and
//! the page never holds megabytes of base64 in an attribute.

/// A `blob:` URL for the bytes; revoke it with [`revoke`] when done.
pub fn object_url(mime: &str, bytes: &[u8]) -> Option<String> {
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
