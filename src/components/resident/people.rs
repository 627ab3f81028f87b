//! The name prompts and the ties step: one screen, the canvas in the middle.
//! In a prompt the resident types names (first names, nicknames or initials);
//! naming someone already on the map offers their bubble instead of a copy.

use super::canvas::{stored_bubbles, EgoCanvas};
use super::flow_nav::FlowNav;
use super::questions::Questions;
use crate::core::command::Command;
use crate::core::layout::rings::{bubble_radius, place_new_alter};
use crate::core::model::{name_key, AlterId, Prompt, PromptKind};
use crate::platform::clock;
use crate::state::context::{use_app, AppContext};
use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    Prompt(usize),
    Ties,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub mode: Mode,
}

/// New people land in the middle ring until the resident moves them.
const NEW_PERSON_RING: u8 = 2;

pub fn prompt_text(app: &AppContext, prompt: &Prompt) -> String {
    if let Some(text) = &prompt.text {
        return text.clone();
    }
    app.t(match prompt.kind {
        PromptKind::Help => "prompt-help",
        PromptKind::Trust => "prompt-trust",
        PromptKind::Information => "prompt-information",
        PromptKind::ChangeMaker => "prompt-change",
        PromptKind::Active => "prompt-active",
        PromptKind::Custom => "prompt-custom",
    })
}

#[function_component(People)]
pub fn people(props: &Props) -> Html {
    let app = use_app();
    let open = use_state(|| None::<AlterId>);
    let state = app.state();
    let Some(draft) = state.draft.clone() else {
        return html! {};
    };
    let response = std::rc::Rc::new(draft.response.clone());
    let (title, hint) = match props.mode {
        Mode::Prompt(i) => match state.community.event.prompts.get(i) {
            Some(p) => (prompt_text(&app, p), app.t("prompt-hint")),
            None => (String::new(), String::new()),
        },
        Mode::Ties => (app.t("ties-title"), app.t("ties-hint")),
    };
    let on_open = {
        let open = open.clone();
        Callback::from(move |id: AlterId| open.set(Some(id)))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_| open.set(None))
    };
    let undo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Undo))
    };
    let redo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Redo))
    };
    let count = response.alters.len();
    html! {
        <main class="screen step people">
            <header class="step-head">
                <h1 data-testid="step-title">{ title }</h1>
                <p class="hint">{ hint }</p>
            </header>
            if let Mode::Prompt(i) = props.mode {
                <NameEntry prompt={i} />
            }
            <div class="step-body canvas-area">
                <EgoCanvas response={response.clone()} ties_enabled={props.mode == Mode::Ties} on_open={on_open} />
                <div class="edit-tools" role="toolbar" aria-label={app.t("edit-tools")}>
                    <button type="button" class="btn" onclick={undo} disabled={!draft.history.can_undo()} data-testid="undo">
                        { app.t("undo") }
                    </button>
                    <button type="button" class="btn" onclick={redo} disabled={!draft.history.can_redo()} data-testid="redo">
                        { app.t("redo") }
                    </button>
                    <span class="muted" data-testid="people-count">{ app.t_with("people-count", &[("count", count.into())]) }</span>
                </div>
                if let Some(id) = *open {
                    <Questions {id} on_close={close} />
                }
            </div>
            <FlowNav />
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct EntryProps {
    prompt: usize,
}

/// What the entry box is offering after the resident typed a name.
#[derive(Clone, PartialEq)]
enum Offer {
    None,
    /// Someone with this name is already on the map.
    Existing {
        id: AlterId,
        typed: String,
        already_here: bool,
    },
}

#[function_component(NameEntry)]
fn name_entry(props: &EntryProps) -> Html {
    let app = use_app();
    let input = use_node_ref();
    let text = use_state(String::new);
    let offer = use_state(|| Offer::None);
    let state = app.state();
    let Some(draft) = state.draft.clone() else {
        return html! {};
    };
    let Some(prompt) = state.community.event.prompts.get(props.prompt).cloned() else {
        return html! {};
    };
    let record_names = state.community.event.kiosk.record_names;

    let add_new = {
        let app = app.clone();
        let draft = draft.clone();
        let prompt = prompt.clone();
        move |name: String| {
            let r = &draft.response;
            let id = r.next_alter_id();
            let name = if record_names {
                name
            } else {
                // Stored text, so without Fluent's invisible bidi isolation marks.
                app.t_with("person-placeholder", &[("n", (id.0 as usize + 1).into())])
                    .replace(['\u{2068}', '\u{2069}'], "")
            };
            let at = place_new_alter(
                &stored_bubbles(r),
                NEW_PERSON_RING,
                bubble_radius(r.alters.len() + 1),
            );
            app.apply(Command::AddAlter {
                id,
                name,
                prompt: prompt.id.clone(),
                at,
                ring: NEW_PERSON_RING,
                time: clock::now(),
            });
        }
    };
    let submit = {
        let text = text.clone();
        let offer = offer.clone();
        let draft = draft.clone();
        let prompt = prompt.clone();
        let add_new = add_new.clone();
        let input = input.clone();
        move |name: String| {
            let name = name.trim().to_string();
            if name.is_empty() {
                return;
            }
            match draft.response.find_alter_by_name(&name) {
                Some(existing) if record_names => offer.set(Offer::Existing {
                    id: existing.id,
                    typed: name,
                    already_here: existing.prompts.contains(&prompt.id),
                }),
                _ => {
                    add_new(name);
                    offer.set(Offer::None);
                }
            }
            text.set(String::new());
            if let Some(el) = input.cast::<HtmlInputElement>() {
                el.set_value("");
                let _ = el.focus();
            }
        }
    };
    let onsubmit = {
        let submit = submit.clone();
        let text = text.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submit((*text).clone());
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                text.set(el.value());
            }
        })
    };
    // Suggestions come only from the facilitator's public roster, never from
    // other residents' maps.
    let typed = name_key(&text);
    let suggestions: Vec<_> = if typed.is_empty() {
        Vec::new()
    } else {
        state
            .community
            .event
            .roster
            .iter()
            .filter(|f| name_key(&f.name).contains(&typed) || name_key(&f.role).contains(&typed))
            .take(4)
            .cloned()
            .collect()
    };
    let offer_html = match (*offer).clone() {
        Offer::None => html! {},
        Offer::Existing {
            id,
            typed,
            already_here,
        } => {
            let same = {
                let app = app.clone();
                let offer = offer.clone();
                let prompt = prompt.id.clone();
                Callback::from(move |_: MouseEvent| {
                    if !already_here {
                        app.apply(Command::AddPromptToAlter {
                            id,
                            prompt: prompt.clone(),
                        });
                    }
                    offer.set(Offer::None);
                })
            };
            let other = {
                let add_new = add_new.clone();
                let offer = offer.clone();
                let typed = typed.clone();
                Callback::from(move |_: MouseEvent| {
                    add_new(typed.clone());
                    offer.set(Offer::None);
                })
            };
            let key = if already_here {
                "entry-already-here"
            } else {
                "entry-existing"
            };
            html! {
                <div class="offer" role="alert" data-testid="existing-offer">
                    <p class="name-text">{ app.t_with(key, &[("name", typed.into())]) }</p>
                    <button type="button" class="btn primary" onclick={same} data-testid="offer-same">
                        { app.t("entry-same-person") }
                    </button>
                    <button type="button" class="btn" onclick={other} data-testid="offer-other">
                        { app.t("entry-someone-else") }
                    </button>
                </div>
            }
        }
    };
    html! {
        <div class="name-entry">
            <form class="entry-row" {onsubmit} autocomplete="off">
                <label for="name-input" class="sr-only">{ app.t("entry-label") }</label>
                <input id="name-input" ref={input} class="name-input" type="text" maxlength="200"
                    autocomplete="off" autocapitalize="words" spellcheck="false" enterkeyhint="done"
                    placeholder={app.t("entry-placeholder")} value={(*text).clone()} {oninput}
                    data-testid="name-input" />
                <button type="submit" class="btn primary huge" data-testid="add-name">{ app.t("entry-add") }</button>
            </form>
            if !suggestions.is_empty() {
                <ul class="suggestions" aria-label={app.t("entry-suggestions")}>
                    { for suggestions.into_iter().map(|f| {
                        let submit = submit.clone();
                        let name = f.name.clone();
                        let onclick = Callback::from(move |_: MouseEvent| submit(name.clone()));
                        html! { <li><button type="button" class="chip" {onclick}>
                            <span class="name-text">{ f.name.clone() }</span>
                            if !f.role.is_empty() { <span class="muted">{ format!(" — {}", f.role) }</span> }
                        </button></li> }
                    }) }
                </ul>
            }
            { offer_html }
        </div>
    }
}
