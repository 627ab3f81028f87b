//! Colours for a dark, projector-friendly picture: community colours bright
//! enough on near-black and distinct for common colour-vision deficiencies
//! (after Okabe–Ito and Tableau 10, lightened), highlight colours that stand
//! out from all of them, and a dim grey-blue for what a lens sets aside.

/// An sRGB colour.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for SVG attributes and canvas fill styles.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Community colours, largest group first.
pub const GROUPS: [Rgb; 8] = [
    Rgb(86, 180, 233),  // sky blue
    Rgb(230, 159, 0),   // orange
    Rgb(0, 200, 150),   // bluish green
    Rgb(240, 228, 66),  // yellow
    Rgb(204, 121, 167), // reddish purple
    Rgb(255, 120, 90),  // vermilion, lightened
    Rgb(160, 140, 255), // lavender
    Rgb(170, 220, 120), // light green
];
/// The legend's swatch for the smaller communities (their colours repeat).
pub const OTHER_GROUP: Rgb = Rgb(150, 160, 175);
/// What a lens sets aside.
pub const DIM: Rgb = Rgb(78, 92, 112);
/// What a lens is about.
pub const STRONG: Rgb = Rgb(255, 200, 60);
/// The lens's second category (who can reach, named once).
pub const SECOND: Rgb = Rgb(90, 190, 255);
/// Places (squares) in the two-mode lens.
pub const PLACE: Rgb = Rgb(255, 140, 105);
/// Residents when colour means something else.
pub const PLAIN: Rgb = Rgb(185, 198, 218);
/// The resident who just finished.
pub const YOU: Rgb = Rgb(255, 255, 255);
/// Text on the dark background.
pub const INK: Rgb = Rgb(233, 238, 245);
/// The background the screen and exports share.
pub const BACKGROUND: Rgb = Rgb(16, 23, 34);

/// The colour of community rank `rank` (0 = largest). Beyond the palette
/// colours repeat: a fragmented network (many small circles of residents and
/// the people they named) still reads as groups, and the legend says so.
pub fn group_colour(rank: u32) -> Rgb {
    GROUPS[rank as usize % GROUPS.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_css() {
        assert_eq!(Rgb(16, 23, 255).hex(), "#1017ff");
        assert_eq!(group_colour(9), GROUPS[1]);
    }
}
