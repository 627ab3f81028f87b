//! Category icons as small inline SVG drawings (emoji fonts are missing on
//! many kiosks), and the i18n keys of category and barrier names.

use crate::core::model::{Barrier, PlaceCategory};
use yew::prelude::*;

pub fn category_key(c: PlaceCategory) -> &'static str {
    match c {
        PlaceCategory::Venue => "cat-venue",
        PlaceCategory::Group => "cat-group",
        PlaceCategory::Service => "cat-service",
        PlaceCategory::Information => "cat-information",
        PlaceCategory::Online => "cat-online",
    }
}

/// The singular name ("a place", "a group or activity") for choosers.
pub fn category_one_key(c: PlaceCategory) -> &'static str {
    match c {
        PlaceCategory::Venue => "cat-one-venue",
        PlaceCategory::Group => "cat-one-group",
        PlaceCategory::Service => "cat-one-service",
        PlaceCategory::Information => "cat-one-information",
        PlaceCategory::Online => "cat-one-online",
    }
}

pub fn category_slug(c: PlaceCategory) -> &'static str {
    match c {
        PlaceCategory::Venue => "venue",
        PlaceCategory::Group => "group",
        PlaceCategory::Service => "service",
        PlaceCategory::Information => "information",
        PlaceCategory::Online => "online",
    }
}

pub fn barrier_key(b: Barrier) -> &'static str {
    match b {
        Barrier::Cost => "barrier-cost",
        Barrier::Transport => "barrier-transport",
        Barrier::Times => "barrier-times",
        Barrier::Language => "barrier-language",
        Barrier::Confidence => "barrier-confidence",
        Barrier::Caring => "barrier-caring",
        Barrier::Health => "barrier-health",
        Barrier::Other => "barrier-other",
    }
}

/// The drawing of a category in a 24×24 box (stroke paths).
pub fn icon_path(c: PlaceCategory) -> &'static str {
    match c {
        // A house.
        PlaceCategory::Venue => "M3 11 L12 3 L21 11 M5 9.5 V21 H19 V9.5 M10 21 V15 H14 V21",
        // Two people.
        PlaceCategory::Group => {
            "M8.5 11 a3 3 0 1 0 0.01 0 M2.5 20 c0-3.5 2.7-6 6-6 s6 2.5 6 6 M16 11.5 a2.5 2.5 0 1 0 0.01 0 M15.5 14.2 c3 -0.4 6 1.6 6 5.8"
        }
        // A cross in a circle.
        PlaceCategory::Service => "M12 3 a9 9 0 1 0 0.01 0 M12 7.5 V16.5 M7.5 12 H16.5",
        // A newspaper.
        PlaceCategory::Information => "M4 5 H17 V19 H6 a2 2 0 0 1 -2 -2 Z M17 9 H20 V17 a2 2 0 0 1 -2 2 M7 9 H14 M7 12.5 H14 M7 16 H11",
        // A speech bubble.
        PlaceCategory::Online => "M4 5 H20 V16 H10 L6 20 V16 H4 Z M8 9.5 H16 M8 12.5 H13",
    }
}

#[derive(Properties, PartialEq)]
pub struct IconProps {
    pub category: PlaceCategory,
}

/// The icon as an inline `<svg>`, hidden from screen readers (the text next
/// to it says the same).
#[function_component(CategoryIcon)]
pub fn category_icon(props: &IconProps) -> Html {
    html! {
        <svg class={classes!("cat-icon", category_slug(props.category))} viewBox="0 0 24 24"
            aria-hidden="true" focusable="false">
            <path d={icon_path(props.category)} />
        </svg>
    }
}
