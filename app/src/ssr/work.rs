//! One unit of work for every write: the transaction, the live events it
//! records on order timelines, and what follows its commit. Mail written to
//! the outbox inside the transaction is sent when the commit wakes the
//! worker; open pages hear of the timeline entries once they are durable.

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseTransaction, TransactionTrait};

use super::AppState;
use super::live::Outgoing;
use super::repo::notifications;
use super::repo::orders::{self, NewEvent};
use crate::domain::kept_pages::{Scope, each_once, order_and_around};
use crate::wire::ApiError;

pub struct UnitOfWork {
    pub tx: DatabaseTransaction,
    /// Timeline entries to announce to open pages after the commit.
    pub live: Outgoing,
    /// What kept reads the writes may have changed.
    touched: Touched,
    /// The newest notification when the unit of work began: whoever was
    /// given one after it was notified by this unit of work.
    noted: Option<i32>,
}

/// What a unit of work may have changed of what is kept.
enum Touched {
    /// Anything: the writer names nothing.
    Anything,
    /// Only what shows these parts of the book (and what shows no part).
    Parts(Vec<Scope>),
    /// Nothing any page or read shows.
    Nothing,
}

impl UnitOfWork {
    /// Begins a write. It watches the notifications it writes from the
    /// start: a notification put on anyone's list (an alert) adds its
    /// person's own part to what it touched, as it changed the unread count
    /// in every page's navigation for that person.
    pub async fn begin(state: &AppState) -> Result<Self, ApiError> {
        let tx = state.db.begin().await?;
        let noted = notifications::latest_id(&tx).await?;
        Ok(Self {
            tx,
            live: Outgoing::default(),
            touched: Touched::Anything,
            noted,
        })
    }

    /// Begins a write to an order by claiming it at the version the writer
    /// saw: anyone else's write since then makes this one a conflict.
    pub async fn claim_order(
        state: &AppState,
        order_id: i32,
        version: i32,
        conflict: impl FnOnce() -> ApiError,
    ) -> Result<Self, ApiError> {
        let work = Self::begin(state).await?;
        if !orders::bump_version(&work.tx, order_id, version, state.now()).await? {
            return Err(conflict());
        }
        Ok(work)
    }

    /// Appends an entry to an order's timeline (the customer's company is
    /// given so streams can filter it), to be announced after the commit.
    pub async fn record(
        &mut self,
        event: NewEvent<'_>,
        customer_company_id: i32,
        now: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        self.live
            .record(&self.tx, event, customer_company_id, now)
            .await?;
        Ok(())
    }

    /// Tells the customer's open pages (and the house's) that something of
    /// theirs changed without an order timeline entry, after the commit.
    pub async fn nudge(&mut self, customer_company_id: i32) -> Result<(), ApiError> {
        self.live.nudge(&self.tx, customer_company_id).await?;
        Ok(())
    }

    /// Tells the house's open pages, and no customer's, that something
    /// without an order timeline entry changed (a factory's conversation):
    /// the nudge carries the house's own company id, which no customer's
    /// stream sees.
    pub async fn nudge_house(&mut self, house_company_id: i32) -> Result<(), ApiError> {
        self.nudge(house_company_id).await
    }

    /// Says that this unit of work writes nothing but what kept pages and
    /// reads of `parts` show, so the rest stays kept. The writer vouches
    /// for it; the people it notified are added at the commit.
    pub fn touches_only(&mut self, parts: Vec<Scope>) {
        self.touched = Touched::Parts(parts);
    }

    /// Adds to what this unit of work touched the parts a write to one order
    /// shows in: the order, its customer's whole view, and the whole views
    /// of the factories with lines filling it, read now (so called just
    /// before the commit, a purchase order placed by the write is among
    /// them; a cancelled one stays). Anything else the writer names stays
    /// named; a writer that named nothing now names these. The writer
    /// vouches that it wrote nothing else (the people it notified are added
    /// at the commit).
    pub async fn touches_order(
        &mut self,
        order_id: i32,
        customer_company_id: i32,
    ) -> Result<(), ApiError> {
        let factories =
            super::repo::purchase_orders::factories_of_order(&self.tx, order_id).await?;
        let parts = order_and_around(order_id, customer_company_id, &factories);
        self.touched = match std::mem::replace(&mut self.touched, Touched::Anything) {
            Touched::Parts(named) => Touched::Parts(each_once(named.into_iter().chain(parts))),
            Touched::Anything | Touched::Nothing => Touched::Parts(parts),
        };
        Ok(())
    }

    /// Says that this unit of work wrote only what no page or read shows
    /// (its own bookkeeping), so everything kept stays. The writer vouches
    /// for it.
    pub fn shows_nothing(&mut self) {
        self.touched = Touched::Nothing;
    }

    /// Says that this unit of work writes nothing any kept page or read of a
    /// part shows, only what reads of no part may show (the house's boards,
    /// the outbox); the people it notified are added at the commit.
    pub fn touches_no_part(&mut self) {
        self.touched = Touched::Parts(Vec::new());
    }

    /// Commits, then tells open pages and wakes the outbox worker. Kept
    /// page reads (of the parts written, if named) are not served again,
    /// here or (told at the commit) on the other instances.
    pub async fn commit(mut self, state: &AppState) -> Result<(), ApiError> {
        // A write that drops everything drops its people's pages too.
        let told = match self.touched {
            Touched::Anything => Vec::new(),
            Touched::Parts(_) | Touched::Nothing => {
                notifications::recipients_after(&self.tx, self.noted).await?
            }
        };
        if !told.is_empty() {
            let people = told.into_iter().map(Scope::Person);
            self.touched = match std::mem::replace(&mut self.touched, Touched::Anything) {
                Touched::Anything => Touched::Anything,
                Touched::Parts(mut parts) => {
                    parts.extend(people);
                    Touched::Parts(parts)
                }
                Touched::Nothing => Touched::Parts(people.collect()),
            };
        }
        match &self.touched {
            Touched::Anything => {
                super::read_cache::announce_write(&self.tx, &state.read_cache).await?
            }
            Touched::Parts(parts) => {
                super::read_cache::announce_parts(&self.tx, &state.read_cache, parts).await?
            }
            Touched::Nothing => {}
        }
        self.tx.commit().await?;
        match &self.touched {
            Touched::Anything => state.read_cache.bump(),
            Touched::Parts(parts) => state.read_cache.bump_parts(parts),
            Touched::Nothing => {}
        }
        self.live.publish(&state.live);
        state.outbox_wakeup.notify_one();
        Ok(())
    }
}
