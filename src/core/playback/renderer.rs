//! Which renderer draws the play-back, and what each can afford per frame.
//! WebGL 2 is the default; Canvas 2D is the fallback where the browser has no
//! WebGL 2 (or the address asks for it with `renderer=canvas2d`, which the
//! benchmark and tests use to measure both).

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

    /// How many ties this renderer draws per frame.
    pub fn budget(self) -> EdgeBudget {
        match self {
            Renderer::Canvas2d => EdgeBudget {
                per_frame: super::style::EDGES_PER_FRAME,
                while_moving: super::style::EDGES_WHILE_MOVING,
            },
            Renderer::WebGl => WEBGL_BUDGET,
        }
    }
}

/// WebGL draws ties as instanced quads: every tie of a 60,000-tie network is
/// one draw call's worth of vertices, but a software rasteriser (no GPU)
/// still pays per pixel, so beyond this an even sample is drawn.
const WEBGL_BUDGET: EdgeBudget = EdgeBudget {
    per_frame: 60_000,
    while_moving: 60_000,
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
        assert_eq!(Renderer::Canvas2d.budget().stride(60_000, false), 15);
        assert_eq!(Renderer::Canvas2d.budget().stride(6_000, true), 0);
        assert_eq!(Renderer::WebGl.budget().stride(6_000, true), 1);
    }
}
