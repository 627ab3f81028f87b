//! The data-exchange section: the export menu (which network, which format,
//! metrics, pseudonyms; then the file downloads) and the import area.
//! What each choice produces is decided in [`crate::core::exchange::export_plan`].

use super::import_area::ImportArea;
use crate::components::chips::Choices;
use crate::core::analysis::{AnalysisOptions, AnalysisReport};
use crate::core::exchange::export_plan::{
    export_files, ExportFormat, ExportRequest, NetworkChoice,
};
use crate::core::jobs::{AnalysisJob, Subject};
use crate::platform::{clock, file_input, files};
use crate::state::analysis::AnalysisService;
use crate::state::context::{use_app, AppContext};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[function_component(Exchange)]
pub fn exchange() -> Html {
    html! {
        <div class="exchange" data-testid="exchange">
            <ExportMenu />
            <ImportArea />
        </div>
    }
}

/// Where an export stands, for the status line under the button.
#[derive(Clone, PartialEq)]
enum ExportStatus {
    Idle,
    Working,
    Done(Vec<String>),
    Failed(String),
}

#[function_component(ExportMenu)]
fn export_menu() -> Html {
    let app = use_app();
    let network = use_state(|| NetworkChoice::People);
    let format = use_state(|| ExportFormat::GraphMl);
    let metrics = use_state(|| false);
    let pseudonyms = use_state(|| false);
    let status = use_state(|| ExportStatus::Idle);
    let analysis = use_context::<AnalysisService>();
    let request = ExportRequest {
        network: *network,
        format: *format,
        metrics: *metrics,
        pseudonymise: None,
    };
    let on_export = {
        let (app, status, pseudonyms) = (app.clone(), status.clone(), *pseudonyms);
        let analysis = analysis.clone();
        Callback::from(move |_: MouseEvent| {
            let mut request = request;
            if pseudonyms && request.format.writes_network() {
                request.pseudonymise = Some(u64::from_le_bytes(clock::random_bytes::<8>()));
            }
            start_export(&app, analysis.clone(), request, status.clone());
        })
    };
    let applies = format.writes_network();
    html! {
        <section class="panel exchange-export" aria-labelledby="exchange-export-title">
            <h2 id="exchange-export-title">{ app.t("exchange-export-title") }</h2>
            <FormatChoice app={app.clone()} value={*format}
                on_pick={Callback::from({ let s = format.clone(); move |f| s.set(f) })} />
            if applies {
                <NetworkPick app={app.clone()} value={*network}
                    on_pick={Callback::from({ let s = network.clone(); move |n| s.set(n) })} />
                { toggles(&app, &metrics, &pseudonyms) }
            } else {
                <p class="muted" data-testid="export-whole-note">{ app.t(note_key(*format)) }</p>
            }
            <div class="actions">
                <button type="button" class="btn primary" data-testid="export-run"
                    disabled={*status == ExportStatus::Working} onclick={on_export}>
                    { app.t("exchange-export-run") }
                </button>
            </div>
            { status_line(&app, &status) }
        </section>
    }
}

fn note_key(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Survey => "exchange-note-survey",
        _ => "exchange-note-backup",
    }
}

fn toggles(
    app: &AppContext,
    metrics: &UseStateHandle<bool>,
    pseudonyms: &UseStateHandle<bool>,
) -> Html {
    let mut selected = Vec::new();
    if **metrics {
        selected.push(AttrValue::from("metrics"));
    }
    if **pseudonyms {
        selected.push(AttrValue::from("pseudonymise"));
    }
    let options = vec![
        ("metrics".into(), app.t("exchange-with-metrics").into()),
        ("pseudonymise".into(), app.t("exchange-pseudonymise").into()),
    ];
    let on_toggle = {
        let (metrics, pseudonyms) = (metrics.clone(), pseudonyms.clone());
        Callback::from(move |v: AttrValue| match v.as_str() {
            "metrics" => metrics.set(!*metrics),
            _ => pseudonyms.set(!*pseudonyms),
        })
    };
    html! {
        <>
            <Choices label={app.t("exchange-options")} options={options} selected={selected}
                multiple=true on_toggle={on_toggle} id={Some(AttrValue::from("export-options"))} />
            if **pseudonyms {
                <p class="muted">{ app.t("exchange-pseudonymise-help") }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FormatProps {
    app: AppContext,
    value: ExportFormat,
    on_pick: Callback<ExportFormat>,
}

#[function_component(FormatChoice)]
fn format_choice(props: &FormatProps) -> Html {
    let options = ExportFormat::ALL
        .iter()
        .map(|f| {
            (
                AttrValue::from(f.slug()),
                AttrValue::from(props.app.t(f.i18n_key())),
            )
        })
        .collect::<Vec<_>>();
    let on_toggle = {
        let cb = props.on_pick.clone();
        Callback::from(move |v: AttrValue| {
            if let Some(f) = ExportFormat::from_slug(&v) {
                cb.emit(f);
            }
        })
    };
    html! {
        <Choices label={props.app.t("exchange-format")} options={options}
            selected={vec![AttrValue::from(props.value.slug())]} on_toggle={on_toggle}
            id={Some(AttrValue::from("export-format"))} />
    }
}

#[derive(Properties, PartialEq)]
struct NetworkProps {
    app: AppContext,
    value: NetworkChoice,
    on_pick: Callback<NetworkChoice>,
}

#[function_component(NetworkPick)]
fn network_pick(props: &NetworkProps) -> Html {
    let options = NetworkChoice::ALL
        .iter()
        .map(|n| {
            (
                AttrValue::from(n.slug()),
                AttrValue::from(props.app.t(n.i18n_key())),
            )
        })
        .collect::<Vec<_>>();
    let on_toggle = {
        let cb = props.on_pick.clone();
        Callback::from(move |v: AttrValue| {
            if let Some(n) = NetworkChoice::from_slug(&v) {
                cb.emit(n);
            }
        })
    };
    html! {
        <Choices label={props.app.t("exchange-network")} options={options}
            selected={vec![AttrValue::from(props.value.slug())]} on_toggle={on_toggle}
            id={Some(AttrValue::from("export-network"))} />
    }
}

/// Builds the files after the "Preparing…" line is painted, then downloads
/// them one by one. Metrics, when asked for, come from the analysis worker
/// (exact, networkx conventions), so a big network never freezes the page.
fn start_export(
    app: &AppContext,
    analysis: Option<AnalysisService>,
    request: ExportRequest,
    status: UseStateHandle<ExportStatus>,
) {
    status.set(ExportStatus::Working);
    let community = app.state().community.clone();
    let stem = file_stem(&community.event.name, &community.event.date);
    let metrics_job = analysis
        .filter(|_| request.metrics && request.format.writes_network())
        .map(|service| {
            let mut job = AnalysisJob::new(Subject::network(request.network.build(&community)));
            job.options = AnalysisOptions::default();
            job.refine.exact_up_to = usize::MAX;
            (service, job)
        });
    let finish = move |metrics: Result<Option<AnalysisReport>, String>| {
        let outcome = metrics
            .and_then(|m| export_files(&community, &request, &stem, m.as_ref()))
            .and_then(|files| {
                files
                    .into_iter()
                    .map(|f| files::download(&f.name, f.mime, &f.bytes).map(|()| f.name))
                    .collect::<Result<Vec<_>, _>>()
            });
        status.set(match outcome {
            Ok(names) => ExportStatus::Done(names),
            Err(why) => ExportStatus::Failed(why),
        });
    };
    spawn_local(async move {
        file_input::after_paint().await;
        match metrics_job {
            Some((service, job)) => service.run_once("export", job, move |result| {
                finish(result.map(|update| Some(update.report)));
            }),
            None => finish(Ok(None)),
        }
    });
}

fn status_line(app: &AppContext, status: &ExportStatus) -> Html {
    let (class, text) = match status {
        ExportStatus::Idle => return Html::default(),
        ExportStatus::Working => ("status", app.t("exchange-export-working")),
        ExportStatus::Done(names) => (
            "status ok",
            app.t_with(
                "exchange-export-done",
                &[("files", names.join(", ").into())],
            ),
        ),
        ExportStatus::Failed(why) => (
            "status error",
            app.t_with("exchange-export-failed", &[("reason", why.clone().into())]),
        ),
    };
    html! { <p class={class} role="status" data-testid="export-status">{ text }</p> }
}

/// `weave-<event name as a slug>-<date>`, safe in any file system.
fn file_stem(name: &str, date: &str) -> String {
    let slug: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(str::to_lowercase)
        .collect();
    let slug = slug.join("-").chars().take(40).collect::<String>();
    let slug = if slug.is_empty() {
        "event".to_string()
    } else {
        slug
    };
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    if date.is_empty() {
        format!("weave-{slug}")
    } else {
        format!("weave-{slug}-{date}")
    }
}
