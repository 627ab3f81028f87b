//! The browser's IndexedDB as a [`Store`]. Writes resolve when their
//! transaction *completes* (not when the request succeeds), so "saved" means
//! committed to disk as far as the browser can tell us.

use super::{Bucket, Record, Store, StoreError};
use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

const DB_NAME: &str = "weave";
/// 2 added the `device` store; the upgrade creates whatever store is missing.
const DB_VERSION: u32 = 2;

pub struct IndexedDbStore {
    db: IdbDatabase,
}

impl IndexedDbStore {
    /// Opens (and on first use creates) the database. Fails with
    /// `Unavailable` in private modes or sandboxed frames that forbid storage.
    pub async fn open() -> Result<Self, StoreError> {
        let window = web_sys::window().ok_or_else(|| unavailable("no window"))?;
        let factory = window
            .indexed_db()
            .map_err(classify)?
            .ok_or_else(|| unavailable("IndexedDB is switched off"))?;
        let request: IdbOpenDbRequest = factory
            .open_with_u32(DB_NAME, DB_VERSION)
            .map_err(classify)?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(target) = event.target() else { return };
            let Ok(result) = target.unchecked_into::<IdbRequest>().result() else {
                return;
            };
            let db: IdbDatabase = result.unchecked_into();
            let names = db.object_store_names();
            for bucket in Bucket::ALL {
                if !names.contains(bucket.name()) {
                    // A failure here aborts the upgrade, which rejects the open below.
                    let _ = db.create_object_store(bucket.name());
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let result = request_done(request.unchecked_ref()).await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        let db: IdbDatabase = result?.unchecked_into();
        // Another tab with a newer Weave wants to upgrade: step aside quietly.
        let db_for_close = db.clone();
        let on_version_change = Closure::<dyn FnMut()>::new(move || db_for_close.close());
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        Ok(Self { db })
    }

    fn tx(
        &self,
        buckets: &[Bucket],
        mode: IdbTransactionMode,
    ) -> Result<IdbTransaction, StoreError> {
        let names: Array = buckets
            .iter()
            .map(|b| JsValue::from_str(b.name()))
            .collect();
        self.db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(classify)
    }

    fn object_store(tx: &IdbTransaction, bucket: Bucket) -> Result<IdbObjectStore, StoreError> {
        tx.object_store(bucket.name()).map_err(classify)
    }
}

impl Store for IndexedDbStore {
    async fn get(&self, bucket: Bucket, key: &str) -> Result<Option<String>, StoreError> {
        let tx = self.tx(&[bucket], IdbTransactionMode::Readonly)?;
        let req = Self::object_store(&tx, bucket)?
            .get(&JsValue::from_str(key))
            .map_err(classify)?;
        Ok(request_done(&req).await?.as_string())
    }

    async fn put(&self, bucket: Bucket, key: &str, value: &str) -> Result<(), StoreError> {
        let tx = self.tx(&[bucket], IdbTransactionMode::Readwrite)?;
        let done = transaction_done(&tx);
        let put = Self::object_store(&tx, bucket)?
            .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key));
        if let Err(e) = put {
            let _ = tx.abort();
            return Err(classify(e));
        }
        done.await
    }

    async fn delete(&self, bucket: Bucket, key: &str) -> Result<(), StoreError> {
        let tx = self.tx(&[bucket], IdbTransactionMode::Readwrite)?;
        let done = transaction_done(&tx);
        if let Err(e) = Self::object_store(&tx, bucket)?.delete(&JsValue::from_str(key)) {
            let _ = tx.abort();
            return Err(classify(e));
        }
        done.await
    }

    async fn all(&self, bucket: Bucket) -> Result<Vec<(String, String)>, StoreError> {
        let tx = self.tx(&[bucket], IdbTransactionMode::Readonly)?;
        let store = Self::object_store(&tx, bucket)?;
        let keys = store.get_all_keys().map_err(classify)?;
        let values = store.get_all().map_err(classify)?;
        let keys: Array = request_done(&keys).await?.unchecked_into();
        let values: Array = request_done(&values).await?.unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect())
    }

    async fn replace(&self, clear: &[Bucket], records: Vec<Record>) -> Result<(), StoreError> {
        let mut buckets: Vec<Bucket> = clear.to_vec();
        buckets.extend(records.iter().map(|r| r.bucket));
        buckets.sort();
        buckets.dedup();
        if buckets.is_empty() {
            return Ok(());
        }
        let tx = self.tx(&buckets, IdbTransactionMode::Readwrite)?;
        let done = transaction_done(&tx);
        let result = (|| {
            for bucket in clear {
                Self::object_store(&tx, *bucket)?
                    .clear()
                    .map_err(classify)?;
            }
            for r in &records {
                Self::object_store(&tx, r.bucket)?
                    .put_with_key(&JsValue::from_str(&r.value), &JsValue::from_str(&r.key))
                    .map_err(classify)?;
            }
            Ok(())
        })();
        if let Err(e) = result {
            // Nothing of a failed batch lands: the old data stays as it was.
            let _ = tx.abort();
            return Err(e);
        }
        done.await
    }
}

/// Resolves with a request's result once it succeeds.
async fn request_done(req: &IdbRequest) -> Result<JsValue, StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_req = req.clone();
        let on_ok = settle(move || {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_req.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_req = req.clone();
        let on_err = settle(move || {
            let error = err_req.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
        });
        req.set_onsuccess(Some(on_ok.unchecked_ref()));
        req.set_onerror(Some(on_err.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(classify)
}

/// A future for a transaction's completion; create it before issuing requests.
fn transaction_done(
    tx: &IdbTransaction,
) -> impl std::future::Future<Output = Result<(), StoreError>> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_ok = settle(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let fail_tx = tx.clone();
        // A failing request fires `error` and then its transaction `abort`:
        // the handler is called twice (the second reject is a no-op).
        let on_fail = settle(move || {
            let error = fail_tx.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
        });
        tx.set_oncomplete(Some(on_ok.unchecked_ref()));
        tx.set_onerror(Some(on_fail.unchecked_ref()));
        tx.set_onabort(Some(on_fail.unchecked_ref()));
    });
    // Listened to now: a caller that gives up on a failed batch drops this
    // future unpolled, and the abort must not become an unhandled rejection.
    let done = JsFuture::from(promise);
    async move { done.await.map(|_| ()).map_err(classify) }
}

/// An event handler that settles a promise: callable any number of times
/// (a `once` closure throws when called again) and freed by the garbage
/// collector with the request it is set on.
fn settle(f: impl Fn() + 'static) -> JsValue {
    Closure::<dyn Fn()>::new(f).into_js_value()
}

fn unavailable(why: &str) -> StoreError {
    StoreError::Unavailable(why.to_string())
}

/// Maps browser errors onto the cases the UI explains differently.
fn classify(error: JsValue) -> StoreError {
    if let Some(dom) = error.dyn_ref::<DomException>() {
        return match dom.name().as_str() {
            "QuotaExceededError" => StoreError::QuotaExceeded,
            "SecurityError" | "InvalidAccessError" | "NotAllowedError" => {
                StoreError::Unavailable(dom.message())
            }
            name => StoreError::Other(format!("{name}: {}", dom.message())),
        };
    }
    if let Some(err) = error.dyn_ref::<js_sys::Error>() {
        let name: String = err.name().into();
        if name == "QuotaExceededError" {
            return StoreError::QuotaExceeded;
        }
        return StoreError::Other(format!("{name}: {}", String::from(err.message())));
    }
    StoreError::Other(error.as_string().unwrap_or_else(|| "unknown error".into()))
}
