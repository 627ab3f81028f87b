//! ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, PLoS ONE 9(6):
//! e98679) for the play-back sociogram, split like graphology's
//! `layout-forceatlas2`: [`settings`] (documented defaults), [`iterate`] (one
//! pure iteration over flat arrays) and [`quadtree`] (Barnes–Hut repulsion).
//! The worker that runs iterations between frames lives in `platform`.
//!
//! # Example
//! ```
//! use weave::core::layout::forceatlas2::{iterate, ForceAtlas2Settings, LayoutEdges, LayoutNodes};
//! let edges = LayoutEdges::new(vec![(0, 1), (1, 2)], None);
//! let mut nodes = LayoutNodes::new(vec![0.0, 10.0, 0.0], vec![0.0, 0.0, 10.0], &edges);
//! let settings = ForceAtlas2Settings::default();
//! for _ in 0..50 {
//!     iterate(&settings, &mut nodes, &edges);
//! }
//! assert!(nodes.x.iter().chain(&nodes.y).all(|v| v.is_finite()));
//! ```

pub mod iterate;
pub mod quadtree;
pub mod seed;
pub mod settings;

pub use iterate::{iterate, LayoutEdges, LayoutNodes};
pub use seed::initial_positions;
pub use settings::ForceAtlas2Settings;
