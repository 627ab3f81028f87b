//! Play-back set-up, behind the PIN: which names the big screen may show
//! (places only by default), and the two ways into the play-back — the
//! public screen, and the facilitator view that can search by name.

use crate::core::playback::scene::Labels;
use crate::state::app_state::Action;
use crate::state::context::use_app;
use crate::state::Route;
use yew::prelude::*;

/// The address of the facilitator's own play-back view.
pub const FACILITATOR_VIEW: &str = "#/playback?view=facilitator";

#[function_component(PlaybackPanel)]
pub fn playback_panel() -> Html {
    let app = use_app();
    let chosen = app.state().playback_labels;
    let open_public = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.navigate(Route::Playback))
    };
    let open_facilitator = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(FACILITATOR_VIEW);
            }
            app.dispatch(Action::Navigate(Route::Playback));
        })
    };
    html! {
        <section class="panel" aria-labelledby="pb-setup-title">
            <h2 id="pb-setup-title">{ app.t("pb-setup-title") }</h2>
            <fieldset class="pb-labels-choice">
                <legend>{ app.t("pb-labels-legend") }</legend>
                { for Labels::ALL.iter().map(|&l| {
                    let onchange = {
                        let app = app.clone();
                        Callback::from(move |_: Event| app.dispatch(Action::SetPlaybackLabels(l)))
                    };
                    let id = format!("pb-labels-{}", l.id());
                    html! {
                        <label class="choice" for={id.clone()}>
                            <input type="radio" name="pb-labels" id={id} value={l.id()}
                                checked={l == chosen} {onchange} data-testid={format!("pb-labels-{}", l.id())} />
                            <span>{ app.t(l.key()) }</span>
                        </label>
                    }
                }) }
            </fieldset>
            if chosen == Labels::Everyone {
                <p class="warning" role="note">{ app.t("pb-labels-everyone-warning") }</p>
            }
            <div class="actions">
                <button type="button" class="btn primary" onclick={open_public} data-testid="open-playback">
                    { app.t("pb-open-public") }
                </button>
                <button type="button" class="btn" onclick={open_facilitator} data-testid="open-playback-facilitator">
                    { app.t("pb-open-facilitator") }
                </button>
            </div>
        </section>
    }
}
