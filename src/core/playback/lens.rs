//! The lenses: one question each that the picture answers, switched with one
//! tap. Each has a label and a one-line caption in plain words (i18n keys).

/// What the picture emphasises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lens {
    /// Colour by community.
    #[default]
    Communities,
    /// Residents who named nobody; people only one resident named.
    Isolates,
    /// Brokers (articulation points, high betweenness) and bridges.
    Brokers,
    /// People who can change things, and residents who can reach them.
    ChangeMakers,
    /// The two-mode picture: residents and the places they go.
    Places,
    /// One attribute group (e.g. single parents).
    Group,
}

impl Lens {
    pub const ALL: [Lens; 6] = [
        Lens::Communities,
        Lens::Isolates,
        Lens::Brokers,
        Lens::ChangeMakers,
        Lens::Places,
        Lens::Group,
    ];

    /// A stable name for tests and data attributes.
    pub fn id(self) -> &'static str {
        match self {
            Lens::Communities => "communities",
            Lens::Isolates => "isolates",
            Lens::Brokers => "brokers",
            Lens::ChangeMakers => "change-makers",
            Lens::Places => "places",
            Lens::Group => "group",
        }
    }

    /// The button's i18n key.
    pub fn key(self) -> &'static str {
        match self {
            Lens::Communities => "pb-lens-communities",
            Lens::Isolates => "pb-lens-isolates",
            Lens::Brokers => "pb-lens-brokers",
            Lens::ChangeMakers => "pb-lens-change-makers",
            Lens::Places => "pb-lens-places",
            Lens::Group => "pb-lens-group",
        }
    }

    /// The caption's i18n key (the group caption takes `group` and `attribute`).
    pub fn caption_key(self) -> &'static str {
        match self {
            Lens::Communities => "pb-caption-communities",
            Lens::Isolates => "pb-caption-isolates",
            Lens::Brokers => "pb-caption-brokers",
            Lens::ChangeMakers => "pb-caption-change-makers",
            Lens::Places => "pb-caption-places",
            Lens::Group => "pb-caption-group",
        }
    }

    /// True for the lens drawn from the two-mode (people–places) network.
    pub fn shows_places(self) -> bool {
        self == Lens::Places
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_lens_has_distinct_keys() {
        let ids: BTreeSet<_> = Lens::ALL.iter().map(|l| l.id()).collect();
        let keys: BTreeSet<_> = Lens::ALL.iter().map(|l| l.key()).collect();
        let captions: BTreeSet<_> = Lens::ALL.iter().map(|l| l.caption_key()).collect();
        assert_eq!((ids.len(), keys.len(), captions.len()), (6, 6, 6));
    }
}
