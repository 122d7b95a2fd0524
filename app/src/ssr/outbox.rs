//! Queuing e-mail: a row in the outbox, written with the same connection (and
//! so the same transaction) as the change that caused it. The server's worker
//! delivers it later, with retries; nothing here talks to a mail server.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

use super::entities::outbox;

pub struct OutgoingMail {
    /// Unique per logical message: a second enqueue with the same key is
    /// ignored instead of sending twice.
    pub dedupe_key: String,
    pub kind: &'static str,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    /// An HTML alternative of the same text.
    pub body_html: Option<String>,
}

/// Queues the mail in the caller's transaction; returns false (and queues
/// nothing) when a mail with the same dedupe key was queued before.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    mail: OutgoingMail,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let row = outbox::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        dedupe_key: Set(mail.dedupe_key),
        kind: Set(mail.kind.to_string()),
        recipient: Set(mail.recipient),
        subject: Set(mail.subject),
        body_text: Set(mail.body_text),
        body_html: Set(mail.body_html),
        created_at: Set(now),
        attempts: Set(0),
        next_attempt_at: Set(now),
        sent_at: Set(None),
        last_error: Set(None),
        dead: Set(false),
        claimed_until: Set(None),
    };
    // ON CONFLICT DO NOTHING: a unique violation would abort the caller's
    // PostgreSQL transaction.
    let inserted = outbox::Entity::insert(row)
        .on_conflict(
            OnConflict::column(outbox::Column::DedupeKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
}
