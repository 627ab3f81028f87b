//! Warms the play-back up while the app idles after it starts (why, and
//! what it runs: `core::jobs::warm_up`): a moment after the first screen,
//! the page's part a step per task (so a tap waits a few milliseconds at
//! most), and the analysis worker started and warmed beside it; and the
//! renderer's question (is WebGL 2 on a software rasteriser?) answered;
//! then the play-back's spare workers started (`platform::spare_workers`),
//! and started again each time a play-back that took them closes. Not where
//! the screen already runs the real thing (the play-back, an embedded
//! picture, the analysis benchmark): it would only compete with it. When
//! both parts are done, `<html data-warm="done">` says so (the benchmark
//! waits for it, as a resident's minutes of drawing would).

use crate::core::jobs::warm_up::PageWarmUp;
use crate::platform::render::webgl;
use crate::platform::spare_workers;
use crate::state::analysis::AnalysisService;
use crate::state::context::use_app;
use crate::state::Route;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// How long after the first screen the warm-up starts, in ms.
const AFTER_MS: u32 = 800;
/// The pause between two of the page's steps, in ms (a frame).
const BETWEEN_STEPS_MS: u32 = 16;

/// The two parts; the page says "done" once both are.
#[derive(Default)]
struct Progress {
    page: Cell<bool>,
    worker: Cell<bool>,
    /// Stopped: the screen changed to one that runs the real thing.
    stopped: Cell<bool>,
}

impl Progress {
    fn warmed(&self) -> bool {
        self.page.get() && self.worker.get()
    }

    /// Once both parts are done, starts the play-back's spare workers
    /// (`platform::spare_workers`), then says "done".
    fn mark(&self) {
        if !self.warmed() || self.stopped.get() {
            return;
        }
        spare_workers::fill(|| {
            if let Some(html) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = html.set_attribute("data-warm", "done");
            }
        });
    }
}

/// Runs one of the page's steps, then schedules the next.
fn step_page(warm: Rc<RefCell<PageWarmUp>>, progress: Rc<Progress>) {
    if progress.stopped.get() {
        return;
    }
    if warm.borrow_mut().step() {
        Timeout::new(BETWEEN_STEPS_MS, move || step_page(warm, progress)).forget();
    } else {
        // The renderer's question for this browser, answered once.
        let _ = webgl::probe_software();
        progress.page.set(true);
        progress.mark();
    }
}

/// Whether `route` runs the play-back's code itself.
fn runs_it_already(route: Route) -> bool {
    matches!(route, Route::Playback | Route::Embed | Route::AnalysisBench)
}

#[function_component(WarmUp)]
pub fn warm_up() -> Html {
    let app = use_app();
    let service = use_context::<AnalysisService>();
    let route = app.state().route;
    let progress = use_memo((), |_| Progress::default());
    {
        let progress = progress.clone();
        use_effect_with(runs_it_already(route), move |busy| {
            let mut refill = None;
            if *busy {
                progress.stopped.set(true);
            } else if progress.warmed() {
                // Back from a play-back, which took the spares: new ones
                // once the app idles again.
                refill = Some(Timeout::new(AFTER_MS, || spare_workers::fill(|| {})));
            }
            move || drop(refill)
        });
    }
    {
        let progress = progress.clone();
        let wanted = !runs_it_already(route);
        use_effect_with((), move |_| {
            let start = wanted.then(|| {
                Timeout::new(AFTER_MS, move || {
                    if progress.stopped.get() {
                        return;
                    }
                    if let Some(s) = service {
                        let p = progress.clone();
                        s.warm_up(move || {
                            p.worker.set(true);
                            p.mark();
                        });
                    }
                    step_page(Rc::new(RefCell::new(PageWarmUp::new())), progress);
                })
            });
            move || drop(start)
        });
    }
    Html::default()
}
