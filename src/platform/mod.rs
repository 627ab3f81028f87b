//! The only code that touches the browser: storage, files, tab coordination,
//! page lifecycle, time, the web worker. The storage trait and its in-memory implementation
//! also build natively, so the repository logic is tested with `cargo test`.

pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod camera;
#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(target_arch = "wasm32")]
pub mod embed_channel;
#[cfg(target_arch = "wasm32")]
pub mod file_input;
#[cfg(target_arch = "wasm32")]
pub mod files;
#[cfg(target_arch = "wasm32")]
pub mod lifecycle;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(target_arch = "wasm32")]
pub mod picture_url;
#[cfg(target_arch = "wasm32")]
pub mod pointer;
#[cfg(target_arch = "wasm32")]
pub mod render;
#[cfg(target_arch = "wasm32")]
pub mod service_worker;
#[cfg(target_arch = "wasm32")]
pub mod share;
#[cfg(target_arch = "wasm32")]
pub mod spare_workers;
#[cfg(target_arch = "wasm32")]
pub mod tabs;
#[cfg(target_arch = "wasm32")]
pub mod worker;
