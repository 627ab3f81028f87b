//! The play-back's "Between two events": the earlier event held on this
//! device laid under the current one (who is who, the overlay, its scene and
//! timing, the caption's counts), built once per pair of events and choice
//! of names, only while that timeline is shown.

use crate::core::compare::summary::{CAPTION_KEY, SEPARATOR_KEY, UNCHANGED_KEY};
use crate::core::compare::{Identity, Overlay, Summary};
use crate::core::model::Community;
use crate::core::playback::between::{overlay_scene, Between};
use crate::core::playback::scene::{Labels, SceneOptions};
use crate::core::playback::Scene;
use crate::state::context::AppContext;
use std::rc::Rc;

/// Everything the between-events timeline shows.
#[derive(Debug, PartialEq)]
pub struct Comparison {
    pub scene: Rc<Scene>,
    pub between: Rc<Between>,
    pub summary: Summary,
    pub earlier_name: String,
}

impl Comparison {
    /// Matches, overlays and times the two events (the matching is the costly part).
    pub fn new(earlier: &Community, current: &Community, labels: Labels) -> Comparison {
        let identity = Identity::between(earlier, current);
        let overlay = Overlay::new(earlier, current, &identity);
        let options = SceneOptions {
            labels,
            ..SceneOptions::default()
        };
        let scene = overlay_scene(&overlay, &options);
        let between = Between::new(&scene, &overlay);
        Comparison {
            summary: Summary::of(&overlay),
            scene: Rc::new(scene),
            between: Rc::new(between),
            earlier_name: earlier.event.name.clone(),
        }
    }

    /// The one-line caption: "Since {earlier}: 34 people joined, …".
    pub fn caption(&self, app: &AppContext) -> String {
        let event = self.earlier_name.clone();
        let clauses = self.summary.clauses();
        if clauses.is_empty() {
            return app.t_with(UNCHANGED_KEY, &[("event", event.into())]);
        }
        let parts: Vec<String> = clauses
            .iter()
            .map(|c| match c.count {
                Some(n) => app.t_with(c.key, &[("count", n.into())]),
                None => app.t(c.key),
            })
            .collect();
        app.t_with(
            CAPTION_KEY,
            &[
                ("event", event.into()),
                ("changes", parts.join(&app.t(SEPARATOR_KEY)).into()),
            ],
        )
    }
}
