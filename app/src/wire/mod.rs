//! What crosses between the server and the browser and is compiled for both:
//! the DTOs and form inputs of every area, the error every server function
//! answers with and its per-field messages.
//! Server-side code takes these from here, never from the server functions'
//! module, so nothing below the wire layer depends on it.

pub mod admin;
pub mod alerts;
pub mod areas;
pub mod auth;
pub mod changes;
pub mod compact;
pub mod complaints;
pub mod error;
pub mod glance;
pub mod live;
pub mod mail;
pub mod messages;
pub mod notifications;
pub mod orders;
pub mod oversight;
pub mod portal;
pub mod progress;
pub mod quotations;
pub mod sessions;
pub mod shipping;
pub mod two_factor;
pub mod workspace;

pub use error::{ApiError, FieldErrors};
