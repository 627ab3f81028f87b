//! Drawing the map canvas from the places and the view: the picture (or a
//! blank sheet), links from "me", pins with their names, the resident's
//! places without a pin beside "me". Pure view code: no state of its own.

use super::icons::{category_slug, icon_path};
use super::map_canvas::{CanvasPlace, Mode, Props};
use crate::core::geometry::{Viewport, WorldPoint};
use crate::core::model::{MapPin, PlaceCategory, PlaceId};
use crate::core::places::edit::nudge;
use crate::core::places::map::{fan, link_path, row_beside, MapSpace};
use crate::core::style::truncate_label;
use std::rc::Rc;
use yew::prelude::*;

/// Pin marker radius, label size and "me" radius in screen pixels, whatever
/// the zoom: smaller on a phone-sized canvas so 30 places stay apart (the
/// touch reach stays 48 px either way, see `PIN_TOUCH_PX`).
#[derive(Clone, Copy)]
struct Sizes {
    pin: f64,
    label: f64,
    me: f64,
}

fn sizes(vp: &Viewport) -> Sizes {
    if vp.size.width < 560.0 {
        Sizes {
            pin: 10.0,
            label: 15.0,
            me: 24.0,
        }
    } else {
        Sizes {
            pin: 14.0,
            label: 18.0,
            me: 30.0,
        }
    }
}
/// Below this zoom the facilitator's map shows pins without names.
const LABELS_FROM_SCALE: f64 = 0.5;
/// Keyboard steps, as fractions of the picture.
const NUDGE: f64 = 0.01;
const NUDGE_BIG: f64 = 0.05;

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

#[allow(clippy::too_many_arguments)]
pub(super) fn draw(
    app: &crate::state::context::AppContext,
    props: &Props,
    places: &[CanvasPlace],
    space: &MapSpace,
    vp: Viewport,
    preview: Option<(PlaceId, MapPin)>,
    (picture_href, has_picture): (Option<Rc<str>>, bool),
) -> Html {
    let k = 1.0 / vp.scale;
    let Sizes {
        pin: pin_px,
        label: label_px,
        me: me_px,
    } = sizes(&vp);
    let transform = format!(
        "translate({:.2} {:.2}) scale({:.4})",
        vp.offset.x, vp.offset.y, vp.scale
    );
    let resident = props.mode == Mode::Resident;
    let at_of = |p: &CanvasPlace| -> Option<WorldPoint> {
        match &preview {
            Some((id, pin)) if id == &p.id => Some(space.to_world(*pin)),
            _ => p.pin.map(|pin| space.to_world(pin)),
        }
    };
    let with_picture = has_picture;
    let me = if with_picture {
        space.me_below()
    } else {
        space.centre()
    };
    // The resident's chosen places without a position fan out round "me".
    let fanned: Vec<(String, String, PlaceCategory)> = if resident {
        places
            .iter()
            .filter(|p| p.chosen && p.pin.is_none())
            .map(|p| (p.id.to_string(), p.name.clone(), p.category))
            .chain(
                props
                    .fan
                    .iter()
                    .map(|f| (f.key.clone(), f.name.clone(), f.category)),
            )
            .collect()
    } else {
        Vec::new()
    };
    let fan_spots = if with_picture {
        row_beside(me, fanned.len(), space.width)
    } else {
        fan(me, fanned.len(), space.height.min(space.width) * 0.32)
    };
    let links = resident.then(|| {
        let to_pins = places
            .iter()
            .filter(|p| p.chosen)
            .filter_map(at_of)
            .chain(fan_spots.iter().copied());
        html! {
            <g class="links">
                { for to_pins.map(|to| html! { <path class="link" d={link_path(me, to)} stroke-width={fmt(4.0 * k)} /> }) }
            </g>
        }
    });
    let pins = places.iter().filter_map(|p| {
        let at = at_of(p)?;
        let dragging = matches!(&preview, Some((id, _)) if id == &p.id);
        // A resident sees the names of their own places; the facilitator sees
        // every name once the map is big enough for them not to pile up
        // (zoom in on a phone), and always the one being dragged.
        let show_label = if resident {
            p.chosen
        } else {
            vp.scale >= LABELS_FROM_SCALE || dragging
        };
        let pin = p.pin.unwrap_or(MapPin { x: 0.5, y: 0.5 });
        let label = if resident {
            let key = if p.chosen { "map-pin-chosen" } else { "map-pin" };
            app.t_with(key, &[("name", p.name.clone().into())])
        } else {
            app.t_with(
                "map-pin-edit",
                &[
                    ("name", p.name.clone().into()),
                    ("x", ((pin.x * 100.0).round() as usize).into()),
                    ("y", ((pin.y * 100.0).round() as usize).into()),
                ],
            )
        };
        let onkeydown = {
            let on_pin = props.on_pin.clone();
            let on_tap = props.on_tap.clone();
            let id = p.id.clone();
            Callback::from(move |e: KeyboardEvent| {
                let step = if e.shift_key() { NUDGE_BIG } else { NUDGE };
                let moved = match e.key().as_str() {
                    "ArrowLeft" => Some((-step, 0.0)),
                    "ArrowRight" => Some((step, 0.0)),
                    "ArrowUp" => Some((0.0, -step)),
                    "ArrowDown" => Some((0.0, step)),
                    _ => None,
                };
                match (e.key().as_str(), moved, resident) {
                    (_, Some((dx, dy)), false) => {
                        e.prevent_default();
                        on_pin.emit((id.clone(), Some(nudge(pin, dx, dy))));
                    }
                    ("Delete" | "Backspace", _, false) => {
                        e.prevent_default();
                        on_pin.emit((id.clone(), None));
                    }
                    ("Enter" | " ", _, true) => {
                        e.prevent_default();
                        on_tap.emit(id.clone());
                    }
                    _ => {}
                }
            })
        };
        let class = classes!(
            "pin",
            category_slug(p.category),
            p.chosen.then_some("chosen"),
            dragging.then_some("dragging")
        );
        Some(html! {
            <g {class} transform={format!("translate({} {})", fmt(at.x), fmt(at.y))}
                tabindex="0" role="button" aria-label={label} aria-pressed={resident.then(|| p.chosen.to_string())}
                data-place={p.id.to_string()} data-x={format!("{:.4}", pin.x)} data-y={format!("{:.4}", pin.y)}
                {onkeydown}>
                <circle class="pin-dot" r={fmt(pin_px * k)} stroke-width={fmt(3.0 * k)} />
                <g transform={format!("scale({:.4}) translate(-12 -12)", k * 0.9)} class="pin-icon">
                    <path d={icon_path(p.category)} />
                </g>
                if show_label {
                    <text class="pin-label" x={fmt((pin_px + 6.0) * k)} dy="0.35em"
                        font-size={fmt(label_px * k)} stroke-width={fmt(5.0 * k)}>
                        { truncate_label(&p.name, 28) }
                    </text>
                }
            </g>
        })
    });
    let fan_nodes = fanned.iter().zip(&fan_spots).map(|((key, name, cat), at)| {
        // Labels point away from "me", so none runs under it.
        let left = at.x < me.x - 1.0;
        let (lx, anchor) = if left {
            (-(pin_px + 6.0) * k, "end")
        } else {
            ((pin_px + 6.0) * k, "start")
        };
        html! {
            <g class={classes!("fan-place", category_slug(*cat))} transform={format!("translate({} {})", fmt(at.x), fmt(at.y))}
                data-fan={key.clone()} aria-label={app.t_with("map-pin-chosen", &[("name", name.clone().into())])} role="img">
                <circle class="pin-dot" r={fmt(pin_px * k)} stroke-width={fmt(3.0 * k)} />
                <g transform={format!("scale({:.4}) translate(-12 -12)", k * 0.9)} class="pin-icon">
                    <path d={icon_path(*cat)} />
                </g>
                <text class="pin-label" x={fmt(lx)} text-anchor={anchor} dy="0.35em"
                    font-size={fmt(label_px * k)} stroke-width={fmt(5.0 * k)}>
                    { truncate_label(name, 28) }
                </text>
            </g>
        }
    });
    let backdrop = match picture_href {
        Some(href) => html! {
            <image class="map-picture" href={href.to_string()} x="0" y="0"
                width={fmt(space.width)} height={fmt(space.height)} preserveAspectRatio="none" />
        },
        None => html! {
            <rect class="map-blank" x="0" y="0" width={fmt(space.width)} height={fmt(space.height)}
                rx={fmt(12.0)} />
        },
    };
    html! {
        <g transform={transform}>
            { backdrop }
            { for links }
            { for pins }
            { for fan_nodes }
            if resident {
                <g class="me" transform={format!("translate({} {})", fmt(me.x), fmt(me.y))}>
                    <circle r={fmt(me_px * k)} />
                    <text text-anchor="middle" dy="0.35em" font-size={fmt(label_px * k)}>{ app.t("canvas-me") }</text>
                </g>
            }
        </g>
    }
}
