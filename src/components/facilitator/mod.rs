//! The facilitator workspace: storage health, backups, the event, the data;
//! data exchange (export and import); matching named people.
//! (Behind the PIN once kiosk mode lands.)

pub mod analysis_summary;
mod compare_panel;
mod exchange;
mod import_area;
mod import_preview;
mod kiosk_panel;
mod merge_groups;
mod overview;
mod places;
pub mod playback_panel;
mod responses;
mod review;
mod review_bench;
mod review_item;
mod tabs;

use crate::state::context::use_app;
use crate::state::Route;
use tabs::{Tab, Tabs};
use yew::prelude::*;

#[function_component(Facilitator)]
pub fn facilitator() -> Html {
    let app = use_app();
    let tab = use_state(Tab::from_location);
    let home = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(Route::Start))
    };
    let on_pick = {
        let tab = tab.clone();
        Callback::from(move |t: Tab| {
            t.remember();
            tab.set(t);
        })
    };
    html! {
            <main class="screen facilitator">
                <header class="bar">
                    <h1>{ app.t("fac-title") }</h1>
                    <button type="button" class="btn" onclick={home}>{ app.t("nav-home") }</button>
                </header>
                <Tabs selected={*tab} on_pick={on_pick} />
                <div class="tab-panel" role="tabpanel" id={tab.panel_id()} aria-labelledby={tab.tab_id()}>
                    { match *tab {
                        Tab::Overview => html! { <>
                            <overview::Overview />
                            <analysis_summary::AnalysisSummary />
                            <kiosk_panel::KioskPanel />
                            <playback_panel::PlaybackPanel />
                            <compare_panel::ComparePanel />
                            <responses::Responses />
                        </> },
                        Tab::Exchange => html! { <exchange::Exchange /> },
    Tab::Matching => match review_bench::bench_from_location() {
                            Some(n) => html! { <review_bench::ReviewBench residents={n} /> },
                            None => html! { <review::Review /> },
                        },
                        Tab::Places => html! { <places::PlacesSetup /> },
                        Tab::Phones => html! { <crate::components::handover::phones::Phones /> },
                    } }
                </div>
            </main>
        }
}
