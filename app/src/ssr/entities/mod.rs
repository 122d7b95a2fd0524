//! sea-orm entities, one per table. They mirror `migrations/` and never leave
//! the server: server functions map them to DTOs.

pub mod account_token;
pub mod approval_step;
pub mod audit_log;
pub mod change_request;
pub mod company;
pub mod credit_standing;
pub mod digest_item;
pub mod file;
pub mod house_rule;
pub mod inquiry;
pub mod inquiry_line;
pub mod instalment;
pub mod letter_of_credit;
pub mod login_throttle;
pub mod order;
pub mod order_event;
pub mod order_line;
pub mod order_mute;
pub mod outbox;
pub mod payment;
pub mod payment_allocation;
pub mod po_line;
pub mod po_line_change;
pub mod po_line_link;
pub mod progress_update;
pub mod purchase_order;
pub mod quotation;
pub mod quotation_line;
pub mod session;
pub mod shipment;
pub mod shipment_container;
pub mod shipment_line;
pub mod trade_document;
pub mod user;
pub mod values;
