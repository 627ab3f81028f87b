//! "Compare with an earlier event", behind the PIN: choose a Weave backup
//! of an earlier event (or the demo's last year, in one tap) to keep on this
//! device beside the current event, see which one is held, replace it or
//! remove it. The play-back then offers "Between two events".

use crate::core::demo::earlier::earlier_demo_community;
use crate::core::model::Community;
use crate::i18n::Arg;
use crate::platform::file_input;
use crate::state::context::{use_app, AppContext};
use crate::state::earlier::EarlierError;
use crate::state::Earlier;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Seed of the demo event (its earlier year comes from the same world).
const DEMO_SEED: u64 = 2026;
/// The demo event's id (see `core::demo::event`).
const DEMO_EVENT_ID: &str = crate::core::demo::event::DEMO_EVENT_ID;

/// What the panel last said: working, done, or why not.
#[derive(Debug, Clone, PartialEq)]
enum Note {
    Reading,
    Kept(String),
    Removed,
    Failed(EarlierError),
}

fn note_text(app: &AppContext, note: &Note) -> String {
    match note {
        Note::Reading => app.t("cmp-reading"),
        Note::Kept(name) => app.t_with("cmp-kept", &[("event", name.clone().into())]),
        Note::Removed => app.t("cmp-removed"),
        Note::Failed(EarlierError::File(why)) => {
            app.t_with("cmp-error-file", &[("reason", why.clone().into())])
        }
        Note::Failed(EarlierError::Empty) => app.t("cmp-error-empty"),
        Note::Failed(EarlierError::Full) => app.t("cmp-error-full"),
        Note::Failed(EarlierError::Store(why)) => {
            app.t_with("cmp-error-store", &[("reason", why.clone().into())])
        }
    }
}

fn held_text(app: &AppContext, c: &Community) -> String {
    let maps = c.finished().count();
    app.t_with(
        "cmp-held",
        &[
            ("event", Arg::Str(c.event.name.clone())),
            ("date", Arg::Str(c.event.date.clone())),
            ("maps", maps.into()),
        ],
    )
}

#[function_component(ComparePanel)]
pub fn compare_panel() -> Html {
    let app = use_app();
    let note = use_state(|| None::<Note>);
    let finish = {
        let note = note.clone();
        move |r: Result<std::rc::Rc<Community>, EarlierError>| {
            note.set(Some(match r {
                Ok(c) => Note::Kept(c.event.name.clone()),
                Err(e) => Note::Failed(e),
            }))
        }
    };
    let on_pick = {
        let (app, note, finish) = (app.clone(), note.clone(), finish.clone());
        Callback::from(move |e: Event| {
            let Some(file) = file_input::picked_file(&e) else {
                return;
            };
            note.set(Some(Note::Reading));
            let (app, finish) = (app.clone(), finish.clone());
            spawn_local(async move {
                file_input::after_paint().await;
                let r = match file_input::read_bytes(&file).await {
                    Ok(bytes) => app.keep_earlier_file(&bytes).await,
                    Err(why) => Err(EarlierError::File(why)),
                };
                finish(r);
            });
        })
    };
    let on_demo = {
        let (app, note) = (app.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            note.set(Some(Note::Reading));
            let (app, finish) = (app.clone(), finish.clone());
            spawn_local(async move {
                file_input::after_paint().await;
                finish(app.keep_earlier(earlier_demo_community(DEMO_SEED)).await);
            });
        })
    };
    let on_remove = {
        let (app, note) = (app.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let (app, note) = (app.clone(), note.clone());
            spawn_local(async move {
                note.set(Some(match app.forget_earlier().await {
                    Ok(()) => Note::Removed,
                    Err(e) => Note::Failed(e),
                }));
            });
        })
    };
    let earlier = app.state().earlier.clone();
    let holding = earlier != Earlier::None;
    // Last year's demo only makes sense beside the demo event itself.
    let demo_here = app.state().community.event.id.as_str() == DEMO_EVENT_ID;
    html! {
        <section class="panel" aria-labelledby="cmp-title" data-testid="compare-panel">
            <h2 id="cmp-title">{ app.t("cmp-title") }</h2>
            <p class="muted">{ app.t("cmp-intro") }</p>
            { match &earlier {
                Earlier::Held(c) => html! { <p data-testid="cmp-held">{ held_text(&app, c) }</p> },
                Earlier::Unreadable(why) => html! {
                    <p class="warning" role="alert" data-testid="cmp-unreadable">
                        { app.t_with("cmp-unreadable", &[("reason", why.clone().into())]) }
                    </p>
                },
                Earlier::None => html! { <p data-testid="cmp-none">{ app.t("cmp-none") }</p> },
            } }
            <div class="actions">
                <label class="btn primary file-pick">
                    { if holding { app.t("cmp-replace") } else { app.t("cmp-pick") } }
                    <input type="file" class="sr-only" accept=".json,application/json"
                        data-testid="cmp-file" onchange={on_pick} />
                </label>
                if demo_here {
                    <button type="button" class="btn" onclick={on_demo} data-testid="cmp-demo">
                        { app.t("cmp-demo") }
                    </button>
                }
                if holding {
                    <button type="button" class="btn" onclick={on_remove} data-testid="cmp-remove">
                        { app.t("cmp-remove") }
                    </button>
                }
            </div>
            <p role="status" aria-live="polite" data-testid="cmp-note">
                { note.as_ref().map(|n| note_text(&app, n)).unwrap_or_default() }
            </p>
        </section>
    }
}
