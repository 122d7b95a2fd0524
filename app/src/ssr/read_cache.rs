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
//! A session shows its person's own part (`Scope::Person`): a write naming
//! it (a sign-out, a language chosen) drops the person's sessions only.
//!
//! A write may say which parts of the book it touched
//! (`domain::kept_pages::Scope`: an order, a customer's or a factory's
//! whole view, a person's own) instead: then only what was kept for those
//! parts, and what was kept without naming a part, is dropped. Each part
//! has a counter in a fixed table (parts that share a counter drop each
//! other's reads, never keep them too long). A kept page shows two parts:
//! its own and its viewer's. A factory's progress report, a message, every
//! step on one order (`UnitOfWork::touches_order`), marking notifications
//! read and the slippage scan write this way; the notifications they write
//! name the people they were put before.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use hashlink::LruCache;

use super::auth::CurrentUser;
use crate::domain::kept_pages::Scope;
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

/// One read under way: what it began under, and where its answer will be.
/// The first to call `get_or_try_init` on the cell reads; the others wait
/// for its answer, and if it fails (or its request is dropped) the next
/// waiter reads in its place.
struct Flight {
    generation: u64,
    stamp: Stamp,
    answer: Arc<tokio::sync::OnceCell<Value>>,
}

/// Where the writes stood when a session began to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionMark {
    generation: u64,
    writes: u64,
}

/// What must not have moved on since a value was read for it to be served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp(Shown);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    /// It may show anything: any write drops it (the count of all writes).
    Anything(u64),
    /// It shows only these parts (counter slot, count each); a write that
    /// names other parts leaves it.
    Parts(Vec<(usize, u64)>),
}

/// The kept reads of one generation (of writes that named no part).
struct Kept<K: Hash + Eq> {
    generation: u64,
    entries: LruCache<K, (Stamp, Value)>,
}

impl<K: Hash + Eq> Kept<K> {
    fn new(capacity: usize) -> Mutex<Self> {
        Mutex::new(Self {
            generation: 0,
            entries: LruCache::new(capacity.max(1)),
        })
    }

    /// The value under `key` if it was kept in `generation`, with its stamp.
    fn get<Q>(&mut self, key: &Q, generation: u64) -> Option<(Stamp, Value)>
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
    fn put(&mut self, key: K, generation: u64, stamp: Stamp, value: Value) {
        if self.generation != generation {
            self.entries.clear();
            self.generation = generation;
        }
        self.entries.insert(key, (stamp, value));
    }
}

/// Counters for the parts of the book: enough that two busy parts rarely
/// share one.
const PART_SLOTS: usize = 4_096;

pub struct ReadCache {
    /// Moved on by every write that names no part.
    generation: AtomicU64,
    /// Moved on by every write.
    writes: AtomicU64,
    /// Moved on by the writes that name a part hashed to the slot.
    parts: Box<[AtomicU64]>,
    kept: Mutex<Kept<Key>>,
    /// The reads under way that are not kept yet, by key: a read that finds
    /// its key here waits for that one instead of reading the same again.
    flights: Mutex<HashMap<Key, Flight>>,
    /// Sessions by the hash of their token.
    sessions: Mutex<Kept<String>>,
    /// Whole pages (`server::kept_pages`), by address and viewer.
    pages: Mutex<Kept<String>>,
    capacity: usize,
    /// This instance's name in the notices it sends (`i:` and random hex):
    /// the relay hears its own notices too, and their writes were dropped
    /// here already, at the commit.
    origin: String,
}

impl std::fmt::Debug for ReadCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadCache")
            .field("generation", &self.generation())
            .field("capacity", &self.capacity)
            .finish()
    }
}

/// The counter slot of a part.
fn slot(part: Scope) -> usize {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    // The same slot on every instance and run (no random seed).
    let hash = BuildHasherDefault::<DefaultHasher>::default().hash_one(part);
    (hash % PART_SLOTS as u64) as usize
}

impl ReadCache {
    /// Keeps at most `capacity` reads (the least recently used go first);
    /// 0 keeps nothing.
    pub fn new(capacity: usize) -> Self {
        Self {
            generation: AtomicU64::new(0),
            writes: AtomicU64::new(0),
            parts: (0..PART_SLOTS).map(|_| AtomicU64::new(0)).collect(),
            kept: Kept::new(capacity),
            flights: Mutex::new(HashMap::new()),
            sessions: Kept::new(capacity),
            // A page weighs ten to a hundred times a read.
            pages: Kept::new(capacity / 8),
            capacity,
            origin: format!(
                "i:{:016x}",
                rand_core::RngCore::next_u64(&mut rand_core::OsRng)
            ),
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Something was written (or may have been) without naming what: nothing
    /// read before is served again.
    pub fn bump(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.writes.fetch_add(1, Ordering::AcqRel);
    }

    /// Something was written to these parts of the book only: what was kept
    /// for them (and, for a part of an order, for the order whole:
    /// `Scope::dropped`), or for no part in particular, is not served again.
    pub fn bump_parts(&self, parts: &[Scope]) {
        for part in parts.iter().flat_map(|part| part.dropped()) {
            self.parts[slot(part)].fetch_add(1, Ordering::AcqRel);
        }
        self.writes.fetch_add(1, Ordering::AcqRel);
    }

    /// The stamp of a read beginning now that shows `part`, or anything if
    /// `None`.
    pub fn stamp(&self, part: Option<Scope>) -> Stamp {
        match part {
            None => Stamp(Shown::Anything(self.writes.load(Ordering::Acquire))),
            Some(part) => self.stamp_parts(&[part]),
        }
    }

    /// The stamp of a read beginning now that shows these parts and nothing
    /// else: a write to any of them drops it.
    pub fn stamp_parts(&self, parts: &[Scope]) -> Stamp {
        Stamp(Shown::Parts(
            parts
                .iter()
                .map(|part| {
                    let at = slot(*part);
                    (at, self.parts[at].load(Ordering::Acquire))
                })
                .collect(),
        ))
    }

    /// Whether nothing `stamp` depends on was written since.
    fn fresh(&self, stamp: &Stamp) -> bool {
        match &stamp.0 {
            Shown::Anything(writes) => self.writes.load(Ordering::Acquire) == *writes,
            Shown::Parts(parts) => parts
                .iter()
                .all(|(at, count)| self.parts[*at].load(Ordering::Acquire) == *count),
        }
    }

    /// How many reads are kept now.
    pub fn len(&self) -> usize {
        let kept = lock(&self.kept);
        if kept.generation == self.generation() {
            kept.entries
                .iter()
                .filter(|(_, (stamp, _))| self.fresh(stamp))
                .count()
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `load()` for `user` on `day` with `args`, or what it gave last time
    /// if nothing was written since. Only answers that succeeded are kept.
    /// `part` is the part of the book the read shows; `None` for anything.
    pub async fn remember<T, Fut>(
        &self,
        read: &'static str,
        user: &CurrentUser,
        day: NaiveDate,
        part: Option<Scope>,
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
        // Taken before the read, so a write while it runs leaves it out.
        let stamp = self.stamp(part);
        let (answer, leads) = self.board(&key, generation, &stamp);
        // Whether this caller's own `load` gave the answer: the one that
        // began the flight, or one that waited on it and read in its place
        // when that read failed or its request went away.
        let mut read_here = false;
        let answered = answer
            .get_or_try_init(|| {
                read_here = true;
                async { load().await.map(|value| Arc::new(value) as Value) }
            })
            .await;
        if leads || read_here {
            self.land(&key, &answer);
        }
        let answered = answered?;
        let Some(value) = answered.downcast_ref::<T>().cloned() else {
            // Two reads of one name answering in different types: a fault
            // of the code, not of the viewer's.
            tracing::error!(read, "a read answered in another type than its name's");
            return Err(ApiError::Unavailable);
        };
        if read_here {
            // The flight's own answer, not a second copy of it.
            self.keep_in(&self.kept, key, generation, stamp, Arc::clone(answered));
        }
        Ok(value)
    }

    /// The flight to wait on for `key`: the one under way if nothing it
    /// shows was written since it began (so its answer is as new as a read
    /// beginning now), else a new one; true if this caller began it.
    /// Several requests of one page often ask for the same read at once,
    /// as the order page's parts do: the first visit after a write then
    /// reads it once.
    fn board(
        &self,
        key: &Key,
        generation: u64,
        stamp: &Stamp,
    ) -> (Arc<tokio::sync::OnceCell<Value>>, bool) {
        let mut flights = lock(&self.flights);
        if let Some(flight) = flights.get(key)
            && flight.generation == generation
            && self.generation() == generation
            && self.fresh(&flight.stamp)
        {
            return (flight.answer.clone(), false);
        }
        let answer = Arc::new(tokio::sync::OnceCell::new());
        flights.insert(
            key.clone(),
            Flight {
                generation,
                stamp: stamp.clone(),
                answer: answer.clone(),
            },
        );
        (answer, true)
    }

    /// Takes the flight under `key` off the board, if it is still `answer`'s
    /// (a later one may have replaced it).
    fn land(&self, key: &Key, answer: &Arc<tokio::sync::OnceCell<Value>>) {
        let mut flights = lock(&self.flights);
        if flights
            .get(key)
            .is_some_and(|flight| Arc::ptr_eq(&flight.answer, answer))
        {
            flights.remove(key);
        }
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
        let (stamp, value) = lock(map).get(key, self.generation())?;
        self.fresh(&stamp).then_some(value)
    }

    /// Keeps `value`, read under `generation` and `stamp`, unless a write
    /// that concerns it came since.
    fn keep_in<K: Hash + Eq>(
        &self,
        map: &Mutex<Kept<K>>,
        key: K,
        generation: u64,
        stamp: Stamp,
        value: Value,
    ) {
        if self.capacity == 0 {
            return;
        }
        let mut kept = lock(map);
        // Checked under the lock: a write that moved the generation on
        // while `value` was read leaves it out.
        if self.generation() == generation && self.fresh(&stamp) {
            kept.put(key, generation, stamp, value);
        }
    }

    /// The session kept under `token_hash` since the last write, if any.
    pub fn session<T: Clone + 'static>(&self, token_hash: &str) -> Option<T> {
        self.take_from(&self.sessions, token_hash)?
            .downcast_ref::<T>()
            .cloned()
    }

    /// Taken before a session is read, for [`ReadCache::keep_session`].
    pub fn session_mark(&self) -> SessionMark {
        SessionMark {
            generation: self.generation(),
            writes: self.writes.load(Ordering::Acquire),
        }
    }

    /// Keeps the session of `person` read since `mark`, unless anything was
    /// written since: whose session it is, and so what part drops it, was
    /// known only once it was read. From then on a write naming the
    /// person's own part (their language or zone, their sessions ended, a
    /// notification put before them) drops it, as does one naming none.
    pub fn keep_session<T: Send + Sync + 'static>(
        &self,
        token_hash: String,
        mark: SessionMark,
        person: i32,
        session: T,
    ) {
        if self.writes.load(Ordering::Acquire) != mark.writes {
            return;
        }
        let stamp = self.stamp_parts(&[Scope::Person(person)]);
        self.keep_in(
            &self.sessions,
            token_hash,
            mark.generation,
            stamp,
            Arc::new(session),
        );
    }
}

impl ReadCache {
    /// The page kept under `key` since the last write, if any.
    pub fn page<T: Send + Sync + 'static>(&self, key: &str) -> Option<Arc<T>> {
        self.take_from(&self.pages, key)?.downcast::<T>().ok()
    }

    /// Keeps a page rendered under `generation` and `stamp`, unless a write
    /// that concerns it came since.
    pub fn keep_page<T: Send + Sync + 'static>(
        &self,
        key: String,
        generation: u64,
        stamp: Stamp,
        page: T,
    ) {
        self.keep_in(&self.pages, key, generation, stamp, Arc::new(page));
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Tells the other instances on the same PostgreSQL database that something
/// was written: inside a transaction, delivered when it commits. Nothing to
/// do on SQLite, which one instance serves alone.
pub async fn announce_write(
    db: &impl sea_orm::ConnectionTrait,
    cache: &ReadCache,
) -> Result<(), sea_orm::DbErr> {
    notify_writes(db, cache.origin.clone()).await
}

/// Tells the other instances that these parts of the book (and nothing
/// else) were written, as [`announce_write`] does; no part at all is told
/// as [`NO_PART`], and a list too long for a notice is announced as a write
/// of anything.
pub async fn announce_parts(
    db: &impl sea_orm::ConnectionTrait,
    cache: &ReadCache,
    parts: &[Scope],
) -> Result<(), sea_orm::DbErr> {
    let mut payload = cache.origin.clone();
    for part in parts {
        payload.push(' ');
        payload.push_str(&part.tag());
    }
    if parts.is_empty() {
        payload.push(' ');
        payload.push_str(NO_PART);
    }
    // Too long for a notice: announced as a write of anything.
    if payload.len() > MAX_NOTICE {
        payload = cache.origin.clone();
    }
    notify_writes(db, payload).await
}

/// A notice on [`WRITES_CHANNEL`], inside the caller's transaction if any;
/// nothing on SQLite, which one instance serves alone.
async fn notify_writes(
    db: &impl sea_orm::ConnectionTrait,
    payload: String,
) -> Result<(), sea_orm::DbErr> {
    use sea_orm::{DatabaseBackend, Statement};
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    db.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT pg_notify($1, $2)",
        [WRITES_CHANNEL.into(), payload.into()],
    ))
    .await?;
    Ok(())
}

/// PostgreSQL refuses notices of 8,000 bytes or more.
const MAX_NOTICE: usize = 7_000;

impl ReadCache {
    /// Acts on a notice heard on [`WRITES_CHANNEL`]: another instance's
    /// write drops what it names here, or everything if it names nothing
    /// (or cannot be read). This instance's own notices are passed over:
    /// their writes were dropped here at the commit.
    pub fn hear(&self, payload: &str) {
        let (origin, rest) = match payload.split_once(' ') {
            Some((first, rest)) if first.starts_with("i:") => (first, rest),
            _ if payload.starts_with("i:") => (payload, ""),
            _ => ("", payload),
        };
        if origin == self.origin {
            return;
        }
        match parts_of_notice(rest) {
            Some(parts) => self.bump_parts(&parts),
            None => self.bump(),
        }
    }
}

/// What a notice names when the write touched no part of the book, only
/// what reads of no part show (the house's boards): those go, every kept
/// part stays. An instance that cannot read it drops everything.
const NO_PART: &str = "-";

/// The parts a notice on [`WRITES_CHANNEL`] names, after its sender (none
/// for [`NO_PART`]); `None` for a write of anything (an empty notice, or
/// one this instance cannot read).
fn parts_of_notice(tags: &str) -> Option<Vec<Scope>> {
    if tags == NO_PART {
        return Some(Vec::new());
    }
    let parts: Option<Vec<Scope>> = tags.split(' ').map(Scope::parse).collect();
    parts.filter(|p| !p.is_empty())
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
mod tests;
