//! A Barnes–Hut quadtree (Barnes & Hut 1986, Nature 324: 446–449) over node
//! positions, so ForceAtlas2 repulsion costs O(n log n) instead of O(n²).
//!
//! Regions live in one flat arena; each region's `next` points to the region
//! to visit after it and its subtree, so a traversal needs no stack.

/// No region / no body.
const NONE: u32 = u32::MAX;
/// Below this depth bodies are so close that they are lumped into one leaf.
const MAX_DEPTH: u32 = 48;

/// One square region of the plane.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    pub cx: f64,
    pub cy: f64,
    /// Half the side length.
    pub half: f64,
    pub mass: f64,
    /// Centre of mass (after [`QuadTree::build`] finishes).
    pub mx: f64,
    pub my: f64,
    /// The first body in a leaf, or `u32::MAX`; see [`QuadTree::leaf_bodies`].
    pub body: u32,
    /// Bodies lumped in this leaf (more than 1 only at the depth limit).
    pub count: u32,
    /// First of four consecutive children, or `u32::MAX` for a leaf.
    pub first_child: u32,
    /// The region after this subtree in depth-first order, or `u32::MAX`.
    pub next: u32,
}

impl Region {
    fn new(cx: f64, cy: f64, half: f64) -> Self {
        Region {
            cx,
            cy,
            half,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            body: NONE,
            count: 0,
            first_child: NONE,
            next: NONE,
        }
    }

    pub fn is_leaf(&self) -> bool {
        self.first_child == NONE
    }

    fn quadrant(&self, x: f64, y: f64) -> u32 {
        u32::from(x >= self.cx) * 2 + u32::from(y >= self.cy)
    }
}

/// The tree; rebuilt every iteration because every node moves.
#[derive(Debug, Clone, Default)]
pub struct QuadTree {
    pub regions: Vec<Region>,
    /// For each body, the next body lumped into the same leaf, or `u32::MAX`.
    chain: Vec<u32>,
}

impl QuadTree {
    /// Builds the tree over bodies `(x[i], y[i])` with masses `mass[i]`;
    /// non-finite positions are left out.
    ///
    /// # Complexity
    /// O(n log n) for well-spread points (depth bounded by [`MAX_DEPTH`]).
    pub fn build(x: &[f64], y: &[f64], mass: &[f64]) -> QuadTree {
        let n = x.len().min(y.len()).min(mass.len());
        let finite = |i: &usize| x[*i].is_finite() && y[*i].is_finite();
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for i in (0..n).filter(finite) {
            min_x = min_x.min(x[i]);
            max_x = max_x.max(x[i]);
            min_y = min_y.min(y[i]);
            max_y = max_y.max(y[i]);
        }
        let mut tree = QuadTree {
            regions: Vec::with_capacity(2 * n + 1),
            chain: vec![NONE; n],
        };
        if min_x > max_x {
            return tree;
        }
        let half = ((max_x - min_x).max(max_y - min_y) / 2.0).max(1e-6) * 1.0001;
        tree.regions.push(Region::new(
            (min_x + max_x) / 2.0,
            (min_y + max_y) / 2.0,
            half,
        ));
        for i in (0..n).filter(finite) {
            tree.insert(i, x[i], y[i], mass[i]);
        }
        tree.finish();
        tree
    }

    fn insert(&mut self, i: usize, x: f64, y: f64, m: f64) {
        let mut r = 0usize;
        let mut depth = 0;
        loop {
            let reg = self.regions[r];
            if !reg.is_leaf() {
                self.add_mass(r, x, y, m);
                r = (reg.first_child + reg.quadrant(x, y)) as usize;
                depth += 1;
                continue;
            }
            if reg.body == NONE {
                let leaf = &mut self.regions[r];
                leaf.body = i as u32;
                leaf.count = 1;
                self.add_mass(r, x, y, m);
                return;
            }
            if depth >= MAX_DEPTH {
                self.chain[i] = reg.body;
                self.regions[r].body = i as u32;
                self.regions[r].count += 1;
                self.add_mass(r, x, y, m);
                return;
            }
            self.split(r);
        }
    }

    /// Turns a one-body leaf into an inner region with the body moved to a child.
    fn split(&mut self, r: usize) {
        let reg = self.regions[r];
        let first = self.regions.len() as u32;
        let h = reg.half / 2.0;
        for (dx, dy) in [(-1.0, -1.0), (-1.0, 1.0), (1.0, -1.0), (1.0, 1.0)] {
            self.regions
                .push(Region::new(reg.cx + dx * h, reg.cy + dy * h, h));
        }
        // The body's position is recovered from the leaf's mass-weighted sums.
        let (bx, by) = (
            reg.mx / reg.mass.max(f64::MIN_POSITIVE),
            reg.my / reg.mass.max(f64::MIN_POSITIVE),
        );
        let child = (first + reg.quadrant(bx, by)) as usize;
        self.regions[child].body = reg.body;
        self.regions[child].count = reg.count;
        self.regions[child].mass = reg.mass;
        self.regions[child].mx = reg.mx;
        self.regions[child].my = reg.my;
        let parent = &mut self.regions[r];
        parent.first_child = first;
        parent.body = NONE;
        parent.count = 0;
    }

    /// While building, `mx`/`my` hold mass-weighted sums.
    fn add_mass(&mut self, r: usize, x: f64, y: f64, m: f64) {
        let reg = &mut self.regions[r];
        reg.mass += m;
        reg.mx += x * m;
        reg.my += y * m;
    }

    /// Turns sums into centres of mass and threads the `next` pointers.
    fn finish(&mut self) {
        for r in 0..self.regions.len() {
            let reg = &mut self.regions[r];
            if reg.mass > 0.0 {
                reg.mx /= reg.mass;
                reg.my /= reg.mass;
            } else {
                (reg.mx, reg.my) = (reg.cx, reg.cy);
            }
            let (first, next) = (reg.first_child, reg.next);
            if first != NONE {
                for k in 0..4 {
                    let c = (first + k) as usize;
                    self.regions[c].next = if k < 3 { first + k + 1 } else { next };
                }
            }
        }
    }

    /// The bodies in a leaf (one, or several lumped at the depth limit).
    pub fn leaf_bodies(&self, leaf: &Region) -> impl Iterator<Item = usize> + '_ {
        let mut b = if leaf.is_leaf() { leaf.body } else { NONE };
        std::iter::from_fn(move || {
            if b == NONE {
                return None;
            }
            let out = b as usize;
            b = self.chain.get(out).copied().unwrap_or(NONE);
            Some(out)
        })
    }

    /// Calls `visit(region)` for every region that a body at `(x, y)` must
    /// interact with: single leaves, lumped leaves, and inner regions far
    /// enough away (width / distance < theta) to count as one body.
    pub fn for_each_interaction(&self, x: f64, y: f64, theta: f64, mut visit: impl FnMut(&Region)) {
        if self.regions.is_empty() {
            return;
        }
        let theta2 = theta * theta;
        let mut r = 0u32;
        while r != NONE {
            let reg = &self.regions[r as usize];
            if reg.is_leaf() {
                if reg.count > 0 {
                    visit(reg);
                }
                r = reg.next;
                continue;
            }
            let (dx, dy) = (x - reg.mx, y - reg.my);
            let width = 2.0 * reg.half;
            if width * width < theta2 * (dx * dx + dy * dy) {
                visit(reg);
                r = reg.next;
            } else {
                r = reg.first_child;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_mass_and_centre_are_kept() {
        let x = [0.0, 1.0, 2.0, 2.0, -5.0];
        let y = [0.0, 1.0, 2.0, 2.0, 3.0];
        let m = [1.0, 2.0, 3.0, 1.0, 1.0];
        let t = QuadTree::build(&x, &y, &m);
        let root = t.regions[0];
        assert!((root.mass - 8.0).abs() < 1e-12);
        let cx: f64 = x.iter().zip(&m).map(|(a, b)| a * b).sum::<f64>() / 8.0;
        assert!((root.mx - cx).abs() < 1e-9);
        // Theta 0 visits every body once (coincident bodies lumped together).
        let mut seen = 0;
        t.for_each_interaction(100.0, 100.0, 0.0, |r| seen += r.count);
        assert_eq!(seen, 5);
    }

    #[test]
    fn empty_and_non_finite_inputs_build_an_empty_tree() {
        assert!(QuadTree::build(&[], &[], &[]).regions.is_empty());
        let t = QuadTree::build(&[f64::NAN], &[0.0], &[1.0]);
        assert!(t.regions.is_empty());
        t.for_each_interaction(0.0, 0.0, 0.5, |_| panic!("nothing to visit"));
    }
}
