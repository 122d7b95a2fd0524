//! One module per page, grouped by the area of the portal it belongs to.

pub mod areas;
pub mod auth;
pub mod change_request;
pub mod changes;
pub mod complaint_settings;
pub mod complaints;
pub mod confirmation;
pub mod customer_quotation;
pub mod inquiries;
pub mod landing;
pub mod mail;
pub mod notifications;
pub mod order_desk;
pub mod order_list;
pub mod orders;
pub mod oversight;
pub mod people;
pub mod quotation;
pub mod quotation_form;
pub mod quotation_panels;
pub mod quote_desk;
pub mod quote_words;
pub mod shipping;
pub mod supplier;
pub mod workspace;
pub mod workspace_complaints;
