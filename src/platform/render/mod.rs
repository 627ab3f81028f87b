//! Drawing the play-back sociogram in the browser: WebGL 2 ([`webgl`], with
//! its [`shaders`]) or Canvas 2D as the fallback ([`canvas2d`]), chosen per
//! canvas by the [`painter`], the Canvas 2D picture painted in a worker
//! where the browser can ([`paint_worker`]); the requestAnimationFrame
//! driver ([`frames`]), the canvas's size without reading layout
//! ([`size_watch`]) and rasterising the SVG export to PNG ([`png`]). What
//! to draw is decided in `core::playback`; this module only paints it.

pub mod canvas2d;
pub mod frames;
pub mod paint_worker;
pub mod painter;
pub mod png;
pub mod shaders;
pub mod size_watch;
pub mod webgl;
