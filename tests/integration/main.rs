//! The portal's integration tests: one binary, one module per feature. Each
//! test starts the real application with `spawn_app()` on a fresh database.

mod access;
mod alerts;
mod auth;
mod browser_alerts;
mod browser_changes;
mod browser_complaints;
mod browser_landing;
mod browser_layout;
mod browser_messages;
mod browser_orders;
mod browser_progress;
mod browser_quotations;
mod browser_roles;
mod browser_shipping;
mod browser_workspace;
mod changes;
mod complaints;
mod crash;
mod documents_pdf;
mod files;
mod health;
mod input_bounds;
mod invitations;
mod landing;
mod messages;
mod migrations;
mod order_desk;
mod orders;
mod progress;
mod quotations;
mod security;
mod seed;
mod shipping;
mod storage;
mod workspace;
