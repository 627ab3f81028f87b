//! How far the analysis worker has come, as an accessible progress bar: the
//! stage in words (announced politely when it changes) and the share done.

use crate::core::jobs::Progress;
use crate::state::context::use_app;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnalysisProgressProps {
    pub progress: Progress,
}

#[function_component(AnalysisProgress)]
pub fn analysis_progress(props: &AnalysisProgressProps) -> Html {
    let app = use_app();
    let p = props.progress;
    let stage = app.t(p.stage.key());
    let percent = (p.fraction() * 100.0).floor();
    let text = app.t_with(
        "analysis-progress",
        &[("stage", stage.clone().into()), ("percent", percent.into())],
    );
    html! {
        <div class="analysis-progress" data-testid="analysis-progress" data-stage={p.stage.key()}>
            <p class="muted" role="status" aria-live="polite">{ stage }</p>
            <progress max="100" value={percent.to_string()}
                aria-label={app.t("analysis-progress-label")} aria-valuetext={text.clone()}>
                { text.clone() }
            </progress>
            <span class="analysis-percent" aria-hidden="true">{ format!("{percent}%") }</span>
        </div>
    }
}
