//! The KPIs of a period, as the house reads them and the CSV exports write
//! them.

use std::collections::HashMap;
use std::time::Instant;

use sea_orm::DbErr;

use crate::domain::complaints::{ClockResult, working_minutes_between};
use crate::domain::kpi::{
    DelayRow, Rate, cycle_time, inquiry_to_quote_hours, pareto, turnaround_hours, win_rate,
    worst_delays,
};
use crate::domain::policy::{Action, Area};
use crate::domain::slip::AlertKind;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::company;
use crate::ssr::repo::companies;
use crate::ssr::repo::complaint_kpi::ComplaintFacts;
use crate::ssr::repo::kpi::{self, Period, ProductDelivery};
use crate::ssr::repo::quote_kpi;
use crate::ssr::{AppState, db_error, guard};
use crate::wire::ApiError;
use crate::wire::workspace::{AlertCount, ComplaintFigures, KpiReport, ParetoTable, Scorecard};

/// The KPIs of a period (by default the last 90 days), for the house.
pub async fn kpis(
    state: &AppState,
    user: &CurrentUser,
    from: Option<String>,
    to: Option<String>,
) -> Result<KpiReport, ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), "KPIs").await?;
    let period = super::period(user.locale, from, to, state.today())?;
    report(state, period)
        .await
        .map_err(db_error("computing the KPIs"))
}

/// Every figure of the period, from the reporting connection.
pub async fn report(state: &AppState, period: Period) -> Result<KpiReport, DbErr> {
    let started = Instant::now();
    let db = &state.reports;
    // Independent reads, overlapping on the pool's connections.
    let (shipped, products, decided, mails, scorecards, names, revenue, profit, flow, complained) =
        tokio::try_join!(
            kpi::shipped_orders(db, period),
            kpi::delivery_by_product(db, period),
            kpi::decided_requests(db, period),
            kpi::mails_by_kind(db, period),
            super::scorecards(state, period, None),
            companies::all(db),
            kpi::revenue_by_customer(db, period),
            quote_kpi::profit_by_customer(db, period),
            quote_kpi::quotation_flow(db, period),
            crate::ssr::repo::complaint_kpi::complaints_in(db, period),
        )?;
    let clock_rules = crate::usecases::complaints::clock_rules(db)
        .await
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    let on_time = products.iter().fold(Rate::default(), |acc, p| Rate {
        hits: acc.hits + (p.committed - p.late),
        total: acc.total + p.committed,
    });
    let unmeasured = products.iter().map(|p| p.unmeasured).sum();
    let supplier_on_time = scorecards.iter().fold(Rate::default(), |acc, c| Rate {
        hits: acc.hits + c.on_time.hits,
        total: acc.total + c.on_time.total,
    });
    let worst_suppliers = worst_suppliers(&scorecards);
    let complaints = complaint_figures(&complained, &products, &scorecards, clock_rules);
    Ok(KpiReport {
        from: period.from,
        to: period.to,
        cycle_days: cycle_time(&shipped),
        on_time,
        unmeasured,
        turnaround_hours: turnaround_hours(&decided),
        alerts: alert_counts(mails),
        scorecards,
        supplier_on_time,
        pareto: pareto_tables(&revenue, &names),
        profit_pareto: pareto_tables(&profit, &names),
        inquiry_to_quote_hours: inquiry_to_quote_hours(&flow.inquiry_to_quote),
        unquoted: flow
            .inquiry_to_quote
            .iter()
            .filter(|(_, sent)| sent.is_none())
            .count() as u64,
        approval_hours: turnaround_hours(&flow.approvals),
        win_rate: win_rate(&flow.outcomes),
        complaints,
        worst_products: worst_products(products),
        worst_suppliers,
        elapsed_ms: started.elapsed().as_millis() as u64,
    })
}

/// The alert mails of the period by kind (kinds no longer sent, and
/// messages and everyday news, which are no alerts, left out).
fn alert_counts(mails: Vec<(String, u64)>) -> Vec<AlertCount> {
    mails
        .into_iter()
        .filter_map(|(kind, count)| {
            let alert = AlertKind::parse(&kind).filter(|k| k.is_slippage())?;
            Some(AlertCount {
                label: alert.label_key(),
                kind,
                count,
            })
        })
        .collect()
}

/// One Pareto table of the customers' revenue per currency, by currency.
fn pareto_tables(revenue: &[(i32, String, i64)], names: &[company::Model]) -> Vec<ParetoTable> {
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
    currencies
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
        .collect()
}

/// The products most often late against their commitment.
fn worst_products(products: Vec<ProductDelivery>) -> Vec<DelayRow> {
    worst_delays(
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
    )
}

/// The factories most often late against their committed ready dates.
fn worst_suppliers(scorecards: &[Scorecard]) -> Vec<DelayRow> {
    worst_delays(
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
    )
}

/// Complaints against what shipped, how fast they were answered and
/// remedied (in the house's working minutes, against the targets), and
/// what the remedies cost.
fn complaint_figures(
    complained: &[ComplaintFacts],
    products: &[ProductDelivery],
    scorecards: &[Scorecard],
    rules: crate::usecases::complaints::ClockRules,
) -> ComplaintFigures {
    let shipped_lines: u64 = products.iter().map(|p| p.committed + p.unmeasured).sum();
    // Complaints per product, counted once: the period can ship tens of
    // thousands of products.
    let mut per_product: HashMap<&str, u64> = HashMap::new();
    for product in complained.iter().filter_map(|f| f.product.as_deref()) {
        *per_product.entry(product).or_default() += 1;
    }
    let mut by_product: Vec<DelayRow> = products
        .iter()
        .filter_map(|p| {
            Some(DelayRow {
                name: p.product.clone(),
                late: *per_product.get(p.product.as_str())?,
                total: p.committed + p.unmeasured,
            })
        })
        .collect();
    by_product.sort_by(|a, b| b.late.cmp(&a.late).then(a.name.cmp(&b.name)));
    let mut by_factory: Vec<DelayRow> = scorecards
        .iter()
        .map(|card| DelayRow {
            name: card.name.clone(),
            late: card.complaints.hits,
            total: card.complaints.total,
        })
        .filter(|row| row.late > 0)
        .collect();
    by_factory.sort_by(|a, b| b.late.cmp(&a.late).then(a.name.cmp(&b.name)));
    let timed =
        |target: u32, stop: fn(&ComplaintFacts) -> Option<chrono::DateTime<chrono::Utc>>| {
            let results: Vec<(u32, i64)> = complained
                .iter()
                .filter_map(|f| {
                    let at = stop(f)?;
                    Some((
                        target,
                        working_minutes_between(f.row.created_at, at, &rules.hours),
                    ))
                })
                .collect();
            ClockResult::of(&results)
        };
    let first = timed(rules.targets.first_answer_minutes, |f| {
        f.row.first_answered_at
    });
    let remedy = timed(rules.targets.remedy_minutes, |f| f.row.remedy_proposed_at);
    let mut costs: Vec<(String, i64)> = Vec::new();
    for f in complained {
        if let Some(cost) = f.row.remedy_cost_minor {
            match costs.iter_mut().find(|(c, _)| *c == f.row.currency) {
                Some((_, sum)) => *sum += cost,
                None => costs.push((f.row.currency.clone(), cost)),
            }
        }
    }
    costs.sort();
    ComplaintFigures {
        rate: Rate {
            hits: complained.len() as u64,
            total: shipped_lines,
        },
        by_product,
        by_factory,
        first_answer: first.rate(),
        first_answer_median_minutes: first.median_minutes,
        remedy: remedy.rate(),
        remedy_median_minutes: remedy.median_minutes,
        remedy_costs: costs
            .into_iter()
            .map(|(currency, sum)| (currency, crate::domain::order_input::format_minor(sum)))
            .collect(),
    }
}
