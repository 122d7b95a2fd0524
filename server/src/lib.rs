//! The portal server: configuration, start-up (database, migrations, demo data,
//! routes), and the routes that live outside the Leptos app. `main.rs` is a thin
//! wrapper so the integration tests can start the same application in-process.

pub mod config;
pub mod db;
pub mod routes;
pub mod seed;
pub mod startup;
pub mod telemetry;
