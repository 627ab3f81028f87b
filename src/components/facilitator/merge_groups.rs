//! The people the facilitator has merged, group by group, with a Split
//! button beside each member: splitting records "different" decisions in the
//! log (see `core::matching::split`), it never deletes the history.

use crate::core::matching::split;
use crate::core::model::{AlterRef, Community};
use crate::platform::clock;
use crate::state::context::use_app;
use yew::prelude::*;

#[function_component(MergeGroups)]
pub fn merge_groups() -> Html {
    let app = use_app();
    let community = app.state().community.clone();
    let groups = community.merged_groups();
    html! {
        <section class="panel" aria-labelledby="merged-title">
            <h2 id="merged-title">{ app.t_with("match-merged-title", &[("count", groups.len().into())]) }</h2>
            if groups.is_empty() {
                <p class="muted" data-testid="merged-none">{ app.t("match-merged-none") }</p>
            }
            <ul class="merged-groups" data-testid="merged-groups">
                { for groups.iter().map(|g| html! {
                    <li class="merged-group" data-testid="merged-group" data-size={g.len().to_string()}>
                        <ul class="members">
                            { for g.iter().map(|m| member(&community, m)) }
                        </ul>
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn member(community: &Community, m: &AlterRef) -> Html {
    let name = community
        .response(&m.response)
        .and_then(|r| r.alter(m.alter))
        .map(|a| a.name.clone())
        .unwrap_or_default();
    html! { <MemberRow member={m.clone()} name={name} /> }
}

#[derive(Properties, PartialEq)]
struct MemberProps {
    member: AlterRef,
    name: String,
}

#[function_component(MemberRow)]
fn member_row(props: &MemberProps) -> Html {
    let app = use_app();
    let on_split = {
        let (app, m) = (app.clone(), props.member.clone());
        Callback::from(move |_: MouseEvent| {
            app.record_with(|c| {
                split(c, &m, clock::now());
            });
        })
    };
    let label = app.t_with("match-split-label", &[("name", props.name.as_str().into())]);
    html! {
        <li class="member">
            <bdi class="name name-text">{ props.name.clone() }</bdi>
            <button type="button" class="btn" data-testid="split" aria-label={label} onclick={on_split}>
                { app.t("match-split") }
            </button>
        </li>
    }
}
