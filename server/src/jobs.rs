//! Background jobs. The outbox worker delivers queued mail: it wakes when a
//! transaction queues mail (and every few seconds regardless), takes due rows,
//! hands each to the transport, and records the outcome. Temporary failures
//! are retried with exponential backoff and jitter; permanent ones, or too
//! many attempts, mark the row dead for staff to look at. Mail whose sign-in
//! link will never reach its reader (dead, or older than the link) has the
//! link revoked and removed.

use app::ssr::entities::outbox;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
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
    /// How long claimed rows stay reserved for this worker.
    pub lease: Duration,
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
        // First, so a mail whose link has run out is not sent.
        void_links(&self.db, now).await;
        let due = claim_due(&self.db, now, BATCH, self.lease).await?;
        let count = due.len();
        for row in due {
            let envelope = Envelope {
                id: row.id.clone(),
                from: self.from.clone(),
                to: row.recipient.clone(),
                subject: row.subject.clone(),
                kind: row.kind.clone(),
                body_text: row.body_text.clone(),
                body_html: row.body_html.clone(),
                date: row.created_at,
            };
            let outcome = self.transport.send(&envelope).await;
            record_outcome(&self.db, &row, outcome, self.clock.now(), jitter()).await?;
        }
        if count > 0 {
            // What died in this batch loses its link now, not at the next
            // round.
            void_links(&self.db, self.clock.now()).await;
        }
        Ok(count)
    }
}

/// Revokes the sign-in links of mail that will not be delivered and removes
/// them from the outbox (see `app::ssr::links`). A failure here is logged and
/// leaves delivery going: the next round tries again, and a link that ran
/// out does not work even if its mail goes out.
async fn void_links(db: &DatabaseConnection, now: DateTime<Utc>) {
    match app::ssr::links::void_undelivered(db, now).await {
        Ok(0) => {}
        Ok(voided) => tracing::warn!(voided, "links of undelivered mail revoked"),
        Err(e) => tracing::error!(error = %e, "outbox worker: could not void links"),
    }
}

/// Takes up to `limit` due rows for this worker. On PostgreSQL rows another
/// instance is claiming are skipped (`FOR UPDATE SKIP LOCKED`), so no two
/// instances send the same row at once; SQLite has one writer at a time.
///
/// `lease` is how long this worker may take to deliver what it claimed before
/// another may try the rows (after a crash, say): at worst a duplicate with
/// the same Message-ID, never a loss.
pub async fn claim_due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
    lease: Duration,
) -> Result<Vec<outbox::Model>, DbErr> {
    use sea_orm::{DatabaseBackend, Statement};
    let backend = db.get_database_backend();
    let (skip_locked, p) = match backend {
        DatabaseBackend::Postgres => (" FOR UPDATE SKIP LOCKED", ["$1", "$2", "$3"]),
        _ => ("", ["?", "?", "?"]),
    };
    let sql = format!(
        "UPDATE outbox SET claimed_until = {lease} WHERE id IN (\
         SELECT id FROM outbox WHERE sent_at IS NULL AND dead = {no} \
         AND next_attempt_at <= {now} AND (claimed_until IS NULL OR claimed_until < {now2}) \
         ORDER BY next_attempt_at LIMIT {limit}{skip_locked}) RETURNING *",
        lease = p[0],
        now = p[1],
        now2 = p[2],
        no = if backend == DatabaseBackend::Postgres {
            "false"
        } else {
            "0"
        },
    );
    let statement = Statement::from_sql_and_values(
        backend,
        sql,
        [(now + lease).into(), now.into(), now.into()],
    );
    let mut rows = outbox::Entity::find()
        .from_raw_sql(statement)
        .all(db)
        .await?;
    rows.sort_by_key(|r| r.next_attempt_at);
    Ok(rows)
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
        .col_expr(outbox::Column::Attempts, Expr::value(attempts))
        .col_expr(
            outbox::Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        );
    let update = match outcome {
        // Delivered mail may carry single-use links, in both of its parts;
        // the row keeps only the envelope, so a copy of the database holds
        // no working link.
        Ok(()) => update
            .col_expr(outbox::Column::SentAt, Expr::value(Some(now)))
            .col_expr(outbox::Column::BodyText, Expr::value(DELIVERED_BODY))
            .col_expr(
                outbox::Column::BodyHtml,
                Expr::value(Option::<String>::None),
            ),
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

/// Looks for what time alone makes late: slips crossing a level as days
/// pass, committed dates passing, factories going quiet. Each pass runs in
/// batches of lines, each one transaction, so its alerts are queued exactly
/// when its levels move; it rests between batches (`scan_paced`).
pub struct SlipScanner {
    pub state: app::ssr::AppState,
    pub every: std::time::Duration,
}

impl SlipScanner {
    pub async fn run(self) {
        // The first pass runs at once: a portal that was down (or a demo
        // book just seeded) has slips the calendar brought about meanwhile,
        // and nobody should wait an interval to hear of them.
        loop {
            match self.scan_once().await {
                Ok(report) if report.mails > 0 => {
                    tracing::info!(?report, "slippage scan queued alerts");
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = ?e, "slippage scan failed"),
            }
            tokio::time::sleep(self.every).await;
        }
    }

    /// One pass, paced, in units of work whose commits wake the outbox
    /// worker.
    pub async fn scan_once(&self) -> Result<app::ssr::alerts::ScanReport, app::wire::ApiError> {
        app::ssr::alerts::scan_paced(&self.state).await
    }
}

/// Chases quotations: reminds and escalates approval steps waiting past
/// their target, and expires sent quotations whose validity passed. Each
/// pass is one unit of work; its mails go out when it commits.
pub struct QuotationSweeper {
    pub state: app::ssr::AppState,
    pub every: std::time::Duration,
}

impl QuotationSweeper {
    pub async fn run(self) {
        loop {
            match app::usecases::quotations::reminders::sweep(&self.state).await {
                Ok(swept) if swept != Default::default() => {
                    tracing::info!(?swept, "quotation sweep");
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = ?e, "quotation sweep failed"),
            }
            tokio::time::sleep(self.every).await;
        }
    }
}

/// Reminds of instalments due and overdue, and warns of letters of credit
/// whose latest shipment date comes at risk; each level once.
pub struct PaymentScanner {
    pub state: app::ssr::AppState,
    pub every: std::time::Duration,
}

impl PaymentScanner {
    pub async fn run(self) {
        loop {
            match app::usecases::shipping::scan_payments_and_credits(&self.state).await {
                Ok(report) if report != Default::default() => {
                    tracing::info!(?report, "payment and credit scan");
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = ?e, "payment and credit scan failed"),
            }
            tokio::time::sleep(self.every).await;
        }
    }
}

/// Watches the complaints' clocks: reminds owners of answers coming due and
/// tells the sales managers of clocks run out, once each.
pub struct ComplaintWatch {
    pub state: app::ssr::AppState,
    pub every: std::time::Duration,
}

impl ComplaintWatch {
    pub async fn run(self) {
        loop {
            match app::usecases::complaints::sweep(&self.state).await {
                Ok(report) if report != Default::default() => {
                    tracing::info!(?report, "complaint clocks");
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = ?e, "complaint clock watch failed"),
            }
            tokio::time::sleep(self.every).await;
        }
    }
}

/// Sends the daily digests: checks every few minutes whether the digest hour
/// (UTC) has come; each person gets at most one digest a day.
pub struct DigestSender {
    pub state: app::ssr::AppState,
    pub hour: u32,
}

impl DigestSender {
    pub async fn run(self) {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(600)).await;
            match self.send_once().await {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "daily digests queued"),
                Err(e) => tracing::error!(error = ?e, "daily digests failed"),
            }
        }
    }

    /// One pass in one unit of work, whose commit wakes the outbox worker.
    pub async fn send_once(&self) -> Result<usize, app::wire::ApiError> {
        let work = app::ssr::work::UnitOfWork::begin(&self.state).await?;
        let sent = app::ssr::alerts::send_digests(&work.tx, self.state.now(), self.hour).await?;
        work.commit(&self.state).await?;
        Ok(sent)
    }
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
