//! Big, finger-sized choice buttons: a radio group (pick one) or toggles
//! (pick several). Real buttons with aria-pressed, so touch, mouse, keyboard
//! and screen readers all work without hover.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The group's accessible name (the question).
    pub label: AttrValue,
    /// (value, text shown).
    pub options: Vec<(AttrValue, AttrValue)>,
    pub selected: Vec<AttrValue>,
    /// Called with the value tapped.
    pub on_toggle: Callback<AttrValue>,
    #[prop_or(false)]
    pub multiple: bool,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

#[function_component(Choices)]
pub fn choices(props: &ChoiceProps) -> Html {
    let role = if props.multiple {
        "group"
    } else {
        "radiogroup"
    };
    html! {
        <fieldset class="choices" id={props.id.clone()}>
            <legend>{ props.label.clone() }</legend>
            <div class="chip-row" role={role} aria-label={props.label.clone()}>
                { for props.options.iter().map(|(value, text)| {
                    let on = props.selected.contains(value);
                    let onclick = {
                        let cb = props.on_toggle.clone();
                        let v = value.clone();
                        Callback::from(move |_: MouseEvent| cb.emit(v.clone()))
                    };
                    html! {
                        <button type="button" class={classes!("chip", on.then_some("on"))}
                            aria-pressed={if on { "true" } else { "false" }}
                            data-value={value.clone()} {onclick}>
                            { text.clone() }
                        </button>
                    }
                }) }
            </div>
        </fieldset>
    }
}
