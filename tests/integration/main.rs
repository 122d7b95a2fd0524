//! The portal's integration tests: one binary, one module per feature. Each
//! test starts the real application with `spawn_app()` on a fresh database.

mod browser_landing;
mod health;
mod landing;
mod migrations;
mod seed;
