//! Server-only code: the shared application state, database entities and the
//! repository functions that query them. Compiled only with the `ssr` feature,
//! so none of it (nor sea-orm) reaches the browser bundle.

pub mod entities;
pub mod repo;
mod state;

pub use state::AppState;

use crate::api::ApiError;

/// The application state provided to every server function and page render.
pub fn app_state() -> Result<AppState, ApiError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| ApiError::internal("app state", "AppState missing from context"))
}
