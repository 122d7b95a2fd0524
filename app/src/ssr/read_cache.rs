//! Page reads kept between writes. The pages people open most (an order, its
//! shipping panel and conversation, the order list and glance, a factory's
//! lines) are read far more often than anything changes, and on SQLite each
//! query costs a round trip to the driver's own thread. So what a use case
//! read for one viewer is kept, and served again until anything is written.
//!
//! Invalidation is by one write generation, not by tracking which rows a
//! read used: every committed unit of work and every request that may write
//! moves it on (see `bump`), and an entry read under an older generation is
//! never served. With PostgreSQL every instance hears the others' writes
//! through `NOTIFY` and moves its own generation on too. A read that was
//! under way while a write committed is not kept.
//!
//! The key holds the viewer (person, language, zone), the day in the house's
//! zone (what "late" and "due" mean) and the read's own arguments; reads that
//! depend on the time of day are not kept at all (complaint clocks), or
//! name the hour among their arguments (a factory's scorecard).
//!
//! Sessions are kept the same way, by the hash of their token: signing out,
//! ending a session, a deactivation or a changed password are all writes.

use std::any::Any;
use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use hashlink::LruCache;

use super::auth::CurrentUser;
use crate::wire::ApiError;

/// The PostgreSQL channel on which instances tell each other of writes.
pub const WRITES_CHANNEL: &str = "portal_writes";

/// Who reads, what and as of which day.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    read: &'static str,
    user_id: i32,
    locale: crate::i18n::Locale,
    zone: &'static str,
    day: NaiveDate,
    args: String,
}

type Value = Arc<dyn Any + Send + Sync>;

/// The kept reads of one generation.
struct Kept<K: Hash + Eq> {
    generation: u64,
    entries: LruCache<K, Value>,
}

impl<K: Hash + Eq> Kept<K> {
    fn new(capacity: usize) -> Mutex<Self> {
        Mutex::new(Self {
            generation: 0,
            entries: LruCache::new(capacity.max(1)),
        })
    }

    /// The value under `key` if it was kept in `generation`.
    fn get<Q>(&mut self, key: &Q, generation: u64) -> Option<Value>
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if self.generation != generation {
            return None;
        }
        self.entries.get(key).cloned()
    }

    /// Keeps `value` for `generation` (the current one), first dropping
    /// everything kept in an earlier one.
    fn put(&mut self, key: K, generation: u64, value: Value) {
        if self.generation != generation {
            self.entries.clear();
            self.generation = generation;
        }
        self.entries.insert(key, value);
    }
}

pub struct ReadCache {
    generation: AtomicU64,
    kept: Mutex<Kept<Key>>,
    /// Sessions by the hash of their token.
    sessions: Mutex<Kept<String>>,
    /// Whole pages (`server::kept_pages`), by address and viewer.
    pages: Mutex<Kept<String>>,
    capacity: usize,
}

impl std::fmt::Debug for ReadCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadCache")
            .field("generation", &self.generation())
            .field("capacity", &self.capacity)
            .finish()
    }
}

impl ReadCache {
    /// Keeps at most `capacity` reads (the least recently used go first);
    /// 0 keeps nothing.
    pub fn new(capacity: usize) -> Self {
        Self {
            generation: AtomicU64::new(0),
            kept: Kept::new(capacity),
            sessions: Kept::new(capacity),
            // A page weighs ten to a hundred times a read.
            pages: Kept::new(capacity / 8),
            capacity,
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Something was written (or may have been): nothing read before is
    /// served again.
    pub fn bump(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// How many reads are kept now.
    pub fn len(&self) -> usize {
        let kept = lock(&self.kept);
        if kept.generation == self.generation() {
            kept.entries.len()
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `load()` for `user` on `day` with `args`, or what it gave last time
    /// if nothing was written since. Only answers that succeeded are kept.
    pub async fn remember<T, Fut>(
        &self,
        read: &'static str,
        user: &CurrentUser,
        day: NaiveDate,
        args: impl std::fmt::Debug,
        load: impl FnOnce() -> Fut,
    ) -> Result<T, ApiError>
    where
        T: Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        if self.capacity == 0 {
            return load().await;
        }
        let key = Key {
            read,
            user_id: user.user_id,
            locale: user.locale,
            zone: user.time_zone.name(),
            day,
            args: format!("{args:?}"),
        };
        let generation = self.generation();
        if let Some(found) = self.take_from(&self.kept, &key)
            && let Some(value) = found.downcast_ref::<T>()
        {
            return Ok(value.clone());
        }
        let value = load().await?;
        self.keep_in(&self.kept, key, generation, Arc::new(value.clone()));
        Ok(value)
    }

    /// What `map` holds under `key` since the last write, if anything.
    fn take_from<K, Q>(&self, map: &Mutex<Kept<K>>, key: &Q) -> Option<Value>
    where
        K: Hash + Eq + std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if self.capacity == 0 {
            return None;
        }
        lock(map).get(key, self.generation())
    }

    /// Keeps `value`, read under `generation`, unless a write came since.
    fn keep_in<K: Hash + Eq>(&self, map: &Mutex<Kept<K>>, key: K, generation: u64, value: Value) {
        if self.capacity == 0 {
            return;
        }
        let mut kept = lock(map);
        // Checked under the lock: a write that moved the generation on
        // while `value` was read leaves it out.
        if self.generation() == generation {
            kept.put(key, generation, value);
        }
    }

    /// The session kept under `token_hash` since the last write, if any.
    pub fn session<T: Clone + 'static>(&self, token_hash: &str) -> Option<T> {
        self.take_from(&self.sessions, token_hash)?
            .downcast_ref::<T>()
            .cloned()
    }

    /// Keeps a session read under `generation`, unless a write came since.
    pub fn keep_session<T: Send + Sync + 'static>(
        &self,
        token_hash: String,
        generation: u64,
        session: T,
    ) {
        self.keep_in(&self.sessions, token_hash, generation, Arc::new(session));
    }
}

impl ReadCache {
    /// The page kept under `key` since the last write, if any.
    pub fn page<T: Send + Sync + 'static>(&self, key: &str) -> Option<Arc<T>> {
        self.take_from(&self.pages, key)?.downcast::<T>().ok()
    }

    /// Keeps a page rendered in `generation`, unless a write came since.
    pub fn keep_page<T: Send + Sync + 'static>(&self, key: String, generation: u64, page: T) {
        self.keep_in(&self.pages, key, generation, Arc::new(page));
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Tells the other instances on the same PostgreSQL database that something
/// was written: inside a transaction, delivered when it commits. Nothing to
/// do on SQLite, which one instance serves alone.
pub async fn announce_write(db: &impl sea_orm::ConnectionTrait) -> Result<(), sea_orm::DbErr> {
    use sea_orm::{DatabaseBackend, Statement};
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    db.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT pg_notify($1, '')",
        [WRITES_CHANNEL.into()],
    ))
    .await?;
    Ok(())
}

impl Default for ReadCache {
    fn default() -> Self {
        Self::new(DEFAULT_CAPACITY)
    }
}

/// Reads kept per instance unless configured otherwise: an order page's
/// data is a few to a few tens of kilobytes.
pub const DEFAULT_CAPACITY: usize = 2_048;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::Role;

    fn person(user_id: i32) -> CurrentUser {
        CurrentUser {
            session_id: 1,
            user_id,
            company_id: 1,
            company_name: String::new(),
            role: Role::Customer,
            email: String::new(),
            display_name: String::new(),
            locale: crate::i18n::Locale::default(),
            time_zone: crate::domain::time_zone::Zone::parse_or_utc("UTC"),
        }
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
    }

    async fn read(cache: &ReadCache, user: i32, args: i32, counter: &AtomicU64) -> u64 {
        cache
            .remember("test", &person(user), day(), args, || async {
                Ok::<_, ApiError>(counter.fetch_add(1, Ordering::SeqCst))
            })
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_read_is_served_again_until_something_is_written() {
        let cache = ReadCache::new(16);
        let loads = AtomicU64::new(0);
        assert_eq!(read(&cache, 1, 7, &loads).await, 0);
        assert_eq!(read(&cache, 1, 7, &loads).await, 0);
        assert_eq!(loads.load(Ordering::SeqCst), 1);
        cache.bump();
        assert_eq!(read(&cache, 1, 7, &loads).await, 1);
        assert_eq!(loads.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn each_viewer_and_argument_has_its_own_read() {
        let cache = ReadCache::new(16);
        let loads = AtomicU64::new(0);
        read(&cache, 1, 7, &loads).await;
        read(&cache, 2, 7, &loads).await;
        read(&cache, 1, 8, &loads).await;
        assert_eq!(loads.load(Ordering::SeqCst), 3);
        assert_eq!(cache.len(), 3);
    }

    #[tokio::test]
    async fn a_read_during_a_write_is_not_kept() {
        let cache = ReadCache::new(16);
        let value = cache
            .remember("test", &person(1), day(), 1, || async {
                // A write commits while this read runs.
                cache.bump();
                Ok::<_, ApiError>(5)
            })
            .await
            .unwrap();
        assert_eq!(value, 5);
        assert!(cache.is_empty());
    }

    #[tokio::test]
    async fn refusals_are_not_kept_and_capacity_zero_keeps_nothing() {
        let cache = ReadCache::new(16);
        let refused: Result<i32, _> = cache
            .remember("test", &person(1), day(), 1, || async {
                Err(ApiError::NotFound)
            })
            .await;
        assert!(refused.is_err());
        assert!(cache.is_empty());
        let off = ReadCache::new(0);
        let loads = AtomicU64::new(0);
        read(&off, 1, 1, &loads).await;
        read(&off, 1, 1, &loads).await;
        assert_eq!(loads.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_session_is_kept_until_something_is_written() {
        let cache = ReadCache::new(4);
        let generation = cache.generation();
        assert_eq!(cache.session::<u32>("abc"), None);
        cache.keep_session("abc".to_string(), generation, 7u32);
        assert_eq!(cache.session::<u32>("abc"), Some(7));
        assert_eq!(cache.session::<u32>("abd"), None);
        cache.bump();
        assert_eq!(cache.session::<u32>("abc"), None);
        // Read before the write: not kept.
        cache.keep_session("abc".to_string(), generation, 8u32);
        assert_eq!(cache.session::<u32>("abc"), None);
        let off = ReadCache::new(0);
        off.keep_session("abc".to_string(), off.generation(), 7u32);
        assert_eq!(off.session::<u32>("abc"), None);
    }

    #[tokio::test]
    async fn the_least_recently_used_read_goes_first() {
        let cache = ReadCache::new(2);
        let loads = AtomicU64::new(0);
        read(&cache, 1, 1, &loads).await;
        read(&cache, 1, 2, &loads).await;
        read(&cache, 1, 1, &loads).await;
        read(&cache, 1, 3, &loads).await;
        assert_eq!(loads.load(Ordering::SeqCst), 3);
        // 2 went, 1 stayed.
        read(&cache, 1, 1, &loads).await;
        assert_eq!(loads.load(Ordering::SeqCst), 3);
        read(&cache, 1, 2, &loads).await;
        assert_eq!(loads.load(Ordering::SeqCst), 4);
    }
}
