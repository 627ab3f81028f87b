//! Facilitator operations on the shared state that the data-exchange and
//! matching screens need: recording merge decisions and importing an event.
//! The decisions themselves are computed by `core::matching` on a copy of
//! the community; only the new log entries travel through the reducer, so a
//! decision can never overwrite responses that arrived meanwhile.

use super::app_state::Action;
use super::context::AppContext;
use crate::core::model::{Community, MergeDecision};

impl AppContext {
    /// Appends decisions to the merge log; it is saved with the event.
    pub fn record_merges(&self, decisions: Vec<MergeDecision>) {
        self.dispatch(Action::RecordMerges(decisions));
    }

    /// Runs `decide` on a copy of the community and records what it appended
    /// to the merge log. Returns how many decisions were recorded.
    pub fn record_with(&self, decide: impl FnOnce(&mut Community)) -> usize {
        let mut copy = (*self.state().community).clone();
        let before = copy.merges.len();
        decide(&mut copy);
        let added: Vec<MergeDecision> = copy.merges.split_off(before.min(copy.merges.len()));
        let count = added.len();
        self.record_merges(added);
        count
    }

    /// Replaces the event with an imported one (a backup or a converted
    /// network), in one storage transaction.
    pub fn import_community(&self, community: Community) {
        self.replace_community(community);
    }
}
