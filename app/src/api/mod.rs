//! Server functions and the DTOs they exchange with the browser, one file per
//! area. Bodies stay thin: load the actor, parse input, check policy, apply a
//! domain rule, write in one transaction, return a DTO. Database models never
//! leave the server; only the plain structs defined here cross the wire.

pub mod admin;
pub mod alerts;
pub mod areas;
pub mod auth;
pub mod changes;
pub mod complaints;
pub mod mail;
pub mod messages;
pub mod notifications;
pub mod order_desk;
pub mod orders;
pub mod oversight;
pub mod portal;
pub mod progress;
pub mod quotations;
pub mod sessions;
pub mod shipping;
pub mod two_factor;
pub mod workspace;

pub use crate::wire::{ApiError, FieldErrors};
