//! Search by name, in the facilitator view only: a text box and up to eight
//! matching people or places as buttons; picking one highlights it on the
//! picture and opens its card. The public screen never mounts this.

use crate::core::model::Community;
use crate::core::playback::search::NameIndex;
use crate::core::playback::{NodeKind, Scene};
use crate::state::context::use_app;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Matches listed at most.
const SHOWN: usize = 8;

#[derive(Properties, PartialEq)]
pub struct SearchProps {
    pub community: Rc<Community>,
    pub scene: Rc<Scene>,
    pub on_pick: Callback<Option<u32>>,
}

#[function_component(NameSearch)]
pub fn name_search(props: &SearchProps) -> Html {
    let app = use_app();
    let query = use_state(String::new);
    let index = {
        let (c, s) = (props.community.clone(), props.scene.clone());
        use_memo(Rc::as_ptr(&props.scene) as usize, move |_| {
            NameIndex::new(&c, &s)
        })
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                query.set(i.value());
            }
        })
    };
    let clear = {
        let (query, on_pick) = (query.clone(), props.on_pick.clone());
        Callback::from(move |_: MouseEvent| {
            query.set(String::new());
            on_pick.emit(None);
        })
    };
    let hits = index.find(&query, SHOWN);
    html! {
        <section class="pb-search" aria-labelledby="pb-search-title" data-testid="pb-search">
            <h2 id="pb-search-title">{ app.t("pb-search") }</h2>
            <div class="pb-search-row">
                <input type="search" class="name-input" value={(*query).clone()} {oninput}
                    aria-label={app.t("pb-search-label")} placeholder={app.t("pb-search-label")}
                    autocomplete="off" data-testid="pb-search-input" />
                <button type="button" class="btn" onclick={clear} data-testid="pb-search-clear">
                    { app.t("pb-search-clear") }
                </button>
            </div>
            if !query.trim().is_empty() && hits.is_empty() {
                <p class="muted" role="status">{ app.t("pb-search-none") }</p>
            }
            <ul>
                { for hits.iter().map(|h| {
                    let (on_pick, node) = (props.on_pick.clone(), h.node);
                    let kind = match h.kind {
                        NodeKind::Place => app.t("pb-card-place"),
                        _ => app.t("pb-card-named-person"),
                    };
                    html! {
                        <li>
                            <button type="button" class="btn pb-search-hit" data-testid="pb-search-hit"
                                onclick={Callback::from(move |_: MouseEvent| on_pick.emit(Some(node)))}>
                                <span>{ h.name.clone() }</span>
                                <span class="muted">{ kind }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
