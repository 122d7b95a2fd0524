//! Use cases: what a person can do with the portal, one module per area and
//! one file per large use case. Each takes the application state and the
//! signed-in person, parses the input, checks the policy, applies the domain
//! rules and writes through one unit of work; it returns the DTOs of
//! `crate::wire`. The server functions in `crate::api` only load the actor
//! and call one of these. Server-only: never part of the WASM build.

pub mod admin;
pub mod alerts;
pub mod areas;
pub mod auth;
pub mod changes;
pub mod complaints;
pub mod files;
pub mod line_fields;
pub mod mail;
pub mod messages;
pub mod news;
pub mod notifications;
pub mod order_desk;
pub mod orders;
pub mod oversight;
pub mod portal;
pub mod progress;
pub mod quotations;
pub mod sessions;
pub mod shipping;
pub mod workspace;
