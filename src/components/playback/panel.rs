//! Beside the picture: the legend (always on screen), the findings in plain
//! words (counts only), and the card of a tapped node (no private names).

use crate::core::playback::card::NodeCard;
use crate::core::playback::findings::{FindingArg, FindingText};
use crate::core::playback::style::{Dash, Shape, Swatch};
use crate::i18n::Arg;
use crate::state::context::{use_app, AppContext};
use yew::prelude::*;

/// Translates a key with numeric arguments.
pub fn tr(app: &AppContext, key: &str, args: &[(&'static str, f64)]) -> String {
    let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::Num(*v))).collect();
    app.t_with(key, &args)
}

/// A finding in the current language.
pub fn finding(app: &AppContext, f: &FindingText) -> String {
    let args: Vec<(&str, Arg)> = f
        .args
        .iter()
        .map(|(k, v)| {
            (
                *k,
                match v {
                    FindingArg::Num(n) => Arg::Num(*n),
                    FindingArg::Text(t) => Arg::Str(t.clone()),
                },
            )
        })
        .collect();
    app.t_with(f.key, &args)
}

/// A legend swatch as a small inline SVG (attributes, not styles: the CSP).
pub fn swatch(s: &Swatch) -> Html {
    let body = match s {
        Swatch::Node(Shape::Circle, c) => html! { <circle cx="12" cy="12" r="8" fill={c.hex()} /> },
        Swatch::Node(Shape::Square, c) => {
            html! { <rect x="4" y="4" width="16" height="16" fill={c.hex()} /> }
        }
        Swatch::Line(c, d) => {
            let dash = match d {
                Dash::Solid => None,
                Dash::Dashed => Some("6 4"),
                Dash::Dotted => Some("1.5 3"),
            };
            html! { <line x1="0" y1="12" x2="24" y2="12" stroke={c.hex()} stroke-width="3" stroke-dasharray={dash} /> }
        }
    };
    html! { <svg class="swatch" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">{ body }</svg> }
}

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub entries: Vec<(Swatch, String)>,
}

#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let app = use_app();
    html! {
        <section class="pb-legend" data-testid="pb-legend" aria-labelledby="pb-legend-title">
            <h2 id="pb-legend-title">{ app.t("pb-legend") }</h2>
            <ul>
                { for props.entries.iter().map(|(s, label)| html! {
                    <li>{ swatch(s) }<span>{ label.clone() }</span></li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub findings: Vec<FindingText>,
    pub complete: bool,
}

#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let app = use_app();
    html! {
        <section class="pb-findings" data-testid="pb-findings" aria-labelledby="pb-findings-title" aria-live="polite">
            <h2 id="pb-findings-title">{ app.t("pb-findings") }</h2>
            if !props.complete {
                <p class="muted">{ app.t("pb-findings-working") }</p>
            }
            <ul>
                { for props.findings.iter().map(|f| html! { <li>{ finding(&app, f) }</li> }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub card: NodeCard,
    pub on_close: Callback<MouseEvent>,
}

#[function_component(Card)]
pub fn card(props: &CardProps) -> Html {
    let app = use_app();
    let c = &props.card;
    html! {
        <aside class="pb-card" role="dialog" aria-modal="false" aria-labelledby="pb-card-title" data-testid="pb-card">
            <h2 id="pb-card-title">{ tr(&app, c.title.key, &c.title.args) }</h2>
            if let Some(name) = &c.place_name {
                <p class="pb-card-place">{ name.clone() }</p>
            }
            <ul>
                { for c.lines.iter().map(|l| html! { <li>{ tr(&app, l.key, &l.args) }</li> }) }
            </ul>
            <button type="button" class="btn" onclick={props.on_close.clone()} data-testid="pb-card-close">
                { app.t("pb-card-close") }
            </button>
        </aside>
    }
}
