//! Queuing e-mail: a row in the outbox, written with the same connection (and
//! so the same transaction) as the change that caused it. The server's worker
//! delivers it later, with retries; nothing here talks to a mail server.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

use super::entities::outbox;

pub struct OutgoingMail {
    /// Unique per logical message: a second enqueue with the same key fails
    /// instead of sending twice.
    pub dedupe_key: String,
    pub kind: &'static str,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
}

pub async fn enqueue(
    db: &impl ConnectionTrait,
    mail: OutgoingMail,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let id = uuid::Uuid::new_v4().to_string();
    outbox::ActiveModel {
        id: Set(id.clone()),
        dedupe_key: Set(mail.dedupe_key),
        kind: Set(mail.kind.to_string()),
        recipient: Set(mail.recipient),
        subject: Set(mail.subject),
        body_text: Set(mail.body_text),
        created_at: Set(now),
        attempts: Set(0),
        next_attempt_at: Set(now),
        sent_at: Set(None),
        last_error: Set(None),
        dead: Set(false),
    }
    .insert(db)
    .await?;
    Ok(id)
}
