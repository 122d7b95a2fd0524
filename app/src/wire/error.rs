//! The one error type every server function returns, so the browser can tell
//! "not found" from "invalid input" from "try again later" and show the right words.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Written in JSON as `{"kind": "invalid", "fields": [...]}`: the kind, then
/// the kind's own fields beside it. In a compact encoding (page data,
/// `wire::compact`), which has no names to tell fields apart by, as an
/// [`ErrorReply`] with every field present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The record does not exist, or the actor may not know that it does.
    NotFound,
    /// Not signed in (or the session ended).
    Unauthenticated,
    /// Signed in but not allowed to do this.
    Forbidden,
    /// Input that cannot be accepted; one message per offending field.
    Invalid { fields: Vec<FieldError> },
    /// Someone else changed the record first.
    Conflict { message: String },
    /// Too many attempts; try again after this many minutes.
    RateLimited { minutes: i64 },
    /// Too many requests of one kind in a short time (writes, mail-sending
    /// writes, live streams); `message` comes from the catalogue in the
    /// reader's language and says how long to wait, `retry_after` in
    /// seconds, as the `Retry-After` header does.
    TooFast { message: String, retry_after: u64 },
    /// Anything the user cannot fix: details go to the server log, not the browser.
    Unavailable,
    /// The request never reached our code properly (network, encoding).
    Transport { message: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// An [`ApiError`] as it is read back: the same JSON, read as one record of
/// every kind's fields. Serde's own reader of a tagged enum first copies the
/// whole reply into a buffer of its own, and that reader alone weighed
/// some 30 KB in every browser bundle, which reads every server function's
/// errors. In the compact encoding it is also the form written.
#[derive(Serialize, Deserialize)]
struct ErrorReply {
    kind: ErrorKind,
    fields: Option<Vec<FieldError>>,
    message: Option<String>,
    minutes: Option<i64>,
    retry_after: Option<u64>,
}

/// The JSON written: only the kind's own fields beside the kind.
#[derive(Serialize)]
struct ErrorJson<'a> {
    kind: ErrorKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<&'a Vec<FieldError>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minutes: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retry_after: Option<u64>,
}

impl ApiError {
    fn json(&self) -> ErrorJson<'_> {
        let bare = |kind| ErrorJson {
            kind,
            fields: None,
            message: None,
            minutes: None,
            retry_after: None,
        };
        match self {
            Self::NotFound => bare(ErrorKind::NotFound),
            Self::Unauthenticated => bare(ErrorKind::Unauthenticated),
            Self::Forbidden => bare(ErrorKind::Forbidden),
            Self::Invalid { fields } => ErrorJson {
                fields: Some(fields),
                ..bare(ErrorKind::Invalid)
            },
            Self::Conflict { message } => ErrorJson {
                message: Some(message),
                ..bare(ErrorKind::Conflict)
            },
            Self::RateLimited { minutes } => ErrorJson {
                minutes: Some(*minutes),
                ..bare(ErrorKind::RateLimited)
            },
            Self::TooFast {
                message,
                retry_after,
            } => ErrorJson {
                message: Some(message),
                retry_after: Some(*retry_after),
                ..bare(ErrorKind::TooFast)
            },
            Self::Unavailable => bare(ErrorKind::Unavailable),
            Self::Transport { message } => ErrorJson {
                message: Some(message),
                ..bare(ErrorKind::Transport)
            },
        }
    }
}

impl Serialize for ApiError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let json = self.json();
        if serializer.is_human_readable() {
            return json.serialize(serializer);
        }
        ErrorReply {
            kind: json.kind,
            fields: json.fields.cloned(),
            message: json.message.cloned(),
            minutes: json.minutes,
            retry_after: json.retry_after,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ApiError {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ErrorReply::deserialize(deserializer)?
            .try_into()
            .map_err(serde::de::Error::custom)
    }
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ErrorKind {
    NotFound,
    Unauthenticated,
    Forbidden,
    Invalid,
    Conflict,
    RateLimited,
    TooFast,
    Unavailable,
    Transport,
}

impl TryFrom<ErrorReply> for ApiError {
    type Error = String;

    fn try_from(reply: ErrorReply) -> Result<Self, String> {
        fn needed<T>(value: Option<T>, field: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{field}`"))
        }
        Ok(match reply.kind {
            ErrorKind::NotFound => Self::NotFound,
            ErrorKind::Unauthenticated => Self::Unauthenticated,
            ErrorKind::Forbidden => Self::Forbidden,
            ErrorKind::Invalid => Self::Invalid {
                fields: needed(reply.fields, "fields")?,
            },
            ErrorKind::Conflict => Self::Conflict {
                message: needed(reply.message, "message")?,
            },
            ErrorKind::RateLimited => Self::RateLimited {
                minutes: needed(reply.minutes, "minutes")?,
            },
            ErrorKind::TooFast => Self::TooFast {
                message: needed(reply.message, "message")?,
                retry_after: needed(reply.retry_after, "retry_after")?,
            },
            ErrorKind::Unavailable => Self::Unavailable,
            ErrorKind::Transport => Self::Transport {
                message: needed(reply.message, "message")?,
            },
        })
    }
}

impl ApiError {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid {
            fields: vec![FieldError {
                field: field.into(),
                message: message.into(),
            }],
        }
    }

    /// The HTTP status that answers this error (for a server function's
    /// reply and for a page whose data failed to load).
    pub fn status(&self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::Invalid { .. } => 422,
            Self::Conflict { .. } => 409,
            Self::RateLimited { .. } | Self::TooFast { .. } => 429,
            Self::Unavailable => 500,
            Self::Transport { .. } => 400,
        }
    }

    /// Logs the internal cause on the server and hides it from the browser.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, cause: impl fmt::Display) -> Self {
        tracing::error!(%cause, "{context}");
        Self::Unavailable
    }
}

/// Every database error reaches the browser as `Unavailable`, whatever it
/// was: `?` converts it here, and the cause is logged with the place in the
/// code where it arose. A refusal to end a deadlock is noted, so the write
/// can be made again (`ssr::again`).
#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for ApiError {
    #[track_caller]
    fn from(cause: sea_orm::DbErr) -> Self {
        let at = std::panic::Location::caller();
        if crate::ssr::again::note(&cause) {
            tracing::warn!(%cause, %at, "database refused a write to end a wait");
        } else {
            tracing::error!(%cause, %at, "database error");
        }
        Self::Unavailable
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => f.write_str("Not found."),
            Self::Unauthenticated => f.write_str("Please sign in."),
            Self::Forbidden => f.write_str("You are not allowed to do that."),
            Self::Invalid { fields } => {
                let messages: Vec<_> = fields.iter().map(|e| e.message.as_str()).collect();
                write!(f, "Please check your input: {}", messages.join("; "))
            }
            Self::Conflict { message } | Self::TooFast { message, .. } => f.write_str(message),
            Self::RateLimited { minutes } => write!(
                f,
                "Too many attempts. For your security, please wait {minutes} minute{} and try again.",
                if *minutes == 1 { "" } else { "s" }
            ),
            Self::Unavailable => {
                f.write_str("The portal could not finish this just now. Please try again.")
            }
            Self::Transport { message } => write!(f, "Could not reach the portal: {message}"),
        }
    }
}

impl ApiError {
    /// What a person reads of this error, in `locale`; `Display` gives the
    /// same words in English (for logs and tests). Conflicts and waits
    /// already carry their message in the reader's language.
    pub fn text(&self, locale: crate::i18n::Locale) -> String {
        match self {
            Self::NotFound => locale.t("api-error-not-found"),
            Self::Unauthenticated => locale.t("api-error-unauthenticated"),
            Self::Forbidden => locale.t("api-error-forbidden"),
            Self::Invalid { fields } => {
                let messages: Vec<_> = fields.iter().map(|e| e.message.as_str()).collect();
                locale.t_with(
                    "api-error-invalid",
                    &[("problem", messages.join("; ").into())],
                )
            }
            Self::Conflict { message } | Self::TooFast { message, .. } => message.clone(),
            Self::RateLimited { minutes } => {
                locale.t_with("api-error-rate-limited", &[("minutes", (*minutes).into())])
            }
            Self::Unavailable => locale.t("api-error-unavailable"),
            Self::Transport { message } => locale.t_with(
                "api-error-transport",
                &[("problem", message.as_str().into())],
            ),
        }
    }
}

impl std::error::Error for ApiError {}

/// Gathers what is wrong with a form while it is parsed, so every bad field is
/// reported at once, in the order the fields were checked.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// The value if `result` is good; otherwise notes its message for `field`.
    pub fn keep<T, E: fmt::Display>(
        &mut self,
        field: impl Into<String>,
        result: Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }

    pub fn add(&mut self, field: impl Into<String>, message: impl fmt::Display) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.to_string(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_error(self) -> ApiError {
        ApiError::Invalid { fields: self.0 }
    }
}

impl ApiError {
    /// The message for one form field, if this error names it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            Self::Invalid { fields } => fields
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone()),
            _ => None,
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport {
            message: value.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn every_kind() -> Vec<ApiError> {
        vec![
            ApiError::NotFound,
            ApiError::Unauthenticated,
            ApiError::Forbidden,
            ApiError::Invalid {
                fields: vec![
                    FieldError {
                        field: "a".into(),
                        message: "One.".into(),
                    },
                    FieldError {
                        field: "b".into(),
                        message: "Two.".into(),
                    },
                ],
            },
            ApiError::Conflict {
                message: "Moved.".into(),
            },
            ApiError::RateLimited { minutes: 1 },
            ApiError::RateLimited { minutes: 15 },
            ApiError::TooFast {
                message: "Wait.".into(),
                retry_after: 30,
            },
            ApiError::Unavailable,
            ApiError::Transport {
                message: "offline".into(),
            },
        ]
    }

    #[test]
    fn every_kind_reads_back_as_it_was_written() {
        for error in every_kind() {
            let json = serde_json::to_string(&error).unwrap();
            let read: ApiError = serde_json::from_str(&json).unwrap();
            assert_eq!(read, error, "{json}");
            // And in the compact encoding of page data.
            let bytes = postcard::to_allocvec(&error).unwrap();
            let read: ApiError = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(read, error, "{bytes:?}");
        }
        // The kind, with its fields beside it.
        let json = serde_json::to_value(ApiError::TooFast {
            message: "Wait.".into(),
            retry_after: 30,
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "too_fast", "message": "Wait.", "retry_after": 30})
        );
        assert_eq!(
            serde_json::to_value(ApiError::NotFound).unwrap(),
            serde_json::json!({"kind": "not_found"})
        );
    }

    #[test]
    fn a_reply_that_is_no_error_of_ours_is_refused() {
        for json in [
            r#"{"kind": "conflict"}"#,
            r#"{"kind": "too_fast", "message": "Wait."}"#,
            r#"{"kind": "invalid", "message": "x"}"#,
            r#"{"kind": "rate_limited", "minutes": "many"}"#,
            r#"{"kind": "teapot"}"#,
            r#"{"message": "x"}"#,
            r#""not_found""#,
        ] {
            assert!(serde_json::from_str::<ApiError>(json).is_err(), "{json}");
        }
        // Fields of another kind are no matter, as before.
        let read: ApiError =
            serde_json::from_str(r#"{"kind": "forbidden", "minutes": 3}"#).unwrap();
        assert_eq!(read, ApiError::Forbidden);
    }

    proptest::proptest! {
        #[test]
        fn any_error_reads_back_as_it_was_written(
            message in ".*",
            field in "[a-z_]{0,12}",
            minutes in proptest::num::i64::ANY,
            retry_after in proptest::num::u64::ANY,
            kind in 0..9usize,
        ) {
            let error = match kind {
                0 => ApiError::NotFound,
                1 => ApiError::Unauthenticated,
                2 => ApiError::Forbidden,
                3 => ApiError::Invalid { fields: vec![FieldError { field, message }] },
                4 => ApiError::Conflict { message },
                5 => ApiError::RateLimited { minutes },
                6 => ApiError::TooFast { message, retry_after },
                7 => ApiError::Unavailable,
                _ => ApiError::Transport { message },
            };
            let json = serde_json::to_string(&error).unwrap();
            let read: ApiError = serde_json::from_str(&json).unwrap();
            proptest::prop_assert_eq!(read, error);
        }
    }

    #[test]
    fn the_english_text_is_the_display() {
        for error in every_kind() {
            assert_eq!(error.text(Locale::En), error.to_string());
        }
    }

    #[test]
    fn each_language_has_its_own_words() {
        for error in every_kind() {
            let carried = matches!(error, ApiError::Conflict { .. } | ApiError::TooFast { .. });
            for locale in [Locale::Zh, Locale::De] {
                let text = error.text(locale);
                assert!(!text.is_empty());
                assert_eq!(text == error.to_string(), carried, "{locale:?}: {text}");
            }
        }
    }
}
