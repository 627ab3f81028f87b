//! The community network at a glance on the facilitator's overview: whole
//! network figures and the findings in plain words, from the analysis worker
//! (shared with the play-back), with its progress while it refines.

use crate::components::analysis_progress::AnalysisProgress;
use crate::components::analysis_trouble::AnalysisTrouble;
use crate::components::playback::panel::finding;
use crate::core::analysis::PathMode;
use crate::core::playback::findings::finding_texts;
use crate::state::analysis::{use_community_analysis, COMMUNITY_LANE};
use crate::state::context::use_app;
use yew::prelude::*;

/// A number as the overview shows it: whole, or to `places` decimals.
fn figure(x: f64, places: usize) -> String {
    if places == 0 {
        format!("{x:.0}")
    } else {
        format!("{x:.places$}")
    }
}

#[function_component(AnalysisSummary)]
pub fn analysis_summary() -> Html {
    let app = use_app();
    let community = app.state().community.clone();
    let view = use_community_analysis(community.clone());
    let body = match &view.latest {
        _ if community.finished().next().is_none() => {
            html! { <p class="muted" data-testid="analysis-empty">{ app.t("analysis-empty") }</p> }
        }
        None => html! { <p class="muted">{ app.t("analysis-waiting") }</p> },
        Some(update) => {
            let g = &update.report.graph;
            let rows = [
                ("analysis-people", "people", figure(g.nodes as f64, 0)),
                ("analysis-ties", "ties", figure(g.edges as f64, 0)),
                ("analysis-density", "density", figure(g.density, 3)),
                (
                    "analysis-components",
                    "components",
                    figure(g.components as f64, 0),
                ),
                (
                    "analysis-isolates",
                    "isolates",
                    figure(g.isolates as f64, 0),
                ),
                (
                    "analysis-communities",
                    "communities",
                    figure(g.communities as f64, 0),
                ),
                ("analysis-modularity", "modularity", figure(g.modularity, 2)),
                (
                    "analysis-brokers",
                    "articulation",
                    figure(g.articulation_points as f64, 0),
                ),
                ("analysis-bridges", "bridges", figure(g.bridges as f64, 0)),
            ];
            let texts = finding_texts(&update.findings);
            let estimated = matches!(update.report.paths, PathMode::Sampled { .. });
            html! { <>
                <dl class="facts" data-testid="analysis-figures" data-paths={paths_name(update.report.paths)}>
                    { for rows.iter().map(|(key, id, value)| html! { <>
                        <dt>{ app.t(key) }</dt>
                        <dd data-figure={*id}>{ value.clone() }</dd>
                    </> }) }
                </dl>
                if estimated {
                    <p class="muted">{ app.t("analysis-estimated") }</p>
                }
                if !texts.is_empty() {
                    <h3>{ app.t("analysis-findings") }</h3>
                    <ul data-testid="analysis-findings">
                        { for texts.iter().map(|f| html! { <li>{ finding(&app, f) }</li> }) }
                    </ul>
                }
            </> }
        }
    };
    html! {
        <section class="panel" aria-labelledby="fac-analysis" aria-busy={view.progress.is_some().to_string()}>
            <h2 id="fac-analysis">{ app.t("analysis-title") }</h2>
            if let Some(p) = view.progress {
                <AnalysisProgress progress={p} />
                if view.latest.is_some() && !view.current {
                    <p class="muted">{ app.t("analysis-updating") }</p>
                }
            }
            if let Some(failure) = &view.failed {
                <AnalysisTrouble lane={COMMUNITY_LANE} failure={failure.clone()} />
            }
            { body }
        </section>
    }
}

/// `exact`, `sampled` or `none`: what the figures' path metrics are (for tests).
pub fn paths_name(mode: PathMode) -> &'static str {
    match mode {
        PathMode::Exact => "exact",
        PathMode::Sampled { .. } => "sampled",
        PathMode::Skip => "none",
    }
}
