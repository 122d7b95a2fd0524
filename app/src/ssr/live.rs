//! Live updates: when a change to an order commits, its new timeline entry is
//! published here; every open event stream receives it and forwards it only
//! if its viewer may see that order. With PostgreSQL the announcement travels
//! through `NOTIFY` inside the change's own transaction, so every instance on
//! the database hears it (each listens and republishes to its own streams) and
//! nothing is announced for a change that rolled back.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, Statement};

use super::entities::order_event;
use super::repo::orders::NewEvent;
use crate::domain::limits::may_open_stream;
use tokio::sync::broadcast;

/// The PostgreSQL channel that carries order changes between instances.
pub const NOTIFY_CHANNEL: &str = "portal_live";

use super::repo::orders::OrderScope;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveEvent {
    /// The `order_events` id; also the SSE event id for catch-up.
    pub event_id: i32,
    pub order_id: i32,
    pub customer_company_id: i32,
}

impl LiveEvent {
    /// "Something may have changed; refetch": sent when events may have been
    /// missed (a lagging stream, a lost database connection). Seen by everyone,
    /// it names no order.
    pub const RESYNC: LiveEvent = LiveEvent {
        event_id: 0,
        order_id: 0,
        customer_company_id: 0,
    };

    /// "Something of this customer's changed; refetch": a change that writes
    /// no order timeline entry (an inquiry quoted, a quotation sent or
    /// answered). It has no id, so it is never replayed.
    pub fn nudge(customer_company_id: i32) -> LiveEvent {
        LiveEvent {
            event_id: 0,
            order_id: 0,
            customer_company_id,
        }
    }

    /// Whether a reconnecting stream can catch up on it by its id.
    pub fn has_id(&self) -> bool {
        self.event_id > 0
    }

    pub fn visible_in(&self, scope: OrderScope) -> bool {
        *self == Self::RESYNC || scope.sees_company(self.customer_company_id)
    }

    /// `event:order:customer`, the NOTIFY payload.
    pub fn to_payload(&self) -> String {
        format!(
            "{}:{}:{}",
            self.event_id, self.order_id, self.customer_company_id
        )
    }

    pub fn from_payload(payload: &str) -> Option<Self> {
        let mut parts = payload.split(':').map(|p| p.parse::<i32>().ok());
        let event = Self {
            event_id: parts.next()??,
            order_id: parts.next()??,
            customer_company_id: parts.next()??,
        };
        parts.next().is_none().then_some(event)
    }
}

/// Announces `event` from inside the transaction that made the change. On
/// PostgreSQL this queues a NOTIFY (delivered at commit) and returns true; on
/// SQLite it returns false and the caller publishes after commit.
pub async fn announce(db: &impl ConnectionTrait, event: LiveEvent) -> Result<bool, DbErr> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(false);
    }
    db.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT pg_notify($1, $2)",
        [NOTIFY_CHANNEL.into(), event.to_payload().into()],
    ))
    .await?;
    Ok(true)
}

/// The timeline entries one transaction writes. Each is announced inside the
/// transaction; those SQLite cannot announce are published to this instance's
/// streams by `publish`, called after the commit.
#[derive(Default)]
pub struct Outgoing(Vec<LiveEvent>);

impl Outgoing {
    /// Appends a timeline entry to the order (whose customer is given, for
    /// filtering streams) and announces it.
    pub async fn record(
        &mut self,
        db: &impl ConnectionTrait,
        event: NewEvent<'_>,
        customer_company_id: i32,
        now: DateTime<Utc>,
    ) -> Result<order_event::Model, DbErr> {
        let order_id = event.order_id;
        let saved = super::repo::orders::append_event(db, event, now).await?;
        let live = LiveEvent {
            event_id: saved.id,
            order_id,
            customer_company_id,
        };
        if !announce(db, live).await? {
            self.0.push(live);
        }
        Ok(saved)
    }

    /// Announces a change of the customer's that has no timeline entry.
    pub async fn nudge(
        &mut self,
        db: &impl ConnectionTrait,
        customer_company_id: i32,
    ) -> Result<(), DbErr> {
        let live = LiveEvent::nudge(customer_company_id);
        if !announce(db, live).await? {
            self.0.push(live);
        }
        Ok(())
    }

    pub fn publish(self, hub: &LiveHub) {
        for event in self.0 {
            hub.publish(event);
        }
    }
}

#[derive(Clone)]
pub struct LiveHub {
    sender: broadcast::Sender<LiveEvent>,
    /// How many streams each person (by user id) holds open on this
    /// instance.
    open: Arc<Mutex<HashMap<i32, usize>>>,
}

impl Default for LiveHub {
    fn default() -> Self {
        let (sender, _) = broadcast::channel(1024);
        Self {
            sender,
            open: Arc::default(),
        }
    }
}

/// One open stream's place among its person's; dropping it (when the
/// stream ends or the browser goes away) frees the place.
pub struct StreamSlot {
    user_id: i32,
    open: Arc<Mutex<HashMap<i32, usize>>>,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.user_id) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                open.remove(&self.user_id);
            }
        }
    }
}

impl LiveHub {
    pub fn publish(&self, event: LiveEvent) {
        // No subscribers is fine: nobody is watching.
        let _ = self.sender.send(event);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.sender.subscribe()
    }

    /// A place for one more stream of `user_id`'s, unless they already
    /// hold as many as one person may (`domain::limits`). Counted per
    /// instance: behind a load balancer each instance bounds its own.
    pub fn open_stream(&self, user_id: i32) -> Option<StreamSlot> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let count = open.entry(user_id).or_insert(0);
        if !may_open_stream(*count) {
            return None;
        }
        *count += 1;
        Some(StreamSlot {
            user_id,
            open: self.open.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{LiveEvent, LiveHub};
    use crate::domain::limits::MAX_LIVE_STREAMS_PER_PERSON;

    #[test]
    fn a_person_holds_a_bounded_number_of_streams_and_closing_frees_a_place() {
        let hub = LiveHub::default();
        let mut held: Vec<_> = (0..MAX_LIVE_STREAMS_PER_PERSON)
            .map(|_| hub.open_stream(7).expect("a place"))
            .collect();
        assert!(hub.open_stream(7).is_none());
        // Another person is not held up.
        assert!(hub.open_stream(8).is_some());
        drop(held.pop());
        let again = hub.open_stream(7).expect("a freed place");
        drop(held);
        drop(again);
        assert!(hub.open.lock().unwrap().is_empty());
    }

    #[test]
    fn payloads_round_trip_and_junk_is_refused() {
        let event = LiveEvent {
            event_id: 41,
            order_id: 7,
            customer_company_id: 3,
        };
        assert_eq!(LiveEvent::from_payload(&event.to_payload()), Some(event));
        for junk in ["", "1:2", "1:2:3:4", "a:b:c", "1::3"] {
            assert_eq!(LiveEvent::from_payload(junk), None, "{junk}");
        }
    }
}
