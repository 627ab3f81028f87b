//! An RGBA pixel buffer and the few anti-aliased primitives a sociogram
//! needs (thin lines with dashes, discs, squares, rings), drawn in plain
//! Rust. Where the browser has no GPU, its own rasterisers measured slow for
//! this picture: Chrome's Canvas 2D (Skia, which `tiny-skia` ports) spent
//! 126 ms a frame on 3,000 ties of 1.2 px stroked as one path, and over 20 s
//! on a frame of 20,000 circles, and WebGL on SwiftShader stalls every frame
//! on reading its pixels back (see `scripts/profile-playback.mjs`). These
//! primitives cost a couple of blends per pixel covered, with no path
//! building, no per-call overhead and no case that turns quadratic; the
//! buffer goes to the canvas with one `putImageData`.
//!
//! Coverage is a box filter: a pixel is as covered as the share of it the
//! shape's area takes (lines: the overlap of the pixel's column or row with
//! the line's thickness; discs: `r + ½ − d` at the pixel centre, as the
//! WebGL shaders do), so a line thinner than a pixel fades rather than
//! vanishes, and the total ink of a line is its width times its length.

use super::palette::Rgb;

/// A picture of `width × height` pixels, RGBA in memory order (what
/// `ImageData` takes), opaque.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Raster {
    width: usize,
    height: usize,
    px: Vec<u8>,
}

/// How a line is drawn: colour, opacity (0..=1), width and dash pattern in
/// pixels (`dash` empty: solid; else on, off lengths along the line).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pen<'a> {
    pub colour: Rgb,
    pub alpha: f32,
    pub width: f32,
    pub dash: &'a [f64],
}

/// Opacity as a blend weight: 0..=256.
fn weight(alpha: f32) -> u32 {
    (alpha.clamp(0.0, 1.0) * 256.0) as u32
}

#[inline(always)]
fn mix(d: u8, s: u8, a: u32) -> u8 {
    let (d, s) = (i32::from(d), i32::from(s));
    (d + (((s - d) * a as i32) >> 8)) as u8
}

impl Raster {
    pub fn new(width: usize, height: usize) -> Raster {
        Raster {
            width,
            height,
            px: vec![255; width * height * 4],
        }
    }

    /// Makes the buffer `width × height` (contents undefined until cleared).
    pub fn resize(&mut self, width: usize, height: usize) {
        if (width, height) != (self.width, self.height) {
            self.width = width;
            self.height = height;
            self.px.resize(width * height * 4, 255);
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// The pixels, RGBA row by row.
    pub fn bytes(&self) -> &[u8] {
        &self.px
    }

    /// The RGBA of pixel `(x, y)`, if inside.
    pub fn pixel(&self, x: usize, y: usize) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y * self.width + x) * 4;
        Some([self.px[i], self.px[i + 1], self.px[i + 2], self.px[i + 3]])
    }

    /// Fills everything with `c`.
    pub fn clear(&mut self, c: Rgb) {
        // One row by pixel, the others copied from it (a memcpy each).
        let row = self.width * 4;
        let Some(first) = self.px.get_mut(..row) else {
            return;
        };
        for p in first.chunks_exact_mut(4) {
            p.copy_from_slice(&[c.0, c.1, c.2, 255]);
        }
        for y in 1..self.height {
            self.px.copy_within(..row, y * row);
        }
    }

    /// Blends `c` over pixel `(x, y)` with weight `a` (0..=256); outside
    /// pixels are ignored.
    #[inline(always)]
    fn blend(&mut self, x: i64, y: i64, c: Rgb, a: u32) {
        if a == 0 || x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 {
            return;
        }
        let i = (y as usize * self.width + x as usize) * 4;
        if let Some(p) = self.px.get_mut(i..i + 3) {
            p[0] = mix(p[0], c.0, a);
            p[1] = mix(p[1], c.1, a);
            p[2] = mix(p[2], c.2, a);
        }
    }

    /// An anti-aliased line from `a` to `b` (pixel coordinates, pixel
    /// centres at `i + ½`). Only the part inside the buffer costs anything.
    ///
    /// # Complexity
    /// O(visible length × ⌈width⌉).
    pub fn line(&mut self, a: (f64, f64), b: (f64, f64), pen: &Pen) {
        let pad = f64::from(pen.width) + 2.0;
        let Some((a, b)) = clip(
            a,
            b,
            -pad,
            -pad,
            self.width as f64 + pad,
            self.height as f64 + pad,
        ) else {
            return;
        };
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        if dx.abs() >= dy.abs() {
            self.run(a, b, pen, false);
        } else {
            // The same walk with x and y swapped.
            self.run((a.1, a.0), (b.1, b.0), pen, true);
        }
    }

    /// Walks the major axis (x, or y when `swapped`) one pixel at a time and
    /// covers the pixels the line's thickness overlaps across it.
    fn run(&mut self, a: (f64, f64), b: (f64, f64), pen: &Pen, swapped: bool) {
        let (a, b) = if b.0 < a.0 { (b, a) } else { (a, b) };
        let len = b.0 - a.0;
        if !(len.is_finite() && len > 1e-9) {
            return;
        }
        let g = (b.1 - a.1) / len;
        let stretch = (1.0 + g * g).sqrt();
        // Half the thickness measured across the walk.
        let half = 0.5 * f64::from(pen.width) * stretch;
        let total = weight(pen.alpha) as f64;
        let period: f64 = pen.dash.iter().sum();
        let on = pen.dash.first().copied().unwrap_or(f64::INFINITY);
        let first = (a.0 - 0.5).ceil() as i64;
        let last = (b.0 - 0.5).floor() as i64;
        for i in first..=last {
            let centre = i as f64 + 0.5;
            if period > 0.0 && ((centre - a.0) * stretch) % period >= on {
                continue;
            }
            let c = a.1 + (centre - a.0) * g;
            let (lo, hi) = (c - half, c + half);
            let (j0, j1) = (lo.floor() as i64, (hi.ceil() as i64) - 1);
            for j in j0..=j1 {
                let cover = (hi.min((j + 1) as f64) - lo.max(j as f64)).clamp(0.0, 1.0);
                let w = (cover * total) as u32;
                if swapped {
                    self.blend(j, i, pen.colour, w);
                } else {
                    self.blend(i, j, pen.colour, w);
                }
            }
        }
    }

    /// A filled disc of radius `r` centred at `c`, with an optional ring of
    /// `ring.1` pixels centred on its edge in `ring.0`.
    ///
    /// # Complexity
    /// O(r²).
    pub fn disc(&mut self, c: (f64, f64), r: f64, fill: Rgb, alpha: f32, ring: Option<(Rgb, f64)>) {
        if ring.is_some() {
            self.shape(c, r, fill, alpha, ring, |dx, dy| (dx * dx + dy * dy).sqrt());
        } else {
            self.plain_disc(c, r, fill, alpha);
        }
    }

    /// [`Raster::disc`] without a ring, row by row: the pixels well inside
    /// are blended at full cover without a distance each, so only the rim
    /// costs a square root.
    fn plain_disc(&mut self, c: (f64, f64), r: f64, fill: Rgb, alpha: f32) {
        if !(c.0.is_finite() && c.1.is_finite() && r.is_finite() && r > 0.0) {
            return;
        }
        let body = weight(alpha);
        let (outer, inner) = (r + 0.5, r - 0.5);
        let y0 = (c.1 - outer).floor().max(0.0) as i64;
        let y1 = ((c.1 + outer).ceil() as i64).min(self.height as i64);
        for y in y0..y1 {
            let dy = y as f64 + 0.5 - c.1;
            let reach = outer * outer - dy * dy;
            if reach <= 0.0 {
                continue;
            }
            let half = reach.sqrt();
            let solid = if inner > 0.0 && inner * inner > dy * dy {
                (inner * inner - dy * dy).sqrt()
            } else {
                -1.0
            };
            let x0 = ((c.0 - half - 0.5).floor() as i64).max(0);
            let x1 = ((c.0 + half + 0.5).ceil() as i64).min(self.width as i64);
            for x in x0..x1 {
                let dx = x as f64 + 0.5 - c.0;
                if dx.abs() <= solid {
                    self.blend(x, y, fill, body);
                } else {
                    let d = (dx * dx + dy * dy).sqrt();
                    let cover = (r - d + 0.5).clamp(0.0, 1.0);
                    self.blend(x, y, fill, (cover * f64::from(body)) as u32);
                }
            }
        }
    }

    /// A node too small for a disc: one pixel, as covered as the disc's area
    /// (but never fainter than a third, so it stays visible).
    pub fn dot(&mut self, c: (f64, f64), r: f64, fill: Rgb, alpha: f32) {
        if !(c.0.is_finite() && c.1.is_finite()) {
            return;
        }
        let cover = (std::f64::consts::PI * r * r).clamp(0.35, 1.0);
        let w = (cover * f64::from(weight(alpha))) as u32;
        self.blend(c.0.floor() as i64, c.1.floor() as i64, fill, w);
    }

    /// A filled square of half-side `r` centred at `c` (ring as for [`Raster::disc`]).
    pub fn square(
        &mut self,
        c: (f64, f64),
        r: f64,
        fill: Rgb,
        alpha: f32,
        ring: Option<(Rgb, f64)>,
    ) {
        self.shape(c, r, fill, alpha, ring, |dx, dy| dx.abs().max(dy.abs()));
    }

    /// Covers each pixel by `r + ½ − d(pixel centre)` for the distance `d`
    /// of the shape, then the ring by its own band.
    fn shape(
        &mut self,
        c: (f64, f64),
        r: f64,
        fill: Rgb,
        alpha: f32,
        ring: Option<(Rgb, f64)>,
        distance: impl Fn(f64, f64) -> f64,
    ) {
        if !(c.0.is_finite() && c.1.is_finite() && r.is_finite() && r > 0.0) {
            return;
        }
        let band = ring.map_or(0.0, |(_, w)| w * 0.5);
        let reach = r + band + 1.0;
        let (x0, x1) = ((c.0 - reach).floor().max(0.0), (c.0 + reach).ceil());
        let (y0, y1) = ((c.1 - reach).floor().max(0.0), (c.1 + reach).ceil());
        let x1 = x1.min(self.width as f64);
        let y1 = y1.min(self.height as f64);
        if x0 >= x1 || y0 >= y1 {
            return;
        }
        let body = weight(alpha) as f64;
        for y in y0 as i64..y1 as i64 {
            let dy = y as f64 + 0.5 - c.1;
            for x in x0 as i64..x1 as i64 {
                let d = distance(x as f64 + 0.5 - c.0, dy);
                let cover = (r - d + 0.5).clamp(0.0, 1.0);
                self.blend(x, y, fill, (cover * body) as u32);
                if let Some((colour, _)) = ring {
                    let edge = (band - (d - r).abs() + 0.5).clamp(0.0, 1.0);
                    self.blend(x, y, colour, (edge * 256.0) as u32);
                }
            }
        }
    }
}

/// The part of segment `a`–`b` inside the rectangle, if any (Liang–Barsky).
pub fn clip(
    a: (f64, f64),
    b: (f64, f64),
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
) -> Option<((f64, f64), (f64, f64))> {
    if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
        return None;
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - x0),
        (dx, x1 - a.0),
        (-dy, a.1 - y0),
        (dy, y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some((
        (a.0 + t0 * dx, a.1 + t0 * dy),
        (a.0 + t1 * dx, a.1 + t1 * dy),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BG: Rgb = Rgb(0, 0, 0);
    const WHITE: Rgb = Rgb(255, 255, 255);

    fn pen(width: f32, dash: &[f64]) -> Pen<'_> {
        Pen {
            colour: WHITE,
            alpha: 1.0,
            width,
            dash,
        }
    }

    fn red(r: &Raster, x: usize, y: usize) -> u8 {
        r.pixel(x, y).map_or(0, |p| p[0])
    }

    fn ink(r: &Raster) -> f64 {
        r.bytes().chunks(4).map(|p| f64::from(p[0]) / 255.0).sum()
    }

    #[test]
    fn clearing_fills_every_pixel_opaque() {
        let mut r = Raster::new(3, 2);
        r.clear(Rgb(16, 23, 34));
        assert!(r.bytes().chunks(4).all(|p| p == [16, 23, 34, 255]));
        assert_eq!(r.pixel(3, 0), None);
    }

    #[test]
    fn a_line_puts_its_width_times_its_length_of_ink() {
        for (width, a, b) in [
            (1.0, (2.0, 10.5), (42.0, 10.5)),
            (2.5, (2.0, 3.0), (42.0, 30.0)),
            (0.5, (10.0, 2.0), (14.0, 45.0)),
        ] {
            let mut r = Raster::new(50, 50);
            r.clear(BG);
            r.line(a, b, &pen(width, &[]));
            let length = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).sqrt();
            let want = f64::from(width) * length;
            let got = ink(&r);
            assert!(
                (got - want).abs() < 0.06 * want + 2.0,
                "{width}: {got} vs {want}"
            );
        }
    }

    #[test]
    fn a_horizontal_hairline_on_a_pixel_row_is_solid_and_only_there() {
        let mut r = Raster::new(20, 5);
        r.clear(BG);
        r.line((0.0, 2.5), (20.0, 2.5), &pen(1.0, &[]));
        assert!((0..20).all(|x| red(&r, x, 2) >= 254));
        assert!((0..20).all(|x| red(&r, x, 1) == 0 && red(&r, x, 3) == 0));
        // Steep lines walk the other axis and are as dense.
        let mut v = Raster::new(5, 20);
        v.clear(BG);
        v.line((2.5, 0.0), (2.5, 20.0), &pen(1.0, &[]));
        assert!((0..20).all(|y| red(&v, 2, y) >= 254));
    }

    #[test]
    fn dashes_leave_gaps_and_lines_outside_cost_nothing() {
        let mut r = Raster::new(40, 3);
        r.clear(BG);
        r.line((0.0, 1.5), (40.0, 1.5), &pen(1.0, &[6.0, 4.0]));
        let row: Vec<bool> = (0..40).map(|x| red(&r, x, 1) > 128).collect();
        assert!(row[..6].iter().all(|&on| on) && row[6..10].iter().all(|&on| !on));
        assert!(row[10..16].iter().all(|&on| on));
        let mut blank = Raster::new(10, 10);
        blank.clear(BG);
        blank.line((-50.0, -5.0), (100.0, -5.0), &pen(1.0, &[]));
        blank.line((f64::NAN, 1.0), (3.0, 3.0), &pen(1.0, &[]));
        assert_eq!(ink(&blank), 0.0);
    }

    #[test]
    fn half_opacity_blends_half_way() {
        let mut r = Raster::new(4, 4);
        r.clear(Rgb(0, 0, 200));
        let p = Pen {
            alpha: 0.5,
            ..pen(1.0, &[])
        };
        r.line((0.0, 1.5), (4.0, 1.5), &p);
        assert_eq!(r.pixel(1, 1), Some([127, 127, 227, 255]));
    }

    #[test]
    fn clipping_keeps_the_inside_part() {
        let inside = clip((-10.0, 5.0), (20.0, 5.0), 0.0, 0.0, 10.0, 10.0);
        assert_eq!(inside, Some(((0.0, 5.0), (10.0, 5.0))));
        assert_eq!(
            clip((-10.0, -1.0), (20.0, -1.0), 0.0, 0.0, 10.0, 10.0),
            None
        );
    }

    #[test]
    fn the_fast_disc_matches_the_general_one() {
        for (c, r) in [((20.0, 20.0), 8.0), ((10.3, 7.7), 2.4), ((0.5, 39.2), 0.8)] {
            let mut fast = Raster::new(40, 40);
            fast.clear(BG);
            fast.disc(c, r, WHITE, 0.8, None);
            let mut slow = Raster::new(40, 40);
            slow.clear(BG);
            slow.shape(c, r, WHITE, 0.8, None, |dx, dy| (dx * dx + dy * dy).sqrt());
            let diff = fast
                .bytes()
                .iter()
                .zip(slow.bytes())
                .map(|(a, b)| (i32::from(*a) - i32::from(*b)).abs())
                .max();
            assert!(diff.unwrap_or(0) <= 1, "{c:?} {r}: {diff:?}");
        }
        let mut d = Raster::new(4, 4);
        d.clear(BG);
        d.dot((1.6, 2.2), 0.3, WHITE, 1.0);
        assert!(red(&d, 1, 2) > 80 && ink(&d) < 1.0);
    }

    #[test]
    fn a_disc_covers_its_area_and_a_ring_its_band() {
        let mut r = Raster::new(40, 40);
        r.clear(BG);
        r.disc((20.0, 20.0), 8.0, WHITE, 1.0, None);
        let area = std::f64::consts::PI * 64.0;
        assert!((ink(&r) - area).abs() < 0.02 * area, "{}", ink(&r));
        assert_eq!(red(&r, 20, 20), 255);
        assert_eq!(red(&r, 20, 30), 0);
        let mut s = Raster::new(40, 40);
        s.clear(BG);
        s.square((20.0, 20.0), 5.0, WHITE, 1.0, None);
        assert!((ink(&s) - 100.0).abs() < 1.0);
        // A red ring around a black disc: red on the edge, not in the middle.
        let mut g = Raster::new(40, 40);
        g.clear(BG);
        g.disc((20.0, 20.0), 8.0, BG, 1.0, Some((Rgb(255, 0, 0), 3.0)));
        assert_eq!(red(&g, 20, 20), 0);
        assert!(red(&g, 28, 20) > 200, "{}", red(&g, 28, 20));
        // Shapes partly off the buffer draw their inside part only.
        let mut edge = Raster::new(10, 10);
        edge.clear(BG);
        edge.disc((0.0, 0.0), 4.0, WHITE, 1.0, None);
        assert!(ink(&edge) > 10.0);
        edge.disc((f64::NAN, 0.0), 4.0, WHITE, 1.0, None);
    }
}
