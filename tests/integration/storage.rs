//! The file store's contract, held by both backends alike: a folder on disk,
//! and a real S3-compatible server reached over HTTP with signed requests.
//! Each check runs once per backend (`storage::local::…`, `storage::s3::…`).

use app::ssr::storage::{FileStore, StorageConfig, StorageError, StorageKey};
use chrono::NaiveDate;
use integration_tests::s3::{S3Server, start_s3};

/// What must outlive the store: its folder, or its server.
#[derive(Default)]
struct Held {
    _dir: Option<tempfile::TempDir>,
    _server: Option<S3Server>,
}

async fn local_store() -> (FileStore, Held) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = StorageConfig::Local {
        dir: dir.path().join("files"),
    };
    let store = FileStore::open(&config).expect("open the local store");
    let held = Held {
        _dir: Some(dir),
        ..Held::default()
    };
    (store, held)
}

async fn s3_store() -> (FileStore, Held) {
    let server = start_s3().await;
    let store = FileStore::open(&server.config()).expect("open the S3 store");
    let held = Held {
        _server: Some(server),
        ..Held::default()
    };
    (store, held)
}

fn new_key() -> StorageKey {
    StorageKey::generate("files", NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
}

/// Bytes that are not text and do not repeat in short cycles.
fn binary(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x9e37_79b9;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect()
}

async fn put_then_get_returns_the_same_bytes(store: &FileStore) {
    let key = new_key();
    let bytes = b"%PDF-1.7 a small document".to_vec();
    store.put(&key, bytes.clone()).await.expect("put");
    assert_eq!(store.get(&key).await.expect("get"), bytes);

    store
        .put(&key, Vec::new())
        .await
        .expect("put an empty file");
    assert_eq!(store.get(&key).await.expect("get"), Vec::<u8>::new());
}

async fn a_missing_key_is_not_found(store: &FileStore) {
    let err = store.get(&new_key()).await.unwrap_err();
    assert!(
        matches!(err, StorageError::NotFound { .. }),
        "expected NotFound, got {err:?}"
    );
}

async fn a_deleted_file_is_gone(store: &FileStore) {
    let key = new_key();
    store.put(&key, b"to be deleted".to_vec()).await.unwrap();
    store.delete(&key).await.expect("delete");
    let err = store.get(&key).await.unwrap_err();
    assert!(err.is_not_found(), "expected NotFound, got {err:?}");
    // Deleting what is not there is not an error.
    store.delete(&key).await.expect("delete again");
}

async fn three_mebibytes_survive_the_round_trip(store: &FileStore) {
    let key = new_key();
    let bytes = binary(3 * 1024 * 1024);
    store.put(&key, bytes.clone()).await.expect("put 3 MiB");
    let read = store.get(&key).await.expect("get 3 MiB");
    assert_eq!(read.len(), bytes.len());
    assert!(read == bytes, "the bytes read differ from those stored");
}

/// One test per check and backend.
macro_rules! on_both_backends {
    ($($check:ident),* $(,)?) => {
        mod local {
            $(
                #[tokio::test]
                async fn $check() {
                    let (store, _held) = super::local_store().await;
                    super::$check(&store).await;
                }
            )*
        }

        mod s3 {
            $(
                #[tokio::test]
                async fn $check() {
                    let (store, _held) = super::s3_store().await;
                    super::$check(&store).await;
                }
            )*
        }
    };
}

on_both_backends!(
    put_then_get_returns_the_same_bytes,
    a_missing_key_is_not_found,
    a_deleted_file_is_gone,
    three_mebibytes_survive_the_round_trip,
);

#[tokio::test]
async fn s3_refuses_a_wrong_secret_key() {
    let server = start_s3().await;
    let store = FileStore::open(&server.config()).unwrap();
    let key = new_key();
    store.put(&key, b"confidential".to_vec()).await.unwrap();

    let wrong_secret = "not-the-secret-key-at-all";
    let impostor = FileStore::open(&server.config_with_secret(wrong_secret)).unwrap();
    let read = impostor.get(&key).await;
    assert!(
        matches!(read, Err(StorageError::Status { status: 403, .. })),
        "a wrong secret must be refused, got {read:?}"
    );
    let err = read.unwrap_err().to_string();
    assert!(!err.contains(wrong_secret), "{err}");

    let other = new_key();
    let write = impostor.put(&other, b"forged".to_vec()).await;
    assert!(
        matches!(write, Err(StorageError::Status { status: 403, .. })),
        "{write:?}"
    );
    assert!(store.get(&other).await.unwrap_err().is_not_found());
    let deleted = impostor.delete(&key).await;
    assert!(deleted.is_err(), "{deleted:?}");
    assert_eq!(store.get(&key).await.unwrap(), b"confidential");
}
