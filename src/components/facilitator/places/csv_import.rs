//! Importing the place list from CSV: pick (or drop) a file, see what would
//! change — or every problem, each naming its line — and confirm. Nothing
//! changes before the confirmation; the import is one undo step.

use super::messages::csv_problem;
use crate::core::places::csv::{parse_places, CsvProblems, ProblemKind, MAX_CSV_BYTES};
use crate::core::places::edit::{plan_import, ImportPlan};
use crate::platform::file_input;
use crate::state::context::use_app;
use crate::state::Action;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use web_sys::File;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Reading(String),
    Failed(String, Rc<CsvProblems>),
    Unreadable(String, String),
    Preview(String, Rc<ImportPlan>, Vec<String>),
    Done(String),
}

#[function_component(CsvImport)]
pub fn csv_import() -> Html {
    let app = use_app();
    let phase = use_state(|| Phase::Idle);
    let hover = use_state(|| false);
    let take = {
        let phase = phase.clone();
        let app = app.clone();
        move |file: File| {
            let name = file.name();
            if file.size() > MAX_CSV_BYTES as f64 {
                // Refused before reading, in the parser's words.
                let problems = CsvProblems::one(
                    0,
                    ProblemKind::TooLarge {
                        bytes: file.size() as usize,
                        limit: MAX_CSV_BYTES,
                    },
                );
                phase.set(Phase::Failed(name, Rc::new(problems)));
                return;
            }
            phase.set(Phase::Reading(name.clone()));
            let phase = phase.clone();
            let app = app.clone();
            spawn_local(async move {
                file_input::after_paint().await;
                let bytes = match file_input::read_bytes(&file).await {
                    Ok(b) => b,
                    Err(why) => return phase.set(Phase::Unreadable(name, why)),
                };
                phase.set(match parse_places(&bytes) {
                    Ok(csv) => {
                        let plan = plan_import(&app.state().community.event, &csv.rows);
                        Phase::Preview(name, Rc::new(plan), csv.ignored_columns)
                    }
                    Err(p) => Phase::Failed(name, Rc::new(p)),
                });
            });
        }
    };
    let on_pick = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            if let Some(f) = file_input::picked_file(&e) {
                take(f);
            }
        })
    };
    let on_over = {
        let hover = hover.clone();
        Callback::from(move |e: DragEvent| {
            if file_input::drags_files(&e) {
                e.prevent_default();
                hover.set(true);
            }
        })
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: DragEvent| hover.set(false))
    };
    let on_drop = {
        let hover = hover.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            hover.set(false);
            if let Some(f) = file_input::dropped_file(&e) {
                take(f);
            }
        })
    };
    let cancel = {
        let phase = phase.clone();
        Callback::from(move |_: MouseEvent| phase.set(Phase::Idle))
    };
    let body = match &*phase {
        Phase::Idle => html! {},
        Phase::Reading(name) => html! {
            <p class="status busy" role="status"><span class="spinner" aria-hidden="true"></span>
                { app.t_with("csv-reading", &[("file", name.clone().into())]) }</p>
        },
        Phase::Unreadable(name, why) => html! {
            <p class="status error" role="alert" data-testid="csv-error">
                { app.t_with("csv-unreadable", &[("file", name.clone().into()), ("why", why.clone().into())]) }</p>
        },
        Phase::Failed(name, problems) => html! {
            <div class="status error" role="alert" data-testid="csv-error">
                <p>{ app.t_with("csv-failed", &[("file", name.clone().into()), ("count", problems.total.into())]) }</p>
                <ul class="import-issues">
                    { for problems.problems.iter().map(|p| html! { <li data-line={p.line.to_string()}>{ csv_problem(&app, p) }</li> }) }
                </ul>
                if problems.total > problems.problems.len() {
                    <p>{ app.t_with("csv-more-problems", &[("count", (problems.total - problems.problems.len()).into())]) }</p>
                }
                <p>{ app.t("csv-nothing-changed") }</p>
            </div>
        },
        Phase::Preview(name, plan, ignored) => {
            let confirm = {
                let app = app.clone();
                let phase = phase.clone();
                let plan = plan.clone();
                let name = name.clone();
                Callback::from(move |_: MouseEvent| {
                    app.dispatch(Action::EditPlaces(plan.edit.clone()));
                    phase.set(Phase::Done(app.t_with(
                        "csv-imported",
                        &[
                            ("file", name.clone().into()),
                            ("added", plan.added.len().into()),
                            ("updated", plan.updated.len().into()),
                        ],
                    )));
                })
            };
            html! {
                <div class="import-preview" data-testid="csv-preview">
                    <h3>{ app.t_with("csv-preview-title", &[("file", name.clone().into())]) }</h3>
                    <ul>
                        <li data-testid="csv-added" data-count={plan.added.len().to_string()}>
                            { app.t_with("csv-preview-added", &[("count", plan.added.len().into())]) }</li>
                        if !plan.updated.is_empty() {
                            <li>{ app.t_with("csv-preview-updated", &[("count", plan.updated.len().into()), ("names", plan.updated.join(", ").into())]) }</li>
                        }
                        if plan.unchanged > 0 { <li>{ app.t_with("csv-preview-unchanged", &[("count", plan.unchanged.into())]) }</li> }
                        if plan.kept > 0 { <li>{ app.t_with("csv-preview-kept", &[("count", plan.kept.into())]) }</li> }
                        if !ignored.is_empty() { <li>{ app.t_with("csv-preview-ignored", &[("columns", ignored.join(", ").into())]) }</li> }
                    </ul>
                    if !plan.added.is_empty() {
                        <p class="muted name-text">{ plan.added.iter().take(12).cloned().collect::<Vec<_>>().join(" · ") }
                            if plan.added.len() > 12 { { " …" } }</p>
                    }
                    <div class="actions">
                        <button type="button" class="btn primary" onclick={confirm} data-testid="csv-confirm">{ app.t("csv-confirm") }</button>
                        <button type="button" class="btn" onclick={cancel}>{ app.t("csv-cancel") }</button>
                    </div>
                </div>
            }
        }
        Phase::Done(msg) => {
            html! { <p class="status ok" role="status" data-testid="csv-done">{ msg.clone() }</p> }
        }
    };
    html! {
        <div class="csv-import">
            <div class={classes!("drop-zone", (*hover).then_some("hover"))}
                ondragover={on_over.clone()} ondragenter={on_over} ondragleave={on_leave} ondrop={on_drop}>
                <p>{ app.t("csv-drop") }</p>
                <label class="btn file-pick">
                    { app.t("csv-pick") }
                    <input type="file" class="sr-only" accept=".csv,.txt,.tsv,text/csv" data-testid="csv-file" onchange={on_pick} />
                </label>
                <p class="muted">{ app.t("csv-format") }</p>
            </div>
            { body }
        </div>
    }
}
