//! The kiosk's inactivity guard: after the event's idle time a friendly
//! "are you still there?" with a countdown, then the map is forgotten and the
//! attract screen returns for the next resident.

use crate::core::kiosk::{idle_phase, Idle};
use crate::core::model::Timestamp;
use crate::platform::clock;
use crate::state::context::use_app;
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called once when time runs out.
    pub on_expire: Callback<()>,
}

#[function_component(IdleGuard)]
pub fn idle_guard(props: &Props) -> Html {
    let app = use_app();
    let last = use_mut_ref(clock::now);
    let phase = use_state(|| Idle::Active);
    {
        let last = last.clone();
        let phase = phase.clone();
        let settings = app.state().community.event.kiosk.clone();
        let on_expire = props.on_expire.clone();
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let Some(window) = web_sys::window() {
                for name in ["pointerdown", "keydown", "input", "wheel"] {
                    let last = last.clone();
                    listeners.push(EventListener::new(&window, name, move |_| {
                        *last.borrow_mut() = clock::now()
                    }));
                }
            }
            let tick = Interval::new(250, move || {
                let now: Timestamp = clock::now();
                let next = idle_phase(&settings, *last.borrow(), now);
                if next == Idle::Expired {
                    *last.borrow_mut() = now;
                    on_expire.emit(());
                }
                phase.set(next);
            });
            move || {
                drop(tick);
                drop(listeners);
            }
        });
    }
    match *phase {
        Idle::Warning { seconds_left } => {
            let stay = {
                let last = last.clone();
                let phase = phase.clone();
                Callback::from(move |_: MouseEvent| {
                    *last.borrow_mut() = clock::now();
                    phase.set(Idle::Active);
                })
            };
            html! {
                <div class="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" data-testid="idle-warning">
                    <div class="panel">
                        <h2 id="idle-title">{ app.t("idle-title") }</h2>
                        <p class="lead">{ app.t_with("idle-body", &[("seconds", (seconds_left as usize).into())]) }</p>
                        <button type="button" class="btn primary huge" onclick={stay}>{ app.t("idle-stay") }</button>
                    </div>
                </div>
            }
        }
        _ => html! {},
    }
}
