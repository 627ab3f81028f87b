//! A requestAnimationFrame loop owned by a value: dropping the [`FrameLoop`]
//! stops it, so a component's effect clean-up is all it takes.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Callback = Closure<dyn FnMut(f64)>;

/// Calls `tick(now_ms)` once per animation frame until dropped.
pub struct FrameLoop {
    handle: Rc<RefCell<Option<i32>>>,
    _closure: Rc<RefCell<Option<Callback>>>,
}

fn request(closure: &Callback) -> Option<i32> {
    web_sys::window()?
        .request_animation_frame(closure.as_ref().unchecked_ref())
        .ok()
}

impl FrameLoop {
    pub fn start(mut tick: impl FnMut(f64) + 'static) -> FrameLoop {
        let handle = Rc::new(RefCell::new(None));
        let slot: Rc<RefCell<Option<Callback>>> = Rc::new(RefCell::new(None));
        let weak = Rc::downgrade(&slot);
        let h = handle.clone();
        let closure = Closure::new(move |now: f64| {
            tick(now);
            if let Some(slot) = weak.upgrade() {
                if let Some(c) = slot.borrow().as_ref() {
                    *h.borrow_mut() = request(c);
                }
            }
        });
        *handle.borrow_mut() = request(&closure);
        *slot.borrow_mut() = Some(closure);
        FrameLoop {
            handle,
            _closure: slot,
        }
    }
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        if let (Some(w), Some(id)) = (web_sys::window(), self.handle.borrow_mut().take()) {
            let _ = w.cancel_animation_frame(id);
        }
    }
}

/// Milliseconds since the page started (monotonic).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
