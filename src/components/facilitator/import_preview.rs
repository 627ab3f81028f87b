//! What an import will do, shown before it does it: a backup replaces the
//! event; a network from another tool becomes a new event for play-back and
//! analysis. The facilitator confirms or cancels; nothing changes before.

use super::import_area::{counts_line, issue_lines};
use crate::core::exchange::import_plan::Incoming;
use crate::state::context::use_app;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub name: String,
    pub incoming: Rc<Incoming>,
    /// Called with `true` once imported, `false` when cancelled.
    pub on_done: Callback<bool>,
}

#[function_component(ImportPreview)]
pub fn import_preview(props: &PreviewProps) -> Html {
    let app = use_app();
    let node = use_node_ref();
    {
        // The preview appears below the drop zone: bring it, and its
        // confirm button, into view.
        let node = node.clone();
        use_effect_with(Rc::as_ptr(&props.incoming) as usize, move |_| {
            if let Some(el) = node.cast::<web_sys::Element>() {
                el.scroll_into_view();
            }
            || ()
        });
    }
    let current = app.state().community.event.name.clone();
    let headline = match &*props.incoming {
        Incoming::Backup(c) => app.t_with(
            "exchange-preview-backup",
            &[
                ("event", c.event.name.as_str().into()),
                ("date", c.event.date.as_str().into()),
            ],
        ),
        Incoming::Network {
            format,
            nodes,
            edges,
            ..
        } => app.t_with(
            "exchange-preview-network",
            &[
                ("format", format.name().into()),
                ("nodes", (*nodes).into()),
                ("edges", (*edges).into()),
            ],
        ),
    };
    let issues = issue_lines(&app, &props.incoming);
    let confirm = {
        let (app, incoming, done) = (app.clone(), props.incoming.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            app.import_community(incoming.community().clone());
            done.emit(true);
        })
    };
    let cancel = {
        let done = props.on_done.clone();
        Callback::from(move |_: MouseEvent| done.emit(false))
    };
    let is_network = matches!(&*props.incoming, Incoming::Network { .. });
    html! {
        <div class="import-preview" data-testid="import-preview" role="region" ref={node}
            aria-label={app.t("exchange-preview-title")}>
            <h3>{ app.t("exchange-preview-title") }</h3>
            <p data-testid="preview-headline">{ headline }</p>
            <p data-testid="preview-counts">{ counts_line(&app, &props.incoming) }</p>
            if is_network {
                <p class="muted">{ app.t("exchange-preview-network-limits") }</p>
            }
            if issues.is_empty() {
                <p class="muted" data-testid="preview-clean">{ app.t("exchange-preview-clean") }</p>
            } else {
                <ul class="import-issues" data-testid="preview-issues">
                    { for issues.into_iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            }
            <p class="warning">{ app.t_with("exchange-preview-replaces", &[("event", current.into())]) }</p>
            <div class="actions">
                <button type="button" class="btn primary" data-testid="import-confirm" onclick={confirm}>
                    { app.t("exchange-import-confirm") }
                </button>
                <button type="button" class="btn" data-testid="import-cancel" onclick={cancel}>
                    { app.t("exchange-import-cancel") }
                </button>
            </div>
        </div>
    }
}
