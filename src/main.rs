//! Mounts the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    weave::platform::panic::install();
    yew::Renderer::<weave::components::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "weave-app is the browser app: run `bash scripts/serve.sh` (Trunk builds it for wasm32)."
    );
    eprintln!("For the command-line tool, run `cargo run --bin weave -- --help`.");
}
