//! The card a tap opens: a node's metrics in plain words, as i18n keys and
//! numbers. Residents and named people get no name, ever ("A resident ·
//! named 4 people · in group 3"); a listed place shows its public name.

use super::scene::{NodeKind, Scene};

/// One line of a card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardLine {
    pub key: &'static str,
    pub args: Vec<(&'static str, f64)>,
}

/// A node's card.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeCard {
    pub title: CardLine,
    /// Only for places on the event's list.
    pub place_name: Option<String>,
    pub lines: Vec<CardLine>,
}

/// Every i18n key a card can use (the key test reads this).
pub const KEYS: [&str; 10] = [
    "pb-card-resident",
    "pb-card-named-person",
    "pb-card-place",
    "pb-card-names",
    "pb-card-named-by",
    "pb-card-group",
    "pb-card-broker",
    "pb-card-change-maker",
    "pb-card-reaches",
    "pb-card-visitors",
];

fn line(key: &'static str, args: Vec<(&'static str, f64)>) -> CardLine {
    CardLine { key, args }
}

/// The card for scene node `index`, or `None` when there is no such node.
pub fn card(scene: &Scene, index: u32) -> Option<NodeCard> {
    let n = scene.nodes.get(index as usize)?;
    let group = || line(KEYS[5], vec![("group", f64::from(n.group) + 1.0)]);
    let mut lines = Vec::new();
    let title = match n.kind {
        NodeKind::Resident => {
            lines.push(line(KEYS[3], vec![("count", f64::from(n.named))]));
            lines.push(group());
            if n.reaches_change {
                lines.push(line(KEYS[8], Vec::new()));
            }
            line(KEYS[0], Vec::new())
        }
        NodeKind::Named => {
            lines.push(line(KEYS[4], vec![("count", f64::from(n.named_by))]));
            lines.push(group());
            if n.change_maker {
                lines.push(line(KEYS[7], Vec::new()));
            }
            line(KEYS[1], Vec::new())
        }
        NodeKind::Place => {
            lines.push(line(KEYS[9], vec![("count", f64::from(n.named_by))]));
            line(KEYS[2], Vec::new())
        }
    };
    if n.broker {
        lines.push(line(KEYS[6], Vec::new()));
    }
    Some(NodeCard {
        title,
        place_name: (n.kind == NodeKind::Place)
            .then(|| n.label.clone())
            .flatten(),
        lines,
    })
}
