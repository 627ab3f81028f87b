//! The repository's round trip, run against the real IndexedDB in headless
//! Chromium (the native tests run the same operations against MemoryStore).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use weave::core::demo::demo_community_sized;
use weave::core::model::{ResponseId, Timestamp};
use weave::platform::store::indexed_db::IndexedDbStore;
use weave::platform::store::repository::Repository;
use weave::platform::store::{Bucket, Store};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn community_round_trips_through_indexed_db() {
    let store = IndexedDbStore::open()
        .await
        .expect("IndexedDB opens in Chromium");
    let repo = Repository::new(store);
    let community = demo_community_sized(7, 20);
    repo.replace_community(&community).await.expect("writes");
    let loaded = repo.load().await.expect("reads").expect("something stored");
    let mut expected = community.clone();
    expected
        .responses
        .sort_by_key(|r| (r.consented_at, r.id.clone()));
    assert_eq!(loaded.community, expected);
    assert!(loaded.unreadable.is_empty());
}

#[wasm_bindgen_test]
async fn a_finished_response_is_read_back() {
    let repo = Repository::new(IndexedDbStore::open().await.expect("opens"));
    let mut response = demo_community_sized(8, 1).responses.remove(0);
    response.id = ResponseId::new("web-test-response");
    response.updated_at = Timestamp(42);
    repo.save_response(&response)
        .await
        .expect("saved and verified");
    let text = repo
        .store()
        .get(Bucket::Responses, "web-test-response")
        .await
        .expect("reads")
        .expect("present");
    assert!(text.contains("web-test-response"));
}

#[wasm_bindgen_test]
async fn put_list_and_delete_a_record() {
    let repo = Repository::new(IndexedDbStore::open().await.expect("opens"));
    repo.store()
        .put(Bucket::Meta, "probe", "before")
        .await
        .expect("put");
    let all = repo.store().all(Bucket::Meta).await.expect("reads");
    assert!(all.iter().any(|(k, v)| k == "probe" && v == "before"));
    repo.store()
        .delete(Bucket::Meta, "probe")
        .await
        .expect("delete");
    assert_eq!(
        repo.store()
            .get(Bucket::Meta, "probe")
            .await
            .expect("reads"),
        None
    );
}
