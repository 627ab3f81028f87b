//! Optional "about you" questions from the event's attribute list, plus
//! wellbeing when the event asks it. Every answer can be skipped.

use super::flow_nav::FlowNav;
use crate::components::chips::Choices;
use crate::core::command::Command;
use crate::core::model::WellbeingScale;
use crate::state::context::use_app;
use yew::prelude::*;

#[function_component(AboutYou)]
pub fn about_you() -> Html {
    let app = use_app();
    let state = app.state();
    let Some(draft) = state.draft.clone() else {
        return html! {};
    };
    let event = &state.community.event;
    let questions = event.attributes.iter().map(|q| {
        let current = draft.response.answers.get(&q.id).cloned();
        let on_toggle = {
            let app = app.clone();
            let id = q.id.clone();
            let current = current.clone();
            Callback::from(move |v: AttrValue| {
                // Tapping the chosen answer again clears it: every question is optional.
                let value = (current.as_deref() != Some(v.as_str())).then(|| v.to_string());
                app.apply(Command::SetAnswer { question: id.clone(), value });
            })
        };
        html! {
            <Choices label={q.label.clone()} id={Some(AttrValue::from(format!("q-{}", q.id)))}
                options={q.choices.iter().map(|c| (AttrValue::from(c.clone()), AttrValue::from(c.clone()))).collect::<Vec<_>>()}
                selected={current.into_iter().map(AttrValue::from).collect::<Vec<_>>()}
                {on_toggle} />
        }
    });
    let wellbeing = (event.wellbeing == WellbeingScale::OnsLifeSatisfaction).then(|| {
        let current = draft.response.wellbeing;
        let on_toggle = {
            let app = app.clone();
            Callback::from(move |v: AttrValue| {
                let n = v.parse::<u8>().ok();
                let value = if n == current { None } else { n };
                app.apply(Command::SetWellbeing { value });
            })
        };
        html! {
            <Choices label={app.t("about-wellbeing")} id={Some(AttrValue::from("q-wellbeing"))}
                options={(0..=10u8).map(|n| (AttrValue::from(n.to_string()), AttrValue::from(n.to_string()))).collect::<Vec<_>>()}
                selected={current.map(|n| AttrValue::from(n.to_string())).into_iter().collect::<Vec<_>>()}
                {on_toggle} />
        }
    });
    html! {
        <main class="screen step about">
            <header class="step-head">
                <h1>{ app.t("about-title") }</h1>
                <p class="hint">{ app.t("about-hint") }</p>
            </header>
            <div class="step-body scroll">
                { for questions }
                { for wellbeing }
            </div>
            <FlowNav />
        </main>
    }
}
