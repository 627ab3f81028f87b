//! An in-memory [`Store`] for native tests, with switches to simulate a full
//! quota or unavailable storage.

use super::{Bucket, Record, Store, StoreError};
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Default)]
pub struct MemoryStore {
    data: RefCell<BTreeMap<(Bucket, String), String>>,
    /// When set, every write fails with this error and changes nothing.
    pub fail_writes: RefCell<Option<StoreError>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self, bucket: Bucket) -> usize {
        self.data
            .borrow()
            .keys()
            .filter(|(b, _)| *b == bucket)
            .count()
    }

    fn check_write(&self) -> Result<(), StoreError> {
        match &*self.fail_writes.borrow() {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

impl Store for MemoryStore {
    async fn get(&self, bucket: Bucket, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.data.borrow().get(&(bucket, key.to_string())).cloned())
    }

    async fn put(&self, bucket: Bucket, key: &str, value: &str) -> Result<(), StoreError> {
        self.check_write()?;
        self.data
            .borrow_mut()
            .insert((bucket, key.to_string()), value.to_string());
        Ok(())
    }

    async fn delete(&self, bucket: Bucket, key: &str) -> Result<(), StoreError> {
        self.check_write()?;
        self.data.borrow_mut().remove(&(bucket, key.to_string()));
        Ok(())
    }

    async fn all(&self, bucket: Bucket) -> Result<Vec<(String, String)>, StoreError> {
        Ok(self
            .data
            .borrow()
            .iter()
            .filter(|((b, _), _)| *b == bucket)
            .map(|((_, k), v)| (k.clone(), v.clone()))
            .collect())
    }

    async fn replace(&self, clear: &[Bucket], records: Vec<Record>) -> Result<(), StoreError> {
        self.check_write()?;
        let mut data = self.data.borrow_mut();
        data.retain(|(b, _), _| !clear.contains(b));
        for r in records {
            data.insert((r.bucket, r.key), r.value);
        }
        Ok(())
    }
}
