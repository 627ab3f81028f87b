//! The questions about one named person (name interpreters): relationship,
//! how often in touch, can they change things locally; rename and remove.

use crate::components::chips::Choices;
use crate::core::command::Command;
use crate::core::model::{AlterId, Frequency, Relationship};
use crate::state::context::use_app;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AlterId,
    pub on_close: Callback<()>,
}

pub fn relationship_key(r: Relationship) -> &'static str {
    match r {
        Relationship::Family => "rel-family",
        Relationship::Friend => "rel-friend",
        Relationship::Neighbour => "rel-neighbour",
        Relationship::Work => "rel-work",
        Relationship::Service => "rel-service",
        Relationship::Other => "rel-other",
    }
}

pub fn frequency_key(f: Frequency) -> &'static str {
    match f {
        Frequency::Daily => "freq-daily",
        Frequency::Weekly => "freq-weekly",
        Frequency::Monthly => "freq-monthly",
        Frequency::Rarely => "freq-rarely",
    }
}

#[function_component(Questions)]
pub fn questions(props: &Props) -> Html {
    let app = use_app();
    let state = app.state();
    let Some(alter) = state
        .draft
        .as_ref()
        .and_then(|d| d.response.alter(props.id))
        .cloned()
    else {
        return html! {};
    };
    let id = props.id;
    let rel = {
        let app = app.clone();
        let current = alter.relationship;
        Callback::from(move |v: AttrValue| {
            let picked = Relationship::ALL
                .into_iter()
                .find(|r| relationship_key(*r) == v.as_str());
            let value = if picked == current { None } else { picked };
            app.apply(Command::SetRelationship { id, value });
        })
    };
    let freq = {
        let app = app.clone();
        let current = alter.frequency;
        Callback::from(move |v: AttrValue| {
            let picked = Frequency::ALL
                .into_iter()
                .find(|f| frequency_key(*f) == v.as_str());
            let value = if picked == current { None } else { picked };
            app.apply(Command::SetFrequency { id, value });
        })
    };
    let change = {
        let app = app.clone();
        let current = alter.can_change;
        Callback::from(move |v: AttrValue| {
            let picked = Some(v.as_str() == "yes");
            let value = if picked == current { None } else { picked };
            app.apply(Command::SetCanChange { id, value });
        })
    };
    let remove = {
        let app = app.clone();
        let close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            app.apply(Command::RemoveAlter { id });
            close.emit(());
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let opts = |keys: Vec<&'static str>| -> Vec<(AttrValue, AttrValue)> {
        keys.into_iter()
            .map(|k| (AttrValue::from(k), AttrValue::from(app.t(k))))
            .collect()
    };
    let title = app.t_with("q-title", &[("name", alter.name.clone().into())]);
    html! {
        <div class="sheet" role="dialog" aria-modal="false" aria-labelledby="q-title" data-testid="questions">
            <header class="sheet-head">
                <h2 id="q-title" class="name-text">{ title }</h2>
                <button type="button" class="btn" onclick={close} data-testid="questions-close">{ app.t("q-done") }</button>
            </header>
            <Choices label={app.t("q-relationship")} on_toggle={rel}
                options={opts(Relationship::ALL.into_iter().map(relationship_key).collect())}
                selected={alter.relationship.map(|r| AttrValue::from(relationship_key(r))).into_iter().collect::<Vec<_>>()} />
            <Choices label={app.t("q-frequency")} on_toggle={freq}
                options={opts(Frequency::ALL.into_iter().map(frequency_key).collect())}
                selected={alter.frequency.map(|f| AttrValue::from(frequency_key(f))).into_iter().collect::<Vec<_>>()} />
            <Choices label={app.t("q-can-change")} on_toggle={change}
                options={vec![(AttrValue::from("yes"), AttrValue::from(app.t("yes"))), (AttrValue::from("no"), AttrValue::from(app.t("no")))]}
                selected={alter.can_change.map(|b| AttrValue::from(if b { "yes" } else { "no" })).into_iter().collect::<Vec<_>>()} />
            <button type="button" class="btn danger" onclick={remove} data-testid="remove-person">
                { app.t("q-remove") }
            </button>
        </div>
    }
}
