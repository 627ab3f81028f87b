//! The facilitator's sections as tabs: real buttons with `role=tab` and
//! `aria-selected`, arrow keys move between them (the WAI-ARIA tabs
//! pattern), and the address (`#/facilitator/matching`) keeps the section
//! across a reload.

use crate::state::context::use_app;
use wasm_bindgen::JsValue;
use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Overview,
    Exchange,
    Matching,
    Places,
    /// Phones hand their maps over by QR code (the hand-over module).
    Phones,
}

impl Tab {
    const ALL: [Tab; 5] = [
        Tab::Overview,
        Tab::Exchange,
        Tab::Matching,
        Tab::Places,
        Tab::Phones,
    ];

    fn slug(self) -> &'static str {
        match self {
            Tab::Overview => "overview",
            Tab::Exchange => "exchange",
            Tab::Matching => "matching",
            Tab::Places => "places",
            Tab::Phones => "phones",
        }
    }

    fn i18n_key(self) -> &'static str {
        match self {
            Tab::Overview => "fac-tab-overview",
            Tab::Exchange => "fac-tab-exchange",
            Tab::Matching => "fac-tab-matching",
            Tab::Places => "fac-tab-places",
            Tab::Phones => "ho-tab-phones",
        }
    }

    pub fn tab_id(self) -> String {
        format!("fac-tab-{}", self.slug())
    }

    pub fn panel_id(self) -> String {
        format!("fac-panel-{}", self.slug())
    }

    /// The section named in the address, e.g. `#/facilitator/exchange`.
    pub fn from_location() -> Tab {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let path = hash.split('?').next().unwrap_or_default();
        let section = path.rsplit('/').next().unwrap_or_default();
        Tab::ALL
            .into_iter()
            .find(|t| t.slug() == section)
            .unwrap_or(Tab::Overview)
    }

    /// Puts the section in the address without a new history entry.
    pub fn remember(self) {
        let url = format!("#/facilitator/{}", self.slug());
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }

    fn step(self, by: isize) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        let n = Tab::ALL.len() as isize;
        Tab::ALL[((i + by).rem_euclid(n)) as usize]
    }
}

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub selected: Tab,
    pub on_pick: Callback<Tab>,
}

#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let app = use_app();
    let on_key = {
        let (selected, pick) = (props.selected, props.on_pick.clone());
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => selected.step(1),
                "ArrowLeft" => selected.step(-1),
                "Home" => Tab::Overview,
                "End" => Tab::ALL[Tab::ALL.len() - 1],
                _ => return,
            };
            e.prevent_default();
            pick.emit(next);
            focus(&next.tab_id());
        })
    };
    html! {
        <div class="tabs" role="tablist" aria-label={app.t("fac-tabs")} onkeydown={on_key}>
            { for Tab::ALL.iter().map(|&t| {
                let on = t == props.selected;
                let onclick = {
                    let pick = props.on_pick.clone();
                    Callback::from(move |_: MouseEvent| pick.emit(t))
                };
                html! {
                    <button type="button" role="tab" class={classes!("tab", on.then_some("on"))}
                        id={t.tab_id()} aria-controls={t.panel_id()}
                        aria-selected={on.to_string()} tabindex={if on { "0" } else { "-1" }}
                        data-testid={format!("tab-{}", t.slug())} {onclick}>
                        { app.t(t.i18n_key()) }
                    </button>
                }
            }) }
        </div>
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
