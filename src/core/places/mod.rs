//! Where-they-go, the pure parts: the facilitator's place list and its
//! undoable edits, the place-list CSV, the local-area map picture (checking
//! the bytes, fitting it on screen, pins as fractions of it), the pointer
//! machine that drags pins, the resident's palette, and the review of places
//! residents added (accept, rename, merge — recorded, never destructive).

pub mod csv;
pub mod edit;
pub mod ids;
pub mod map;
pub mod palette;
pub mod picture;
pub mod pin_drag;
pub mod review;

pub use csv::{parse_places, CsvProblem, PlaceCsv, PlaceRow, ProblemKind};
pub use edit::{EditError, PlaceEdit};
pub use review::{NewPlaceGroup, NewPlaceMember, ReviewState};
