//! The resident flow, shared by kiosk and phone: attract -> consent -> about
//! you -> name prompts -> ties -> places -> thank you. Before consent nothing
//! exists; after it, every committed action is in the draft and saved.

mod about;
mod attract;
mod canvas;
mod consent;
mod flow_nav;
mod idle;
mod my_places;
mod people;
mod place_palette;
mod places;
mod questions;
mod thanks;

use crate::state::context::use_app;
use crate::state::Step;
use yew::prelude::*;

#[function_component(ResidentFlow)]
pub fn resident_flow() -> Html {
    let app = use_app();
    let state = app.state();
    // Consent is local UI state on purpose: declining must leave no trace.
    let consenting = use_state(|| false);
    {
        // Once the response exists, consent is spent: the next resident starts
        // at the attract screen again.
        let consenting = consenting.clone();
        use_effect_with(state.draft.is_some(), move |has_draft| {
            if *has_draft {
                consenting.set(false);
            }
            || ()
        });
    }
    let guard = {
        let app = app.clone();
        let consenting = consenting.clone();
        let busy = state.draft.is_some() || *consenting || state.just_finished.is_some();
        (state.kiosk.enabled && busy).then(|| {
            // Time is up: forget this resident entirely, then greet the next.
            let on_expire = Callback::from(move |_| {
                app.discard_draft();
                app.dispatch(crate::state::Action::ClearFinished);
                consenting.set(false);
            });
            html! { <idle::IdleGuard {on_expire} /> }
        })
    };
    html! { <>{ for guard }{ flow_screen(&app, &consenting) }</> }
}

fn flow_screen(app: &crate::state::context::AppContext, consenting: &UseStateHandle<bool>) -> Html {
    let state = app.state();
    if let Some(finished) = state.just_finished.clone() {
        if state.draft.is_none() {
            // A phone that joined an event hands its sealed map over by QR code.
            if state.handover.joined_for(&finished.event).is_some() {
                use crate::components::handover::hand_over::HandOver;
                return html! { <HandOver response={finished} /> };
            }
            return html! { <thanks::ThankYou response={finished} /> };
        }
    }
    let Some(draft) = state.draft.clone() else {
        return if **consenting {
            let back = {
                let c = consenting.clone();
                Callback::from(move |_| c.set(false))
            };
            html! { <consent::Consent on_decline={back} /> }
        } else {
            let start = {
                let c = consenting.clone();
                Callback::from(move |_| c.set(true))
            };
            html! { <attract::Attract on_start={start} /> }
        };
    };
    match draft.step {
        Step::AboutYou => html! { <about::AboutYou /> },
        Step::Prompt(i) => html! { <people::People mode={people::Mode::Prompt(i)} /> },
        Step::Ties => html! { <people::People mode={people::Mode::Ties} /> },
        Step::Places => html! { <places::Places /> },
        Step::ThankYou => html! { <thanks::Finishing /> },
    }
}
