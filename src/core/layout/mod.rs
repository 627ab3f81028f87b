//! Layouts: ring spacing on a resident's canvas and the force layout for play-back.
