//! The end of the flow: save (with read-back), then thank the resident, show
//! their withdrawal code, and hand over to the play-back.

use crate::core::model::Response;
use crate::state::context::use_app;
use crate::state::{Action, Route, SaveState};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// Shown while the finished response is written and read back.
#[function_component(Finishing)]
pub fn finishing() -> Html {
    let app = use_app();
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            app.finish();
            || ()
        });
    }
    let failed = app.state().save == SaveState::Failed;
    let retry = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.finish())
    };
    html! {
        <main class="screen thanks" aria-busy={(!failed).to_string()}>
            if failed {
                <h1>{ app.t("finish-failed-title") }</h1>
                <p class="lead">{ app.t("finish-failed-body") }</p>
                <button type="button" class="btn primary huge" onclick={retry}>{ app.t("finish-retry") }</button>
            } else {
                <p class="lead" role="status">{ app.t("finish-saving") }</p>
            }
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct ThanksProps {
    pub response: Rc<Response>,
}

/// How long the thank-you screen stays before the next resident's attract screen.
const THANKS_SECONDS: u32 = 45;

#[function_component(ThankYou)]
pub fn thank_you(props: &ThanksProps) -> Html {
    let app = use_app();
    let done = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ClearFinished))
    };
    let playback = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(Route::Playback))
    };
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let timer = Timeout::new(THANKS_SECONDS * 1000, move || {
                app.dispatch(Action::ClearFinished)
            });
            move || drop(timer)
        });
    }
    let people = props.response.alters.len();
    let code = props.response.withdrawal_code.clone().unwrap_or_default();
    html! {
        <main class="screen thanks">
            <h1 data-testid="thanks-title">{ app.t("thanks-title") }</h1>
            <p class="lead" role="status" data-testid="saved-confirmation">
                { app.t_with("thanks-saved", &[("count", people.into())]) }
            </p>
            <div class="code-box">
                <p>{ app.t("thanks-code-intro") }</p>
                <p class="code" data-testid="withdrawal-code">{ code }</p>
            </div>
            <div class="actions stack">
                <button type="button" class="btn primary huge" onclick={playback}>{ app.t("thanks-see-community") }</button>
                <button type="button" class="btn huge" onclick={done} data-testid="thanks-done">{ app.t("thanks-done") }</button>
            </div>
        </main>
    }
}
