//! Layouts: gentle ring spacing on a resident's canvas ([`rings`]) and the
//! ForceAtlas2 force layout for the community play-back ([`forceatlas2`]).

pub mod forceatlas2;
pub mod rings;
