//! Which renderer draws the play-back, and what each can afford per frame.
//! WebGL 2 is the default on a GPU; Canvas 2D is the fallback where the
//! browser has no WebGL 2 or only a software rasteriser (there Canvas 2D
//! measured faster). The address can force either (`renderer=webgl`,
//! `renderer=canvas2d`), which the benchmark and tests use to measure both.

/// A way of painting the sociogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Renderer {
    WebGl,
    Canvas2d,
}

impl Renderer {
    /// A stable name for data attributes and the address bar.
    pub fn id(self) -> &'static str {
        match self {
            Renderer::WebGl => "webgl",
            Renderer::Canvas2d => "canvas2d",
        }
    }

    /// The renderer the address asks for (`#/playback?renderer=canvas2d`),
    /// if any.
    pub fn from_hash(hash: &str) -> Option<Renderer> {
        let query = hash.split_once('?').map_or("", |(_, q)| q);
        match query
            .split('&')
            .find_map(|kv| kv.strip_prefix("renderer="))?
        {
            "webgl" => Some(Renderer::WebGl),
            "canvas2d" | "canvas" => Some(Renderer::Canvas2d),
            _ => None,
        }
    }

    /// How many ties this renderer draws per frame; `software` is true when
    /// WebGL runs on a software rasteriser (SwiftShader, llvmpipe: no GPU).
    pub fn budget(self, software: bool) -> EdgeBudget {
        match (self, software) {
            (Renderer::Canvas2d, _) => EdgeBudget {
                per_frame: super::style::EDGES_PER_FRAME,
                while_moving: super::style::EDGES_WHILE_MOVING,
            },
            (Renderer::WebGl, false) => WEBGL_BUDGET,
            (Renderer::WebGl, true) => WEBGL_SOFTWARE_BUDGET,
        }
    }
}

/// True for the renderer strings of software rasterisers.
pub fn is_software_renderer(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "swiftshader",
        "llvmpipe",
        "softpipe",
        "software",
        "basic render",
    ]
    .iter()
    .any(|s| n.contains(s))
}

/// On a GPU every tie of a 60,000-tie network is one draw call's worth of
/// instances, cheap.
const WEBGL_BUDGET: EdgeBudget = EdgeBudget {
    per_frame: 100_000,
    while_moving: 100_000,
};
/// A software rasteriser pays per pixel of every tie: beyond this an even
/// sample is drawn (more while still, fewer while the picture moves).
const WEBGL_SOFTWARE_BUDGET: EdgeBudget = EdgeBudget {
    per_frame: 4_000,
    while_moving: 1_500,
};

/// How many ties a renderer can afford per frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeBudget {
    /// Ties drawn per frame at most (an even sample beyond).
    pub per_frame: usize,
    /// While dragging or zooming, above this many ties none are drawn.
    pub while_moving: usize,
}

impl EdgeBudget {
    /// Draw every `k`-th tie of each batch, or none (0).
    ///
    /// # Example
    /// ```
    /// use weave::core::playback::renderer::EdgeBudget;
    /// let b = EdgeBudget { per_frame: 4000, while_moving: 2000 };
    /// assert_eq!(b.stride(1500, false), 1);
    /// assert_eq!(b.stride(60_000, false), 15);
    /// assert_eq!(b.stride(6_000, true), 0);
    /// ```
    pub fn stride(self, visible_edges: usize, moving: bool) -> usize {
        if moving && visible_edges > self.while_moving {
            0
        } else {
            visible_edges.div_ceil(self.per_frame.max(1)).max(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_can_ask_for_a_renderer() {
        assert_eq!(
            Renderer::from_hash("#/playback?bench=2000&renderer=canvas2d"),
            Some(Renderer::Canvas2d)
        );
        assert_eq!(
            Renderer::from_hash("#/playback?renderer=webgl"),
            Some(Renderer::WebGl)
        );
        assert_eq!(Renderer::from_hash("#/playback?renderer=vulkan"), None);
        assert_eq!(Renderer::from_hash("#/playback"), None);
    }

    #[test]
    fn canvas_samples_large_networks_and_webgl_draws_them() {
        assert_eq!(Renderer::Canvas2d.budget(false).stride(60_000, false), 15);
        assert_eq!(Renderer::Canvas2d.budget(true).stride(6_000, true), 0);
        assert_eq!(Renderer::WebGl.budget(false).stride(60_000, true), 1);
        assert_eq!(Renderer::WebGl.budget(true).stride(1_500, true), 1);
        assert_eq!(Renderer::WebGl.budget(true).stride(6_000, true), 0);
        assert_eq!(Renderer::WebGl.budget(true).stride(60_000, false), 15);
    }

    #[test]
    fn software_rasterisers_are_recognised() {
        assert!(is_software_renderer(
            "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)"
        ));
        assert!(is_software_renderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
        assert!(!is_software_renderer(
            "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)"
        ));
    }
}
