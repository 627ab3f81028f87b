//! The play-back's controls: one button per lens (aria-pressed), the
//! timeline (play and a slider) and the view actions (fit, full screen,
//! exports). Large targets: the screen is used standing, by touch.

use crate::core::playback::style::{Appearance, ColourBy, SizeBy};
use crate::core::playback::Lens;
use crate::state::context::use_app;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LensProps {
    pub lens: Lens,
    pub on_lens: Callback<Lens>,
}

#[function_component(LensBar)]
pub fn lens_bar(props: &LensProps) -> Html {
    let app = use_app();
    html! {
        <nav class="pb-lenses" aria-label={app.t("pb-lenses")}>
            { for Lens::ALL.iter().map(|&l| {
                let on = props.on_lens.clone();
                html! {
                    <button type="button" class="btn lens" aria-pressed={(l == props.lens).to_string()}
                        data-lens={l.id()} onclick={Callback::from(move |_: MouseEvent| on.emit(l))}>
                        { app.t(l.key()) }
                    </button>
                }
            }) }
        </nav>
    }
}

/// What the timeline plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimelineMode {
    /// This event, growing in the order maps were finished.
    #[default]
    InOrder,
    /// From an earlier event's picture to this one's.
    Between,
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub step: u32,
    pub steps: u32,
    pub playing: bool,
    pub on_play: Callback<()>,
    pub on_step: Callback<u32>,
    pub mode: TimelineMode,
    /// The earlier event's name, when one is held (the mode can then switch).
    pub earlier: Option<String>,
    pub on_mode: Callback<TimelineMode>,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let app = use_app();
    let play = {
        let on = props.on_play.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let input = {
        let on = props.on_step.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.value().parse::<u32>().ok());
            if let Some(v) = value {
                on.emit(v);
            }
        })
    };
    let label = if props.playing {
        app.t("pb-pause")
    } else {
        app.t("pb-play")
    };
    let shown = props.step.min(props.steps);
    let between = props.mode == TimelineMode::Between;
    let value = match (&props.earlier, between) {
        (Some(name), true) => app.t_with(
            "cmp-timeline-value",
            &[
                ("event", name.clone().into()),
                (
                    "percent",
                    (((shown * 100) / props.steps.max(1)) as usize).into(),
                ),
            ],
        ),
        _ => app.t_with(
            "pb-timeline-value",
            &[
                ("shown", (shown as usize).into()),
                ("total", (props.steps as usize).into()),
            ],
        ),
    };
    let mode_button = |mode: TimelineMode, key: &str, id: &str| {
        let on = props.on_mode.clone();
        html! {
            <button type="button" class="btn" aria-pressed={(mode == props.mode).to_string()}
                data-testid={id.to_string()} onclick={Callback::from(move |_: MouseEvent| on.emit(mode))}>
                { app.t(key) }
            </button>
        }
    };
    let jump = |to: u32, text: String, id: &str| {
        let on = props.on_step.clone();
        html! {
            <button type="button" class="btn" data-testid={id.to_string()}
                onclick={Callback::from(move |_: MouseEvent| on.emit(to))}>{ text }</button>
        }
    };
    let slider_label = if between {
        app.t("cmp-timeline")
    } else {
        app.t("pb-timeline")
    };
    html! {
        <div class="pb-timeline">
            if props.earlier.is_some() {
                <div class="pb-timeline-modes" role="group" aria-label={app.t("cmp-modes")}>
                    { mode_button(TimelineMode::InOrder, "cmp-mode-in-order", "pb-mode-in-order") }
                    { mode_button(TimelineMode::Between, "cmp-mode-between", "pb-mode-between") }
                </div>
            }
            <button type="button" class="btn primary" onclick={play} aria-pressed={props.playing.to_string()}
                data-testid="pb-play">{ label }</button>
            if let (Some(name), true) = (&props.earlier, between) {
                { jump(0, app.t_with("cmp-show-earlier", &[("event", name.clone().into())]), "pb-show-earlier") }
            }
            <input type="range" min="0" max={props.steps.to_string()} value={shown.to_string()}
                aria-label={slider_label} aria-valuetext={value.clone()} oninput={input} data-testid="pb-timeline" />
            if between {
                { jump(props.steps, app.t("cmp-show-current"), "pb-show-current") }
            }
            <span class="muted" data-testid="pb-timeline-value">{ value }</span>
        </div>
    }
}

/// A view action the screen carries out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Fit,
    FullScreen,
    Png,
    Svg,
}

#[derive(Properties, PartialEq)]
pub struct ActionProps {
    pub on_action: Callback<Action>,
    /// Presentation mode (full screen, large type) is on.
    pub presenting: bool,
}

#[function_component(Actions)]
pub fn actions(props: &ActionProps) -> Html {
    let app = use_app();
    let button = |action: Action, key: &str, id: &str| {
        let on = props.on_action.clone();
        let export = matches!(action, Action::Png | Action::Svg);
        html! {
            <button type="button" class={classes!("btn", export.then_some("pb-export"))} data-testid={id.to_string()}
                onclick={Callback::from(move |_: MouseEvent| on.emit(action))}>{ app.t(key) }</button>
        }
    };
    html! {
        <div class="pb-actions">
            { button(Action::Fit, "pb-fit", "pb-fit") }
            <button type="button" class="btn" data-testid="pb-fullscreen"
                aria-pressed={props.presenting.to_string()}
                onclick={let on = props.on_action.clone(); Callback::from(move |_: MouseEvent| on.emit(Action::FullScreen))}>
                { if props.presenting { app.t("pb-fullscreen-leave") } else { app.t("pb-fullscreen") } }
            </button>
            { button(Action::Png, "pb-export-png", "pb-export-png") }
            { button(Action::Svg, "pb-export-svg", "pb-export-svg") }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AppearanceProps {
    pub look: Appearance,
    /// The event's questions residents answered (labels), to colour by.
    pub questions: Vec<String>,
    pub on_look: Callback<Appearance>,
}

/// What size and colour stand for: two choices beside the lenses (colour
/// applies to the groups lens).
#[function_component(AppearanceBar)]
pub fn appearance_bar(props: &AppearanceProps) -> Html {
    let app = use_app();
    let look = props.look;
    let on_size = {
        let on = props.on_look.clone();
        Callback::from(move |e: Event| {
            let id = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(size_by) = SizeBy::from_id(&id) {
                on.emit(Appearance { size_by, ..look });
            }
        })
    };
    let on_colour = {
        let on = props.on_look.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            let colour_by = value
                .strip_prefix("q")
                .and_then(|k| k.parse::<u16>().ok())
                .map_or(ColourBy::Community, ColourBy::Attribute);
            on.emit(Appearance { colour_by, ..look });
        })
    };
    let colour_value = match look.colour_by {
        ColourBy::Community => "community".to_string(),
        ColourBy::Attribute(k) => format!("q{k}"),
    };
    html! {
        <div class="pb-appearance">
            <label>
                <span>{ app.t("pb-size") }</span>
                <select onchange={on_size} data-testid="pb-size">
                    { for SizeBy::ALL.iter().map(|s| html! {
                        <option value={s.id()} selected={*s == look.size_by}>{ app.t(s.key()) }</option>
                    }) }
                </select>
            </label>
            if !props.questions.is_empty() {
                <label>
                    <span>{ app.t("pb-colour") }</span>
                    <select onchange={on_colour} data-testid="pb-colour">
                        <option value="community" selected={colour_value == "community"}>{ app.t("pb-colour-community") }</option>
                        { for props.questions.iter().enumerate().map(|(k, q)| {
                            let v = format!("q{k}");
                            html! { <option value={v.clone()} selected={v == colour_value}>{ q.clone() }</option> }
                        }) }
                    </select>
                </label>
            }
        </div>
    }
}
