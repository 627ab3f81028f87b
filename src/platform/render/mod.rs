//! Drawing the play-back sociogram in the browser: Canvas 2D drawing of the
//! pure display styles ([`canvas2d`]), the requestAnimationFrame driver
//! ([`frames`]) and rasterising the SVG export to PNG ([`png`]). What to draw
//! is decided in `core::playback`; this module only paints it.

pub mod canvas2d;
pub mod frames;
pub mod png;
