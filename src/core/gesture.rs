//! The pointer state machine: (state, event) -> (state, commands).
