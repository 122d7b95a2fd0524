//! Background jobs. The outbox worker delivers queued mail: it wakes when a
//! transaction queues mail (and every few seconds regardless), takes due rows,
//! hands each to the transport, and records the outcome. Temporary failures
//! are retried with exponential backoff and jitter; permanent ones, or too
//! many attempts, mark the row dead for staff to look at.

use app::ssr::entities::outbox;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::sync::Arc;
use tokio::sync::Notify;

use crate::mail::{Envelope, SendError, Transport};
use app::ssr::clock::Clock;

pub const MAX_ATTEMPTS: i32 = 8;
/// What a delivered row's body is replaced with.
pub const DELIVERED_BODY: &str = "(delivered; body removed)";
const BATCH: u64 = 20;
const IDLE_POLL: std::time::Duration = std::time::Duration::from_secs(5);

/// Delay before attempt `attempts + 1`: 30 s doubling per attempt, capped at
/// one hour, with up to 20 % jitter so retries from many rows do not bunch up.
pub fn backoff(attempts: i32, jitter_fraction: f64) -> Duration {
    let base = 30i64.saturating_mul(1i64 << attempts.clamp(0, 7)).min(3600);
    let jitter = (base as f64 * 0.2 * jitter_fraction.clamp(0.0, 1.0)) as i64;
    Duration::seconds(base + jitter)
}

pub struct OutboxWorker {
    pub db: DatabaseConnection,
    pub transport: Transport,
    pub from: String,
    pub clock: Arc<dyn Clock>,
    pub wakeup: Arc<Notify>,
}

impl OutboxWorker {
    pub async fn run(self) {
        loop {
            match self.deliver_due().await {
                Ok(n) if n as u64 == BATCH => continue,
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "outbox worker: database error"),
            }
            tokio::select! {
                _ = self.wakeup.notified() => {}
                _ = tokio::time::sleep(IDLE_POLL) => {}
            }
        }
    }

    /// Delivers what is due now; returns how many rows it handled.
    pub async fn deliver_due(&self) -> Result<usize, DbErr> {
        let now = self.clock.now();
        let due = outbox::Entity::find()
            .filter(outbox::Column::SentAt.is_null())
            .filter(outbox::Column::Dead.eq(false))
            .filter(outbox::Column::NextAttemptAt.lte(now))
            .order_by_asc(outbox::Column::NextAttemptAt)
            .limit(BATCH)
            .all(&self.db)
            .await?;
        let count = due.len();
        for row in due {
            let envelope = Envelope {
                id: row.id.clone(),
                from: self.from.clone(),
                to: row.recipient.clone(),
                subject: row.subject.clone(),
                body_text: row.body_text.clone(),
                date: row.created_at,
            };
            let outcome = self.transport.send(&envelope).await;
            record_outcome(&self.db, &row, outcome, self.clock.now(), jitter()).await?;
        }
        Ok(count)
    }
}

async fn record_outcome(
    db: &impl ConnectionTrait,
    row: &outbox::Model,
    outcome: Result<(), SendError>,
    now: DateTime<Utc>,
    jitter_fraction: f64,
) -> Result<(), DbErr> {
    let attempts = row.attempts + 1;
    let update = outbox::Entity::update_many()
        .filter(outbox::Column::Id.eq(row.id.clone()))
        .col_expr(outbox::Column::Attempts, Expr::value(attempts));
    let update = match outcome {
        // Delivered mail may carry single-use links; the row keeps only the
        // envelope, so a copy of the database holds no working link.
        Ok(()) => update
            .col_expr(outbox::Column::SentAt, Expr::value(Some(now)))
            .col_expr(outbox::Column::BodyText, Expr::value(DELIVERED_BODY)),
        Err(error) => {
            let dead = matches!(error, SendError::Permanent(_)) || attempts >= MAX_ATTEMPTS;
            tracing::warn!(id = %row.id, attempts, dead, %error, "mail not delivered");
            update
                .col_expr(
                    outbox::Column::LastError,
                    Expr::value(Some(error.to_string())),
                )
                .col_expr(outbox::Column::Dead, Expr::value(dead))
                .col_expr(
                    outbox::Column::NextAttemptAt,
                    Expr::value(now + backoff(attempts, jitter_fraction)),
                )
        }
    };
    update.exec(db).await?;
    Ok(())
}

fn jitter() -> f64 {
    // Sub-second clock noise is random enough to spread retries.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    f64::from(nanos % 1000) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use chrono::Duration;

    #[test]
    fn backoff_doubles_is_capped_and_jitter_stays_within_a_fifth() {
        assert_eq!(backoff(0, 0.0), Duration::seconds(30));
        assert_eq!(backoff(1, 0.0), Duration::seconds(60));
        assert_eq!(backoff(3, 0.0), Duration::seconds(240));
        assert_eq!(backoff(20, 0.0), Duration::seconds(3600));
        assert_eq!(backoff(1, 1.0), Duration::seconds(72));
        for attempts in 0..10 {
            assert!(backoff(attempts, 0.5) <= backoff(attempts, 0.0) * 6 / 5);
        }
    }
}
