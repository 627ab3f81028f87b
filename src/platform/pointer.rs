//! Reading pointer and wheel events against the element they happened on:
//! where (in CSS pixels from its top-left corner) and with what kind of
//! pointer. The drawing canvases turn these into gesture inputs.

use crate::core::geometry::ScreenPoint;
use crate::core::gesture::PointerType;

/// Where `e` happened on `element`, in CSS pixels from its top-left corner.
/// Takes any mouse-like event (pointer and wheel events deref to it).
pub fn offset_in(element: &web_sys::Element, e: &web_sys::MouseEvent) -> ScreenPoint {
    let rect = element.get_bounding_client_rect();
    ScreenPoint::new(
        f64::from(e.client_x()) - rect.left(),
        f64::from(e.client_y()) - rect.top(),
    )
}

/// The kind of pointer: touch and pen are told apart from the mouse, which
/// changes slop and hit sizes.
pub fn pointer_type(e: &web_sys::PointerEvent) -> PointerType {
    match e.pointer_type().as_str() {
        "touch" => PointerType::Touch,
        "pen" => PointerType::Pen,
        _ => PointerType::Mouse,
    }
}
