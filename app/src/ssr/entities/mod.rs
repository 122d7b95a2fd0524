//! sea-orm entities, one per table. They mirror `migrations/` and never leave
//! the server: server functions map them to DTOs.

pub mod account_token;
pub mod audit_log;
pub mod company;
pub mod login_throttle;
pub mod outbox;
pub mod session;
pub mod user;
