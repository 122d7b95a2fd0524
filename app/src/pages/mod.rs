//! One module per page, grouped by the area of the portal it belongs to.

pub mod landing;
pub mod not_found;
