//! The store the app actually uses: IndexedDB when the browser allows it, an
//! in-memory map when it does not (the banner then says nothing is kept).

use super::indexed_db::IndexedDbStore;
use super::memory::MemoryStore;
use super::{Bucket, Record, Store, StoreError};

pub enum AnyStore {
    IndexedDb(IndexedDbStore),
    Memory(MemoryStore),
}

impl Store for AnyStore {
    async fn get(&self, bucket: Bucket, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            AnyStore::IndexedDb(s) => s.get(bucket, key).await,
            AnyStore::Memory(s) => s.get(bucket, key).await,
        }
    }
    async fn put(&self, bucket: Bucket, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            AnyStore::IndexedDb(s) => s.put(bucket, key, value).await,
            AnyStore::Memory(s) => s.put(bucket, key, value).await,
        }
    }
    async fn delete(&self, bucket: Bucket, key: &str) -> Result<(), StoreError> {
        match self {
            AnyStore::IndexedDb(s) => s.delete(bucket, key).await,
            AnyStore::Memory(s) => s.delete(bucket, key).await,
        }
    }
    async fn all(&self, bucket: Bucket) -> Result<Vec<(String, String)>, StoreError> {
        match self {
            AnyStore::IndexedDb(s) => s.all(bucket).await,
            AnyStore::Memory(s) => s.all(bucket).await,
        }
    }
    async fn replace(&self, clear: &[Bucket], records: Vec<Record>) -> Result<(), StoreError> {
        match self {
            AnyStore::IndexedDb(s) => s.replace(clear, records).await,
            AnyStore::Memory(s) => s.replace(clear, records).await,
        }
    }
}
