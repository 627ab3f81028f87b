//! Matching the people residents name: "is the David in Steve's map the same
//! David as in Manjit's?" Names are normalised ([`normalise`]), compared with
//! nicknames ([`nicknames`]), phonetic keys ([`phonetic`]) and spelling, and
//! weighed with context (area, places, who else was named, the roster).
//! Candidate pairs come from blocking ([`candidates`]), never all pairs; each
//! gets a score and structured [`Evidence`]. Decisions go to the community's
//! merge log ([`decisions`]); residents' maps are never changed.

pub mod candidates;
pub mod cluster;
pub mod decisions;
pub mod evidence;
pub mod hubs;
pub mod index;
pub mod input;
pub mod name;
pub mod nicknames;
pub mod normalise;
pub mod passes;
pub mod phonetic;
pub mod score;
pub mod social;
pub mod suggestions;

pub use decisions::{
    bulk_accept, compute, decide, decide_candidate, plan_bulk_accept, split, suggest, Candidate,
    MatchOptions, DEFAULT_THRESHOLD,
};
pub use evidence::{describe_all, Evidence};
pub use input::{MatchingInput, MentionId, Mentions};
pub use suggestions::Suggestions;
