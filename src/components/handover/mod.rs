//! Hand-over screens: the facilitator's Phones tab (event code, receiving
//! maps by camera or file, the key for a second device), a phone's Join
//! screen, and the phone's codes at the end of its map. The QR canvas and
//! the scanner are shared by all of them.

pub mod hand_over;
pub mod join;
pub mod phones;
pub mod qr_canvas;
pub mod scanner;
