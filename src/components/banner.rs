//! Storage problems shown as app state: a banner that says what happened in
//! plain words and always offers "Export everything now".

use crate::state::context::use_app;
use crate::state::{SaveState, StorageHealth};
use yew::prelude::*;

#[function_component(StorageBanner)]
pub fn storage_banner() -> Html {
    let app = use_app();
    let state = app.state();
    let (kind, title, body) = match &state.storage {
        StorageHealth::Ok => {
            if state.unreadable.is_empty() {
                return html! {};
            }
            (
                "warn",
                app.t("banner-unreadable-title"),
                app.t("banner-unreadable-body"),
            )
        }
        StorageHealth::Unavailable(_) => (
            "error",
            app.t("banner-unavailable-title"),
            app.t("banner-unavailable-body"),
        ),
        StorageHealth::QuotaFull => (
            "error",
            app.t("banner-quota-title"),
            app.t("banner-quota-body"),
        ),
        StorageHealth::OtherTab => (
            "info",
            app.t("banner-other-tab-title"),
            app.t("banner-other-tab-body"),
        ),
        StorageHealth::CannotOpen(why) => ("error", app.t("banner-cannot-open-title"), why.clone()),
        StorageHealth::Failed(why) => (
            "error",
            app.t("banner-failed-title"),
            app.t_with("banner-failed-body", &[("reason", why.clone().into())]),
        ),
    };
    let export = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.export_everything())
    };
    html! {
        <div class={classes!("banner", kind)} role="alert" data-testid="storage-banner" data-kind={kind}>
            <div class="banner-text">
                <strong>{ title }</strong>
                <span>{ body }</span>
            </div>
            <button type="button" class="btn" onclick={export}>{ app.t("export-everything") }</button>
        </div>
    }
}

/// "Saving…" / "Saved" for the resident, and for tests to wait on.
#[function_component(SaveIndicator)]
pub fn save_indicator() -> Html {
    let app = use_app();
    let state = app.state();
    let (key, class) = match state.save {
        SaveState::Idle => return html! { <span class="save-state" data-save-state="idle"></span> },
        SaveState::Pending => ("save-pending", "pending"),
        SaveState::Saved => ("save-saved", "saved"),
        SaveState::Failed => ("save-failed", "failed"),
    };
    html! {
        <span class={classes!("save-state", class)} role="status" data-save-state={class}>
            { app.t(key) }
        </span>
    }
}
