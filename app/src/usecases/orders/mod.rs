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

use crate::i18n::Locale;
use crate::ssr::entities::order_line;
use crate::wire::ApiError;

/// The value of an order's lines in minor units (saturating: a sum beyond
/// the range shows as the largest value rather than failing the page).
pub fn order_value(lines: &[order_line::Model]) -> i64 {
    lines.iter().fold(0i64, |sum, l| {
        sum.saturating_add(l.quantity.saturating_mul(l.unit_price_minor))
    })
}

/// Someone wrote to the order after the viewer loaded it, in the viewer's
/// `locale`.
pub fn stale_order(locale: Locale) -> ApiError {
    ApiError::Conflict {
        message: locale.t("err-order-stale"),
    }
}
