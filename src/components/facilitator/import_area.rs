//! The import area: pick a file or drop one on the area, see what it would
//! import (or exactly where it is broken), then confirm. Nothing changes
//! before the confirmation. The file is read asynchronously and parsed in
//! the web worker (`core::jobs::import`), so a big file never freezes the
//! page; files over [`file_input::MAX_IMPORT_BYTES`] are refused unread.

use crate::core::exchange::import_plan::{counts, issue_key, ImportFailure, Incoming, Origin};
use crate::core::formats::ImportError;
use crate::core::jobs::import::{ImportOutcome, TextEncoding};
use crate::core::jobs::{Job, Output, Reply};
use crate::core::model::EventId;
use crate::platform::worker::WorkerHandle;
use crate::platform::{clock, file_input};
use crate::state::context::{use_app, AppContext};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use web_sys::File;
use yew::prelude::*;

/// Extensions the picker offers; the same ones `Format::from_path` knows.
const ACCEPT: &str = ".json,.weave,.csv,.gexf,.graphml,.net,.dl";

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Reading(String),
    Checking(String),
    TooLarge(String, f64),
    Failed(String, Failure),
    Preview(String, Rc<Incoming>),
    Imported(String),
}

#[derive(Clone, PartialEq)]
enum Failure {
    Read(String),
    Import(Rc<ImportFailure>),
}

#[function_component(ImportArea)]
pub fn import_area() -> Html {
    let app = use_app();
    let phase = use_state(|| Phase::Idle);
    let hover = use_state(|| false);
    // One worker for this area, started with the first file and kept for
    // the next (its wasm loads once).
    let worker = use_mut_ref(|| None::<Rc<WorkerHandle>>);
    let take = {
        let phase = phase.clone();
        Callback::from(move |file: File| take_file(file, phase.clone(), worker.clone()))
    };
    html! {
        <section class="panel exchange-import" aria-labelledby="exchange-import-title">
            <h2 id="exchange-import-title">{ app.t("exchange-import-title") }</h2>
            <DropZone hover={hover.clone()} take={take} />
            { phase_view(&app, &phase) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DropProps {
    hover: UseStateHandle<bool>,
    take: Callback<File>,
}

/// The drop target, with the file picker inside it for keyboard and touch.
#[function_component(DropZone)]
fn drop_zone(props: &DropProps) -> Html {
    let app = use_app();
    let on_over = {
        let hover = props.hover.clone();
        Callback::from(move |e: DragEvent| {
            if file_input::drags_files(&e) {
                e.prevent_default();
                hover.set(true);
            }
        })
    };
    let on_leave = {
        let hover = props.hover.clone();
        Callback::from(move |_: DragEvent| hover.set(false))
    };
    let on_drop = {
        let (hover, take) = (props.hover.clone(), props.take.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            hover.set(false);
            if let Some(file) = file_input::dropped_file(&e) {
                take.emit(file);
            }
        })
    };
    let on_pick = {
        let take = props.take.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = file_input::picked_file(&e) {
                take.emit(file);
            }
        })
    };
    html! {
        <div class={classes!("drop-zone", (*props.hover).then_some("hover"))} data-testid="import-drop"
            ondragover={on_over.clone()} ondragenter={on_over} ondragleave={on_leave} ondrop={on_drop}>
            <p>{ app.t("exchange-import-drop") }</p>
            <label class="btn primary file-pick">
                { app.t("exchange-import-pick") }
                <input type="file" class="sr-only" accept={ACCEPT}
                    data-testid="import-file" onchange={on_pick} />
            </label>
            <p class="muted">{ app.t("exchange-import-kinds") }</p>
        </div>
    }
}

/// Reads (painting "Reading…" first), then has the worker parse.
fn take_file(
    file: File,
    phase: UseStateHandle<Phase>,
    worker: Rc<RefCell<Option<Rc<WorkerHandle>>>>,
) {
    let name = file.name();
    if file.size() > file_input::MAX_IMPORT_BYTES {
        phase.set(Phase::TooLarge(name, file.size() / 1_048_576.0));
        return;
    }
    phase.set(Phase::Reading(name.clone()));
    spawn_local(async move {
        file_input::after_paint().await;
        let bytes = match file_input::read_bytes(&file).await {
            Ok(b) => b,
            Err(why) => return phase.set(Phase::Failed(name, Failure::Read(why))),
        };
        phase.set(Phase::Checking(name.clone()));
        file_input::after_paint().await;
        let origin = Origin {
            file_name: name.clone(),
            event_id: EventId::new(clock::random_id("e")),
            date: today(),
            now: clock::now(),
        };
        // The worker parses: the parsers are not even in the page's wasm.
        // The text goes to it as JSON, encoded a few MB at a time so the
        // page paints in between.
        let mut encoding = TextEncoding::new(&bytes);
        drop(bytes);
        while encoding.step() {
            file_input::after_paint().await;
        }
        let job = Job::Import(encoding.finish(origin));
        let handle = worker
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(WorkerHandle::spawn()))
            .clone();
        handle.start("import", job, move |reply| match reply {
            Reply::Output {
                output: Output::Import(outcome),
                ..
            } => {
                let result = match *outcome {
                    ImportOutcome::Ready(incoming) => Ok(*incoming),
                    ImportOutcome::Refused(f) => Err(Rc::new(f)),
                };
                phase.set(outcome_phase(name.clone(), result));
            }
            Reply::Failed { message, .. } => {
                phase.set(Phase::Failed(name.clone(), Failure::Read(message)))
            }
            _ => {}
        });
    });
}

fn outcome_phase(name: String, result: Result<Incoming, Rc<ImportFailure>>) -> Phase {
    match result {
        Ok(incoming) => Phase::Preview(name, Rc::new(incoming)),
        Err(f) => Phase::Failed(name, Failure::Import(f)),
    }
}

fn today() -> String {
    let iso = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    iso.get(..10).unwrap_or_default().to_string()
}

fn phase_view(app: &AppContext, phase: &UseStateHandle<Phase>) -> Html {
    let say = |key: &str, name: &str| app.t_with(key, &[("file", name.into())]);
    match &**phase {
        Phase::Idle => Html::default(),
        Phase::Reading(name) => status(&say("exchange-import-reading", name), "status busy"),
        Phase::Checking(name) => status(&say("exchange-import-checking", name), "status busy"),
        Phase::TooLarge(name, mb) => error_box(&app.t_with(
            "exchange-import-too-large",
            &[("file", name.as_str().into()), ("size", mb.round().into())],
        )),
        Phase::Failed(name, why) => error_box(&failure_text(app, name, why)),
        Phase::Imported(name) => status(&say("exchange-import-done", name), "status ok"),
        Phase::Preview(name, incoming) => html! {
            <super::import_preview::ImportPreview name={name.clone()} incoming={incoming.clone()}
                on_done={Callback::from({ let p = phase.clone(); move |imported: bool| {
                    p.set(if imported { Phase::Imported(name_of(&p)) } else { Phase::Idle })
                }})} />
        },
    }
}

fn name_of(phase: &UseStateHandle<Phase>) -> String {
    match &**phase {
        Phase::Preview(name, _) => name.clone(),
        _ => String::new(),
    }
}

fn status(text: &str, class: &'static str) -> Html {
    html! { <p class={class} role="status" data-testid="import-status">{ text }</p> }
}

fn error_box(text: &str) -> Html {
    html! { <p class="status error" role="alert" data-testid="import-error">{ text }</p> }
}

fn failure_text(app: &AppContext, name: &str, why: &Failure) -> String {
    let file = || ("file", name.into());
    let why = match why {
        Failure::Read(reason) => {
            return app.t_with(
                "exchange-import-unreadable",
                &[file(), ("reason", reason.as_str().into())],
            )
        }
        Failure::Import(f) => &**f,
    };
    match why {
        ImportFailure::UnknownType => app.t_with("exchange-import-unknown-type", &[file()]),
        ImportFailure::Parse(ImportError::At {
            line,
            column,
            message,
        }) => app.t_with(
            "exchange-import-error-at",
            &[
                file(),
                ("line", (*line).into()),
                ("column", (*column).into()),
                ("reason", message.as_str().into()),
            ],
        ),
        ImportFailure::Parse(other) => app.t_with(
            "exchange-import-error",
            &[file(), ("reason", other.to_string().into())],
        ),
    }
}

/// The plain-words lines for what the parser skipped or repaired.
pub fn issue_lines(app: &AppContext, incoming: &Incoming) -> Vec<String> {
    let Incoming::Network { report, .. } = incoming else {
        return Vec::new();
    };
    report
        .issues
        .iter()
        .map(|issue| {
            let mut line = app.t_with(issue_key(issue.kind), &[("count", issue.count.into())]);
            let lines: Vec<String> = issue.lines.iter().map(usize::to_string).collect();
            let detail = if !lines.is_empty() {
                app.t_with(
                    "import-issue-lines",
                    &[
                        ("count", lines.len().into()),
                        ("lines", lines.join(", ").into()),
                    ],
                )
            } else if !issue.examples.is_empty() {
                app.t_with(
                    "import-issue-examples",
                    &[("examples", issue.examples.join(", ").into())],
                )
            } else {
                String::new()
            };
            if !detail.is_empty() {
                line = format!("{line} ({detail})");
            }
            line
        })
        .collect()
}

/// The counts line shared by both kinds of preview.
pub fn counts_line(app: &AppContext, incoming: &Incoming) -> String {
    let c = counts(incoming.community());
    app.t_with(
        "exchange-preview-counts",
        &[
            ("maps", c.maps.into()),
            ("named", c.named.into()),
            ("places", c.places.into()),
            ("merges", c.merges.into()),
        ],
    )
}
