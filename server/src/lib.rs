//! The portal server: configuration, start-up (database, migrations, demo data,
//! routes, background jobs), request middleware, and mail transports.
//! `main.rs` is a thin wrapper so the integration tests can start the same
//! application in-process.

/// The allocator the portal's binaries install (`#[global_allocator]`):
/// rendering a page is many small allocations, which mimalloc serves
/// faster than the system's (measured in `BENCHMARKS.md`).
pub type Allocator = mimalloc::MiMalloc;

/// The allocator's value, for `static ALLOCATOR: Allocator = ALLOCATOR`.
pub const ALLOCATOR: Allocator = mimalloc::MiMalloc;

pub mod bundle_files;
pub mod config;
pub mod db;
pub mod deflated;
pub mod exports;
pub mod files;
pub mod jobs;
pub mod kept_pages;
pub mod limits;
pub mod live;
pub mod mail;
pub mod middleware;
pub mod routes;
pub mod secrets;
pub mod seed;
pub mod startup;
pub mod telemetry;
