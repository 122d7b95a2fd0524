//! One module per page, grouped by the area of the portal it belongs to.

pub mod areas;
pub mod auth;
pub mod change_request;
pub mod changes;
pub mod landing;
pub mod mail;
pub mod order_desk;
pub mod order_list;
pub mod orders;
pub mod people;
pub mod supplier;
pub mod workspace;
