//! The portal server: configuration, start-up (database, migrations, demo data,
//! routes, background jobs), request middleware, and mail transports.
//! `main.rs` is a thin wrapper so the integration tests can start the same
//! application in-process.

pub mod config;
pub mod db;
pub mod exports;
pub mod files;
pub mod jobs;
pub mod limits;
pub mod live;
pub mod mail;
pub mod middleware;
pub mod routes;
pub mod secrets;
pub mod seed;
pub mod startup;
pub mod telemetry;
