//! Small yew components. They read state through `use_app()` and turn user
//! input into actions or commands; all logic they need lives in `core`.

pub mod analysis_bench;
pub mod analysis_progress;
pub mod analysis_trouble;
pub mod app;
pub mod banner;
pub mod chips;
pub mod embed;
pub mod embed_api;
pub mod facilitator;
pub mod handover;
pub mod offline;
pub mod pin_gate;
pub mod places;
pub mod playback;
pub mod resident;
pub mod sociogram;
pub mod start;
pub mod warm_up;
