//! Mail transports: where the outbox worker hands finished messages. `File`
//! writes one `.eml` per message (the default on a fresh install), `Log` writes
//! them to the log, `Memory` keeps them for tests. SMTP delivery is configured
//! through the same settings but not available in this build; choosing it stops
//! start-up with a clear message rather than losing mail.

use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// A message ready to hand over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The outbox id; the Message-ID, so a repeated delivery is recognisable.
    pub id: String,
    pub from: String,
    pub to: String,
    pub subject: String,
    pub body_text: String,
    pub date: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth retrying later (network trouble, 4xx from a server).
    #[error("temporary failure: {0}")]
    Temporary(String),
    /// Retrying will not help (malformed address, 5xx).
    #[error("permanent failure: {0}")]
    Permanent(String),
}

#[derive(Clone)]
pub enum Transport {
    File(PathBuf),
    Log,
    Memory(MemoryMailbox),
}

/// Messages captured by the in-memory transport.
#[derive(Clone, Default)]
pub struct MemoryMailbox(Arc<Mutex<Vec<Envelope>>>);

impl MemoryMailbox {
    pub fn messages(&self) -> Vec<Envelope> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Transport {
    pub async fn send(&self, envelope: &Envelope) -> Result<(), SendError> {
        match self {
            Transport::File(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| SendError::Temporary(format!("mail folder: {e}")))?;
                let path = dir.join(format!("{}.eml", envelope.id));
                tokio::fs::write(&path, render_rfc5322(envelope))
                    .await
                    .map_err(|e| SendError::Temporary(format!("writing {}: {e}", path.display())))
            }
            Transport::Log => {
                tracing::info!(to = %envelope.to, subject = %envelope.subject, "mail:\n{}", envelope.body_text);
                Ok(())
            }
            Transport::Memory(mailbox) => {
                mailbox
                    .0
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(envelope.clone());
                Ok(())
            }
        }
    }
}

/// A plain-text message in Internet Message Format. Header values come from
/// our own templates and validated addresses; line breaks are still removed so
/// no value can start a header of its own.
pub fn render_rfc5322(envelope: &Envelope) -> String {
    let clean = |value: &str| value.replace(['\r', '\n'], " ");
    let body = envelope
        .body_text
        .replace("\r\n", "\n")
        .replace('\n', "\r\n");
    format!(
        "Message-ID: <{}@trade-portal>\r\nDate: {}\r\nFrom: {}\r\nTo: {}\r\nSubject: {}\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\r\n{}",
        clean(&envelope.id),
        envelope.date.to_rfc2822(),
        clean(&envelope.from),
        clean(&envelope.to),
        clean(&envelope.subject),
        body
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_cannot_inject_headers() {
        let envelope = Envelope {
            id: "1".into(),
            from: "portal@example.com".into(),
            to: "a@example.com\r\nBcc: evil@example.com".into(),
            subject: "Hi\nX-Evil: 1".into(),
            body_text: "line one\nline two".into(),
            date: DateTime::from_timestamp(0, 0).unwrap(),
        };
        let text = render_rfc5322(&envelope);
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(
            !headers
                .lines()
                .any(|l| l.starts_with("Bcc:") || l.starts_with("X-Evil:"))
        );
        assert!(text.ends_with("line one\r\nline two"));
    }
}
