//! Pure business rules: value types that can only hold valid values, and the
//! decisions the portal makes about them. Nothing here touches the network, the
//! database, the clock or the UI framework, so every rule is unit-testable.

pub mod account;
pub mod approval;
pub mod at_risk;
pub mod bundles;
pub mod change_request;
pub mod change_workflow;
pub mod company;
pub mod complaints;
pub mod credit;
pub mod dates;
pub mod device;
pub mod files;
pub mod glance;
pub mod hs_code;
#[cfg(test)]
mod input_bounds;
pub mod kept_pages;
pub mod kpi;
pub mod letter_of_credit;
pub mod limits;
pub mod messages;
pub mod numbers;
pub mod order_edit;
pub mod order_input;
pub mod order_status;
pub mod paging;
pub mod passwords;
pub mod payments;
pub mod policy;
pub mod progress;
pub mod proxies;
pub mod quotation;
pub mod recipients;
pub mod refusal;
pub mod session;
pub mod shipping;
pub mod slip;
pub mod terms;
pub mod throttle;
pub mod time_zone;
pub mod trade_documents;
pub mod two_factor;
