//! The root: the state provider, the storage banner, and one screen per route.

use super::analysis_bench::AnalysisBench;
use super::banner::StorageBanner;
use super::embed::Embed;
use super::facilitator::Facilitator;
use super::handover::join::Join;
use super::offline::OfflineSupport;
use super::pin_gate::PinGate;
use super::playback::Playback;
use super::resident::ResidentFlow;
use super::start::Start;
use super::warm_up::WarmUp;
use crate::state::analysis::AnalysisProvider;
use crate::state::context::{use_app, AppProvider};
use crate::state::{Boot, Route};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! {
        <AppProvider>
            <AnalysisProvider>
                <Shell />
            </AnalysisProvider>
        </AppProvider>
    }
}

#[function_component(Shell)]
fn shell() -> Html {
    let app = use_app();
    let state = app.state();
    if state.boot == Boot::Loading {
        return html! {
            <main class="screen loading" aria-busy="true">
                <p role="status">{ app.t("boot-loading") }</p>
            </main>
        };
    }
    // A kiosk shows residents the map flow only; the workspace needs the PIN.
    let kiosk = state.kiosk.enabled && !state.unlocked;
    let locked = state.kiosk.pin.is_some() && !state.unlocked;
    let screen = match state.route {
        Route::Start if kiosk => html! { <ResidentFlow /> },
        Route::Start => html! { <Start /> },
        Route::Map => html! { <ResidentFlow /> },
        Route::Facilitator if locked => html! { <PinGate /> },
        Route::Facilitator => html! { <Facilitator /> },
        Route::Playback => html! { <Playback /> },
        Route::Embed => html! { <Embed /> },
        Route::AnalysisBench => html! { <AnalysisBench /> },
        Route::Join if kiosk => html! { <ResidentFlow /> },
        Route::Join => html! { <Join /> },
    };
    html! {
        <div class="shell">
            <StorageBanner />
            <OfflineSupport />
            <WarmUp />
            { screen }
        </div>
    }
}
