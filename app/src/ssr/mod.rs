//! Server-only code: the shared application state, authentication, database
//! entities, repository queries, the audit log, the mail outbox (and the
//! sign-in links it carries), file storage and PDF rendering. Compiled only
//! with the `ssr` feature, so none of it (nor sea-orm) reaches the browser.

pub mod again;
pub mod alerts;
pub mod audit;
pub mod auth;
pub mod bundles;
pub mod clock;
pub mod entities;
pub mod guard;
pub mod links;
pub mod live;
pub mod notify;
pub mod outbox;
pub mod pdf;
pub mod production;
pub mod read_cache;
pub mod repo;
mod state;
pub mod storage;
pub mod work;

pub use state::{AppState, Settings, Shared};

use crate::wire::ApiError;

/// The application state provided to every server function and page render.
pub fn app_state() -> Result<AppState, ApiError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| ApiError::internal("app state", "AppState missing from context"))
}

/// The state and the signed-in person, as every use case for people who
/// have signed in begins; 401 for anyone else.
pub fn signed_in() -> Result<(AppState, auth::CurrentUser), ApiError> {
    let user = auth::require_user()?;
    Ok((app_state()?, user))
}

/// Maps a database error to the browser-safe error, logging the cause.
pub fn db_error(context: &'static str) -> impl Fn(sea_orm::DbErr) -> ApiError {
    move |e| ApiError::internal(context, e)
}
