//! The GLSL ES 3.00 programs of the WebGL renderer. Positions live in a
//! float texture indexed by scene node (one RG texel per node), so the
//! per-instance data (look, ends) is uploaded only when the styles change
//! and a moving layout costs one small texture upload per frame. Shapes are
//! drawn as anti-aliased distance fields on quads, in CSS pixels.

/// Shared by both vertex shaders: fetch a node's world position and map it
/// to CSS pixels, then to clip space.
const COMMON: &str = r"#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
uniform sampler2D u_pos;
uniform int u_width;
// scale, offset x, offset y (CSS px), unused
uniform vec4 u_camera;
// canvas size in CSS px
uniform vec2 u_size;
vec2 screen_of(float node) {
  int i = int(node + 0.5);
  vec2 world = texelFetch(u_pos, ivec2(i % u_width, i / u_width), 0).xy;
  return world * u_camera.x + u_camera.yz;
}
vec4 clip_of(vec2 p) {
  return vec4(p.x / u_size.x * 2.0 - 1.0, 1.0 - p.y / u_size.y * 2.0, 0.0, 1.0);
}
";

pub fn node_vertex() -> String {
    format!(
        "{COMMON}{}",
        r"
layout(location = 0) in vec2 a_corner;
layout(location = 1) in vec4 a_node;   // index, radius, shape, outline
layout(location = 2) in vec4 a_fill;
layout(location = 3) in vec4 a_ring;
out vec2 v_local;
flat out vec4 v_node;
flat out vec4 v_fill;
flat out vec4 v_ring;
void main() {
  vec2 c = screen_of(a_node.x);
  float extent = a_node.y + (a_node.w > 0.5 ? 3.0 : 1.5);
  v_local = a_corner * extent;
  v_node = a_node;
  v_fill = a_fill;
  v_ring = a_ring;
  gl_Position = (c.x == c.x && c.y == c.y) ? clip_of(c + v_local) : vec4(2.0, 2.0, 2.0, 1.0);
}
"
    )
}

pub const NODE_FRAGMENT: &str = r"#version 300 es
precision highp float;
in vec2 v_local;
flat in vec4 v_node;
flat in vec4 v_fill;
flat in vec4 v_ring;
out vec4 colour;
void main() {
  float r = v_node.y;
  float d = v_node.z > 0.5 ? max(abs(v_local.x), abs(v_local.y)) : length(v_local);
  float body = clamp(r - d + 0.5, 0.0, 1.0);
  vec4 c = vec4(v_fill.rgb, v_fill.a * body);
  if (v_node.w > 0.5) {
    // A 3 px ring centred on the edge, over the fill (as the canvas strokes it).
    float ring = clamp(1.5 - abs(d - r) + 0.5, 0.0, 1.0);
    c = mix(c, vec4(v_ring.rgb, 1.0), ring);
  }
  if (c.a < 0.004) discard;
  colour = vec4(c.rgb * c.a, c.a);
}
";

pub fn edge_vertex() -> String {
    format!(
        "{COMMON}{}",
        r"
layout(location = 0) in vec2 a_corner;  // x: 0 at the source, 1 at the target; y: -1..1 across
layout(location = 1) in vec4 a_edge;    // source, target, width, dash
layout(location = 2) in vec4 a_colour;
out float v_across;
out float v_along;
flat out float v_half;
flat out float v_dash;
flat out vec4 v_colour;
void main() {
  vec2 a = screen_of(a_edge.x);
  vec2 b = screen_of(a_edge.y);
  vec2 d = b - a;
  float len = length(d);
  vec2 dir = len > 0.0001 ? d / len : vec2(1.0, 0.0);
  vec2 n = vec2(-dir.y, dir.x);
  float half_width = a_edge.z * 0.5;
  float pad = half_width + 0.75;
  v_across = a_corner.y * pad;
  v_along = a_corner.x * len;
  v_half = half_width;
  v_dash = a_edge.w;
  v_colour = a_colour;
  vec2 p = mix(a, b, a_corner.x) + n * v_across;
  bool ok = len == len;
  gl_Position = ok ? clip_of(p) : vec4(2.0, 2.0, 2.0, 1.0);
}
"
    )
}

pub const EDGE_FRAGMENT: &str = r"#version 300 es
precision highp float;
in float v_across;
in float v_along;
flat in float v_half;
flat in float v_dash;
flat in vec4 v_colour;
out vec4 colour;
void main() {
  // Lines thinner than a pixel fade rather than vanish.
  float h = max(v_half, 0.5);
  float cover = clamp(h - abs(v_across) + 0.5, 0.0, 1.0) * min(v_half / h, 1.0);
  if (v_dash > 1.5) {
    cover *= step(mod(v_along, 4.5), 1.8);
  } else if (v_dash > 0.5) {
    cover *= step(mod(v_along, 10.0), 6.0);
  }
  float a = v_colour.a * cover;
  if (a < 0.004) discard;
  colour = vec4(v_colour.rgb * a, a);
}
";
