//! Sales orders for customers (their own) and the trading house (all): the
//! list, the customer's glance over them, one order with its lines, three
//! dates and timeline, status moves, and new orders entered by sales staff.

mod create;
mod detail;
mod glance;
mod lines;
mod list;
mod status;

mod contract;
pub use create::create;
pub use detail::get;
pub use glance::glance;
pub use lines::{ParsedLine, Terms, delivered, line_view, parse_line, parse_terms, with_progress};
pub use list::{customers, list};
pub use status::move_status;

use crate::ssr::entities::order_line;
use crate::wire::ApiError;

/// The value of an order's lines in minor units (saturating: a sum beyond
/// the range shows as the largest value rather than failing the page).
pub fn order_value(lines: &[order_line::Model]) -> i64 {
    lines.iter().fold(0i64, |sum, l| {
        sum.saturating_add(l.quantity.saturating_mul(l.unit_price_minor))
    })
}

/// Someone wrote to the order after the viewer loaded it.
pub fn stale_order() -> ApiError {
    ApiError::Conflict {
        message: "Someone changed this order since you opened it. Reload to see the change, then try again.".to_string(),
    }
}
