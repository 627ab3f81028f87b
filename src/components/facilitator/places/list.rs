//! The place list: add a place, edit, reorder (drag the handle by touch or
//! mouse, arrow keys on it, or the up/down buttons), delete, and undo/redo
//! every one of those; import a CSV. Each change is one undoable edit
//! through the reducer and saved with the event.

use super::csv_import::CsvImport;
use super::row::{category_from_slug, PlaceRow, RowAction};
use crate::components::places::icons::{category_key, category_slug};
use crate::core::model::{Place, PlaceCategory, PlaceId, PlaceRef};
use crate::core::places::edit::{drop_index, EditError, PlaceEdit};
use crate::core::places::ids::{fresh_id, taken_ids};
use crate::core::places::review::visitors;
use crate::state::context::{use_app, AppContext};
use crate::state::Action;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A row being dragged by its handle.
#[derive(Debug, Clone, PartialEq)]
struct Drag {
    pointer: i32,
    id: PlaceId,
    from: usize,
    over: usize,
}

fn edit_error(app: &AppContext, e: &EditError) -> String {
    match e {
        EditError::DuplicateName(name) => {
            app.t_with("fac-place-duplicate", &[("name", name.clone().into())])
        }
        EditError::EmptyName => app.t("fac-place-needs-name"),
        _ => app.t("fac-place-edit-failed"),
    }
}

/// Tries an edit on a copy first, so a refused one can be explained.
fn check(app: &AppContext, edit: &PlaceEdit) -> Result<(), String> {
    let mut copy = app.state().community.event.clone();
    edit.apply(&mut copy)
        .map(|_| ())
        .map_err(|e| edit_error(app, &e))
}

fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[function_component(PlaceList)]
pub fn place_list() -> Html {
    let app = use_app();
    let editing = use_state(|| None::<PlaceId>);
    let row_error = use_state(|| None::<String>);
    let notice = use_state(|| None::<String>);
    let drag = use_state(|| None::<Drag>);
    let refocus = use_state(|| None::<PlaceId>);
    let list_ref = use_node_ref();
    let state = app.state();
    let community = state.community.clone();
    let counts = use_memo(community.clone(), |c| Rc::new(visitors(c)));
    let places = community.event.places.clone();
    {
        let refocus = refocus.clone();
        use_effect_with((*refocus).clone(), move |id| {
            if let Some(id) = id {
                focus(&format!("handle-{id}"));
            }
            || ()
        });
    }
    let on_row = |place: &Place, index: usize| {
        let app = app.clone();
        let editing = editing.clone();
        let row_error = row_error.clone();
        let notice = notice.clone();
        let refocus = refocus.clone();
        let place = place.clone();
        let count = places.len();
        let community = community.clone();
        Callback::from(move |a: RowAction| match a {
            RowAction::Up | RowAction::Down => {
                let to = if a == RowAction::Up {
                    index.checked_sub(1)
                } else {
                    (index + 1 < count).then_some(index + 1)
                };
                if let Some(to) = to {
                    app.dispatch(Action::EditPlaces(PlaceEdit::Move {
                        id: place.id.clone(),
                        to,
                    }));
                    refocus.set(Some(place.id.clone()));
                }
            }
            RowAction::Edit => {
                row_error.set(None);
                editing.set(Some(place.id.clone()));
            }
            RowAction::Cancel => editing.set(None),
            RowAction::Save(p) => {
                let edit = PlaceEdit::Update { place: p };
                match check(&app, &edit) {
                    Ok(()) => {
                        app.dispatch(Action::EditPlaces(edit));
                        editing.set(None);
                    }
                    Err(msg) => row_error.set(Some(msg)),
                }
            }
            RowAction::Delete => {
                let chosen = community
                    .finished()
                    .filter(|r| {
                        r.places
                            .iter()
                            .any(|v| v.place == PlaceRef::Listed(place.id.clone()))
                    })
                    .count();
                app.dispatch(Action::EditPlaces(PlaceEdit::Remove {
                    id: place.id.clone(),
                }));
                let key = if chosen > 0 {
                    "fac-place-deleted-chosen"
                } else {
                    "fac-place-deleted"
                };
                notice.set(Some(app.t_with(
                    key,
                    &[
                        ("name", place.name.clone().into()),
                        ("count", chosen.into()),
                    ],
                )));
            }
        })
    };

    // Dragging a handle: the list takes the pointer and works out where it lands.
    let onpointerdown = {
        let drag = drag.clone();
        let list_ref = list_ref.clone();
        let places = places.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(handle) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".drag-handle").ok().flatten())
            else {
                return;
            };
            let Some(id) = handle.get_attribute("data-place") else {
                return;
            };
            let Some(from) = places.iter().position(|p| p.id.as_str() == id) else {
                return;
            };
            if let Some(list) = list_ref.cast::<web_sys::Element>() {
                let _ = list.set_pointer_capture(e.pointer_id());
            }
            e.prevent_default();
            drag.set(Some(Drag {
                pointer: e.pointer_id(),
                id: PlaceId::new(id),
                from,
                over: from,
            }));
        })
    };
    let row_mids = {
        let list_ref = list_ref.clone();
        move || -> Vec<f64> {
            let Some(list) = list_ref.cast::<web_sys::Element>() else {
                return Vec::new();
            };
            let rows = list.query_selector_all(":scope > li.place-row").ok();
            let mut mids = Vec::new();
            if let Some(rows) = rows {
                for i in 0..rows.length() {
                    if let Some(el) = rows
                        .get(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        let r = el.get_bounding_client_rect();
                        mids.push(r.top() + r.height() / 2.0);
                    }
                }
            }
            mids
        }
    };
    let onpointermove = {
        let drag = drag.clone();
        let row_mids = row_mids.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(d) = (*drag).clone() {
                if d.pointer == e.pointer_id() {
                    e.prevent_default();
                    let over = drop_index(&row_mids(), d.from, e.client_y() as f64);
                    if over != d.over {
                        drag.set(Some(Drag { over, ..d }));
                    }
                }
            }
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        let app = app.clone();
        let refocus = refocus.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(d) = (*drag).clone() {
                if d.pointer == e.pointer_id() {
                    let to = drop_index(&row_mids(), d.from, e.client_y() as f64);
                    if to != d.from {
                        app.dispatch(Action::EditPlaces(PlaceEdit::Move {
                            id: d.id.clone(),
                            to,
                        }));
                        refocus.set(Some(d.id));
                    }
                    drag.set(None);
                }
            }
        })
    };
    let onpointercancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    let undo = {
        let app = app.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::UndoPlaces);
            notice.set(None);
        })
    };
    let redo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::RedoPlaces))
    };
    let d = (*drag).clone();
    let rows = places.iter().enumerate().map(|(i, p)| {
        let drop_here = d.as_ref().is_some_and(|d| d.over == i && d.from != i);
        let dragging = d.as_ref().is_some_and(|d| d.id == p.id);
        html! {
            <PlaceRow key={p.id.to_string()} place={p.clone()} index={i} count={places.len()}
                visitors={counts.get(&p.id).copied().unwrap_or(0)}
                editing={editing.as_ref() == Some(&p.id)} {drop_here} {dragging}
                error={(*row_error).clone()} on_action={on_row(p, i)} />
        }
    });
    html! {
        <section class="panel place-list-panel" aria-labelledby="fac-places-title">
            <div class="bar">
                <h2 id="fac-places-title">{ app.t_with("fac-places-title", &[("count", places.len().into())]) }</h2>
                <div class="edit-tools" role="toolbar" aria-label={app.t("edit-tools")}>
                    <button type="button" class="btn" onclick={undo} disabled={!state.place_history.can_undo()}
                        data-testid="places-undo">{ app.t("undo") }</button>
                    <button type="button" class="btn" onclick={redo} disabled={!state.place_history.can_redo()}
                        data-testid="places-redo">{ app.t("redo") }</button>
                </div>
            </div>
            <p class="muted">{ app.t("fac-places-help") }</p>
            if let Some(n) = &*notice { <p class="status ok" role="status" data-testid="places-notice">{ n.clone() }</p> }
            <AddPlace />
            <CsvImport />
            if places.is_empty() { <p class="muted">{ app.t("fac-places-empty") }</p> }
            <ol class="place-list" ref={list_ref} aria-label={app.t("fac-places-list")}
                {onpointerdown} {onpointermove} {onpointerup} {onpointercancel}>
                { for rows }
            </ol>
        </section>
    }
}

/// The "add a place" form.
#[function_component(AddPlace)]
fn add_place() -> Html {
    let app = use_app();
    let name_ref = use_node_ref();
    let desc_ref = use_node_ref();
    let cat_ref = use_node_ref();
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let app = app.clone();
        let (name_ref, desc_ref, cat_ref) = (name_ref.clone(), desc_ref.clone(), cat_ref.clone());
        let error = error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(name_el), Some(desc_el)) = (
                name_ref.cast::<HtmlInputElement>(),
                desc_ref.cast::<HtmlInputElement>(),
            ) else {
                return;
            };
            let name = name_el
                .value()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let category = cat_ref
                .cast::<HtmlSelectElement>()
                .and_then(|el| category_from_slug(&el.value()))
                .unwrap_or(PlaceCategory::Venue);
            let event = &app.state().community.event;
            let place = Place {
                id: fresh_id(&name, &taken_ids(event)),
                name: name.clone(),
                category,
                description: desc_el.value().trim().to_string(),
                pin: None,
            };
            let edit = PlaceEdit::Add { place, index: None };
            match check(&app, &edit) {
                Ok(()) => {
                    app.dispatch(Action::EditPlaces(edit));
                    name_el.set_value("");
                    desc_el.set_value("");
                    error.set(None);
                    let _ = name_el.focus();
                }
                Err(msg) => error.set(Some(msg)),
            }
        })
    };
    html! {
        <form class="place-form add-place" {onsubmit} data-testid="add-place-form">
            <h3>{ app.t("fac-place-add-title") }</h3>
            <div class="form-grid">
                <label for="add-place-name">{ app.t("fac-place-name") }</label>
                <input id="add-place-name" ref={name_ref} class="text-input" type="text" maxlength="120"
                    required=true data-testid="add-place-name" />
                <label for="add-place-cat">{ app.t("fac-place-category") }</label>
                <select id="add-place-cat" ref={cat_ref} class="text-input" data-testid="add-place-category">
                    { for PlaceCategory::ALL.into_iter().map(|c| html! {
                        <option value={category_slug(c)} selected={c == PlaceCategory::Venue}>{ app.t(category_key(c)) }</option>
                    }) }
                </select>
                <label for="add-place-desc">{ app.t("fac-place-description") }</label>
                <input id="add-place-desc" ref={desc_ref} class="text-input" type="text" maxlength="500" />
            </div>
            if let Some(e) = &*error { <p class="status error" role="alert">{ e.clone() }</p> }
            <button type="submit" class="btn primary" data-testid="add-place">{ app.t("fac-place-add") }</button>
        </form>
    }
}
