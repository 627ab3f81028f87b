//! Weave: participatory network mapping, compiled to WebAssembly.
//!
//! `core` is pure Rust and tested natively; everything else is the browser layer.

pub mod core;
