//! One place in the facilitator's list: its name, kind, description, pin and
//! how many residents go there, with move, edit and delete; or, while it is
//! being edited, the form.

use crate::components::places::icons::{category_key, category_slug, CategoryIcon};
use crate::core::model::{Place, PlaceCategory};
use crate::state::context::use_app;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum RowAction {
    Up,
    Down,
    Edit,
    Delete,
    Save(Place),
    Cancel,
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub place: Place,
    pub index: usize,
    pub count: usize,
    pub visitors: usize,
    pub editing: bool,
    /// Where a dragged row would land (this row shows a marker).
    pub drop_here: bool,
    pub dragging: bool,
    pub error: Option<String>,
    pub on_action: Callback<RowAction>,
}

pub fn category_from_slug(slug: &str) -> Option<PlaceCategory> {
    PlaceCategory::ALL
        .into_iter()
        .find(|c| category_slug(*c) == slug)
}

#[function_component(PlaceRow)]
pub fn place_row(props: &RowProps) -> Html {
    let app = use_app();
    let p = &props.place;
    let act = |a: RowAction| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
    };
    if props.editing {
        return html! { <EditForm place={p.clone()} error={props.error.clone()} on_action={props.on_action.clone()} /> };
    }
    let on_handle_key = {
        let cb = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowUp" => {
                e.prevent_default();
                cb.emit(RowAction::Up);
            }
            "ArrowDown" => {
                e.prevent_default();
                cb.emit(RowAction::Down);
            }
            _ => {}
        })
    };
    let name = p.name.clone();
    let pin_text = match p.pin {
        Some(pin) => app.t_with(
            "fac-place-pinned",
            &[
                ("x", ((pin.x * 100.0).round() as usize).into()),
                ("y", ((pin.y * 100.0).round() as usize).into()),
            ],
        ),
        None => app.t("fac-place-not-pinned"),
    };
    html! {
        <li class={classes!("place-row", props.drop_here.then_some("drop-here"), props.dragging.then_some("dragging"))}
            data-place={p.id.to_string()} data-testid="place-row">
            <button type="button" class="btn icon drag-handle" id={format!("handle-{}", p.id)}
                data-place={p.id.to_string()} onkeydown={on_handle_key}
                aria-label={app.t_with("fac-place-move", &[("name", name.clone().into()), ("n", (props.index + 1).into()), ("count", props.count.into())])}>
                { "⠿" }
            </button>
            <div class="place-main">
                <p class="place-name"><CategoryIcon category={p.category} />{ " " }
                    <span class="name-text">{ name.clone() }</span>
                    <span class="muted">{ " · " }{ app.t(category_key(p.category)) }</span></p>
                if !p.description.is_empty() { <p class="muted place-desc name-text">{ p.description.clone() }</p> }
                <p class="muted place-facts">
                    <span>{ pin_text }</span>{ " · " }
                    <span data-testid="visitors" data-count={props.visitors.to_string()}>
                        { app.t_with("fac-place-visitors", &[("count", props.visitors.into())]) }
                    </span>
                </p>
            </div>
            <div class="place-actions">
                <button type="button" class="btn icon" onclick={act(RowAction::Up)} disabled={props.index == 0}
                    aria-label={app.t_with("fac-place-up", &[("name", name.clone().into())])}>{ "↑" }</button>
                <button type="button" class="btn icon" onclick={act(RowAction::Down)} disabled={props.index + 1 >= props.count}
                    aria-label={app.t_with("fac-place-down", &[("name", name.clone().into())])}>{ "↓" }</button>
                <button type="button" class="btn" onclick={act(RowAction::Edit)} data-testid="edit-place"
                    aria-label={app.t_with("fac-place-edit-named", &[("name", name.clone().into())])}>{ app.t("fac-place-edit") }</button>
                <button type="button" class="btn danger" onclick={act(RowAction::Delete)} data-testid="delete-place"
                    aria-label={app.t_with("fac-place-delete-named", &[("name", name.into())])}>{ app.t("fac-place-delete") }</button>
            </div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    place: Place,
    error: Option<String>,
    on_action: Callback<RowAction>,
}

#[function_component(EditForm)]
fn edit_form(props: &FormProps) -> Html {
    let app = use_app();
    let name_ref = use_node_ref();
    let desc_ref = use_node_ref();
    let cat_ref = use_node_ref();
    {
        let name_ref = name_ref.clone();
        use_effect_with((), move |_| {
            if let Some(el) = name_ref.cast::<HtmlInputElement>() {
                let _ = el.focus();
            }
            || ()
        });
    }
    let onsubmit = {
        let (name_ref, desc_ref, cat_ref) = (name_ref.clone(), desc_ref.clone(), cat_ref.clone());
        let place = props.place.clone();
        let cb = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut p = place.clone();
            if let Some(el) = name_ref.cast::<HtmlInputElement>() {
                p.name = el.value().split_whitespace().collect::<Vec<_>>().join(" ");
            }
            if let Some(el) = desc_ref.cast::<HtmlInputElement>() {
                p.description = el.value().trim().to_string();
            }
            if let Some(c) = cat_ref
                .cast::<HtmlSelectElement>()
                .and_then(|el| category_from_slug(&el.value()))
            {
                p.category = c;
            }
            cb.emit(RowAction::Save(p));
        })
    };
    let cancel = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(RowAction::Cancel))
    };
    let id = props.place.id.to_string();
    html! {
        <li class="place-row editing" data-place={id.clone()}>
            <form class="place-form" {onsubmit}>
                <label for={format!("edit-name-{id}")}>{ app.t("fac-place-name") }</label>
                <input id={format!("edit-name-{id}")} ref={name_ref} class="text-input" type="text" maxlength="120"
                    value={props.place.name.clone()} required=true data-testid="edit-name" />
                <label for={format!("edit-cat-{id}")}>{ app.t("fac-place-category") }</label>
                <select id={format!("edit-cat-{id}")} ref={cat_ref} class="text-input">
                    { for PlaceCategory::ALL.into_iter().map(|c| html! {
                        <option value={category_slug(c)} selected={c == props.place.category}>{ app.t(category_key(c)) }</option>
                    }) }
                </select>
                <label for={format!("edit-desc-{id}")}>{ app.t("fac-place-description") }</label>
                <input id={format!("edit-desc-{id}")} ref={desc_ref} class="text-input" type="text" maxlength="500"
                    value={props.place.description.clone()} />
                if let Some(e) = &props.error { <p class="status error" role="alert">{ e.clone() }</p> }
                <div class="actions">
                    <button type="submit" class="btn primary" data-testid="save-place">{ app.t("fac-place-save") }</button>
                    <button type="button" class="btn" onclick={cancel}>{ app.t("fac-place-cancel") }</button>
                </div>
            </form>
        </li>
    }
}
