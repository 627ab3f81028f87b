//! Weave: participatory network mapping, compiled to WebAssembly.
//!
//! `core` is pure Rust and tested natively; `platform` wraps the browser;
//! `state`, `components` and `modes` are the thin yew layer on top.

pub mod core;
pub mod i18n;
pub mod platform;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod components;
