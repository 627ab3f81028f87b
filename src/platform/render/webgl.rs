//! Paints the sociogram with WebGL 2: two instanced draw calls per frame (ties,
//! then nodes, each in batch order so layers stay on top), one quad per
//! instance shaded as an anti-aliased shape. The renderer owns no data: the
//! instance arrays come from `core::playback::instances` and are uploaded
//! only when the styles change (`Rc` identity); positions are uploaded as a
//! float texture only when they moved; the camera is four uniforms. Panning a
//! still picture therefore uploads nothing.
//!
//! Text is not drawn here: public labels go on a 2D overlay canvas
//! ([`super::canvas2d::draw_labels`]).

use super::shaders;
use crate::core::playback::instances::{
    edge_instances, node_instances, position_texels, sample_ranges, EDGE_BYTES, EDGE_FLOATS,
    NODE_BYTES, NODE_FLOATS,
};
use crate::core::playback::palette;
use crate::core::playback::renderer::is_software_renderer;
use crate::core::playback::style::Styles;
use crate::core::playback::{Camera, Scene};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    HtmlCanvasElement, WebGl2RenderingContext as Gl, WebGlBuffer, WebGlProgram, WebGlShader,
    WebGlTexture, WebGlUniformLocation, WebGlVertexArrayObject,
};

/// Texels per row of the position texture.
const TEXTURE_WIDTH: usize = 1024;

/// What one frame needs.
pub struct GlFrame<'a> {
    pub scene: &'a Rc<Scene>,
    pub styles: &'a Rc<Styles>,
    pub x: &'a [f64],
    pub y: &'a [f64],
    /// Changes whenever the positions do (skip the upload otherwise).
    pub positions_rev: u64,
    pub camera: &'a Camera,
    pub dpr: f64,
    /// Draw every `edge_stride`-th tie of each batch; 0 draws none.
    pub edge_stride: usize,
}

struct Program {
    program: WebGlProgram,
    pos: Option<WebGlUniformLocation>,
    width: Option<WebGlUniformLocation>,
    camera: Option<WebGlUniformLocation>,
    size: Option<WebGlUniformLocation>,
}

/// The GPU side of one canvas.
pub struct GlRenderer {
    gl: Gl,
    nodes: Program,
    edges: Program,
    node_vao: WebGlVertexArrayObject,
    edge_vao: WebGlVertexArrayObject,
    node_floats: WebGlBuffer,
    node_bytes: WebGlBuffer,
    edge_floats: WebGlBuffer,
    edge_bytes: WebGlBuffer,
    texture: WebGlTexture,
    texture_rows: usize,
    texels: Vec<f32>,
    texels_js: js_sys::Float32Array,
    /// The world point positions are stored relative to.
    origin: (f64, f64),
    uploaded_styles: Option<(*const Styles, *const Scene)>,
    uploaded_positions: Option<u64>,
    node_count: usize,
    /// `(first instance, count)` per tie batch.
    edge_batches: Vec<(usize, usize)>,
}

fn err(what: &str) -> JsValue {
    JsValue::from_str(what)
}

/// The WebGL 2 context of `canvas`, or `None` where the browser has none
/// (then the caller falls back to Canvas 2D).
pub fn context(canvas: &HtmlCanvasElement) -> Option<Gl> {
    let options = js_sys::Object::new();
    for (k, v) in [
        ("antialias", false),
        ("alpha", false),
        ("depth", false),
        ("stencil", false),
        ("preserveDrawingBuffer", false),
    ] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    canvas
        .get_context_with_context_options("webgl2", &options)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// The renderer string of a context (unmasked where the browser allows).
fn renderer_name(gl: &Gl) -> Option<String> {
    // WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL.
    const UNMASKED_RENDERER: u32 = 0x9246;
    let name = match gl.get_extension("WEBGL_debug_renderer_info") {
        Ok(Some(_)) => gl.get_parameter(UNMASKED_RENDERER).ok(),
        _ => gl.get_parameter(Gl::RENDERER).ok(),
    };
    name.and_then(|v| v.as_string())
}

thread_local! {
    /// The probe's answer, once asked: it does not change while the page
    /// lives, and asking costs ~25 ms without a GPU (the app's warm-up asks
    /// while it idles, so the play-back's second frame does not).
    static PROBED: std::cell::Cell<Option<Option<bool>>> = const { std::cell::Cell::new(None) };
}

/// Whether this browser's WebGL 2 runs on a software rasteriser: `None`
/// without WebGL 2. Asks a throwaway canvas once, whose context is then
/// given back, so the main canvas stays free for Canvas 2D.
pub fn probe_software() -> Option<bool> {
    if let Some(answer) = PROBED.get() {
        return answer;
    }
    let answer = ask_software();
    PROBED.set(Some(answer));
    answer
}

/// The answer [`probe_software`] gave, if it was asked already (the app's
/// warm-up asks): `None` when it was not.
pub fn probed_software() -> Option<Option<bool>> {
    PROBED.get()
}

fn ask_software() -> Option<bool> {
    let document = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    let gl = context(&canvas)?;
    let software = renderer_name(&gl).is_some_and(|n| is_software_renderer(&n));
    if let Ok(Some(ext)) = gl.get_extension("WEBGL_lose_context") {
        if let Ok(lose) = js_sys::Reflect::get(&ext, &"loseContext".into()) {
            if let Ok(f) = lose.dyn_into::<js_sys::Function>() {
                let _ = f.call0(&ext);
            }
        }
    }
    Some(software)
}

fn shader(gl: &Gl, kind: u32, source: &str) -> Result<WebGlShader, JsValue> {
    let s = gl.create_shader(kind).ok_or_else(|| err("no shader"))?;
    gl.shader_source(&s, source);
    gl.compile_shader(&s);
    if gl
        .get_shader_parameter(&s, Gl::COMPILE_STATUS)
        .as_bool()
        .unwrap_or(false)
    {
        Ok(s)
    } else {
        Err(err(&gl.get_shader_info_log(&s).unwrap_or_default()))
    }
}

fn program(gl: &Gl, vertex: &str, fragment: &str) -> Result<Program, JsValue> {
    let p = gl.create_program().ok_or_else(|| err("no program"))?;
    gl.attach_shader(&p, &shader(gl, Gl::VERTEX_SHADER, vertex)?);
    gl.attach_shader(&p, &shader(gl, Gl::FRAGMENT_SHADER, fragment)?);
    gl.link_program(&p);
    if !gl
        .get_program_parameter(&p, Gl::LINK_STATUS)
        .as_bool()
        .unwrap_or(false)
    {
        return Err(err(&gl.get_program_info_log(&p).unwrap_or_default()));
    }
    Ok(Program {
        pos: gl.get_uniform_location(&p, "u_pos"),
        width: gl.get_uniform_location(&p, "u_width"),
        camera: gl.get_uniform_location(&p, "u_camera"),
        size: gl.get_uniform_location(&p, "u_size"),
        program: p,
    })
}

fn buffer(gl: &Gl) -> Result<WebGlBuffer, JsValue> {
    gl.create_buffer().ok_or_else(|| err("no buffer"))
}

fn f32_bytes(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|f| f.to_le_bytes()).collect()
}

/// Binds `attributes` (location, components, float?, offset in bytes) of
/// `buf` as per-instance data with `stride` bytes.
fn instanced(gl: &Gl, buf: &WebGlBuffer, stride: i32, attributes: &[(u32, i32, bool, i32)]) {
    gl.bind_buffer(Gl::ARRAY_BUFFER, Some(buf));
    for &(loc, size, float, offset) in attributes {
        gl.enable_vertex_attrib_array(loc);
        let (ty, norm) = if float {
            (Gl::FLOAT, false)
        } else {
            (Gl::UNSIGNED_BYTE, true)
        };
        gl.vertex_attrib_pointer_with_i32(loc, size, ty, norm, stride, offset);
        gl.vertex_attrib_divisor(loc, 1);
    }
}

fn corners(gl: &Gl, vao: &WebGlVertexArrayObject, data: &[f32]) -> Result<(), JsValue> {
    gl.bind_vertex_array(Some(vao));
    let b = buffer(gl)?;
    gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&b));
    gl.buffer_data_with_u8_array(Gl::ARRAY_BUFFER, &f32_bytes(data), Gl::STATIC_DRAW);
    gl.enable_vertex_attrib_array(0);
    gl.vertex_attrib_pointer_with_i32(0, 2, Gl::FLOAT, false, 8, 0);
    Ok(())
}

impl GlRenderer {
    /// Compiles the programs and sets up the buffers; `Err` with the
    /// driver's message when anything is missing.
    pub fn new(gl: Gl) -> Result<GlRenderer, JsValue> {
        let nodes = program(&gl, &shaders::node_vertex(), shaders::NODE_FRAGMENT)?;
        let edges = program(&gl, &shaders::edge_vertex(), shaders::EDGE_FRAGMENT)?;
        let node_vao = gl.create_vertex_array().ok_or_else(|| err("no VAO"))?;
        let edge_vao = gl.create_vertex_array().ok_or_else(|| err("no VAO"))?;
        let (node_floats, node_bytes) = (buffer(&gl)?, buffer(&gl)?);
        let (edge_floats, edge_bytes) = (buffer(&gl)?, buffer(&gl)?);
        // Two triangles: a square for nodes, a strip for ties.
        corners(
            &gl,
            &node_vao,
            &[-1., -1., 1., -1., 1., 1., -1., -1., 1., 1., -1., 1.],
        )?;
        let (nf, nb) = (NODE_FLOATS as i32 * 4, NODE_BYTES as i32);
        instanced(&gl, &node_floats, nf, &[(1, 4, true, 0)]);
        instanced(&gl, &node_bytes, nb, &[(2, 4, false, 0), (3, 4, false, 4)]);
        corners(
            &gl,
            &edge_vao,
            &[0., -1., 1., -1., 1., 1., 0., -1., 1., 1., 0., 1.],
        )?;
        let (ef, eb) = (EDGE_FLOATS as i32 * 4, EDGE_BYTES as i32);
        instanced(&gl, &edge_floats, ef, &[(1, 4, true, 0)]);
        instanced(&gl, &edge_bytes, eb, &[(2, 4, false, 0)]);
        gl.bind_vertex_array(None);
        let texture = gl.create_texture().ok_or_else(|| err("no texture"))?;
        gl.enable(Gl::BLEND);
        gl.blend_func(Gl::ONE, Gl::ONE_MINUS_SRC_ALPHA);
        gl.disable(Gl::DEPTH_TEST);
        Ok(GlRenderer {
            gl,
            nodes,
            edges,
            node_vao,
            edge_vao,
            node_floats,
            node_bytes,
            edge_floats,
            edge_bytes,
            texture,
            texture_rows: 0,
            texels: Vec::new(),
            texels_js: js_sys::Float32Array::new_with_length(0),
            origin: (0.0, 0.0),
            uploaded_styles: None,
            uploaded_positions: None,
            node_count: 0,
            edge_batches: Vec::new(),
        })
    }

    /// True when the context runs on a software rasteriser (no GPU).
    pub fn is_software(&self) -> bool {
        renderer_name(&self.gl).is_some_and(|n| is_software_renderer(&n))
    }

    /// True once the browser took the GPU away (the caller rebuilds).
    pub fn is_lost(&self) -> bool {
        self.gl.is_context_lost()
    }

    fn upload_styles(&mut self, scene: &Rc<Scene>, styles: &Rc<Styles>) {
        let key = (Rc::as_ptr(styles), Rc::as_ptr(scene));
        if self.uploaded_styles == Some(key) {
            return;
        }
        let gl = &self.gl;
        let nodes = node_instances(styles);
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&self.node_floats));
        gl.buffer_data_with_u8_array(Gl::ARRAY_BUFFER, &f32_bytes(&nodes.floats), Gl::STATIC_DRAW);
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&self.node_bytes));
        gl.buffer_data_with_u8_array(Gl::ARRAY_BUFFER, &nodes.bytes, Gl::STATIC_DRAW);
        let edges = edge_instances(scene, styles);
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&self.edge_floats));
        gl.buffer_data_with_u8_array(Gl::ARRAY_BUFFER, &f32_bytes(&edges.floats), Gl::STATIC_DRAW);
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&self.edge_bytes));
        gl.buffer_data_with_u8_array(Gl::ARRAY_BUFFER, &edges.bytes, Gl::STATIC_DRAW);
        self.node_count = nodes.len();
        self.edge_batches = edges.batches;
        self.uploaded_styles = Some(key);
    }

    fn upload_positions(&mut self, x: &[f64], y: &[f64], rev: u64) -> Result<(), JsValue> {
        if self.uploaded_positions == Some(rev) {
            return Ok(());
        }
        let gl = &self.gl;
        let rows = x.len().min(y.len()).div_ceil(TEXTURE_WIDTH).max(1);
        // Keep f32 precise: store positions relative to a point inside the
        // picture, re-centred only when the texture is rebuilt.
        if rows != self.texture_rows {
            let (sx, sy, k) = x
                .iter()
                .zip(y)
                .filter(|(a, b)| a.is_finite() && b.is_finite())
                .fold((0.0, 0.0, 0.0), |(sx, sy, k), (a, b)| {
                    (sx + a, sy + b, k + 1.0)
                });
            self.origin = if k > 0.0 {
                (sx / k, sy / k)
            } else {
                (0.0, 0.0)
            };
            gl.delete_texture(Some(&self.texture));
            self.texture = gl.create_texture().ok_or_else(|| err("no texture"))?;
            gl.bind_texture(Gl::TEXTURE_2D, Some(&self.texture));
            gl.tex_storage_2d(
                Gl::TEXTURE_2D,
                1,
                Gl::RG32F,
                TEXTURE_WIDTH as i32,
                rows as i32,
            );
            for p in [Gl::TEXTURE_MIN_FILTER, Gl::TEXTURE_MAG_FILTER] {
                gl.tex_parameteri(Gl::TEXTURE_2D, p, Gl::NEAREST as i32);
            }
            self.texels_js =
                js_sys::Float32Array::new_with_length((rows * TEXTURE_WIDTH * 2) as u32);
            self.texture_rows = rows;
        }
        position_texels(x, y, self.origin, TEXTURE_WIDTH, &mut self.texels);
        self.texels_js.copy_from(&self.texels);
        gl.bind_texture(Gl::TEXTURE_2D, Some(&self.texture));
        gl.pixel_storei(Gl::UNPACK_ALIGNMENT, 1);
        gl.tex_sub_image_2d_with_i32_and_i32_and_u32_and_type_and_opt_array_buffer_view(
            Gl::TEXTURE_2D,
            0,
            0,
            0,
            TEXTURE_WIDTH as i32,
            rows as i32,
            Gl::RG,
            Gl::FLOAT,
            Some(&self.texels_js),
        )?;
        self.uploaded_positions = Some(rev);
        Ok(())
    }

    fn use_program(&self, p: &Program, frame: &GlFrame) {
        let gl = &self.gl;
        let c = frame.camera;
        gl.use_program(Some(&p.program));
        gl.uniform1i(p.pos.as_ref(), 0);
        gl.uniform1i(p.width.as_ref(), TEXTURE_WIDTH as i32);
        // The texture holds positions relative to `origin`.
        let ox = c.offset.x + self.origin.0 * c.scale;
        let oy = c.offset.y + self.origin.1 * c.scale;
        gl.uniform4f(p.camera.as_ref(), c.scale as f32, ox as f32, oy as f32, 0.0);
        gl.uniform2f(p.size.as_ref(), c.size.width as f32, c.size.height as f32);
    }

    /// Draws `frame` over the whole canvas (whose backing store the caller
    /// sized to CSS size × dpr).
    pub fn draw(&mut self, frame: &GlFrame) -> Result<(), JsValue> {
        self.upload_styles(frame.scene, frame.styles);
        self.upload_positions(frame.x, frame.y, frame.positions_rev)?;
        let gl = &self.gl;
        let (w, h) = (gl.drawing_buffer_width(), gl.drawing_buffer_height());
        gl.viewport(0, 0, w, h);
        let bg = palette::BACKGROUND;
        gl.clear_color(
            f32::from(bg.0) / 255.0,
            f32::from(bg.1) / 255.0,
            f32::from(bg.2) / 255.0,
            1.0,
        );
        gl.clear(Gl::COLOR_BUFFER_BIT);
        gl.active_texture(Gl::TEXTURE0);
        gl.bind_texture(Gl::TEXTURE_2D, Some(&self.texture));
        let ranges = sample_ranges(&self.edge_batches, frame.edge_stride);
        if !ranges.is_empty() {
            self.use_program(&self.edges, frame);
            gl.bind_vertex_array(Some(&self.edge_vao));
            for (first, count) in ranges {
                self.bind_edge_offset(first);
                gl.draw_arrays_instanced(Gl::TRIANGLES, 0, 6, count as i32);
            }
        }
        if self.node_count > 0 {
            self.use_program(&self.nodes, frame);
            gl.bind_vertex_array(Some(&self.node_vao));
            gl.draw_arrays_instanced(Gl::TRIANGLES, 0, 6, self.node_count as i32);
        }
        gl.bind_vertex_array(None);
        Ok(())
    }

    /// Points the tie attributes at instance `first` (WebGL 2 has no base
    /// instance, so each batch's range is drawn by offsetting the pointers).
    fn bind_edge_offset(&self, first: usize) {
        let gl = &self.gl;
        let (ef, eb) = (EDGE_FLOATS as i32 * 4, EDGE_BYTES as i32);
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&self.edge_floats));
        gl.vertex_attrib_pointer_with_i32(1, 4, Gl::FLOAT, false, ef, first as i32 * ef);
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&self.edge_bytes));
        gl.vertex_attrib_pointer_with_i32(2, 4, Gl::UNSIGNED_BYTE, true, eb, first as i32 * eb);
    }
}
