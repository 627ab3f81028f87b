//! App state: one reducer with data-carrying actions (pure, tested natively),
//! and, in the browser, the context and `use_app()` hook that run its effects.

pub mod app_state;
pub mod draft;
pub mod handover;
mod places;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod analysis;
#[cfg(target_arch = "wasm32")]
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod earlier;
#[cfg(target_arch = "wasm32")]
pub mod facilitator_actions;
#[cfg(target_arch = "wasm32")]
pub mod handover_actions;
#[cfg(target_arch = "wasm32")]
pub mod map_picture;

pub use app_state::{Action, AppState, Boot, Earlier, SaveState, StorageHealth};
pub use draft::{Draft, Step};
pub use route::Route;
