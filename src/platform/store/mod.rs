//! Durable storage behind one small trait, so the same repository code runs
//! against IndexedDB in the browser and an in-memory map in native tests.
//! Values are JSON strings; the repository owns what they mean.

#[cfg(target_arch = "wasm32")]
pub mod any;
#[cfg(target_arch = "wasm32")]
pub mod indexed_db;
pub mod memory;
pub mod repository;

use thiserror::Error;

/// The object stores Weave keeps. One per lifecycle: the event set-up and the
/// merge log change rarely, responses are written once each, drafts constantly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    Meta,
    Responses,
    Drafts,
    Blobs,
    /// This device's own settings (kiosk mode, PIN hash): never exported.
    Device,
}

impl Bucket {
    pub const ALL: [Bucket; 5] = [
        Bucket::Meta,
        Bucket::Responses,
        Bucket::Drafts,
        Bucket::Blobs,
        Bucket::Device,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Bucket::Meta => "meta",
            Bucket::Responses => "responses",
            Bucket::Drafts => "drafts",
            Bucket::Blobs => "blobs",
            Bucket::Device => "device",
        }
    }
}

#[derive(Debug, Clone, Error, PartialEq)]
pub enum StoreError {
    /// Storage cannot be used at all (private mode, a sandboxed iframe, disabled).
    #[error("the browser's storage is not available here ({0})")]
    Unavailable(String),
    #[error("the browser's storage is full")]
    QuotaExceeded,
    /// Writes were stopped on purpose (after a crash, or in a read-only tab).
    #[error("saving is switched off: {0}")]
    WritesStopped(String),
    #[error("the data read back was not what was written")]
    VerifyFailed,
    #[error("storage error: {0}")]
    Other(String),
}

/// One record to write in a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub bucket: Bucket,
    pub key: String,
    pub value: String,
}

/// The storage trait. Each call is its own transaction; `replace` clears the
/// named buckets and writes the records in a single transaction, so an import
/// either fully lands or leaves the old data untouched.
#[allow(async_fn_in_trait)]
pub trait Store {
    async fn get(&self, bucket: Bucket, key: &str) -> Result<Option<String>, StoreError>;
    async fn put(&self, bucket: Bucket, key: &str, value: &str) -> Result<(), StoreError>;
    async fn delete(&self, bucket: Bucket, key: &str) -> Result<(), StoreError>;
    async fn all(&self, bucket: Bucket) -> Result<Vec<(String, String)>, StoreError>;
    async fn replace(&self, clear: &[Bucket], records: Vec<Record>) -> Result<(), StoreError>;
}
