//! Sales orders for customers (their own) and the trading house (all): the
//! list, the customer's glance over them, one order with its lines, three
//! dates and timeline, the whole timeline a page at a time, status moves,
//! and new orders entered by sales staff.

mod create;
mod detail;
mod glance;
mod lines;
mod list;
mod status;
mod timeline;

mod contract;
pub use create::create;
pub use detail::get;
pub use glance::glance;
pub use lines::{ParsedLine, Terms, line_view, parse_line, parse_terms, with_progress};
pub use list::{customers, list};
pub use status::move_status;
pub use timeline::timeline;

use crate::domain::kept_pages::Scope;
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{order, order_line};
use crate::ssr::repo::orders::{self, OrderScope};
use crate::wire::ApiError;

/// An order with its lines, as its viewer may see it.
pub struct SeenOrder {
    pub order: order::Model,
    pub lines: Vec<order_line::Model>,
}

/// Order `id` with its lines, if `user` may see it; any other is not
/// found. Kept between writes under the order's part (`read_cache`): the
/// order page's view and its shipping panel both start from it, and the
/// first visit after a write reads it once for both.
pub async fn seen(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
) -> Result<std::sync::Arc<SeenOrder>, ApiError> {
    state
        .kept_part("orders/seen", user, Some(Scope::Order(id)), id, || async {
            let scope = OrderScope::of_user(user)?;
            // Only shown, outside any transaction: on SQLite the read-only
            // pool, so it neither waits for nor holds up the writing
            // connection.
            let db = &state.reports;
            let order = orders::find(db, scope, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            let lines = orders::lines_of(db, &[id]).await?;
            Ok(std::sync::Arc::new(SeenOrder { order, lines }))
        })
        .await
}

/// The names of these customers as `user` sees them: the viewer's own
/// company's (a customer's, on each of its orders) from its session, as
/// companies are never renamed; only the others are read.
async fn customer_names(
    db: &impl sea_orm::ConnectionTrait,
    user: &CurrentUser,
    ids: impl IntoIterator<Item = i32>,
) -> Result<std::collections::HashMap<i32, String>, ApiError> {
    let others = ids.into_iter().filter(|id| *id != user.company_id);
    let mut names = crate::ssr::repo::companies::names_of(db, others).await?;
    names.insert(user.company_id, user.company_name.clone());
    Ok(names)
}

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
