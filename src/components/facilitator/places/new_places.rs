//! Places residents added that were not on the list, for the facilitator to
//! accept onto the list, rename (kept off the list), or merge into a listed
//! place. Each decision is appended to the log — residents' answers are
//! never edited — and can be taken back; the network, analysis and
//! play-back follow the decision in force.

use crate::components::places::icons::{category_key, category_slug, CategoryIcon};
use crate::core::model::{PlaceId, PlaceResolution};
use crate::core::places::review::{accept, decide, groups, reopen, NewPlaceGroup, ReviewState};
use crate::platform::clock;
use crate::state::context::{use_app, AppContext};
use crate::state::Action;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::row::category_from_slug;

#[function_component(NewPlaces)]
pub fn new_places() -> Html {
    let app = use_app();
    let community = app.state().community.clone();
    let all = use_memo(community, |c| Rc::new(groups(c)));
    let pending = all
        .iter()
        .filter(|g| g.state == ReviewState::Pending)
        .count();
    html! {
        <section class="panel new-places" aria-labelledby="fac-new-places-title">
            <h2 id="fac-new-places-title">{ app.t_with("added-title", &[("count", pending.into())]) }</h2>
            <p class="muted">{ app.t("added-help") }</p>
            if all.is_empty() { <p class="muted">{ app.t("added-empty") }</p> }
            <ul class="review-list">
                { for all.iter().map(|g| html! { <GroupCard key={g.key.clone()} group={g.clone()} /> }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    group: NewPlaceGroup,
}

fn decided_text(app: &AppContext, res: &PlaceResolution) -> String {
    let name_of = |id: &PlaceId| {
        app.state()
            .community
            .event
            .place(id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| app.t("added-removed-place"))
    };
    match res {
        PlaceResolution::Accept { place } => {
            app.t_with("added-accepted", &[("name", name_of(place).into())])
        }
        PlaceResolution::MergeInto { place } => {
            app.t_with("added-merged", &[("name", name_of(place).into())])
        }
        PlaceResolution::Rename { name, .. } => {
            app.t_with("added-renamed", &[("name", name.clone().into())])
        }
        PlaceResolution::Reopen => String::new(),
    }
}

#[function_component(GroupCard)]
fn group_card(props: &CardProps) -> Html {
    let app = use_app();
    let renaming = use_state(|| false);
    let name_ref = use_node_ref();
    let cat_ref = use_node_ref();
    let merge_ref = use_node_ref();
    let g = &props.group;
    let event = &app.state().community.event;
    let on_accept = {
        let app = app.clone();
        let g = g.clone();
        Callback::from(move |_: MouseEvent| {
            let c = app.state().community.clone();
            let (edit, decisions) = accept(&c, &g, &g.name, g.category, clock::now());
            app.dispatch(Action::DecidePlaces {
                edit: Some(edit),
                decisions,
            });
        })
    };
    let on_merge = {
        let app = app.clone();
        let g = g.clone();
        let merge_ref = merge_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(id) = merge_ref
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .filter(|v| !v.is_empty())
            else {
                return;
            };
            let decisions = decide(
                &g,
                PlaceResolution::MergeInto {
                    place: PlaceId::new(id),
                },
                clock::now(),
            );
            app.dispatch(Action::DecidePlaces {
                edit: None,
                decisions,
            });
        })
    };
    let on_rename = {
        let app = app.clone();
        let g = g.clone();
        let renaming = renaming.clone();
        let (name_ref, cat_ref) = (name_ref.clone(), cat_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = name_ref
                .cast::<HtmlInputElement>()
                .map(|el| el.value().split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            if name.is_empty() {
                return;
            }
            let category = cat_ref
                .cast::<HtmlSelectElement>()
                .and_then(|el| category_from_slug(&el.value()))
                .unwrap_or(g.category);
            let decisions = decide(&g, PlaceResolution::Rename { name, category }, clock::now());
            app.dispatch(Action::DecidePlaces {
                edit: None,
                decisions,
            });
            renaming.set(false);
        })
    };
    let on_reopen = {
        let app = app.clone();
        let g = g.clone();
        Callback::from(move |_: MouseEvent| {
            let c = app.state().community.clone();
            let (edit, decisions) = reopen(&c, &g, clock::now());
            app.dispatch(Action::DecidePlaces { edit, decisions });
        })
    };
    let toggle_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_: MouseEvent| renaming.set(!*renaming))
    };
    let residents = g.residents();
    let title = html! {
        <p class="pair"><CategoryIcon category={g.category} />{ " " }
            <span class="name name-text">{ g.name.clone() }</span>
            <span class="muted">{ " · " }{ app.t(category_key(g.category)) }{ " · " }
                { app.t_with("added-residents", &[("count", residents.into())]) }</span></p>
    };
    let body = match &g.state {
        ReviewState::Decided(res) => html! {
            <div class="decisions">
                <p data-testid="review-decided">{ decided_text(&app, res) }</p>
                <button type="button" class="btn" onclick={on_reopen} data-testid="review-reopen">{ app.t("added-reopen") }</button>
            </div>
        },
        ReviewState::Pending => {
            let slug = crate::core::places::ids::slug(&g.key);
            let sid = format!("merge-{slug}");
            let (rename_id, recat_id) = (format!("rename-{slug}"), format!("recat-{slug}"));
            let mut options: Vec<PlaceId> = g.suggestions.clone();
            options.extend(
                event
                    .places
                    .iter()
                    .map(|p| p.id.clone())
                    .filter(|id| !g.suggestions.contains(id)),
            );
            html! {
                <div class="decisions">
                    if !g.suggestions.is_empty() {
                        <p class="muted">{ app.t_with("added-looks-like", &[("names", g.suggestions.iter()
                            .filter_map(|id| event.place(id).map(|p| p.name.clone())).collect::<Vec<_>>().join(", ").into())]) }</p>
                    }
                    <div class="actions">
                        <button type="button" class="btn primary" onclick={on_accept} data-testid="review-accept">{ app.t("added-accept") }</button>
                        <button type="button" class="btn" onclick={toggle_rename} aria-expanded={renaming.to_string()}
                            data-testid="review-rename">{ app.t("added-rename") }</button>
                    </div>
                    if !event.places.is_empty() {
                        <div class="merge-row">
                            <label for={sid.clone()}>{ app.t("added-same-as") }</label>
                            <select id={sid} ref={merge_ref} class="text-input" data-testid="review-merge-target">
                                <option value="" selected=true disabled=true>{ app.t("added-choose") }</option>
                                { for options.iter().filter_map(|id| event.place(id)).map(|p| html! {
                                    <option value={p.id.to_string()} selected=false>{ p.name.clone() }</option>
                                }) }
                            </select>
                            <button type="button" class="btn" onclick={on_merge} data-testid="review-merge">{ app.t("added-merge") }</button>
                        </div>
                    }
                    if *renaming {
                        <form class="place-form" onsubmit={on_rename}>
                            <label for={rename_id.clone()}>{ app.t("fac-place-name") }</label>
                            <input id={rename_id} ref={name_ref} class="text-input" type="text" maxlength="120" value={g.name.clone()} />
                            <label for={recat_id.clone()}>{ app.t("fac-place-category") }</label>
                            <select id={recat_id} ref={cat_ref} class="text-input">
                                { for crate::core::model::PlaceCategory::ALL.into_iter().map(|c| html! {
                                    <option value={category_slug(c)} selected={c == g.category}>{ app.t(category_key(c)) }</option>
                                }) }
                            </select>
                            <button type="submit" class="btn primary" data-testid="review-rename-save">{ app.t("added-rename-save") }</button>
                        </form>
                    }
                </div>
            }
        }
    };
    html! {
        <li class="suggestion review-group" data-testid="review-group" data-name={g.name.clone()}
            data-state={if g.state == ReviewState::Pending { "pending" } else { "decided" }}>
            { title }
            { body }
        </li>
    }
}
