//! Repository functions: every query the server functions need, one module per
//! table group. Tenant-scoped reads take the actor's company so a forgotten
//! policy check still cannot return another company's rows.

pub mod changes;
pub mod companies;
pub mod complaint_kpi;
pub mod credit;
pub mod files;
pub mod fulfilment;
pub mod glance;
pub mod kpi;
pub mod notifications;
pub mod orders;
pub mod progress;
pub mod purchase_orders;
pub mod quotations;
pub mod quote_kpi;
pub mod throttles;
pub mod tokens;
pub mod two_factor;
pub mod users;
