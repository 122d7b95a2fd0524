//! The staff workspace: the at-risk board, the KPIs of a period and the
//! supplier scorecards (a factory reads its own). Figures come from
//! aggregates in the database (`ssr::repo::kpi`) turned into numbers by the
//! definitions in `domain::kpi`.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::kpi::{DelayRow, ParetoRow, Rate, RiskReason, Spread};

/// One factory's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub supplier_id: i32,
    pub name: String,
    /// Lines first ready in the period on or before their committed ready date.
    pub on_time: Rate,
    /// Average days late over the lines that were late.
    pub average_days_late: Option<f64>,
    /// Open lines reported on within the staleness window.
    pub fresh: Rate,
    /// Hours to acknowledge a change (acknowledged ones), in the period.
    pub acknowledgement: Spread,
    /// Changes still waiting for acknowledgement.
    pub waiting: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertCount {
    pub kind: String,
    pub label: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParetoTable {
    pub currency: String,
    pub rows: Vec<ParetoRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub cycle_days: Spread,
    pub on_time: Rate,
    /// Lines shipped without a committed date (not in `on_time`).
    pub unmeasured: u64,
    pub turnaround_hours: Spread,
    pub alerts: Vec<AlertCount>,
    pub scorecards: Vec<Scorecard>,
    pub supplier_on_time: Rate,
    pub pareto: Vec<ParetoTable>,
    pub worst_products: Vec<DelayRow>,
    pub worst_suppliers: Vec<DelayRow>,
    /// How long the server took to compute the report.
    pub elapsed_ms: u64,
}

/// A line on the at-risk board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardRow {
    pub order_id: i32,
    pub order_number: String,
    pub customer_name: String,
    pub line_no: i32,
    pub product_code: String,
    pub committed: Option<NaiveDate>,
    pub forecast: Option<NaiveDate>,
    pub slip_days: i64,
    pub reasons: Vec<RiskReason>,
}

#[cfg(feature = "ssr")]
pub mod server {
    use chrono::{Duration, NaiveDate};
    use sea_orm::DbErr;

    use super::{AlertCount, BoardRow, KpiReport, ParetoTable, Scorecard};
    use crate::api::ApiError;
    use crate::domain::kpi::{
        DelayRow, LineFacts, Rate, cycle_time, pareto, risks, turnaround_hours, urgency,
        worst_delays,
    };
    use crate::domain::slip::AlertKind;
    use crate::ssr::AppState;
    use crate::ssr::repo::companies;
    use crate::ssr::repo::kpi::{self, Period};

    /// The period asked for: `from`..=`to`, by default the 90 days up to today.
    pub fn period(
        from: Option<String>,
        to: Option<String>,
        today: NaiveDate,
    ) -> Result<Period, ApiError> {
        let mut problems = crate::api::FieldErrors::default();
        let mut parse = |field: &str, raw: Option<String>| match raw.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => problems
                .keep(
                    field,
                    crate::domain::dates::parse_day(text).ok_or("Use a date like 2027-03-31."),
                )
                .map(Some)
                .unwrap_or(None),
        };
        let to_date = parse("to", to);
        let from_date = parse("from", from);
        if !problems.is_empty() {
            return Err(problems.into_error());
        }
        let to = to_date.unwrap_or(today);
        let from = from_date.unwrap_or(to - Duration::days(89));
        if from > to {
            return Err(ApiError::invalid(
                "from",
                "The period starts after it ends.",
            ));
        }
        if (to - from).num_days() > 3660 {
            return Err(ApiError::invalid(
                "from",
                "Choose a period of at most ten years.",
            ));
        }
        Ok(Period { from, to })
    }

    /// Every factory's scorecard (or one factory's) for the period.
    pub async fn scorecards(
        state: &AppState,
        period: Period,
        supplier: Option<i32>,
    ) -> Result<Vec<Scorecard>, DbErr> {
        let db = &state.reports;
        let stale_since = state.now() - Duration::days(i64::from(state.settings.stale_after_days));
        // Independent reads: on a large book they overlap on the pool's
        // connections instead of queueing.
        let (ready, fresh, acks, names) = tokio::try_join!(
            kpi::readiness_by_supplier(db, period, supplier),
            kpi::freshness_by_supplier(db, stale_since, supplier),
            kpi::acknowledgements(db, period, supplier),
            companies::all(db),
        )?;
        let mut cards: Vec<Scorecard> = names
            .iter()
            .filter(|c| c.kind == "supplier" && supplier.is_none_or(|s| s == c.id))
            .map(|c| {
                let (total, late, days) = ready
                    .iter()
                    .find(|r| r.0 == c.id)
                    .map(|r| (r.1, r.2, r.3))
                    .unwrap_or_default();
                let (open, reported) = fresh
                    .iter()
                    .find(|r| r.0 == c.id)
                    .map(|r| (r.1, r.2))
                    .unwrap_or_default();
                let mine: Vec<_> = acks.iter().filter(|a| a.0 == c.id).collect();
                // Speed over the changes asked in the period; waiting counts
                // every change still open, however old.
                let answered: Vec<_> = mine
                    .iter()
                    .filter(|(_, asked, _)| *asked >= period.start())
                    .filter_map(|(_, asked, done)| Some((*asked, (*done)?)))
                    .collect();
                Scorecard {
                    supplier_id: c.id,
                    name: c.name.clone(),
                    on_time: Rate {
                        hits: total - late,
                        total,
                    },
                    average_days_late: (late > 0).then(|| days as f64 / late as f64),
                    fresh: Rate {
                        hits: reported,
                        total: open,
                    },
                    acknowledgement: turnaround_hours(&answered),
                    waiting: mine.iter().filter(|a| a.2.is_none()).count() as u64,
                }
            })
            .collect();
        cards.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(cards)
    }

    pub async fn report(state: &AppState, period: Period) -> Result<KpiReport, DbErr> {
        let started = std::time::Instant::now();
        let db = &state.reports;
        // Independent reads, overlapping on the pool's connections.
        let (shipped, products, decided, mails, scorecards, names, revenue) = tokio::try_join!(
            kpi::shipped_orders(db, period),
            kpi::delivery_by_product(db, period),
            kpi::decided_requests(db, period),
            kpi::mails_by_kind(db, period),
            scorecards(state, period, None),
            companies::all(db),
            kpi::revenue_by_customer(db, period),
        )?;
        let cycle = cycle_time(&shipped);
        let on_time = products.iter().fold(Rate::default(), |acc, p| Rate {
            hits: acc.hits + (p.committed - p.late),
            total: acc.total + p.committed,
        });
        let unmeasured = products.iter().map(|p| p.unmeasured).sum();
        let turnaround = turnaround_hours(&decided);
        let alerts = mails
            .into_iter()
            .filter_map(|(kind, count)| {
                let alert = AlertKind::parse(&kind)?;
                Some(AlertCount {
                    label: alert.label().to_string(),
                    kind,
                    count,
                })
            })
            .collect();
        let supplier_on_time = scorecards.iter().fold(Rate::default(), |acc, c| Rate {
            hits: acc.hits + c.on_time.hits,
            total: acc.total + c.on_time.total,
        });
        let name_of = |id: i32| {
            names
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        };
        let mut currencies: Vec<String> = revenue.iter().map(|r| r.1.clone()).collect();
        currencies.sort();
        currencies.dedup();
        let pareto_tables = currencies
            .into_iter()
            .map(|currency| ParetoTable {
                rows: pareto(
                    revenue
                        .iter()
                        .filter(|r| r.1 == currency)
                        .map(|r| (name_of(r.0), r.2))
                        .collect(),
                ),
                currency,
            })
            .collect();
        let worst_products = worst_delays(
            products
                .into_iter()
                .map(|p| DelayRow {
                    name: p.product,
                    late: p.late,
                    total: p.committed,
                })
                .collect(),
            2,
            10,
        );
        let worst_suppliers = worst_delays(
            scorecards
                .iter()
                .map(|c| DelayRow {
                    name: c.name.clone(),
                    late: c.on_time.total - c.on_time.hits,
                    total: c.on_time.total,
                })
                .collect(),
            1,
            10,
        );
        Ok(KpiReport {
            from: period.from,
            to: period.to,
            cycle_days: cycle,
            on_time,
            unmeasured,
            turnaround_hours: turnaround,
            alerts,
            scorecards,
            supplier_on_time,
            pareto: pareto_tables,
            worst_products,
            worst_suppliers,
            elapsed_ms: started.elapsed().as_millis() as u64,
        })
    }

    /// The at-risk board on `today`: most urgent first.
    pub async fn board(state: &AppState) -> Result<Vec<BoardRow>, DbErr> {
        use crate::domain::change_request::ChangeStatus;
        use crate::domain::progress::Milestone;
        use crate::ssr::entities::{change_request, order, order_line, po_line_change};
        use crate::ssr::repo::purchase_orders;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

        let db = &state.reports;
        let now = state.now();
        let today = now.date_naive();
        let stale_before = now - Duration::days(i64::from(state.settings.stale_after_days));
        let ids = kpi::board_candidates(db, today, stale_before).await?;
        let lines = order_line::Entity::find()
            .filter(order_line::Column::Id.is_in(ids.iter().copied()))
            .all(db)
            .await?;
        let orders = order::Entity::find()
            .filter(order::Column::Id.is_in(lines.iter().map(|l| l.order_id)))
            .all(db)
            .await?;
        let waiting = change_request::Entity::find()
            .filter(change_request::Column::OrderId.is_in(orders.iter().map(|o| o.id)))
            .filter(change_request::Column::Status.eq(ChangeStatus::Open.as_str()))
            .all(db)
            .await?;
        let placed = purchase_orders::placed_lines(db, &ids).await?;
        let unacknowledged = po_line_change::Entity::find()
            .filter(po_line_change::Column::PoLineId.is_in(placed.iter().map(|p| p.line.id)))
            .filter(po_line_change::Column::AcknowledgedAt.is_null())
            .all(db)
            .await?;
        let names = companies::all(db).await?;
        let mut rows: Vec<(BoardRow, LineFacts)> = Vec::new();
        for line in &lines {
            let Some(order) = orders.iter().find(|o| o.id == line.order_id) else {
                continue;
            };
            let behind: Vec<_> = placed
                .iter()
                .filter(|p| p.order_line_id == line.id)
                .collect();
            let facts = LineFacts {
                committed: line.committed_date,
                forecast: line.forecast_date,
                ready: !behind.is_empty()
                    && behind
                        .iter()
                        .all(|p| Milestone::parse(&p.line.milestone).is_some_and(|m| m.ready())),
                change_waiting: waiting.iter().any(|c| c.order_id == order.id),
                change_unacknowledged: behind
                    .iter()
                    .any(|p| unacknowledged.iter().any(|c| c.po_line_id == p.line.id)),
                factory_stale: behind.iter().any(|p| {
                    p.po.status == "open"
                        && !Milestone::parse(&p.line.milestone).is_some_and(|m| m.ready())
                        && p.line.last_progress_at.unwrap_or(p.po.created_at) < stale_before
                }),
            };
            let reasons = risks(&facts, today);
            if reasons.is_empty() {
                continue;
            }
            let slip_days = match (facts.committed, facts.forecast) {
                (Some(c), Some(f)) => (f - c).num_days().max(0),
                _ => 0,
            };
            rows.push((
                BoardRow {
                    order_id: order.id,
                    order_number: order.number.clone(),
                    customer_name: names
                        .iter()
                        .find(|c| c.id == order.customer_company_id)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                    line_no: line.line_no,
                    product_code: line.product_code.clone(),
                    committed: line.committed_date,
                    forecast: line.forecast_date,
                    slip_days,
                    reasons,
                },
                facts,
            ));
        }
        rows.sort_by_key(|(row, facts)| (urgency(&row.reasons, facts), row.order_id, row.line_no));
        Ok(rows.into_iter().map(|(row, _)| row).collect())
    }
}

/// The KPIs of a period (by default the last 90 days), for the house.
#[server(endpoint = "workspace/kpis")]
pub async fn get_kpis(
    #[server(default)] from: Option<String>,
    #[server(default)] to: Option<String>,
) -> Result<KpiReport, ApiError> {
    use crate::domain::policy::{Action, Area};
    use crate::ssr::{app_state, db_error, guard};
    let user = crate::ssr::auth::require_user()?;
    let state = app_state()?;
    guard::check(&state, &user, Action::EnterArea(Area::Staff), "KPIs").await?;
    let period = server::period(from, to, state.now().date_naive())?;
    server::report(&state, period)
        .await
        .map_err(db_error("computing the KPIs"))
}

/// The at-risk board, for the house.
#[server(endpoint = "workspace/board")]
pub async fn at_risk_board() -> Result<Vec<BoardRow>, ApiError> {
    use crate::domain::policy::{Action, Area};
    use crate::ssr::{app_state, db_error, guard};
    let user = crate::ssr::auth::require_user()?;
    let state = app_state()?;
    guard::check(
        &state,
        &user,
        Action::EnterArea(Area::Staff),
        "at-risk board",
    )
    .await?;
    server::board(&state)
        .await
        .map_err(db_error("loading the board"))
}

/// A factory's own scorecard over the last 90 days; the house may name any
/// factory. A factory asking for another's gets 404.
#[server(endpoint = "workspace/scorecard")]
pub async fn get_scorecard(
    #[server(default)] supplier_id: Option<i32>,
) -> Result<Scorecard, ApiError> {
    use crate::domain::account::Role;
    use crate::domain::policy::Action;
    use crate::ssr::{app_state, guard};
    let user = crate::ssr::auth::require_user()?;
    let state = app_state()?;
    // A factory means its own; the house must say which.
    let supplier = match (user.role, supplier_id) {
        (_, Some(id)) => id,
        (Role::Supplier, None) => user.company_id,
        _ => return Err(ApiError::NotFound),
    };
    guard::check(&state, &user, Action::Scorecard { supplier }, "scorecard").await?;
    let period = server::period(None, None, state.now().date_naive())?;
    server::scorecards(&state, period, Some(supplier))
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)
}
