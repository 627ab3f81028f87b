//! The play-back screen: the whole community's living sociogram on the big
//! screen, with lenses, findings, a timeline, node cards and exports. The
//! picture appears at once; the analysis (communities, brokers, findings)
//! comes from the web worker and refines in place (sampled, then exact on
//! large networks) with its progress shown; the layout keeps every position
//! across refinements and new responses.

mod comparison;
mod controls;
pub(crate) mod panel;
mod search;
mod source;

use super::sociogram::engine::{Engine, EngineHandle};
use super::sociogram::Sociogram;
use crate::components::analysis_progress::AnalysisProgress;
use crate::components::analysis_trouble::AnalysisTrouble;
use crate::core::demo::demo_community_sized;
use crate::core::model::{Community, Event, EventId};
use crate::core::playback::between::BETWEEN_STEPS;
use crate::core::playback::card::card;
use crate::core::playback::scene::finish_order;
use crate::core::playback::scene::Labels;
use crate::core::playback::style::{Appearance, ColourBy, LegendEntry, Swatch};
use crate::core::playback::svg::ExportText;
use crate::core::playback::timeline::{play_step, start_step, step_ms, YOU_FADE_MS, YOU_HOLD_MS};
use crate::core::playback::{Lens, Scene};
use crate::i18n::Arg;
use crate::platform::render::frames;
use crate::state::analysis::{use_analysis_when, AnalysisView};
use crate::state::context::{use_app, AppContext};
use crate::state::Route;
use comparison::Comparison;
use controls::{Action, Actions, AppearanceBar, LensBar, Timeline, TimelineMode};
use gloo::timers::callback::{Interval, Timeout};
use panel::{tr, Card, Findings, Legend};
use search::NameSearch;
use source::{build_scene, facilitator_view_requested, Source};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long after the first picture is settled with its painter (see
/// `Sociogram`'s `on_shown`) the analysis job is posted (ms), after the
/// layout worker has started.
const ANALYSIS_AFTER_MS: u32 = 40;

/// Seed of the benchmark's demo event.
const BENCH_SEED: u64 = 2026;

/// Identifies a scene: the community version (same pointer, count and meta
/// revision) and the names the facilitator allows.
type Key = (usize, usize, u64, Labels);

/// The scene, rebuilt when the community changes (at once, with the last
/// analysis matched by node id) and again when the worker's analysis
/// refines (sampled, then exact); and the analysis progress. The analysis
/// is asked for once `shown` (the first picture is on screen).
#[hook]
fn use_scene(
    source: Source,
    community: Rc<Community>,
    key: Key,
    shown: bool,
) -> (Rc<Scene>, AnalysisView) {
    let generated = use_memo(source, |s| source::generated(*s).map(Rc::new));
    let view = {
        let generated = (*generated).clone();
        // A generated network does not depend on the event: only on its size.
        let deps = match &generated {
            Some(g) => (None, g.0.nodes.len()),
            None => (Some(community.clone()), 0),
        };
        use_analysis_when(source::lane(source), shown, deps, move |(c, _)| {
            let job = |c: &Community| source::analysis_job(c, generated.as_ref().map(|g| &g.0));
            match c {
                Some(c) => job(c),
                None => job(&Community::new(Event::new(EventId::new("bench"), "", ""))),
            }
        })
    };
    let latest = view.latest.clone();
    let version = latest.as_ref().map_or(0, |u| Rc::as_ptr(u) as usize);
    let scene = use_memo((key, version), move |_| {
        Rc::new(build_scene(
            &community,
            (*generated).as_deref(),
            latest.as_deref(),
            key.3,
        ))
    });
    ((*scene).clone(), view)
}

/// The resident to highlight: the one who just finished (or, in the
/// benchmark's demo event, the last to finish).
fn you(app: &AppContext, source: Source, community: &Community, scene: &Scene) -> Option<u32> {
    let id = match source {
        Source::Event(_) => finish_order(community).last().map(|r| r.id.clone()),
        Source::Generated(_) => None,
        Source::Community => app.state().just_finished.as_ref().map(|r| r.id.clone()),
    }?;
    scene.index_of(&format!("r:{id}"))
}

fn caption(app: &AppContext, lens: Lens, scene: &Scene, look: Appearance) -> String {
    if let (Lens::Communities, ColourBy::Attribute(k)) = (lens, look.colour_by) {
        if let Some(col) = scene.attributes.get(usize::from(k)) {
            return app.t_with(
                "pb-caption-colour-attribute",
                &[("attribute", col.label.clone().into())],
            );
        }
    }
    match (lens, &scene.group) {
        (Lens::Group, Some(g)) => app.t_with(
            lens.caption_key(),
            &[
                ("group", g.answer.clone().into()),
                ("attribute", g.attribute.clone().into()),
            ],
        ),
        (Lens::Group, None) => app.t("pb-caption-group-none"),
        _ => app.t(lens.caption_key()),
    }
}

/// A legend line in the current language (an answer as the facilitator wrote it).
fn legend_text(app: &AppContext, l: &LegendEntry) -> String {
    match &l.text {
        Some(answer) => {
            let mut args: Vec<(&str, Arg)> =
                l.args.iter().map(|(k, v)| (*k, Arg::Num(*v))).collect();
            args.push(("answer", Arg::Str(answer.clone())));
            app.t_with(l.key, &args)
        }
        None => tr(app, l.key, &l.args),
    }
}

#[function_component(Playback)]
pub fn playback() -> Html {
    let app = use_app();
    let source = *use_memo((), |_| Source::from_location());
    let demo = use_memo(source, |s| match s {
        Source::Event(n) => Some(Rc::new(demo_community_sized(BENCH_SEED, *n))),
        _ => None,
    });
    // Created before the scene, so its clock (mount to "you" on screen)
    // counts the scene build; after the benchmark's demo event is generated,
    // which a real event on the device never needs.
    let engine = use_memo((), |_| {
        EngineHandle(Rc::new(RefCell::new(Engine::new(frames::now()))))
    });
    // The first picture (with "you") goes on screen before the workers
    // start: loading and compiling them, and encoding the analysis job,
    // would otherwise hold the main thread and the cores first.
    let start_layout = super::sociogram::worker_link::use_layout_worker(&engine);
    // The analysis job is encoded and posted a little later, in a task of
    // its own: with the layout worker's start in the same task it held
    // the page for ~55 ms at 2,000 people, three frames.
    let analyse = use_state(|| false);
    let state = app.state();
    let community = (*demo).clone().unwrap_or_else(|| state.community.clone());
    let key = (
        Rc::as_ptr(&community) as usize,
        community.responses.len(),
        state.meta_rev,
        state.playback_labels,
    );
    // The facilitator's view (search by name) needs the workspace unlocked.
    let asked_facilitator = *use_memo((), |_| {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .is_some_and(|h| facilitator_view_requested(&h))
    });
    let locked = state.kiosk.pin.is_some() && !state.unlocked;
    let facilitator = asked_facilitator && !locked;
    let (scene, analysis) = use_scene(source, community.clone(), key, *analyse);
    let lens = use_state(Lens::default);
    let look = use_state(Appearance::default);
    let presenting = use_state(|| false);
    use_fullscreen_exit(&presenting);
    let step = use_state(|| u32::MAX);
    let playing = use_state(|| false);
    let selected = use_state(|| None::<u32>);
    let found = use_state(|| None::<u32>);
    let mode = use_state(TimelineMode::default);
    let earlier = match source {
        Source::Community => state.earlier.held().cloned(),
        _ => None,
    };
    let comparison = use_comparison(*mode, earlier.clone(), community.clone(), key);
    // Between two events the picture is both events' overlay.
    let shown_scene = comparison
        .as_ref()
        .map_or_else(|| scene.clone(), |c| c.scene.clone());
    let you = you(&app, source, &community, &scene).filter(|_| comparison.is_none());
    let you_shown = use_state(|| true);
    let steps = if comparison.is_some() {
        BETWEEN_STEPS
    } else {
        scene.steps
    };
    let shown = (*step).min(steps);
    let st = {
        let mut e = engine.0.borrow_mut();
        e.set_scene(shown_scene.clone());
        e.set_between(comparison.as_ref().map(|c| c.between.clone()));
        e.set_view(*lens, shown, *look);
        e.set_you(you.filter(|_| *you_shown), frames::now());
        e.set_focus(found.filter(|_| facilitator));
        e.styles()
    };
    {
        let you_shown = you_shown.clone();
        use_effect_with((), move |_| {
            let t = Timeout::new((YOU_HOLD_MS + YOU_FADE_MS) as u32, move || {
                you_shown.set(false)
            });
            move || drop(t)
        });
    }
    use_playing(&playing, &step, steps);

    let legend: Vec<(Swatch, String)> = st
        .legend
        .iter()
        .map(|l| (l.swatch, legend_text(&app, l)))
        .collect();
    let caption_text = caption(&app, *lens, &scene, *look);
    let main_ref = use_node_ref();
    let on_action = {
        let engine = engine.clone();
        let main_ref = main_ref.clone();
        let title = app.t("playback-title");
        let caption_text = caption_text.clone();
        let legend = legend.clone();
        let presenting = presenting.clone();
        Callback::from(move |a: Action| {
            let text = ExportText {
                title: &title,
                caption: &caption_text,
                legend: &legend,
            };
            act(a, &engine, &presenting, &main_ref, &text);
        })
    };
    let on_lens = {
        let lens = lens.clone();
        Callback::from(move |l: Lens| lens.set(l))
    };
    let on_look = {
        let look = look.clone();
        Callback::from(move |l: Appearance| look.set(l))
    };
    let questions: Vec<String> = scene.attributes.iter().map(|a| a.label.clone()).collect();
    let on_play = {
        let playing = playing.clone();
        let step = step.clone();
        Callback::from(move |_| {
            if !*playing {
                step.set(start_step((*step).min(steps), steps));
            }
            playing.set(!*playing);
        })
    };
    let on_step = {
        let step = step.clone();
        let playing = playing.clone();
        Callback::from(move |s: u32| {
            playing.set(false);
            step.set(s);
        })
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |i: Option<u32>| selected.set(i))
    };
    let close = {
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| selected.set(None))
    };
    let on_found = {
        let (selected, found) = (selected.clone(), found.clone());
        Callback::from(move |i: Option<u32>| {
            found.set(i);
            selected.set(i);
        })
    };
    let on_shown = {
        let (start_layout, analyse) = (start_layout.clone(), analyse.clone());
        Callback::from(move |()| {
            start_layout.emit(());
            let analyse = analyse.clone();
            Timeout::new(ANALYSIS_AFTER_MS, move || analyse.set(true)).forget();
        })
    };
    let home = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(Route::Start))
    };
    let on_mode = {
        let (mode, playing, step) = (mode.clone(), playing.clone(), step.clone());
        let (selected, found) = (selected.clone(), found.clone());
        Callback::from(move |m: TimelineMode| {
            if m != *mode {
                playing.set(false);
                // Between two events starts from the earlier picture.
                step.set(if m == TimelineMode::Between {
                    0
                } else {
                    u32::MAX
                });
                selected.set(None);
                found.set(None);
                mode.set(m);
            }
        })
    };
    let between_caption = comparison.as_ref().map(|c| c.caption(&app));
    let earlier_name = earlier.as_ref().map(|e| e.event.name.clone());
    let node_card = selected.and_then(|i| card(&shown_scene, i));
    let canvas_label = app.t_with(
        if state.playback_labels == Labels::Places {
            "pb-canvas"
        } else {
            "pb-canvas-named"
        },
        &[
            ("nodes", st.visible_nodes.into()),
            ("ties", st.visible_edges.into()),
        ],
    );
    // Findings are final only when they are of this event as it is now
    // (reopened after a merge, the earlier result shows until the new one
    // lands, marked as being worked out).
    let findings_complete = scene.complete && (analysis.current || analysis.failed.is_some());
    html! {
        <main class={classes!("screen", "playback", facilitator.then_some("facilitator-view"),
            presenting.then_some("presenting"))}
            ref={main_ref} data-lens={lens.id()}>
            <header class="bar">
                <h1>{ app.t("playback-title") }</h1>
                <p class="muted" data-testid="pb-counts">
                    { app.t_with("pb-counts", &[("nodes", st.visible_nodes.into()), ("ties", st.visible_edges.into())]) }
                </p>
                <Actions {on_action} presenting={*presenting} />
                <button type="button" class="btn" onclick={home}>{ app.t("nav-home") }</button>
            </header>
            <div class="pb-lens-row">
                <LensBar lens={*lens} {on_lens} />
                <AppearanceBar look={*look} {questions} {on_look} />
            </div>
            <p class="pb-caption" data-testid="pb-caption" aria-live="polite">{ caption_text }</p>
            if let Some(text) = between_caption {
                <p class="pb-caption pb-between-caption" data-testid="pb-between-caption">{ text }</p>
            }
            <div class="pb-stage">
                <Sociogram engine={(*engine).clone()} label={canvas_label} {on_select} {on_shown} />
                if you.is_some() && *you_shown {
                    <p class="pb-you" role="status" data-testid="pb-you">{ app.t("pb-you") }</p>
                }
                if steps == 0 && !source.is_bench() {
                    <p class="pb-empty">{ app.t("pb-empty") }</p>
                }
                <div class="pb-side">
                    if let Some(p) = analysis.progress {
                        <AnalysisProgress progress={p} />
                    }
                    if let Some(failure) = analysis.failed.clone() {
                        <AnalysisTrouble lane={source::lane(source)} {failure} />
                    }
                    if facilitator {
                        <NameSearch community={community.clone()} scene={shown_scene.clone()} on_pick={on_found} />
                    }
                    if let Some(c) = node_card {
                        <Card card={c} on_close={close} />
                    }
                    <Legend entries={legend} />
                    <Findings findings={scene.findings.clone()} complete={findings_complete} />
                </div>
            </div>
            <footer class="pb-footer">
                <Timeline step={shown} {steps} playing={*playing} {on_play} {on_step}
                    mode={if comparison.is_some() { TimelineMode::Between } else { TimelineMode::InOrder }}
                    earlier={earlier_name} {on_mode} />
            </footer>
        </main>
    }
}

/// The comparison with the earlier event, built only while the timeline
/// plays between the two (matching both events is the costly part).
#[hook]
fn use_comparison(
    mode: TimelineMode,
    earlier: Option<Rc<Community>>,
    community: Rc<Community>,
    key: Key,
) -> Option<Rc<Comparison>> {
    let on = earlier.filter(|_| mode == TimelineMode::Between);
    let deps = (on.as_ref().map(|e| Rc::as_ptr(e) as usize), key);
    let built = use_memo(deps, move |(_, key)| {
        on.map(|e| Rc::new(Comparison::new(&e, &community, key.3)))
    });
    (*built).clone()
}

/// While playing, advances the step with the clock until the end.
#[hook]
fn use_playing(playing: &UseStateHandle<bool>, step: &UseStateHandle<u32>, steps: u32) {
    let from = (**step).min(steps);
    let setter = step.setter();
    let stop = playing.setter();
    use_effect_with(**playing, move |on| {
        let timer = on.then(|| {
            let start = frames::now();
            let tick = (step_ms(steps) / 2.0).max(16.0) as u32;
            Interval::new(tick, move || {
                let s = play_step(from, frames::now() - start, steps);
                setter.set(s);
                if s >= steps {
                    stop.set(false);
                }
            })
        });
        move || drop(timer)
    });
}

fn act(
    action: Action,
    engine: &EngineHandle,
    presenting: &UseStateHandle<bool>,
    main_ref: &NodeRef,
    text: &ExportText,
) {
    match action {
        Action::Fit => engine.0.borrow_mut().fit(),
        Action::FullScreen => {
            let on = !**presenting;
            // Large type even where the browser refuses full screen.
            presenting.set(on);
            let document = web_sys::window().and_then(|w| w.document());
            match (on, main_ref.cast::<web_sys::Element>(), document) {
                (true, Some(el), _) => {
                    let _ = el.request_fullscreen();
                }
                (false, _, Some(d)) if d.fullscreen_element().is_some() => d.exit_fullscreen(),
                _ => {}
            }
            engine.0.borrow_mut().fit();
        }
        Action::Png | Action::Svg => {
            let (svg, camera) = {
                let e = engine.0.borrow();
                (e.export_svg(text), e.camera())
            };
            export(action, svg, camera.size.width, camera.size.height);
        }
    }
}

/// Leaves presentation mode when the browser leaves full screen (Esc).
#[hook]
fn use_fullscreen_exit(presenting: &UseStateHandle<bool>) {
    let presenting = presenting.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|d| {
            let doc = d.clone();
            gloo::events::EventListener::new(&d, "fullscreenchange", move |_| {
                if doc.fullscreen_element().is_none() {
                    presenting.set(false);
                }
            })
        });
        move || drop(listener)
    });
}

fn export(action: Action, svg: String, width: f64, height: f64) {
    use crate::platform::files::download;
    if action == Action::Svg {
        if let Err(e) = download("weave-community.svg", "image/svg+xml", svg.as_bytes()) {
            web_sys::console::error_1(&e.into());
        }
        return;
    }
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    wasm_bindgen_futures::spawn_local(async move {
        match crate::platform::render::png::svg_to_png(&svg, width, height, dpr).await {
            Ok(bytes) => {
                if let Err(e) = download("weave-community.png", "image/png", &bytes) {
                    web_sys::console::error_1(&e.into());
                }
            }
            Err(e) => web_sys::console::error_1(&e),
        }
    });
}
