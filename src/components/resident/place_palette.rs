//! The resident's palette: the place list grouped by kind with icons, the
//! search box, and "add a new place" for one that is missing (the resident
//! says what kind it is with the same tap that adds it).

use super::places::toggle_command;
use crate::components::places::icons::{
    category_key, category_one_key, category_slug, CategoryIcon,
};
use crate::core::command::Command;
use crate::core::model::{NewPlace, PlaceCategory, PlaceRef, PlaceVisit};
use crate::core::places::palette::{fold, grouped, same_name};
use crate::platform::clock;
use crate::state::context::use_app;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The list grouped by category, the search box and "add a new place".
#[function_component(Palette)]
pub fn palette() -> Html {
    let app = use_app();
    let search = use_state(String::new);
    let state = app.state();
    let Some(draft) = state.draft.clone() else {
        return html! {};
    };
    let r = &draft.response;
    let event = &state.community.event;
    let oninput = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                search.set(el.value());
            }
        })
    };
    let typed = search.split_whitespace().collect::<Vec<_>>().join(" ");
    let listed_same = same_name(&event.places, &typed).is_some();
    let mine_same = r.new_places.iter().any(|p| fold(&p.name) == fold(&typed))
        && r.places.iter().any(|v| {
            matches!(v.place, PlaceRef::New(id) if r.new_places.iter().any(|p| p.id == id && fold(&p.name) == fold(&typed)))
        });
    let add_as = |cat: PlaceCategory| {
        let app = app.clone();
        let draft = draft.clone();
        let search = search.clone();
        let name: String = typed.chars().take(120).collect();
        Callback::from(move |_: MouseEvent| {
            if name.is_empty() {
                return;
            }
            let id = draft.response.next_new_place_id();
            let place = NewPlace {
                id,
                name: name.clone(),
                category: cat,
            };
            let visit = PlaceVisit {
                place: PlaceRef::New(id),
                frequency: None,
                information: false,
                added_at: clock::now(),
            };
            app.apply(Command::Batch {
                commands: vec![
                    Command::AddNewPlace { place, index: None },
                    Command::AddPlaceVisit { visit, index: None },
                ],
            });
            search.set(String::new());
        })
    };
    let groups = grouped(&event.places, &typed);
    let nothing = groups.is_empty() && !typed.is_empty();
    let adder = (!typed.is_empty() && !listed_same && !mine_same).then(|| html! {
        <div class="add-new" role="group" aria-label={app.t_with("places-add-as", &[("name", typed.clone().into())])}
            data-testid="add-new">
            <p class="name-text">{ app.t_with(if nothing { "places-add-as" } else { "places-add-as-other" }, &[("name", typed.clone().into())]) }</p>
            <div class="chip-row">
                { for PlaceCategory::ALL.into_iter().map(|c| html! {
                    <button type="button" class="chip" data-category={category_slug(c)}
                        onclick={add_as(c)}>
                        <CategoryIcon category={c} />{ " " }{ app.t(category_one_key(c)) }
                    </button>
                }) }
            </div>
        </div>
    });

    html! {
        <div class="palette">
            <div class="entry-row">
                <label for="place-search" class="sr-only">{ app.t("places-search") }</label>
                <input id="place-search" class="name-input" type="search" maxlength="120" autocomplete="off"
                    placeholder={app.t("places-search")} value={(*search).clone()} {oninput}
                    data-testid="place-search" />
            </div>
            if nothing { <p class="muted" role="status">{ app.t("places-none-found") }</p> }
            if nothing { { for adder.clone() } }
            { for groups.into_iter().map(|(cat, items)| {
                let title_id = format!("cat-{}", category_slug(cat));
                html! {
                    <section class="place-group" aria-labelledby={title_id.clone()}>
                        <h2 id={title_id}><CategoryIcon category={cat} />{ " " }{ app.t(category_key(cat)) }</h2>
                        <div class="chip-row">
                        { for items.into_iter().map(|p| {
                            let on = r.places.iter().any(|v| v.place == PlaceRef::Listed(p.id.clone()));
                            let onclick = {
                                let app = app.clone();
                                let draft = draft.clone();
                                let id = p.id.clone();
                                Callback::from(move |_: MouseEvent| app.apply(toggle_command(&draft.response, &id)))
                            };
                            html! {
                                <button type="button" class={classes!("chip", "place", on.then_some("on"))}
                                    aria-pressed={on.to_string()} data-place={p.id.to_string()}
                                    title={p.description.clone()} {onclick}>
                                    <span class="name-text">{ p.name.clone() }</span>
                                </button>
                            }
                        }) }
                        </div>
                    </section>
                }
            }) }
            // With matches on the list, adding a new place comes after them.
            if !nothing { { for adder } }
        </div>
    }
}
