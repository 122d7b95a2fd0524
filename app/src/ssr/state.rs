//! State shared by every request: the database pool and the site options.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::{DatabaseBackend, DatabaseConnection};

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
}

impl AppState {
    pub fn backend_name(&self) -> &'static str {
        match self.db.get_database_backend() {
            DatabaseBackend::Sqlite => "SQLite",
            DatabaseBackend::Postgres => "PostgreSQL",
            _ => "SQL",
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
