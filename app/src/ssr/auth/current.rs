//! The signed-in user of the current request. The session middleware resolves
//! the cookie once per request and stores the result in the request's
//! extensions; server functions and page renders read it from there.

use axum::http::request::Parts;
use leptos::prelude::with_context;

use crate::domain::account::Role;
use crate::domain::policy::Actor;
use crate::wire::ApiError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentUser {
    pub session_id: i32,
    pub user_id: i32,
    pub company_id: i32,
    pub company_name: String,
    /// The city of the person's company, shown on their area's start page.
    pub company_city: String,
    pub role: Role,
    pub email: String,
    pub display_name: String,
    /// The language the person reads the portal in.
    pub locale: crate::i18n::Locale,
    /// The zone the person reads times in.
    pub time_zone: crate::domain::time_zone::Zone,
}

impl CurrentUser {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id,
            company_id: self.company_id,
            role: self.role,
        }
    }

    /// The part of the book that is the person's own whole view: their
    /// customer's or factory's; `None` for the house, which sees it all.
    pub fn own_part(&self) -> Option<crate::domain::kept_pages::Scope> {
        crate::domain::kept_pages::own_part(self.role, self.company_id)
    }
}

/// The client's address as seen by the server (for throttling and the audit log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddr(pub String);

/// Reads the request's head where it is, without copying it (a page reads
/// it from many of its parts).
fn with_head<R>(read: impl FnOnce(&Parts) -> R) -> Option<R> {
    with_context::<Parts, _>(read)
}

pub fn current_user() -> Option<CurrentUser> {
    with_head(|parts| parts.extensions.get::<CurrentUser>().cloned()).flatten()
}

/// The language of the person reading this response: the signed-in
/// person's choice, else the first language of the browser's
/// `Accept-Language` that has a catalogue, else English.
pub fn request_locale() -> crate::i18n::Locale {
    with_head(locale_of).unwrap_or_default()
}

/// [`request_locale`] of a request's head.
pub fn locale_of(parts: &Parts) -> crate::i18n::Locale {
    if let Some(user) = parts.extensions.get::<CurrentUser>() {
        return user.locale;
    }
    parts
        .headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(crate::i18n::Locale::from_accept_language)
        .unwrap_or_default()
}

/// The signed-in user, or `Unauthenticated`.
pub fn require_user() -> Result<CurrentUser, ApiError> {
    current_user().ok_or(ApiError::Unauthenticated)
}

pub fn client_addr() -> Option<String> {
    with_head(|parts| {
        parts
            .extensions
            .get::<ClientAddr>()
            .map(|addr| addr.0.clone())
    })
    .flatten()
}

/// A short name of the requesting browser and system, from its
/// `User-Agent` header (see `domain::device`), for the session list.
pub fn client_device() -> Option<String> {
    with_head(|parts| {
        let header = parts.headers.get(axum::http::header::USER_AGENT)?;
        crate::domain::device::device_name(&String::from_utf8_lossy(header.as_bytes()))
    })
    .flatten()
}

impl From<CurrentUser> for crate::wire::auth::SessionUser {
    fn from(user: CurrentUser) -> Self {
        crate::wire::auth::SessionUser {
            user_id: user.user_id,
            company_id: user.company_id,
            company_name: user.company_name,
            role: user.role,
            display_name: user.display_name,
            email: user.email,
            locale: user.locale,
            time_zone: user.time_zone.name().to_string(),
        }
    }
}
