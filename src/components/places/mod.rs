//! Pieces the resident's places step and the facilitator's place set-up
//! share: category icons and names, the map picture loader, and the map
//! canvas (picture, pins, links from "me").

pub mod icons;
pub mod map_canvas;
mod map_draw;
pub mod picture;
