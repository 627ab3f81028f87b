//! The play-back sociogram as pure data, so everything the big screen shows
//! is decided (and tested) without a browser, as sigma.js keeps display
//! styles a pure function of model + analysis:
//!
//! - [`scene`]: the people network, places and analysis folded into one list
//!   of display nodes and ties, with **no private names** in it;
//! - [`lens`] and [`style`]: what each lens emphasises, as batches of
//!   same-looking nodes and ties (cheap to draw on a canvas);
//! - [`camera`]: the zoom/pan transform and pinch arithmetic;
//! - [`live`]: ForceAtlas2 run a few iterations at a time, keeping positions
//!   across updates;
//! - [`label_placement`]: which labels fit on screen without overlapping;
//! - [`layout_job`]: the layout as a worker job (messages and the loop);
//! - [`timeline`]: growing the picture in the order maps were finished;
//! - [`between`]: fading from an earlier event's picture to this one's;
//! - [`card`] and [`findings`]: plain-words text as i18n keys and numbers;
//! - [`instances`]: the styles packed as flat arrays for a GPU renderer;
//! - [`picture`]: when to draw the picture again and when to move it;
//! - [`raster`] and [`paint`]: the frame drawn into a pixel buffer in plain
//!   Rust, with a level of detail, where the browser has no GPU;
//! - [`paint_job`]: that picture painted in a worker (messages and state);
//! - [`renderer`]: which renderer draws (WebGL 2, or Canvas 2D as the
//!   fallback) and how many ties each affords per frame;
//! - [`search`]: finding a name, for the facilitator view only;
//! - [`svg`]: the exported drawing, built from the same style batches;
//! - [`generate`]: large synthetic networks for the benchmark.

pub mod between;
pub mod camera;
pub mod card;
pub mod findings;
pub mod generate;
pub mod instances;
pub mod label_placement;
pub mod layout_job;
pub mod lens;
pub mod live;
pub mod paint;
pub mod paint_job;
pub mod palette;
pub mod picture;
pub mod raster;
pub mod renderer;
pub mod scene;
pub mod search;
pub mod style;
pub mod svg;
pub mod timeline;

pub use camera::Camera;
pub use lens::Lens;
pub use live::LiveLayout;
pub use scene::{NodeKind, Scene, SceneNode, TieKind};
pub use style::{Highlight, Styles};
