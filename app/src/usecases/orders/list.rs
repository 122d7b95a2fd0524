//! The orders the viewer may see, a page at a time, and the customers to
//! filter them by.

// The list takes one argument per filter field.
#![allow(clippy::too_many_arguments)]

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::company::CompanyKind;
use crate::domain::dates::parse_day;
use crate::domain::limits::search_fits;
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::{Action, Area};
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::companies;
use crate::ssr::repo::orders::{self, ListedOrder, OrderFilter, OrderScope};
use crate::ssr::{AppState, guard};
use crate::wire::orders::{OrderSummary, PAGE_SIZE};
use crate::wire::{ApiError, FieldErrors};

/// Orders the viewer may see, newest first, `PAGE_SIZE` at a time: pass the
/// smallest id shown as `before_id` for the next page. Dates are `YYYY-MM-DD`.
/// Kept between writes (`read_cache`).
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    status: Option<String>,
    query: Option<String>,
    customer: Option<i32>,
    at_risk: Option<bool>,
    committed_from: Option<String>,
    committed_to: Option<String>,
    before_id: Option<i32>,
) -> Result<Vec<OrderSummary>, ApiError> {
    let args = (
        &status,
        &query,
        customer,
        at_risk,
        &committed_from,
        &committed_to,
        before_id,
    );
    let args = format!("{args:?}");
    state
        .kept_part("orders/list", user, user.own_part(), args, || async {
            read(
                state,
                user,
                status,
                query,
                customer,
                at_risk,
                committed_from,
                committed_to,
                before_id,
            )
            .await
        })
        .await
}

async fn read(
    state: &AppState,
    user: &CurrentUser,
    status: Option<String>,
    query: Option<String>,
    customer: Option<i32>,
    at_risk: Option<bool>,
    committed_from: Option<String>,
    committed_to: Option<String>,
    before_id: Option<i32>,
) -> Result<Vec<OrderSummary>, ApiError> {
    let scope = OrderScope::of_user(user)?;
    if !search_fits(query.as_deref()) {
        return Err(ApiError::invalid("query", user.locale.t("search-too-long")));
    }
    let status = parse_status(user.locale, status.as_deref())?;
    let (committed_from, committed_to) =
        parse_committed(user.locale, committed_from, committed_to)?;
    let today = state.today();
    let filter = OrderFilter {
        status,
        query,
        customer,
        at_risk_on: at_risk.unwrap_or(false).then_some(today),
        committed_from,
        committed_to,
        before_id,
        limit: PAGE_SIZE,
    };
    // Plain reads, no transaction: the read-only pool, beside other requests.
    let found = orders::list(&state.reports, scope, &filter).await?;
    summarise(state, user, found, today).await
}

/// The status asked for; empty or absent means any. An unknown one is
/// reported in `locale`.
fn parse_status(locale: Locale, raw: Option<&str>) -> Result<Option<OrderStatus>, ApiError> {
    match raw.filter(|s| !s.is_empty()) {
        Some(raw) => Ok(Some(OrderStatus::parse(raw).ok_or_else(|| {
            ApiError::invalid("status", locale.t("api-error-unknown-status"))
        })?)),
        None => Ok(None),
    }
}

/// The range of committed dates asked for, each end optional; a bad end
/// is reported in `locale`.
fn parse_committed(
    locale: Locale,
    from: Option<String>,
    to: Option<String>,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), ApiError> {
    let parse_date = |raw: Option<String>| match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse_day(text).map(Some).map_err(|e| locale.t(e.key())),
    };
    let mut problems = FieldErrors::default();
    let from = problems.keep("committed_from", parse_date(from)).flatten();
    let to = problems.keep("committed_to", parse_date(to)).flatten();
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(ApiError::invalid(
            "committed_to",
            locale.t("orders-range-backwards"),
        ));
    }
    Ok((from, to))
}

/// The found orders with their customers' names, as list rows.
async fn summarise(
    state: &AppState,
    user: &CurrentUser,
    found: Vec<ListedOrder>,
    today: NaiveDate,
) -> Result<Vec<OrderSummary>, ApiError> {
    let customers: Vec<i32> = found.iter().map(|o| o.customer_company_id).collect();
    let names = super::customer_names(&state.reports, user, customers).await?;
    Ok(found
        .into_iter()
        .map(|o| summary(o, &names, today))
        .collect())
}

/// One row of the list: the order, how many lines it has, the earliest date
/// committed among them and the worst of their badges, all from the summary
/// of its lines the order keeps (the worst badge is the one its lines'
/// badges give, `LinesSummary::worst_badge`).
fn summary(order: ListedOrder, names: &HashMap<i32, String>, today: NaiveDate) -> OrderSummary {
    let ListedOrder {
        number,
        customer_company_id,
        kept,
        ..
    } = order;
    let lines = kept.summary();
    OrderSummary {
        id: kept.id,
        number,
        customer_name: names.get(&customer_company_id).cloned().unwrap_or_default(),
        status: kept.status,
        line_count: usize::try_from(lines.lines).unwrap_or(usize::MAX),
        next_committed: lines.earliest_committed,
        badge: lines.worst_badge(today, kept.status.delivered()),
    }
}

/// The customers the trading house sells to, for the order filter.
pub async fn customers(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Vec<(i32, String)>, ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), "customer list").await?;
    Ok(companies::all(&state.db)
        .await?
        .into_iter()
        .filter(|c| c.kind == CompanyKind::Customer)
        .map(|c| (c.id, c.name))
        .collect())
}
