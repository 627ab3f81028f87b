//! The pure core: everything that can be reasoned about without a browser.
//! Nothing under here may use yew, web-sys, gloo, js-sys or wasm-bindgen; the
//! native build does not even have them (they are wasm32-only dependencies),
//! and `scripts/check-core-purity.sh` says so in words when someone tries.

pub mod analysis;
pub mod command;
pub mod compare;
pub mod demo;
pub mod embed;
pub mod exchange;
pub mod formats;
pub mod geometry;
pub mod gesture;
pub mod handover;
pub mod jobs;
pub mod kiosk;
pub mod layout;
pub mod matching;
pub mod model;
pub mod network;
pub mod packed;
pub mod pin;
pub mod places;
pub mod playback;
pub mod style;
