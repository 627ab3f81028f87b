//! What Weave stores, on top of any [`Store`]: the event set-up and decision
//! logs (meta), one record per response, and resumable drafts. Loading goes
//! through the schema module so old data is migrated and newer data refused.

use super::{Bucket, Record, Store, StoreError};
use crate::core::handover::HandoverDevice;
use crate::core::kiosk::KioskDevice;
use crate::core::model::schema::{self, LoadError, CURRENT_SCHEMA, FORMAT_TAG};
use crate::core::model::{Community, Response, ResponseId};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, Ordering};
use thiserror::Error;

/// Set by the panic hook: after a crash nothing more is written, so a broken
/// state can never overwrite good data. A global because the hook has no other
/// way to reach the storage layer.
static WRITES_STOPPED: AtomicBool = AtomicBool::new(false);

/// Stops every later write in this page, for good.
pub fn stop_all_writes() {
    WRITES_STOPPED.store(true, Ordering::SeqCst);
}

pub fn writes_stopped() -> bool {
    WRITES_STOPPED.load(Ordering::SeqCst)
}

#[derive(Debug, Error, PartialEq)]
pub enum RepoError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// What was found in storage.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub community: Community,
    /// Records that could not be read; they are left in storage untouched.
    pub unreadable: Vec<String>,
}

const KEY_SCHEMA: &str = "schema";
const KEY_EVENT: &str = "event";
const KEY_MERGES: &str = "merges";
const KEY_PLACE_DECISIONS: &str = "place_decisions";
const KEY_KIOSK: &str = "kiosk";
const KEY_HANDOVER: &str = "handover";
/// The earlier event held for comparison, as a whole Weave backup. In the
/// blob bucket, so replacing the current event never touches it.
const KEY_EARLIER: &str = "compare/earlier";

pub struct Repository<S: Store> {
    store: S,
    /// Set when this tab must not write (another tab holds the writer lock, or
    /// the stored data is from a newer app version).
    read_only: std::cell::RefCell<Option<String>>,
}

impl<S: Store> Repository<S> {
    pub fn new(store: S) -> Self {
        Self {
            store,
            read_only: std::cell::RefCell::new(None),
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn set_read_only(&self, reason: Option<String>) {
        *self.read_only.borrow_mut() = reason;
    }

    fn gate(&self) -> Result<(), StoreError> {
        if writes_stopped() {
            return Err(StoreError::WritesStopped(
                "Weave stopped after an error".into(),
            ));
        }
        if let Some(reason) = &*self.read_only.borrow() {
            return Err(StoreError::WritesStopped(reason.clone()));
        }
        Ok(())
    }

    /// Loads the stored community, or `None` when nothing was ever stored.
    pub async fn load(&self) -> Result<Option<Loaded>, RepoError> {
        let Some(event) = self.store.get(Bucket::Meta, KEY_EVENT).await? else {
            return Ok(None);
        };
        let schema_no: u32 = match self.store.get(Bucket::Meta, KEY_SCHEMA).await? {
            Some(s) => s.trim().parse().map_err(|_| {
                LoadError::NotWeave(format!("the stored format number {s:?} is not a number"))
            })?,
            None => CURRENT_SCHEMA,
        };
        let mut unreadable = Vec::new();
        let event: Value = parse_record(&event).map_err(|m| LoadError::Damaged {
            line: 1,
            column: 1,
            message: format!("the event set-up is damaged: {m}"),
        })?;
        let mut log = |key: &str, text: Option<String>| -> Value {
            match text.map(|t| parse_record(&t)) {
                Some(Ok(v)) => v,
                Some(Err(_)) => {
                    unreadable.push(format!("meta/{key}"));
                    json!([])
                }
                None => json!([]),
            }
        };
        let merges = log(KEY_MERGES, self.store.get(Bucket::Meta, KEY_MERGES).await?);
        let places = log(
            KEY_PLACE_DECISIONS,
            self.store.get(Bucket::Meta, KEY_PLACE_DECISIONS).await?,
        );
        let mut responses = Vec::new();
        for (key, text) in self.store.all(Bucket::Responses).await? {
            match parse_record(&text) {
                Ok(v) => responses.push(v),
                Err(_) => unreadable.push(format!("responses/{key}")),
            }
        }
        let envelope = json!({
            "format": FORMAT_TAG,
            "schema": schema_no,
            "community": {
                "event": event,
                "responses": responses,
                "merges": merges,
                "place_decisions": places,
            }
        });
        let mut community = schema::from_json(&envelope.to_string())?;
        community
            .responses
            .sort_by_key(|r| (r.consented_at, r.id.clone()));
        Ok(Some(Loaded {
            community,
            unreadable,
        }))
    }

    /// Writes the event set-up and the decision logs in one transaction.
    pub async fn save_meta(&self, community: &Community) -> Result<(), RepoError> {
        self.gate()?;
        let records = vec![
            meta(KEY_SCHEMA, CURRENT_SCHEMA.to_string()),
            meta(KEY_EVENT, to_json(&community.event)),
            meta(KEY_MERGES, to_json(&community.merges)),
            meta(KEY_PLACE_DECISIONS, to_json(&community.place_decisions)),
        ];
        self.store.replace(&[], records).await?;
        Ok(())
    }

    /// Writes one response in its own transaction, then reads it back and
    /// compares, so the UI only says "saved" when it truly is.
    pub async fn save_response(&self, response: &Response) -> Result<(), RepoError> {
        self.gate()?;
        let text = to_json(response);
        self.store
            .put(Bucket::Responses, response.id.as_str(), &text)
            .await?;
        match self
            .store
            .get(Bucket::Responses, response.id.as_str())
            .await?
        {
            Some(back) if back == text => Ok(()),
            _ => Err(StoreError::VerifyFailed.into()),
        }
    }

    pub async fn delete_response(&self, id: &ResponseId) -> Result<(), RepoError> {
        self.gate()?;
        self.store.delete(Bucket::Responses, id.as_str()).await?;
        Ok(())
    }

    /// Replaces everything (a new event, the demo, an import) in one
    /// transaction; drafts are kept.
    pub async fn replace_community(&self, community: &Community) -> Result<(), RepoError> {
        self.gate()?;
        let mut records = vec![
            meta(KEY_SCHEMA, CURRENT_SCHEMA.to_string()),
            meta(KEY_EVENT, to_json(&community.event)),
            meta(KEY_MERGES, to_json(&community.merges)),
            meta(KEY_PLACE_DECISIONS, to_json(&community.place_decisions)),
        ];
        records.extend(community.responses.iter().map(|r| Record {
            bucket: Bucket::Responses,
            key: r.id.to_string(),
            value: to_json(r),
        }));
        self.store
            .replace(&[Bucket::Meta, Bucket::Responses], records)
            .await?;
        Ok(())
    }

    /// Saves a resumable draft (the resident's map in progress, with its history).
    pub async fn save_draft<T: Serialize>(&self, key: &str, draft: &T) -> Result<(), RepoError> {
        self.gate()?;
        let text = json!({ "schema": CURRENT_SCHEMA, "draft": draft }).to_string();
        self.store.put(Bucket::Drafts, key, &text).await?;
        Ok(())
    }

    /// Loads a draft. A draft that cannot be read is reported, not deleted.
    pub async fn load_draft<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<Result<T, String>>, RepoError> {
        let Some(text) = self.store.get(Bucket::Drafts, key).await? else {
            return Ok(None);
        };
        #[derive(serde::Deserialize)]
        struct Envelope<T> {
            schema: u32,
            draft: T,
        }
        Ok(Some(match serde_json::from_str::<Envelope<T>>(&text) {
            Ok(env) if schema::draft_readable(env.schema) => Ok(env.draft),
            Ok(env) => Err(format!("draft saved with format {}", env.schema)),
            Err(e) => Err(e.to_string()),
        }))
    }

    /// This device's kiosk settings; defaults when never set or unreadable.
    pub async fn load_kiosk(&self) -> Result<KioskDevice, RepoError> {
        let text = self.store.get(Bucket::Device, KEY_KIOSK).await?;
        Ok(text
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default())
    }

    pub async fn save_kiosk(&self, kiosk: &KioskDevice) -> Result<(), RepoError> {
        self.gate()?;
        self.store
            .put(Bucket::Device, KEY_KIOSK, &to_json(kiosk))
            .await?;
        Ok(())
    }

    /// Keeps a large value (the event's map picture) in its own bucket, so
    /// saving the event after each edit never rewrites it.
    pub async fn save_blob(&self, key: &str, value: &str) -> Result<(), RepoError> {
        self.gate()?;
        self.store.put(Bucket::Blobs, key, value).await?;
        Ok(())
    }

    pub async fn load_blob(&self, key: &str) -> Result<Option<String>, RepoError> {
        Ok(self.store.get(Bucket::Blobs, key).await?)
    }

    pub async fn delete_blob(&self, key: &str) -> Result<(), RepoError> {
        self.gate()?;
        self.store.delete(Bucket::Blobs, key).await?;
        Ok(())
    }

    /// This device's hand-over keys, joined event and outbox; defaults when
    /// never set. Unreadable data is an error, so a key is never overwritten
    /// by a blank.
    pub async fn load_handover(&self) -> Result<HandoverDevice, RepoError> {
        match self.store.get(Bucket::Device, KEY_HANDOVER).await? {
            None => Ok(HandoverDevice::default()),
            Some(t) => serde_json::from_str(&t)
                .map_err(|e| RepoError::Store(StoreError::Other(format!("hand-over keys: {e}")))),
        }
    }

    pub async fn save_handover(&self, device: &HandoverDevice) -> Result<(), RepoError> {
        self.gate()?;
        self.store
            .put(Bucket::Device, KEY_HANDOVER, &to_json(device))
            .await?;
        Ok(())
    }

    /// Keeps an earlier event for comparison (replacing the one held, in one
    /// write: a refused write leaves the old one as it was).
    pub async fn save_earlier(&self, earlier: &Community) -> Result<(), RepoError> {
        self.gate()?;
        self.store
            .put(Bucket::Blobs, KEY_EARLIER, &schema::to_json(earlier))
            .await?;
        Ok(())
    }

    /// The earlier event held for comparison, migrated like any backup.
    pub async fn load_earlier(&self) -> Result<Option<Community>, RepoError> {
        match self.store.get(Bucket::Blobs, KEY_EARLIER).await? {
            None => Ok(None),
            Some(text) => Ok(Some(schema::from_json(&text)?)),
        }
    }

    pub async fn delete_earlier(&self) -> Result<(), RepoError> {
        self.gate()?;
        self.store.delete(Bucket::Blobs, KEY_EARLIER).await?;
        Ok(())
    }

    pub async fn clear_draft(&self, key: &str) -> Result<(), RepoError> {
        self.gate()?;
        self.store.delete(Bucket::Drafts, key).await?;
        Ok(())
    }
}

fn meta(key: &str, value: String) -> Record {
    Record {
        bucket: Bucket::Meta,
        key: key.to_string(),
        value,
    }
}

fn parse_record(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Model types hold only strings, numbers, bools and string-keyed maps.
    serde_json::to_string(value).unwrap_or_else(|e| panic!("model serialisation failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Event, EventId, Timestamp};
    use crate::platform::store::memory::MemoryStore;
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// The memory store never waits, so one poll finishes every future.
    fn run<F: Future>(f: F) -> F::Output {
        let mut cx = Context::from_waker(Waker::noop());
        match pin!(f).poll(&mut cx) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("memory store future did not complete"),
        }
    }

    fn community() -> Community {
        let mut c = Community::new(Event::new(EventId::new("e"), "Fair", "2026-11-22"));
        let mut r = Response::new(ResponseId::new("r1"), EventId::new("e"), "en", Timestamp(5));
        r.alters.push(crate::core::model::Alter {
            id: crate::core::model::AlterId(0),
            name: "<b>Dave</b> 🎉".into(),
            prompts: vec![],
            ring: 1,
            x: 0.0,
            y: 0.0,
            relationship: None,
            frequency: None,
            can_change: Some(true),
            public_figure: false,
            added_at: Timestamp(6),
        });
        c.responses.push(r);
        c
    }

    #[test]
    fn empty_store_loads_nothing() {
        let repo = Repository::new(MemoryStore::new());
        assert_eq!(run(repo.load()), Ok(None));
    }

    #[test]
    fn community_round_trips() {
        let repo = Repository::new(MemoryStore::new());
        let c = community();
        run(repo.replace_community(&c)).unwrap();
        let loaded = run(repo.load()).unwrap().unwrap();
        assert_eq!(loaded.community, c);
        assert!(loaded.unreadable.is_empty());
    }

    #[test]
    fn newer_schema_is_refused_and_left_untouched() {
        let repo = Repository::new(MemoryStore::new());
        run(repo.replace_community(&community())).unwrap();
        run(repo.store().put(Bucket::Meta, "schema", "7")).unwrap();
        assert_eq!(
            run(repo.load()),
            Err(RepoError::Load(LoadError::TooNew { found: 7 }))
        );
        assert_eq!(
            run(repo.store().get(Bucket::Meta, "schema")),
            Ok(Some("7".into()))
        );
    }

    #[test]
    fn damaged_response_is_reported_not_lost() {
        let repo = Repository::new(MemoryStore::new());
        run(repo.replace_community(&community())).unwrap();
        run(repo.store().put(Bucket::Responses, "bad", "{not json")).unwrap();
        let loaded = run(repo.load()).unwrap().unwrap();
        assert_eq!(loaded.unreadable, vec!["responses/bad".to_string()]);
        assert_eq!(loaded.community.responses.len(), 1);
        assert!(run(repo.store().get(Bucket::Responses, "bad"))
            .unwrap()
            .is_some());
    }

    #[test]
    fn full_quota_keeps_what_was_stored() {
        let repo = Repository::new(MemoryStore::new());
        let c = community();
        run(repo.replace_community(&c)).unwrap();
        *repo.store().fail_writes.borrow_mut() = Some(StoreError::QuotaExceeded);
        let mut r2 = c.responses[0].clone();
        r2.id = ResponseId::new("r2");
        assert_eq!(
            run(repo.save_response(&r2)),
            Err(RepoError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(run(repo.load()).unwrap().unwrap().community, c);
    }

    #[test]
    fn blobs_are_kept_apart_from_the_event() {
        let repo = Repository::new(MemoryStore::new());
        run(repo.save_blob("map-picture/x", "data")).unwrap();
        run(repo.replace_community(&community())).unwrap();
        assert_eq!(
            run(repo.load_blob("map-picture/x")),
            Ok(Some("data".into()))
        );
        run(repo.delete_blob("map-picture/x")).unwrap();
        assert_eq!(run(repo.load_blob("map-picture/x")), Ok(None));
    }

    #[test]
    fn kiosk_settings_survive_replacing_the_event() {
        let repo = Repository::new(MemoryStore::new());
        let kiosk = KioskDevice {
            enabled: true,
            ..KioskDevice::default()
        };
        run(repo.save_kiosk(&kiosk)).unwrap();
        run(repo.replace_community(&community())).unwrap();
        assert_eq!(run(repo.load_kiosk()), Ok(kiosk));
    }

    #[test]
    fn handover_keys_stay_on_the_device_and_out_of_loads() {
        use crate::core::handover::EventKeyPair;
        let repo = Repository::new(MemoryStore::new());
        run(repo.replace_community(&community())).unwrap();
        let mut device = HandoverDevice::default();
        device.add_key(EventKeyPair::from_random(
            EventId::new("e"),
            [3; 32],
            Timestamp(1),
        ));
        run(repo.save_handover(&device)).unwrap();
        run(repo.replace_community(&community())).unwrap();
        assert_eq!(run(repo.load_handover()), Ok(device));
        let loaded = run(repo.load()).unwrap().unwrap();
        assert_eq!(loaded.community, community());
        run(repo.store().put(Bucket::Device, "handover", "{bad")).unwrap();
        assert!(run(repo.load_handover()).is_err());
    }

    #[test]
    fn the_earlier_event_is_kept_beside_the_current_one() {
        let repo = Repository::new(MemoryStore::new());
        assert_eq!(run(repo.load_earlier()), Ok(None));
        let current = community();
        let mut earlier = community();
        earlier.event.name = "Fair 2025".into();
        run(repo.replace_community(&current)).unwrap();
        run(repo.save_earlier(&earlier)).unwrap();
        // Replacing the current event (an import, a new event) keeps it.
        run(repo.replace_community(&current)).unwrap();
        assert_eq!(run(repo.load_earlier()), Ok(Some(earlier.clone())));
        assert_eq!(run(repo.load()).unwrap().unwrap().community, current);
        // A full store refuses a replacement and keeps what was held.
        *repo.store().fail_writes.borrow_mut() = Some(StoreError::QuotaExceeded);
        let mut other = earlier.clone();
        other.event.name = "Fair 2024".into();
        assert_eq!(
            run(repo.save_earlier(&other)),
            Err(RepoError::Store(StoreError::QuotaExceeded))
        );
        *repo.store().fail_writes.borrow_mut() = None;
        assert_eq!(run(repo.load_earlier()), Ok(Some(earlier)));
        run(repo.delete_earlier()).unwrap();
        assert_eq!(run(repo.load_earlier()), Ok(None));
        assert_eq!(run(repo.load()).unwrap().unwrap().community, current);
    }

    #[test]
    fn read_only_tab_never_writes() {
        let repo = Repository::new(MemoryStore::new());
        repo.set_read_only(Some("open in another tab".into()));
        assert!(matches!(
            run(repo.replace_community(&community())),
            Err(RepoError::Store(StoreError::WritesStopped(_)))
        ));
        assert_eq!(repo.store().len(Bucket::Meta), 0);
    }

    #[test]
    fn drafts_round_trip_and_bad_drafts_are_kept() {
        let repo = Repository::new(MemoryStore::new());
        run(repo.save_draft("current", &vec![1, 2, 3])).unwrap();
        assert_eq!(
            run(repo.load_draft::<Vec<i32>>("current")),
            Ok(Some(Ok(vec![1, 2, 3])))
        );
        run(repo
            .store()
            .put(Bucket::Drafts, "current", "{\"schema\":1,\"draft\":\"x\"}"))
        .unwrap();
        assert!(matches!(
            run(repo.load_draft::<Vec<i32>>("current")),
            Ok(Some(Err(_)))
        ));
        assert!(run(repo.store().get(Bucket::Drafts, "current"))
            .unwrap()
            .is_some());
    }
}
