//! An element's laid-out size, kept up to date by a `ResizeObserver`, so an
//! animation frame reads it for free: reading `clientWidth` in a frame makes
//! the browser lay the page out again whenever anything changed since the
//! last layout (a panel updating, the picture's transform while panning).

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};

/// Watches one element's client size until dropped.
pub struct SizeWatch {
    size: Rc<Cell<Option<(i32, i32)>>>,
    observer: ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
}

impl SizeWatch {
    /// Starts watching `el`; `None` where the browser has no `ResizeObserver`.
    pub fn new(el: &Element) -> Option<SizeWatch> {
        let size = Rc::new(Cell::new(None));
        let (cell, watched) = (size.clone(), el.clone());
        // Called after layout: reading the size here costs no extra layout.
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            cell.set(Some((watched.client_width(), watched.client_height())));
        });
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(SizeWatch {
            size,
            observer,
            _on_resize: on_resize,
        })
    }

    /// The element's client size (CSS pixels) as last observed, read from
    /// the element itself until the first observation arrives.
    pub fn size(&self, el: &Element) -> (i32, i32) {
        match self.size.get() {
            Some(s) => s,
            None => {
                let s = (el.client_width(), el.client_height());
                self.size.set(Some(s));
                s
            }
        }
    }
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
