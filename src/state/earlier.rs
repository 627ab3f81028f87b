//! Holding an earlier event beside the current one, for the play-back's
//! "Between two events": read from a Weave backup file (or the demo's last
//! year), kept in the browser store's blob bucket, replaced or removed. It
//! never replaces the current event: the current event's records are not
//! written at all.

use super::app_state::{Action, Earlier};
use super::context::{AppContext, Repo, StateCell};
use crate::core::formats::weave_json::parse_community;
use crate::core::model::Community;
use crate::platform::store::repository::RepoError;
use crate::platform::store::StoreError;
use std::rc::Rc;
use yew::UseReducerDispatcher;

/// Why an earlier event was not kept; the current event is untouched either way.
#[derive(Debug, Clone, PartialEq)]
pub enum EarlierError {
    /// The file is not a readable Weave event backup (the reader's words).
    File(String),
    /// The file holds no finished map: nothing to compare with.
    Empty,
    /// The browser's storage is full.
    Full,
    /// Storage refused for another reason (read-only tab, switched off...).
    Store(String),
}

/// Reads what is held at start-up.
pub(super) async fn boot(repo: &Repo, dispatcher: &UseReducerDispatcher<StateCell>) {
    let earlier = match repo.load_earlier().await {
        Ok(Some(c)) => Earlier::Held(Rc::new(c)),
        Ok(None) => Earlier::None,
        Err(e) => Earlier::Unreadable(e.to_string()),
    };
    if earlier != Earlier::None {
        dispatcher.dispatch(Action::SetEarlier(earlier));
    }
}

fn store_error(e: &RepoError) -> EarlierError {
    match e {
        RepoError::Store(StoreError::QuotaExceeded) => EarlierError::Full,
        other => EarlierError::Store(other.to_string()),
    }
}

impl AppContext {
    /// Reads a Weave backup file and keeps it as the earlier event.
    pub async fn keep_earlier_file(&self, bytes: &[u8]) -> Result<Rc<Community>, EarlierError> {
        let community = parse_community(bytes).map_err(|e| EarlierError::File(e.to_string()))?;
        self.keep_earlier(community).await
    }

    /// Keeps `community` as the earlier event, replacing the one held.
    pub async fn keep_earlier(&self, community: Community) -> Result<Rc<Community>, EarlierError> {
        if community.finished().next().is_none() {
            return Err(EarlierError::Empty);
        }
        let repo = self
            .repo()
            .ok_or_else(|| EarlierError::Store("storage is not open yet".into()))?;
        // A refusal is told in the compare panel only: the current event's
        // own saving is not affected by a comparison file that did not fit.
        repo.save_earlier(&community)
            .await
            .map_err(|e| store_error(&e))?;
        let held = Rc::new(community);
        self.dispatch(Action::SetEarlier(Earlier::Held(held.clone())));
        Ok(held)
    }

    /// Lets go of the earlier event (the current one is untouched).
    pub async fn forget_earlier(&self) -> Result<(), EarlierError> {
        let repo = self
            .repo()
            .ok_or_else(|| EarlierError::Store("storage is not open yet".into()))?;
        repo.delete_earlier().await.map_err(|e| store_error(&e))?;
        self.dispatch(Action::SetEarlier(Earlier::None));
        Ok(())
    }
}
