//! Mail transports: where the outbox worker hands finished messages. `Smtp`
//! delivers through a mail server (pooled connections; plain, STARTTLS or TLS
//! as configured), `File` writes one `.eml` per message (the default on a
//! fresh install), `Log` notes them in the log (never their bodies, which
//! hold sign-in and reset links), `Memory` keeps them for tests. Every
//! message is built the same way (plain text plus an HTML alternative when
//! there is one), with the outbox id as its Message-ID.

use chrono::{DateTime, Utc};
use lettre::message::{Mailbox, MultiPart, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::config::{MailConfig, SmtpTls};

/// A message ready to hand over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The outbox id; the Message-ID, so a repeated delivery is recognisable.
    pub id: String,
    pub from: String,
    pub to: String,
    pub subject: String,
    /// What the mail is for (`invitation`, `password_reset`, ...), as queued.
    pub kind: String,
    pub body_text: String,
    pub body_html: Option<String>,
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
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
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

/// The SMTP transport the configuration describes.
pub fn smtp_transport(config: &MailConfig) -> Result<Transport, String> {
    let host = config
        .smtp_host
        .clone()
        .ok_or("PORTAL_SMTP_HOST is required for the smtp transport")?;
    let mut builder = match config.smtp_tls {
        SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&host),
        SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&host)
            .map_err(|e| format!("PORTAL_SMTP_HOST: {e}"))?,
        SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&host)
            .map_err(|e| format!("PORTAL_SMTP_HOST: {e}"))?,
    }
    .port(config.smtp_port)
    .timeout(Some(std::time::Duration::from_secs(30)));
    if let (Some(user), Some(password)) = (&config.smtp_username, &config.smtp_password) {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            password.expose().to_string(),
        ));
    }
    Ok(Transport::Smtp(builder.build()))
}

/// The message as it goes on the wire. Addresses are parsed (a bad one is a
/// permanent failure); lettre encodes header values, and line breaks are
/// removed from the subject first, so no value can add a header.
pub fn build_message(envelope: &Envelope) -> Result<Message, SendError> {
    let address = |raw: &str| {
        raw.parse::<Mailbox>()
            .map_err(|e| SendError::Permanent(format!("address {raw:?}: {e}")))
    };
    let builder = Message::builder()
        .message_id(Some(format!("<{}@trade-portal>", envelope.id)))
        .date(envelope.date.into())
        .from(address(&envelope.from)?)
        .to(address(&envelope.to)?)
        .subject(envelope.subject.replace(['\r', '\n'], " "));
    let built = match &envelope.body_html {
        Some(html) => builder.multipart(MultiPart::alternative_plain_html(
            envelope.body_text.clone(),
            html.clone(),
        )),
        None => builder
            .header(ContentType::TEXT_PLAIN)
            .body(envelope.body_text.clone()),
    };
    built.map_err(|e| SendError::Permanent(format!("building the message: {e}")))
}

impl Transport {
    pub async fn send(&self, envelope: &Envelope) -> Result<(), SendError> {
        match self {
            Transport::Smtp(smtp) => {
                let message = build_message(envelope)?;
                smtp.send(message).await.map(|_| ()).map_err(|e| {
                    if e.is_permanent() {
                        SendError::Permanent(e.to_string())
                    } else {
                        SendError::Temporary(e.to_string())
                    }
                })
            }
            Transport::File(dir) => {
                let message = build_message(envelope)?;
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| SendError::Temporary(format!("mail folder: {e}")))?;
                let path = dir.join(format!("{}.eml", envelope.id));
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| SendError::Temporary(format!("writing {}: {e}", path.display())))
            }
            Transport::Log => {
                log_mail(envelope);
                Ok(())
            }
            Transport::Memory(mailbox) => {
                build_message(envelope)?;
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

/// The log transport's line: recipient, subject and kind. Never the body:
/// invitation and reset links in it would let anyone who reads the log
/// sign in as the recipient.
fn log_mail(envelope: &Envelope) {
    tracing::info!(
        to = %envelope.to,
        subject = %envelope.subject,
        kind = %envelope.kind,
        "mail not sent (log transport)"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope() -> Envelope {
        Envelope {
            id: "0b6f".into(),
            from: "portal@example.com".into(),
            to: "a@example.com".into(),
            subject: "Hi\nX-Evil: 1".into(),
            kind: "invitation".into(),
            body_text: "line one\nline two".into(),
            body_html: Some("<p>line one</p>".into()),
            date: DateTime::from_timestamp(0, 0).unwrap(),
        }
    }

    #[test]
    fn header_values_cannot_inject_headers() {
        let text = String::from_utf8(build_message(&envelope()).unwrap().formatted()).unwrap();
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(
            !headers.lines().any(|l| l.starts_with("X-Evil:")),
            "{headers}"
        );
        assert!(
            headers.contains("Message-ID: <0b6f@trade-portal>"),
            "{headers}"
        );
        assert!(text.contains("multipart/alternative"));
        let bad = Envelope {
            to: "a@example.com\r\nBcc: evil@example.com".into(),
            ..envelope()
        };
        assert!(matches!(build_message(&bad), Err(SendError::Permanent(_))));
    }

    #[test]
    fn the_log_transport_never_writes_the_body() {
        #[derive(Clone, Default)]
        struct Captured(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Captured {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let secret = Envelope {
            body_text: "Sign in: https://portal.example.com/invitation/SECRETTOKEN".into(),
            body_html: Some("<a href=\"/invitation/SECRETTOKEN\">Sign in</a>".into()),
            ..envelope()
        };
        tracing::subscriber::with_default(subscriber, || log_mail(&secret));
        let logged = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        assert!(logged.contains("a@example.com"), "{logged}");
        assert!(logged.contains("invitation"), "{logged}");
        assert!(!logged.contains("SECRETTOKEN"), "{logged}");
    }
}
