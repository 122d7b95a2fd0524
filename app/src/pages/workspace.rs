//! The sales desk's workspace: the at-risk board (live), the KPIs of a
//! period with their definitions, charts and CSV exports, and a factory's own
//! scorecard in its area.

use crate::components::data::load;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::workspace::{
    AlertCount, BoardRow, KpiReport, ParetoTable, Scorecard, at_risk_board, get_kpis, get_scorecard,
};
use crate::components::chart::{Bar, BarChart};
use crate::components::guard::AreaGuard;
use crate::components::guard::use_locale;
use crate::components::live::use_live_tick;
use crate::domain::kpi::{DelayRow, Rate, RiskReason, Spread};
use crate::domain::order_input::format_minor;
use crate::domain::policy::Area;

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_else(|| "—".into())
}

fn spread_text(spread: Spread, unit: &str) -> String {
    match (spread.median, spread.p90) {
        (Some(m), Some(p)) => format!(
            "median {m} {unit}, 90 % within {p} {unit} ({} cases)",
            spread.count
        ),
        _ => "no data".to_string(),
    }
}

/// Every open line at risk, grouped by its most urgent reason; refreshes when
/// any order changes.
#[component]
pub fn BoardPage() -> impl IntoView {
    let tick = use_live_tick(None);
    let board = load(move || tick.get(), |_| at_risk_board());
    view! {
        <Title text="At-risk board" />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>"At-risk board"</h1>
                <p class="definition">
                    "Open order lines (confirmed, in production or ready) that are overdue (committed date passed, not ready), slipping (forecast after the committed date), waiting for a change decision, waiting for a factory to acknowledge a change, or whose factory has not reported lately. Most urgent first; the board updates by itself."
                </p>
                <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        match board.await {
                            Ok(rows) if rows.is_empty() => view! { <p id="board-empty">"Nothing is at risk."</p> }.into_any(),
                            Ok(rows) => view! { <BoardGroups rows /> }.into_any(),
                            Err(e) => view! { <p class="form-error">{e.to_string()}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </AreaGuard>
    }
}

#[component]
fn BoardGroups(rows: Vec<BoardRow>) -> impl IntoView {
    view! {
        <div id="board">
            {RiskReason::ALL.into_iter().filter_map(|reason| {
                let mine: Vec<BoardRow> = rows.iter().filter(|r| r.reasons.first() == Some(&reason)).cloned().collect();
                (!mine.is_empty()).then(|| view! {
                    <div class="board-group" data-reason=format!("{reason:?}").to_lowercase()>
                        <h2>{format!("{} ({})", reason.label(), mine.len())}</h2>
                        <div class="table-scroll">
                            <table>
                                <thead><tr>
                                    <th>"Order"</th><th>"Customer"</th><th>"Line"</th><th>"Product"</th>
                                    <th>"Committed"</th><th>"Forecast"</th><th>"Late by"</th><th>"Also"</th>
                                </tr></thead>
                                <tbody>
                                    {mine.into_iter().map(|r| {
                                        let key = format!("{}-{}", r.order_number, r.line_no);
                                        let number = r.order_number.clone();
                                        view! {
                                        <tr data-board-line=key>
                                            <td><A href=format!("/staff/orders/{}", r.order_id)>{number}</A></td>
                                            <td>{r.customer_name.clone()}</td>
                                            <td>{r.line_no}</td>
                                            <td>{r.product_code.clone()}</td>
                                            <td>{date_text(r.committed)}</td>
                                            <td>{date_text(r.forecast)}</td>
                                            <td class="slip">{if r.slip_days > 0 { format!("{} d", r.slip_days) } else { "—".to_string() }}</td>
                                            <td>{r.reasons.iter().skip(1).map(|x| x.label()).collect::<Vec<_>>().join(", ")}</td>
                                        </tr>
                                    }}).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </div>
                })
            }).collect_view()}
        </div>
    }
}

/// The KPIs of a period, chosen with a plain form so the address (and the
/// CSV links) carry it.
#[component]
pub fn KpiPage() -> impl IntoView {
    let query = use_query_map();
    let period = move || {
        let q = query.read();
        (q.get("from"), q.get("to"))
    };
    let report = load(period, |(from, to)| get_kpis(from, to));
    view! {
        <Title text="KPIs" />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>"KPIs"</h1>
                <Transition fallback=|| view! { <p class="muted">"Computing…"</p> }>
                    {move || Suspend::new(async move {
                        match report.await {
                            Ok(report) => view! { <KpiView report /> }.into_any(),
                            Err(e) => view! {
                                <form method="get" class="filters">
                                    <label>"From" <input type="date" name="from" /></label>
                                    <label>"To" <input type="date" name="to" /></label>
                                    <button type="submit" class="button">"Show"</button>
                                </form>
                                <p class="form-error">{e.to_string()}</p>
                            }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </AreaGuard>
    }
}

fn percent(rate: Rate) -> f64 {
    rate.percent().unwrap_or(0.0)
}

#[component]
fn KpiView(report: KpiReport) -> impl IntoView {
    let range = format!("from={}&to={}", report.from, report.to);
    let csv = move |table: &str| format!("/exports/kpi/{table}.csv?{range}");
    view! {
        <form method="get" class="filters" id="kpi-period">
            <label>"From" <input type="date" name="from" value=report.from.to_string() /></label>
            <label>"To" <input type="date" name="to" value=report.to.to_string() /></label>
            <button type="submit" class="button">"Show"</button>
        </form>
        <p class="muted">{format!("{} to {} · computed in {} ms", report.from, report.to, report.elapsed_ms)}</p>
        <KpiFigures report=report.clone() />
        <AlertCounts alerts=report.alerts.clone() csv=csv("alerts") />
        <SupplierScorecards scorecards=report.scorecards.clone() csv=csv("scorecards") />
        <QuotationFigures report=report.clone() />
        <CustomerPareto pareto=report.pareto.clone() csv=csv("customers") />
        <ProfitPareto pareto=report.profit_pareto.clone() />
        <DelayRates products=report.worst_products.clone() suppliers=report.worst_suppliers.clone() csv=csv("products") />
        <crate::pages::workspace_complaints::ComplaintKpis figures=report.complaints.clone() />
    }
}

/// The four headline figures with their definitions.
#[component]
fn KpiFigures(report: KpiReport) -> impl IntoView {
    view! {
        <div class="kpi-grid" id="kpis">
            <div class="kpi" id="kpi-cycle">
                <h2>"Order cycle time"</h2>
                <p class="figure">{spread_text(report.cycle_days, "days")}</p>
                <p class="definition">"Days from confirmation to shipping, for orders shipped in the period."</p>
            </div>
            <div class="kpi" id="kpi-on-time">
                <h2>"On-time delivery"</h2>
                <p class="figure">{report.on_time.text()}</p>
                <p class="definition">{format!(
                    "Lines of orders shipped in the period (the day the order was marked shipped) on or before their committed date (never the forecast). Lines without a committed date are not counted ({} this period).",
                    report.unmeasured
                )}</p>
            </div>
            <div class="kpi" id="kpi-turnaround">
                <h2>"Change-request turnaround"</h2>
                <p class="figure">{spread_text(report.turnaround_hours, "hours")}</p>
                <p class="definition">"Hours from a customer's request to the house's decision (approve, reject or counter), for requests decided in the period."</p>
            </div>
            <div class="kpi" id="kpi-suppliers">
                <h2>"Supplier on-time"</h2>
                <p class="figure">{report.supplier_on_time.text()}</p>
                <p class="definition">"Factory lines first reported ready in the period on or before their committed ready date."</p>
            </div>
        </div>
    }
}

/// How the house answers inquiries: time to quote, time in approval, wins.
#[component]
fn QuotationFigures(report: KpiReport) -> impl IntoView {
    view! {
        <div class="kpi-grid" id="kpi-quotations">
            <div class="kpi" id="kpi-quote-time">
                <h2>"Inquiry to quotation"</h2>
                <p class="figure">{spread_text(report.inquiry_to_quote_hours, "hours")}</p>
                <p class="definition">{format!(
                    "Hours from a customer's inquiry to the first quotation sent for it, for inquiries made in the period; {} of them not quoted yet.",
                    report.unquoted
                )}</p>
            </div>
            <div class="kpi" id="kpi-approval-time">
                <h2>"Approval lead time"</h2>
                <p class="figure">{spread_text(report.approval_hours, "hours")}</p>
                <p class="definition">"Hours from submitting a quotation to its last approval, for quotations submitted in the period that were approved at every step."</p>
            </div>
            <div class="kpi" id="kpi-win-rate">
                <h2>"Quotation win rate"</h2>
                <p class="figure">{report.win_rate.text()}</p>
                <p class="definition">"Quotations accepted, of those the customers accepted or declined in the period or let expire in it; open, withdrawn and replaced ones do not count."</p>
            </div>
        </div>
    }
}

#[component]
fn AlertCounts(alerts: Vec<AlertCount>, csv: String) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <h2>"Alerts by kind"</h2>
        <p class="definition">"Alert mails queued in the period, by kind (alerts held for a daily digest count once sent)."</p>
        <table id="kpi-alerts">
            <thead><tr><th>"Kind"</th><th>"Mails"</th></tr></thead>
            <tbody>
                {alerts.iter().map(|a| view! { <tr><td>{locale.t(&a.label)}</td><td>{a.count}</td></tr> }).collect_view()}
            </tbody>
        </table>
        <p><a href=csv rel="external">"Download as CSV"</a></p>
    }
}

#[component]
fn SupplierScorecards(scorecards: Vec<Scorecard>, csv: String) -> impl IntoView {
    let scorecard_bars: Vec<Bar> = scorecards
        .iter()
        .map(|c| Bar {
            label: c.name.clone(),
            value: percent(c.on_time),
            text: c
                .on_time
                .percent()
                .map(|p| format!("{p:.0} %"))
                .unwrap_or_else(|| "no data".into()),
        })
        .collect();
    view! {
        <h2>"Supplier scorecards"</h2>
        <p class="definition">"On time: lines first ready in the period by their committed ready date; average days late over the late ones; fresh: open lines reported on within the staleness window, as of today; acknowledgement: hours to acknowledge a change asked in the period, and changes still waiting."</p>
        <BarChart id="chart-suppliers" title="Supplier on-time rate".to_string() axis="On time (%)".to_string() bars=scorecard_bars max=100.0 />
        <div class="table-scroll">
            <table id="kpi-scorecards">
                <thead><tr><th>"Factory"</th><th>"On time"</th><th>"Avg days late"</th><th>"Fresh"</th><th>"Acknowledgement"</th><th>"Waiting"</th><th>{move || use_locale().get().t("scorecard-quality")}</th></tr></thead>
                <tbody>
                    {scorecards.iter().map(|c| view! {
                        <tr>
                            <td>{c.name.clone()}</td>
                            <td>{c.on_time.text()}</td>
                            <td>{c.average_days_late.map(|d| format!("{d:.1}")).unwrap_or_else(|| "—".into())}</td>
                            <td>{c.fresh.text()}</td>
                            <td>{spread_text(c.acknowledgement, "h")}</td>
                            <td>{c.waiting}</td>
                            <td class="quality">{c.complaints.text()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p><a href=csv rel="external">"Download as CSV"</a></p>
    }
}

#[component]
fn CustomerPareto(pareto: Vec<ParetoTable>, csv: String) -> impl IntoView {
    view! {
        <h2>"Customers: who makes 80 % of revenue"</h2>
        <p class="definition">"Value of the orders confirmed in the period (quantity × unit price), per currency, largest first; the vital few are the customers the first 80 % comes from."</p>
        <ParetoTables pareto id="chart-pareto" what="revenue" />
        <p><a href=csv rel="external">"Download as CSV"</a></p>
    }
}

/// The same ranking by profit.
#[component]
fn ProfitPareto(pareto: Vec<ParetoTable>) -> impl IntoView {
    view! {
        <h2>"Customers: who makes 80 % of profit"</h2>
        <p class="definition">"Profit of the orders confirmed in the period that came from a costed quotation: per line, quantity × (selling price − the factory's price), per currency, largest first. Orders entered without a quotation carry no purchase price and are not counted."</p>
        <div id="kpi-profit">
            <ParetoTables pareto id="chart-profit" what="profit" />
        </div>
    }
}

/// One table and bar chart per currency.
#[component]
fn ParetoTables(pareto: Vec<ParetoTable>, id: &'static str, what: &'static str) -> impl IntoView {
    view! {
        {pareto.iter().map(|table| {
            let bars: Vec<Bar> = table.rows.iter().map(|r| Bar {
                label: r.name.clone(),
                value: r.share,
                text: format!("{:.1} %", r.share),
            }).collect();
            view! {
                <h3>{table.currency.clone()}</h3>
                <BarChart id=id title=format!("Share of {what}, {}", table.currency) axis="Share (%)".to_string() bars max=100.0 />
                <div class="table-scroll">
                    <table class="kpi-pareto">
                        <thead><tr><th>"Customer"</th><th>{if what == "profit" { "Profit" } else { "Revenue" }}</th><th>"Share"</th><th>"Cumulative"</th><th>"Vital few"</th></tr></thead>
                        <tbody>
                            {table.rows.iter().map(|r| view! {
                                <tr>
                                    <td>{r.name.clone()}</td>
                                    <td>{format!("{} {}", format_minor(r.value), table.currency)}</td>
                                    <td>{format!("{:.1} %", r.share)}</td>
                                    <td>{format!("{:.1} %", r.cumulative)}</td>
                                    <td>{if r.vital { "yes" } else { "" }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        }).collect_view()}
    }
}

/// Products and factories with the highest share of late lines; the CSV
/// link is for the products.
#[component]
fn DelayRates(products: Vec<DelayRow>, suppliers: Vec<DelayRow>, csv: String) -> impl IntoView {
    let product_bars: Vec<Bar> = products
        .iter()
        .map(|d| Bar {
            label: d.name.clone(),
            value: percent(d.rate()),
            text: format!(
                "{:.0} % late ({} of {})",
                percent(d.rate()),
                d.late,
                d.total
            ),
        })
        .collect();
    view! {
        <h2>"Highest delay rates"</h2>
        <p class="definition">"Products: lines shipped in the period after their committed date, of lines shipped with one (at least two lines). Factories: lines ready after their committed ready date."</p>
        <BarChart id="chart-products" title="Products shipped late".to_string() axis="Late (%)".to_string() bars=product_bars max=100.0 />
        <div class="table-scroll">
            <table id="kpi-products">
                <thead><tr><th>"Product"</th><th>"Late"</th><th>"Lines"</th><th>"Rate"</th></tr></thead>
                <tbody>
                    {products.iter().map(|d| view! {
                        <tr><td>{d.name.clone()}</td><td>{d.late}</td><td>{d.total}</td><td>{d.rate().text()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p><a href=csv rel="external">"Download as CSV"</a></p>
        <div class="table-scroll">
            <table id="kpi-worst-suppliers">
                <thead><tr><th>"Factory"</th><th>"Late"</th><th>"Lines"</th><th>"Rate"</th></tr></thead>
                <tbody>
                    {suppliers.iter().map(|d| view! {
                        <tr><td>{d.name.clone()}</td><td>{d.late}</td><td>{d.total}</td><td>{d.rate().text()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A factory's own scorecard, in its language.
#[component]
pub fn OwnScorecard() -> impl IntoView {
    let locale = use_locale();
    let card = load(|| (), |_| get_scorecard(None));
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                card.await.ok().map(|c: Scorecard| view! {
                    <section class="factory-scorecard" id="scorecard">
                        <h2>{move || locale.get().t("scorecard-title")}</h2>
                        <dl class="facts">
                            <dt>{move || locale.get().t("scorecard-on-time")}</dt><dd>{c.on_time.text()}</dd>
                            <dt>{move || locale.get().t("scorecard-days-late")}</dt><dd>{c.average_days_late.map(|d| format!("{d:.1}")).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move || locale.get().t("scorecard-fresh")}</dt><dd>{c.fresh.text()}</dd>
                            <dt>{move || locale.get().t("scorecard-acknowledgement")}</dt><dd>{spread_text(c.acknowledgement, "h")}</dd>
                            <dt>{move || locale.get().t("scorecard-quality")}</dt><dd id="scorecard-quality">{c.complaints.text()}</dd>
                        </dl>
                        <p class="definition">{move || locale.get().t("scorecard-definition")}</p>
                    </section>
                })
            })}
        </Transition>
    }
}
