//! What a screen says when its analysis has no fresh result: the job
//! failed, or the worker stopped answering. In plain words, as an alert,
//! with a button that runs the analysis again (on a fresh worker when the
//! old one was lost). The figures already on screen stay there.

use crate::state::analysis::{AnalysisFailure, AnalysisService};
use crate::state::context::use_app;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnalysisTroubleProps {
    /// The analysis lane to retry.
    pub lane: &'static str,
    pub failure: AnalysisFailure,
}

#[function_component(AnalysisTrouble)]
pub fn analysis_trouble(props: &AnalysisTroubleProps) -> Html {
    let app = use_app();
    let service = use_context::<AnalysisService>();
    let text = match &props.failure {
        AnalysisFailure::Job(why) => {
            app.t_with("analysis-failed", &[("reason", why.clone().into())])
        }
        AnalysisFailure::WorkerLost => app.t("analysis-worker-lost"),
    };
    let kind = match props.failure {
        AnalysisFailure::Job(_) => "job",
        AnalysisFailure::WorkerLost => "worker-lost",
    };
    let lane = props.lane;
    let retry = Callback::from(move |_: MouseEvent| {
        if let Some(s) = &service {
            s.retry(lane);
        }
    });
    html! {
        <div class="analysis-trouble" data-testid="analysis-trouble" data-kind={kind}>
            <p class="status error" role="alert">{ text }</p>
            <button type="button" class="btn" onclick={retry} data-testid="analysis-retry">
                { app.t("analysis-retry") }
            </button>
        </div>
    }
}
