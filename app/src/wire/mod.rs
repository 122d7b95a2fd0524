//! What crosses between the server and the browser and is compiled for both:
//! the error every server function answers with and its per-field messages.
//! Server-side code takes these from here, never from the server functions'
//! module, so nothing below the wire layer depends on it.

pub mod error;

pub use error::{ApiError, FieldErrors};
