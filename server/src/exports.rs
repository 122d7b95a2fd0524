//! CSV downloads: the order book (the house's, with the list's filters, or a
//! customer's own open orders) and each KPI table of a period. Files follow
//! `app::csv` (quoted where needed, UTF-8 with a byte-order mark).

use app::csv;
use app::domain::dates::{LineDates, badge};
use app::domain::kpi::{DelayRow, Rate};
use app::domain::order_input::format_minor;
use app::domain::order_status::OrderStatus;
use app::domain::policy::{Action, Area};
use app::ssr::AppState;
use app::ssr::auth::CurrentUser;
use app::ssr::entities::order_line;
use app::ssr::guard;
use app::ssr::repo::companies;
use app::ssr::repo::orders::{self, ListedOrder, OrderFilter, OrderScope};
use app::usecases::workspace::{period, report};
use app::wire::workspace::KpiReport;
use axum::extract::{Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use sea_orm::DbErr;
use serde::Deserialize;

/// The most orders one download holds.
const MAX_ORDERS: u64 = 20_000;

/// A refusal with the status every other route gives the same error.
fn refused(error: app::wire::ApiError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, format!("{error}\n")).into_response()
}

fn download(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

fn failed(e: DbErr) -> Response {
    tracing::error!(error = %e, "export failed");
    refused(app::wire::ApiError::Unavailable)
}

#[derive(Debug, Default, Deserialize)]
pub struct OrderBookQuery {
    status: Option<String>,
    q: Option<String>,
    customer: Option<i32>,
    at_risk: Option<bool>,
}

/// `GET /exports/orders.csv`: one row per order line.
pub async fn order_book(
    State(state): State<AppState>,
    Query(query): Query<OrderBookQuery>,
    req: Request,
) -> Response {
    let Some(user) = req.extensions().get::<CurrentUser>().cloned() else {
        return refused(app::wire::ApiError::Unauthenticated);
    };
    let Some(scope) = OrderScope::for_actor(&user.actor()) else {
        return refused(app::wire::ApiError::NotFound);
    };
    // Before any query: the list's own bound on search text.
    if !app::domain::limits::search_fits(query.q.as_deref()) {
        return refused(app::wire::ApiError::invalid(
            "q",
            user.locale.t("search-too-long"),
        ));
    }
    let today = state.now().date_naive();
    let house = scope == OrderScope::All;
    let filter = match book_filter(query, house, today) {
        Ok(filter) => filter,
        Err(e) => return refused(e),
    };
    let found = match all_pages(&state, scope, filter).await {
        Ok(found) => found,
        Err(e) => return failed(e),
    };
    let found: Vec<_> = found
        .into_iter()
        .filter(|o| house || !o.kept.status.is_final())
        .collect();
    let rows = match book_rows(&state, &found, today).await {
        Ok(rows) => rows,
        Err(e) => return failed(e),
    };
    download(
        &format!("orders-{today}.csv"),
        csv::document(&BOOK_COLUMNS, &rows),
    )
}

const BOOK_COLUMNS: [&str; 16] = [
    "Order",
    "Customer",
    "Status",
    "Line",
    "Product",
    "Description",
    "HS code",
    "Quantity",
    "Unit",
    "Unit price",
    "Currency",
    "Requested",
    "Committed",
    "Forecast",
    "Days late",
    "State",
];

/// Customers download their open order book; the house what its list shows.
fn book_filter(
    query: OrderBookQuery,
    house: bool,
    today: NaiveDate,
) -> Result<OrderFilter, app::wire::ApiError> {
    let status = match query.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => match OrderStatus::parse(raw) {
            Some(status) => Some(status),
            None => return Err(app::wire::ApiError::invalid("status", "Unknown status.")),
        },
    };
    Ok(OrderFilter {
        status: status.filter(|_| house),
        query: query.q.filter(|_| house),
        customer: query.customer.filter(|_| house),
        at_risk_on: (house && query.at_risk == Some(true)).then_some(today),
        limit: MAX_ORDERS,
        ..OrderFilter::default()
    })
}

/// The list reads a page at a time (newest first); the download takes
/// pages until the book ends or the cap is reached.
async fn all_pages(
    state: &AppState,
    scope: OrderScope,
    mut filter: OrderFilter,
) -> Result<Vec<ListedOrder>, DbErr> {
    let mut found = Vec::new();
    loop {
        let page = orders::list(&state.db, scope, &filter).await?;
        let Some(last) = page.last().map(|o| o.kept.id) else {
            break;
        };
        found.extend(page);
        if found.len() as u64 >= MAX_ORDERS {
            break;
        }
        filter.before_id = Some(last);
    }
    Ok(found)
}

/// One row per line of the orders found, their lines read a bounded number
/// of orders at a time.
async fn book_rows(
    state: &AppState,
    found: &[ListedOrder],
    today: NaiveDate,
) -> Result<Vec<Vec<String>>, DbErr> {
    let names = companies::all(&state.db).await?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for chunk in found.chunks(500) {
        let ids: Vec<i32> = chunk.iter().map(|o| o.kept.id).collect();
        let lines = orders::lines_of(&state.db, &ids).await?;
        for order in chunk {
            let customer = names
                .iter()
                .find(|c| c.id == order.customer_company_id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            for line in lines.iter().filter(|l| l.order_id == order.kept.id) {
                rows.push(book_row(order, &customer, line, today));
            }
        }
    }
    Ok(rows)
}

/// One line of an order, in the columns of `BOOK_COLUMNS`.
fn book_row(
    order: &ListedOrder,
    customer: &str,
    line: &order_line::Model,
    today: NaiveDate,
) -> Vec<String> {
    let status = order.kept.status;
    let dates = LineDates {
        requested: line.requested_date,
        committed: line.committed_date,
        forecast: line.forecast_date,
    };
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        order.number.clone(),
        customer.to_string(),
        status.label().to_string(),
        line.line_no.to_string(),
        line.product_code.clone(),
        line.description.clone(),
        line.hs_code.clone(),
        line.quantity.to_string(),
        line.unit.clone(),
        format_minor(line.unit_price_minor),
        order.currency.clone(),
        line.requested_date.to_string(),
        date(line.committed_date),
        date(line.forecast_date),
        dates.slip_days().to_string(),
        badge(&dates, today, status.delivered()).label().to_string(),
    ]
}

#[derive(Debug, Default, Deserialize)]
pub struct PeriodQuery {
    from: Option<String>,
    to: Option<String>,
}

/// `GET /exports/kpi/{table}.csv`: one KPI table of the period, for the house.
pub async fn kpi_table(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<PeriodQuery>,
    req: Request,
) -> Response {
    let Some(user) = req.extensions().get::<CurrentUser>().cloned() else {
        return refused(app::wire::ApiError::Unauthenticated);
    };
    if let Err(e) = guard::check(&state, &user, Action::EnterArea(Area::Staff), "KPI export").await
    {
        return refused(e);
    }
    let Some(table) = file
        .strip_suffix(".csv")
        .filter(|t| ["alerts", "scorecards", "customers", "products", "suppliers"].contains(t))
    else {
        return refused(app::wire::ApiError::NotFound);
    };
    let period = match period(user.locale, query.from, query.to, state.now().date_naive()) {
        Ok(period) => period,
        Err(e) => return refused(e),
    };
    let report = match report(&state, period).await {
        Ok(report) => report,
        Err(e) => return failed(e),
    };
    let body = match table {
        "alerts" => alerts_csv(&report),
        "scorecards" => scorecards_csv(&report),
        "customers" => customers_csv(&report),
        "products" => delays_csv(&report.worst_products),
        "suppliers" => delays_csv(&report.worst_suppliers),
        _ => return refused(app::wire::ApiError::NotFound),
    };
    download(&format!("{table}-{}-{}.csv", report.from, report.to), body)
}

/// A rate as a percent with one decimal; empty when there is nothing to
/// measure.
fn percent(rate: Rate) -> String {
    rate.percent()
        .map(|p| format!("{p:.1}"))
        .unwrap_or_default()
}

fn optional(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn alerts_csv(report: &KpiReport) -> String {
    csv::document(
        &["Kind", "Mails"],
        &report
            .alerts
            .iter()
            .map(|a| vec![app::i18n::Locale::En.t(&a.label), a.count.to_string()])
            .collect::<Vec<_>>(),
    )
}

fn scorecards_csv(report: &KpiReport) -> String {
    csv::document(
        &[
            "Factory",
            "On time %",
            "Ready lines",
            "Late lines",
            "Average days late",
            "Fresh %",
            "Open lines",
            "Acknowledgement median h",
            "Acknowledgement p90 h",
            "Waiting",
        ],
        &report
            .scorecards
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    percent(c.on_time),
                    c.on_time.total.to_string(),
                    (c.on_time.total - c.on_time.hits).to_string(),
                    c.average_days_late
                        .map(|d| format!("{d:.1}"))
                        .unwrap_or_default(),
                    percent(c.fresh),
                    c.fresh.total.to_string(),
                    optional(c.acknowledgement.median),
                    optional(c.acknowledgement.p90),
                    c.waiting.to_string(),
                ]
            })
            .collect::<Vec<_>>(),
    )
}

/// Each currency's customers by revenue (the Pareto tables).
fn customers_csv(report: &KpiReport) -> String {
    csv::document(
        &[
            "Currency",
            "Customer",
            "Revenue",
            "Share %",
            "Cumulative %",
            "Vital few",
        ],
        &report
            .pareto
            .iter()
            .flat_map(|t| {
                t.rows.iter().map(|r| {
                    vec![
                        t.currency.clone(),
                        r.name.clone(),
                        format_minor(r.value),
                        format!("{:.1}", r.share),
                        format!("{:.1}", r.cumulative),
                        if r.vital { "yes" } else { "no" }.to_string(),
                    ]
                })
            })
            .collect::<Vec<_>>(),
    )
}

/// The worst products or suppliers by late lines.
fn delays_csv(list: &[DelayRow]) -> String {
    csv::document(
        &["Name", "Late", "Lines", "Late %"],
        &list
            .iter()
            .map(|d| {
                vec![
                    d.name.clone(),
                    d.late.to_string(),
                    d.total.to_string(),
                    percent(d.rate()),
                ]
            })
            .collect::<Vec<_>>(),
    )
}
