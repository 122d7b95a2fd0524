//! Limits every request passes: how long it may take to be answered, and
//! how fast a signed-in person may send writes (`domain::limits` holds the
//! rules; this applies them to requests).

use app::domain::limits::{Allowance, WriteKind, WriteRates, retry_after_seconds, write_kind};
use app::i18n::Locale;
use app::ssr::AppState;
use app::ssr::auth::CurrentUser;
use app::wire::ApiError;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// Uploads, downloads and exports move whole files before they answer;
/// they may take this long however short the ordinary limit is.
pub const TRANSFER_TIMEOUT: Duration = Duration::from_secs(600);

/// How long a request to `path` may take until its answer starts. Only the
/// time until the response's head counts: the live stream (`/api/live`)
/// answers at once and then streams for minutes, bounded by its own
/// lifetime, so the ordinary limit covers only its catch-up.
fn timeout_for(method: &Method, path: &str, ordinary: Duration) -> Duration {
    let transfer = (*method == Method::POST && path == "/files")
        || (*method == Method::GET
            && (path.starts_with("/files/") || path.starts_with("/exports/")));
    if transfer {
        TRANSFER_TIMEOUT.max(ordinary)
    } else {
        ordinary
    }
}

/// The language of the person a request turned out to be from, filled in
/// once the session is resolved (`middleware::resolve_session`), which
/// happens inside the time limit: a request that runs out of time is
/// answered in that person's language, or else in the browser's.
#[derive(Clone, Default)]
pub struct ReaderLocale(Arc<std::sync::OnceLock<Locale>>);

impl ReaderLocale {
    /// Notes the signed-in person's language (the first one noted stays).
    pub fn note(&self, locale: Locale) {
        let _ = self.0.set(locale);
    }
}

/// Answers 503 when a request has not been answered in time, instead of
/// leaving the browser (and a connection, and perhaps a database
/// connection) hanging. The work is dropped with its future, so a
/// transaction that was still open rolls back.
pub async fn request_timeout(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let limit = timeout_for(
        req.method(),
        req.uri().path(),
        state.settings.request_timeout,
    );
    let server_function = req.uri().path().starts_with("/api/");
    let browser_locale = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Locale::from_accept_language)
        .unwrap_or_default();
    let reader = ReaderLocale::default();
    req.extensions_mut().insert(reader.clone());
    let uri = req.uri().clone();
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(%uri, seconds = limit.as_secs(), "request timed out");
            let locale = reader.0.get().copied().unwrap_or(browser_locale);
            timed_out(server_function, locale)
        }
    }
}

fn timed_out(server_function: bool, locale: Locale) -> Response {
    if server_function {
        // The browser's server-function client reads the body as an
        // `ApiError` and shows its usual "try again".
        let body = serde_json::to_string(&ApiError::Unavailable).unwrap_or_default();
        (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("{}\n", locale.t("request-timed-out")),
        )
            .into_response()
    }
}

/// Each signed-in person's write allowance, kept in memory: per instance,
/// so behind a load balancer a person gets one allowance per instance, and
/// a restart forgives everyone. That is enough to stop a loop; a limit
/// across instances would need the database on every write.
#[derive(Clone)]
pub struct WriteGate {
    state: AppState,
    rates: WriteRates,
    allowances: Arc<Mutex<HashMap<i32, Allowance>>>,
}

/// Above this many people in the map, full allowances are forgotten.
const FORGET_ABOVE: usize = 1024;

impl WriteGate {
    pub fn new(state: AppState) -> Self {
        let rates = state.settings.write_rates;
        Self {
            state,
            rates,
            allowances: Arc::default(),
        }
    }

    /// Takes one write of `kind` from `user_id`'s allowance, or says how
    /// many milliseconds until it could.
    fn take(&self, user_id: i32, kind: WriteKind) -> Result<(), i64> {
        let now = self.state.now().timestamp_millis();
        let mut allowances = self
            .allowances
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if allowances.len() > FORGET_ABOVE {
            allowances.retain(|_, allowance| !allowance.is_full(now));
        }
        let current = allowances.get(&user_id).copied().unwrap_or_default();
        let next = current.take(kind, self.rates, now)?;
        allowances.insert(user_id, next);
        Ok(())
    }
}

/// What a request counts as against its sender's allowance: a server
/// function by its name, an upload as a write; everything else (pages,
/// downloads, the live stream) not at all.
fn write_of(method: &Method, path: &str) -> Option<WriteKind> {
    if *method != Method::POST {
        return None;
    }
    match path.strip_prefix("/api/") {
        Some(endpoint) => write_kind(endpoint),
        None => (path == "/files").then_some(WriteKind::Ordinary),
    }
}

/// Counts every write of a signed-in person and answers 429, with
/// `Retry-After` and a message in their language, once their allowance is
/// spent. Anonymous requests are not counted here: signing in and asking
/// for a reset link have their own throttles in the database.
pub async fn limit_writes(State(gate): State<WriteGate>, req: Request, next: Next) -> Response {
    let kind = write_of(req.method(), req.uri().path());
    let server_function = req.uri().path().starts_with("/api/");
    let person = req
        .extensions()
        .get::<CurrentUser>()
        .map(|user| (user.user_id, user.locale));
    let (Some(kind), Some((user_id, locale))) = (kind, person) else {
        return next.run(req).await;
    };
    match gate.take(user_id, kind) {
        Ok(()) => next.run(req).await,
        Err(wait_ms) => {
            tracing::warn!(user_id, uri = %req.uri(), "writes too fast; refused");
            too_fast(server_function, locale, wait_ms)
        }
    }
}

fn too_fast(server_function: bool, locale: Locale, wait_ms: i64) -> Response {
    let seconds = retry_after_seconds(wait_ms);
    let message = locale.t_with("rate-limited", &[("minutes", seconds.div_ceil(60).into())]);
    let mut response = if server_function {
        let error = ApiError::TooFast {
            message,
            retry_after: seconds,
        };
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "application/json")],
            serde_json::to_string(&error).unwrap_or_default(),
        )
            .into_response()
    } else {
        (StatusCode::TOO_MANY_REQUESTS, format!("{message}\n")).into_response()
    };
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfers_get_longer_and_the_rest_the_ordinary_limit() {
        let ordinary = Duration::from_secs(30);
        assert_eq!(
            timeout_for(&Method::POST, "/files", ordinary),
            TRANSFER_TIMEOUT
        );
        assert_eq!(
            timeout_for(&Method::GET, "/files/12", ordinary),
            TRANSFER_TIMEOUT
        );
        assert_eq!(
            timeout_for(&Method::GET, "/exports/orders.csv", ordinary),
            TRANSFER_TIMEOUT
        );
        for (method, path) in [
            (Method::GET, "/api/live"),
            (Method::POST, "/api/orders/list"),
            (Method::GET, "/customer/orders/4"),
            (Method::POST, "/files/12"),
        ] {
            assert_eq!(timeout_for(&method, path, ordinary), ordinary, "{path}");
        }
        let generous = Duration::from_secs(3600);
        assert_eq!(timeout_for(&Method::POST, "/files", generous), generous);
    }

    #[test]
    fn server_function_writes_and_uploads_are_counted() {
        assert_eq!(
            write_of(&Method::POST, "/api/changes/request"),
            Some(WriteKind::Mail)
        );
        assert_eq!(
            write_of(&Method::POST, "/api/orders/move"),
            Some(WriteKind::Ordinary)
        );
        assert_eq!(write_of(&Method::POST, "/files"), Some(WriteKind::Ordinary));
        assert_eq!(write_of(&Method::POST, "/api/orders/list"), None);
        assert_eq!(write_of(&Method::GET, "/api/live"), None);
        assert_eq!(write_of(&Method::GET, "/files/3"), None);
        assert_eq!(write_of(&Method::POST, "/customer"), None);
    }
}
