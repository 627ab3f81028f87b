//! Who a demo resident is: their circle, area and about-you answers. The
//! mix follows the circle's theme, so single parents cluster where the
//! toddler group and the school gates are, and pensioners at the lunch club.

use super::event::{AGE_BANDS, EMPLOYMENT, SINGLE_PARENT, YEARS};
use super::names::{background, Background};
use super::world::{Theme, World};
use rand::Rng;

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub circle: usize,
    pub area: usize,
    pub theme: Theme,
    /// The circle's places (indices into the event's list).
    pub places: Vec<usize>,
    pub employment: &'static str,
    pub age: &'static str,
    pub years: &'static str,
    pub background: Background,
}

impl Profile {
    pub fn generate<R: Rng>(rng: &mut R, world: &World) -> Self {
        let circle = rng.random_range(0..world.circles.len());
        let c = &world.circles[circle];
        let employment = employment(rng, c.theme);
        Profile {
            circle,
            area: c.area,
            theme: c.theme,
            places: c.places.clone(),
            employment,
            age: age(rng, c.theme, employment),
            years: YEARS[rng.random_range(0..YEARS.len())],
            background: background(rng),
        }
    }

    pub fn area_name<'w>(&self, world: &'w World) -> &'w str {
        world.areas.get(self.area).map(String::as_str).unwrap_or("")
    }

    pub fn is_single_parent(&self) -> bool {
        self.employment == SINGLE_PARENT
    }

    pub fn is_retired(&self) -> bool {
        self.employment == "Retired"
    }
}

/// Picks from `(weight, item)` rows; weights are small integers.
pub fn weighted<R: Rng, T: Copy>(rng: &mut R, rows: &[(u32, T)]) -> T {
    let total: u32 = rows.iter().map(|r| r.0).sum();
    let mut x = rng.random_range(0..total.max(1));
    for &(w, item) in rows {
        if x < w {
            return item;
        }
        x -= w;
    }
    rows[rows.len() - 1].1
}

fn employment<R: Rng>(rng: &mut R, theme: Theme) -> &'static str {
    let [employed, self_employed, unemployed, single_parent, retired, student, carer] = EMPLOYMENT;
    let rows: &[(u32, &'static str)] = match theme {
        Theme::Families => &[
            (30, employed),
            (8, self_employed),
            (14, unemployed),
            (45, single_parent),
            (3, carer),
        ],
        Theme::Older => &[
            (10, employed),
            (72, retired),
            (15, carer),
            (3, self_employed),
        ],
        Theme::Pub => &[
            (52, employed),
            (15, self_employed),
            (20, unemployed),
            (8, carer),
            (5, retired),
        ],
        Theme::Young => &[
            (25, employed),
            (55, student),
            (18, unemployed),
            (2, single_parent),
        ],
        Theme::Volunteers => &[
            (33, employed),
            (35, retired),
            (10, self_employed),
            (10, unemployed),
            (7, single_parent),
            (5, carer),
        ],
    };
    weighted(rng, rows)
}

fn age<R: Rng>(rng: &mut R, theme: Theme, employment: &str) -> &'static str {
    let [a16, a25, a35, a45, a55, a65] = AGE_BANDS;
    if employment == "Retired" {
        return weighted(rng, &[(1, a55), (4, a65)]);
    }
    if employment == "Student" {
        return weighted(rng, &[(5, a16), (1, a25)]);
    }
    let rows: &[(u32, &'static str)] = match theme {
        Theme::Families => &[(2, a16), (5, a25), (4, a35), (1, a45)],
        Theme::Older => &[(1, a45), (3, a55), (5, a65)],
        Theme::Pub => &[(1, a16), (3, a25), (3, a35), (3, a45), (2, a55)],
        Theme::Young => &[(5, a16), (3, a25)],
        Theme::Volunteers => &[(1, a25), (2, a35), (3, a45), (3, a55), (2, a65)],
    };
    weighted(rng, rows)
}
