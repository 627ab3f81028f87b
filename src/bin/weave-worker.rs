//! The web worker: one binary for every job the page runs off the main
//! thread (analysis now; layout, parsing and matching can join as variants
//! of `core::jobs::Job`). Trunk builds it next to the app (`data-type="worker"`
//! in `index.html`); the page starts instances with
//! `platform::worker::WorkerHandle::spawn`.

#[cfg(target_arch = "wasm32")]
fn main() {
    // One binary, two roles: the job runner, or (started by that name)
    // the play-back's painter.
    if weave::platform::render::paint_worker::is_paint_worker() {
        weave::platform::render::paint_worker::register();
    } else {
        weave::platform::worker::register();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("weave-worker is the app's web worker: Trunk builds it for wasm32 (see index.html).");
}
