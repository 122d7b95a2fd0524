//! Files in a folder on this server. A key's folders become sub-folders
//! (`files/2026/12/<uuid>` is `<dir>/files/2026/12/<uuid>`), so no folder
//! grows without bound. Writes go to a temporary file beside the target,
//! are flushed to disk, then renamed over it: a crash or a concurrent reader
//! sees the old file or the new one, never half of one.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{StorageError, StorageKey};

#[derive(Debug, Clone)]
pub struct LocalStore {
    root: PathBuf,
}

impl LocalStore {
    /// Creates `root` (and its parents) if needed.
    pub fn open(root: PathBuf) -> Result<Self, StorageError> {
        fs::create_dir_all(&root).map_err(|e| {
            StorageError::Config(format!("cannot create the folder {}: {e}", root.display()))
        })?;
        Ok(Self { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where `key` lives on disk. A valid key has no `.` and no empty
    /// segment, so the path stays inside `root`.
    pub fn path_of(&self, key: &StorageKey) -> PathBuf {
        key.segments()
            .fold(self.root.clone(), |path, segment| path.join(segment))
    }

    pub async fn put(&self, key: &StorageKey, bytes: Vec<u8>) -> Result<(), StorageError> {
        let path = self.path_of(key);
        blocking(move || write_atomically(&path, &bytes))
            .await
            .map_err(|source| io_error("write", key, source))
    }

    pub async fn get(&self, key: &StorageKey) -> Result<Vec<u8>, StorageError> {
        let path = self.path_of(key);
        match blocking(move || fs::read(path)).await {
            Ok(bytes) => Ok(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(StorageError::NotFound {
                key: key.to_string(),
            }),
            Err(source) => Err(io_error("read", key, source)),
        }
    }

    pub async fn delete(&self, key: &StorageKey) -> Result<(), StorageError> {
        let path = self.path_of(key);
        match blocking(move || fs::remove_file(path)).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(io_error("delete", key, source)),
        }
    }
}

fn io_error(action: &'static str, key: &StorageKey, source: io::Error) -> StorageError {
    StorageError::Io {
        action,
        key: key.to_string(),
        source,
    }
}

/// Runs file-system work on tokio's blocking pool, off the request threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> io::Result<T> + Send + 'static,
) -> io::Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(io::Error::other)?
}

fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("a stored file always has a folder"))?;
    fs::create_dir_all(dir)?;
    // Keys have no `.`, so this name can never be another file's.
    let temp = dir.join(format!(".{}.part", uuid::Uuid::new_v4()));
    if let Err(e) = write_then_rename(&temp, path, bytes) {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    // The rename is durable once the folder is flushed too. Best effort:
    // not every platform can open a folder for that.
    if let Ok(folder) = fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

fn write_then_rename(temp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::File::create_new(temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// A fresh folder under the system's temporary folder, removed on drop.
    struct TempFolder(PathBuf);

    impl TempFolder {
        fn new() -> Self {
            let path = std::env::temp_dir().join(format!("portal-store-{}", uuid::Uuid::new_v4()));
            Self(path)
        }
    }

    impl Drop for TempFolder {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn key() -> StorageKey {
        StorageKey::generate("files", NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
    }

    #[tokio::test]
    async fn put_get_delete_round_trip() {
        let folder = TempFolder::new();
        let store = LocalStore::open(folder.0.join("nested/files")).unwrap();
        let key = key();
        let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();

        store.put(&key, bytes.clone()).await.unwrap();
        assert_eq!(store.get(&key).await.unwrap(), bytes);

        store.put(&key, b"replaced".to_vec()).await.unwrap();
        assert_eq!(store.get(&key).await.unwrap(), b"replaced");

        store.delete(&key).await.unwrap();
        assert!(store.get(&key).await.unwrap_err().is_not_found());
        // Deleting again is not an error.
        store.delete(&key).await.unwrap();
    }

    #[tokio::test]
    async fn files_are_sharded_by_key_and_leave_no_temporary_files() {
        let folder = TempFolder::new();
        let store = LocalStore::open(folder.0.clone()).unwrap();
        let key = key();
        store.put(&key, b"contents".to_vec()).await.unwrap();

        let path = store.path_of(&key);
        assert!(path.starts_with(folder.0.join("files").join("2026").join("12")));
        assert_eq!(fs::read(&path).unwrap(), b"contents");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[tokio::test]
    async fn a_missing_key_is_not_found() {
        let folder = TempFolder::new();
        let store = LocalStore::open(folder.0.clone()).unwrap();
        let err = store.get(&key()).await.unwrap_err();
        assert!(err.is_not_found(), "{err}");
        assert!(err.to_string().contains("files/2026/12/"), "{err}");
    }
}
