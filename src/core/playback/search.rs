//! Finding a person or place on the play-back by name — in the facilitator
//! view only (behind the PIN): the public screen never has names to search.
//! Names are folded (case, accents) as the matching engine folds them, so
//! "zoe" finds "Zoë".

use super::scene::{NodeKind, Scene};
use crate::core::analysis::{people_network, people_places_network};
use crate::core::matching::normalise::fold;
use crate::core::model::Community;
use crate::core::network::{AttrValue, KIND_ATTR, KIND_PLACE};

/// One name the facilitator can search for.
#[derive(Debug, Clone, PartialEq)]
pub struct NameEntry {
    /// The scene node it belongs to.
    pub node: u32,
    pub name: String,
    pub kind: NodeKind,
    folded: String,
}

/// The names of a scene's people and places, built once per scene.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NameIndex {
    entries: Vec<NameEntry>,
}

impl NameIndex {
    /// Every named person and place of `community` that `scene` draws.
    ///
    /// # Complexity
    /// That of building the people and people–places networks: O(n + m).
    pub fn new(community: &Community, scene: &Scene) -> NameIndex {
        let mut entries = Vec::new();
        let mut add = |id: &str, name: &Option<String>| {
            let (Some(node), Some(name)) = (scene.index_of(id), name.as_ref()) else {
                return;
            };
            if name.trim().is_empty() || entries.iter().any(|e: &NameEntry| e.node == node) {
                return;
            }
            entries.push(NameEntry {
                node,
                name: name.clone(),
                kind: scene.nodes[node as usize].kind,
                folded: fold(name),
            });
        };
        for n in &people_network(community).nodes {
            add(&n.id, &n.label);
        }
        for n in &people_places_network(community).nodes {
            if n.attrs.get(KIND_ATTR).and_then(AttrValue::as_str) == Some(KIND_PLACE) {
                add(&n.id, &n.label);
            }
        }
        entries.sort_by(|a, b| a.folded.cmp(&b.folded).then(a.node.cmp(&b.node)));
        NameIndex { entries }
    }

    /// Up to `limit` entries whose name contains `query` (folded), those
    /// starting with it first; nothing for a blank query.
    pub fn find(&self, query: &str, limit: usize) -> Vec<&NameEntry> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let (mut first, mut rest): (Vec<&NameEntry>, Vec<&NameEntry>) = self
            .entries
            .iter()
            .filter(|e| e.folded.contains(&q))
            .partition(|e| e.folded.starts_with(&q));
        first.append(&mut rest);
        first.truncate(limit);
        first
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_community_sized;
    use crate::core::playback::scene::SceneOptions;

    #[test]
    fn finds_named_people_and_places_by_folded_name() {
        let mut c = demo_community_sized(3, 30);
        c.responses[0].alters[0].name = "Zoë Ångström".into();
        let scene = Scene::from_community(&c, &SceneOptions::default());
        let index = NameIndex::new(&c, &scene);
        assert!(index.len() > 30);
        let hits = index.find("zoe ang", 5);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].name, "Zoë Ångström");
        assert_eq!(hits[0].kind, NodeKind::Named);
        assert_eq!(
            scene.nodes[hits[0].node as usize].kind,
            NodeKind::Named,
            "the hit points at the right node"
        );
        assert!(index.find("   ", 5).is_empty());
        assert!(index.find("e", 3).len() <= 3);
        // Places are found too.
        let place = scene
            .nodes
            .iter()
            .find_map(|n| n.label.clone())
            .expect("a listed place");
        let hits = index.find(&place, 5);
        assert!(hits.iter().any(|h| h.kind == NodeKind::Place), "{place}");
    }
}
