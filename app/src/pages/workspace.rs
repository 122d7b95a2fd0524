//! The sales desk's workspace: the at-risk board (live), the KPIs of a
//! period with their definitions, charts and CSV exports, and a factory's own
//! scorecard in its area.

use crate::components::data::load;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::workspace::{
    AlertCount, BoardGroup, BoardRow, KpiReport, ParetoTable, Scorecard, at_risk_board, get_kpis,
    get_scorecard,
};
use crate::components::chart::{Bar, BarChart};
use crate::components::guard::AreaGuard;
use crate::components::guard::use_locale;
use crate::components::live::use_live_tick;
use crate::domain::at_risk::{BOARD_SHOWN, RiskReason};
use crate::domain::kpi::{DelayRow, Rate, Spread};
use crate::domain::order_input::format_minor;
use crate::domain::policy::Area;
use crate::i18n::Locale;

/// A duration's median and 90th percentile in `unit` (`days`, `hours` or
/// `h`), or no data.
pub(crate) fn spread_text(locale: Locale, spread: Spread, unit: &str) -> String {
    match (spread.median, spread.p90) {
        (Some(m), Some(p)) => locale.t_with(
            &format!("kpi-spread-{unit}"),
            &[
                ("median", m.into()),
                ("p90", p.into()),
                ("count", spread.count.into()),
            ],
        ),
        _ => locale.t("kpi-no-data"),
    }
}

/// "75.0 % (3 of 4)", or no data when there is nothing to measure.
pub(crate) fn rate_text(locale: Locale, rate: Rate) -> String {
    match rate.percent() {
        Some(p) => locale.t_with(
            "kpi-rate",
            &[
                ("percent", format!("{p:.1}").into()),
                ("hits", rate.hits.into()),
                ("total", rate.total.into()),
            ],
        ),
        None => locale.t("kpi-no-data"),
    }
}

fn risk_label(locale: Locale, reason: RiskReason) -> String {
    locale.t(match reason {
        RiskReason::Overdue => "ws-risk-overdue",
        RiskReason::Slipping => "ws-risk-slipping",
        RiskReason::AwaitingDecision => "ws-risk-awaiting-decision",
        RiskReason::ChangeNotAcknowledged => "ws-risk-change-not-acknowledged",
        RiskReason::Stale => "ws-risk-stale",
    })
}

/// Every open line at risk, grouped by its most urgent reason, each group's
/// most urgent lines first and the rest on asking (`?all=<reason>`);
/// refreshes when any order changes.
#[component]
pub fn BoardPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let tick = use_live_tick(None);
    let query = use_query_map();
    let full = move || {
        query
            .read()
            .get("all")
            .and_then(|code| RiskReason::from_code(&code))
    };
    let board = load(
        move || (tick.get(), full()),
        |(_, full)| at_risk_board(full),
    );
    view! {
        <Title text=locale.t("ws-board-title") />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>{locale.t("ws-board-title")}</h1>
                <p class="definition">{locale.t("ws-board-definition")}</p>
                <Transition fallback=move || view! { <p class="muted">{locale.t("oversight-loading")}</p> }>
                    {move || Suspend::new(async move {
                        match board.await {
                            Ok(board) if board.groups.is_empty() => view! { <p id="board-empty">{locale.t("ws-board-empty")}</p> }.into_any(),
                            Ok(board) => view! {
                                {board.capped_at.map(|limit| view! {
                                    <p id="board-capped" class="notice">
                                        {locale.t_with("ws-board-capped", &[("limit", limit.into())])}
                                    </p>
                                })}
                                <BoardGroups groups=board.groups locale />
                            }.into_any(),
                            Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </section>
        </AreaGuard>
    }
}

#[component]
fn BoardGroups(groups: Vec<BoardGroup>, locale: Locale) -> impl IntoView {
    view! {
        <div id="board">
            {groups.into_iter().map(|group| {
                let reason = group.reason;
                let shown = group.rows.len();
                let more = (shown < group.total).then(|| view! {
                    <p class="board-more">
                        {locale.t_with("ws-board-showing", &[("shown", shown.into()), ("total", group.total.into())])}
                        " "
                        <A href=format!("/staff/board?all={}", reason.code())>
                            {locale.t_with("ws-board-show-all", &[("total", group.total.into())])}
                        </A>
                    </p>
                });
                let fewer = (group.total > BOARD_SHOWN && shown == group.total).then(|| view! {
                    <p class="board-more">
                        <A href="/staff/board">{locale.t("ws-board-show-fewer")}</A>
                    </p>
                });
                view! {
                    <div class="board-group" data-reason=reason.code()>
                        <h2>{format!("{} ({})", risk_label(locale, reason), group.total)}</h2>
                        <div class="table-scroll">
                            <table>
                                <thead><tr>
                                    <th>{locale.t("ws-col-order")}</th><th>{locale.t("ws-col-customer")}</th>
                                    <th>{locale.t("ws-col-line")}</th><th>{locale.t("ws-col-product")}</th>
                                    <th>{locale.t("ws-col-committed")}</th><th>{locale.t("ws-col-forecast")}</th>
                                    <th>{locale.t("ws-col-late-by")}</th><th>{locale.t("ws-col-also")}</th>
                                </tr></thead>
                                <tbody>
                                    {group.rows.into_iter().map(|r| view! { <BoardLine r locale /> }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        {more}
                        {fewer}
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn BoardLine(r: BoardRow, locale: Locale) -> impl IntoView {
    let key = format!("{}-{}", r.order_number, r.line_no);
    let slip = if r.slip_days > 0 {
        locale.t_with("ws-slip-days", &[("days", r.slip_days.into())])
    } else {
        "—".to_string()
    };
    let also = r
        .reasons
        .iter()
        .skip(1)
        .map(|x| risk_label(locale, *x))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <tr data-board-line=key>
            <td><A href=format!("/staff/orders/{}", r.order_id)>{r.order_number}</A></td>
            <td>{r.customer_name}</td>
            <td>{r.line_no}</td>
            <td>{r.product_code}</td>
            <td>{locale.date_or_dash(r.committed)}</td>
            <td>{locale.date_or_dash(r.forecast)}</td>
            <td class="slip">{slip}</td>
            <td>{also}</td>
        </tr>
    }
}

/// The KPIs of a period, chosen with a plain form so the address (and the
/// CSV links) carry it.
#[component]
pub fn KpiPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let query = use_query_map();
    let period = move || {
        let q = query.read();
        (q.get("from"), q.get("to"))
    };
    let report = load(period, |(from, to)| get_kpis(from, to));
    view! {
        <Title text=locale.t("kpi-title") />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>{locale.t("kpi-title")}</h1>
                <Transition fallback=move || view! { <p class="muted">{locale.t("kpi-computing")}</p> }>
                    {move || Suspend::new(async move {
                        match report.await {
                            Ok(report) => view! { <KpiView report /> }.into_any(),
                            Err(e) => view! {
                                <form method="get" class="filters">
                                    <label>{locale.t("kpi-from")} <input type="date" name="from" /></label>
                                    <label>{locale.t("kpi-to")} <input type="date" name="to" /></label>
                                    <button type="submit" class="button">{locale.t("kpi-show")}</button>
                                </form>
                                <p class="form-error">{e.text(locale)}</p>
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
    let locale = use_locale().get_untracked();
    let range = format!("from={}&to={}", report.from, report.to);
    let csv = move |table: &str| format!("/exports/kpi/{table}.csv?{range}");
    let computed = locale.t_with(
        "kpi-period-computed",
        &[
            ("from", report.from.to_string().into()),
            ("to", report.to.to_string().into()),
            ("ms", report.elapsed_ms.into()),
        ],
    );
    view! {
        <form method="get" class="filters" id="kpi-period">
            <label>{locale.t("kpi-from")} <input type="date" name="from" value=report.from.to_string() /></label>
            <label>{locale.t("kpi-to")} <input type="date" name="to" value=report.to.to_string() /></label>
            <button type="submit" class="button">{locale.t("kpi-show")}</button>
        </form>
        <p class="muted">{computed}</p>
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
    let locale = use_locale().get_untracked();
    view! {
        <div class="kpi-grid" id="kpis">
            <div class="kpi" id="kpi-cycle">
                <h2>{locale.t("kpi-cycle-title")}</h2>
                <p class="figure">{spread_text(locale, report.cycle_days, "days")}</p>
                <p class="definition">{locale.t("kpi-cycle-definition")}</p>
            </div>
            <div class="kpi" id="kpi-on-time">
                <h2>{locale.t("kpi-on-time-title")}</h2>
                <p class="figure">{rate_text(locale, report.on_time)}</p>
                <p class="definition">{locale.t_with("kpi-on-time-definition", &[("count", report.unmeasured.into())])}</p>
            </div>
            <div class="kpi" id="kpi-turnaround">
                <h2>{locale.t("kpi-turnaround-title")}</h2>
                <p class="figure">{spread_text(locale, report.turnaround_hours, "hours")}</p>
                <p class="definition">{locale.t("kpi-turnaround-definition")}</p>
            </div>
            <div class="kpi" id="kpi-suppliers">
                <h2>{locale.t("kpi-supplier-title")}</h2>
                <p class="figure">{rate_text(locale, report.supplier_on_time)}</p>
                <p class="definition">{locale.t("kpi-supplier-definition")}</p>
            </div>
        </div>
    }
}

/// How the house answers inquiries: time to quote, time in approval, wins.
#[component]
fn QuotationFigures(report: KpiReport) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <div class="kpi-grid" id="kpi-quotations">
            <div class="kpi" id="kpi-quote-time">
                <h2>{locale.t("kpi-quote-time-title")}</h2>
                <p class="figure">{spread_text(locale, report.inquiry_to_quote_hours, "hours")}</p>
                <p class="definition">{locale.t_with("kpi-quote-time-definition", &[("count", report.unquoted.into())])}</p>
            </div>
            <div class="kpi" id="kpi-approval-time">
                <h2>{locale.t("kpi-approval-time-title")}</h2>
                <p class="figure">{spread_text(locale, report.approval_hours, "hours")}</p>
                <p class="definition">{locale.t("kpi-approval-time-definition")}</p>
            </div>
            <div class="kpi" id="kpi-win-rate">
                <h2>{locale.t("kpi-win-rate-title")}</h2>
                <p class="figure">{rate_text(locale, report.win_rate)}</p>
                <p class="definition">{locale.t("kpi-win-rate-definition")}</p>
            </div>
        </div>
    }
}

#[component]
fn AlertCounts(alerts: Vec<AlertCount>, csv: String) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <h2>{locale.t("kpi-alerts-title")}</h2>
        <p class="definition">{locale.t("kpi-alerts-definition")}</p>
        <table id="kpi-alerts">
            <thead><tr><th>{locale.t("kpi-col-kind")}</th><th>{locale.t("kpi-col-mails")}</th></tr></thead>
            <tbody>
                {alerts.iter().map(|a| view! { <tr><td>{locale.t(&a.label)}</td><td>{a.count}</td></tr> }).collect_view()}
            </tbody>
        </table>
        <p><a href=csv rel="external">{locale.t("kpi-download-csv")}</a></p>
    }
}

#[component]
fn SupplierScorecards(scorecards: Vec<Scorecard>, csv: String) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let scorecard_bars: Vec<Bar> = scorecards
        .iter()
        .map(|c| Bar {
            label: c.name.clone(),
            value: percent(c.on_time),
            text: c
                .on_time
                .percent()
                .map(|p| format!("{p:.0} %"))
                .unwrap_or_else(|| locale.t("kpi-no-data")),
        })
        .collect();
    view! {
        <h2>{locale.t("kpi-scorecards-title")}</h2>
        <p class="definition">{locale.t("kpi-scorecards-definition")}</p>
        <BarChart id="chart-suppliers" title=locale.t("kpi-scorecards-chart") axis=locale.t("kpi-scorecards-axis") bars=scorecard_bars max=100.0 />
        <div class="table-scroll">
            <table id="kpi-scorecards">
                <thead><tr>
                    <th>{locale.t("kpi-col-factory")}</th><th>{locale.t("kpi-col-on-time")}</th>
                    <th>{locale.t("kpi-col-avg-days-late")}</th><th>{locale.t("kpi-col-fresh")}</th>
                    <th>{locale.t("kpi-col-acknowledgement")}</th><th>{locale.t("kpi-col-waiting")}</th>
                    <th>{locale.t("scorecard-quality")}</th>
                </tr></thead>
                <tbody>
                    {scorecards.iter().map(|c| view! {
                        <tr>
                            <td>{c.name.clone()}</td>
                            <td>{rate_text(locale, c.on_time)}</td>
                            <td>{c.average_days_late.map(|d| format!("{d:.1}")).unwrap_or_else(|| "—".into())}</td>
                            <td>{rate_text(locale, c.fresh)}</td>
                            <td>{spread_text(locale, c.acknowledgement, "h")}</td>
                            <td>{c.waiting}</td>
                            <td class="quality">{rate_text(locale, c.complaints)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p><a href=csv rel="external">{locale.t("kpi-download-csv")}</a></p>
    }
}

#[component]
fn CustomerPareto(pareto: Vec<ParetoTable>, csv: String) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <h2>{locale.t("kpi-pareto-revenue-title")}</h2>
        <p class="definition">{locale.t("kpi-pareto-revenue-definition")}</p>
        <ParetoTables pareto id="chart-pareto" what="revenue" />
        <p><a href=csv rel="external">{locale.t("kpi-download-csv")}</a></p>
    }
}

/// The same ranking by profit.
#[component]
fn ProfitPareto(pareto: Vec<ParetoTable>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <h2>{locale.t("kpi-pareto-profit-title")}</h2>
        <p class="definition">{locale.t("kpi-pareto-profit-definition")}</p>
        <div id="kpi-profit">
            <ParetoTables pareto id="chart-profit" what="profit" />
        </div>
    }
}

/// One table and bar chart per currency; `what` is `revenue` or `profit`.
#[component]
fn ParetoTables(pareto: Vec<ParetoTable>, id: &'static str, what: &'static str) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        {pareto.iter().map(|table| {
            let bars: Vec<Bar> = table.rows.iter().map(|r| Bar {
                label: r.name.clone(),
                value: r.share,
                text: format!("{:.1} %", r.share),
            }).collect();
            let title = locale.t_with(
                &format!("kpi-pareto-{what}-chart"),
                &[("currency", table.currency.clone().into())],
            );
            view! {
                <h3>{table.currency.clone()}</h3>
                <BarChart id=id title=title axis=locale.t("kpi-pareto-axis") bars max=100.0 />
                <div class="table-scroll">
                    <table class="kpi-pareto">
                        <thead><tr>
                            <th>{locale.t("kpi-col-customer")}</th><th>{locale.t(&format!("kpi-col-{what}"))}</th>
                            <th>{locale.t("kpi-col-share")}</th><th>{locale.t("kpi-col-cumulative")}</th>
                            <th>{locale.t("kpi-col-vital-few")}</th>
                        </tr></thead>
                        <tbody>
                            {table.rows.iter().map(|r| view! {
                                <tr>
                                    <td>{r.name.clone()}</td>
                                    <td>{locale.money(&format_minor(r.value), &table.currency)}</td>
                                    <td>{format!("{:.1} %", r.share)}</td>
                                    <td>{format!("{:.1} %", r.cumulative)}</td>
                                    <td>{if r.vital { locale.t("kpi-vital-yes") } else { String::new() }}</td>
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
    let locale = use_locale().get_untracked();
    let product_bars: Vec<Bar> = products
        .iter()
        .map(|d| Bar {
            label: d.name.clone(),
            value: percent(d.rate()),
            text: locale.t_with(
                "kpi-late-bar",
                &[
                    ("percent", format!("{:.0}", percent(d.rate())).into()),
                    ("late", d.late.into()),
                    ("total", d.total.into()),
                ],
            ),
        })
        .collect();
    view! {
        <h2>{locale.t("kpi-delays-title")}</h2>
        <p class="definition">{locale.t("kpi-delays-definition")}</p>
        <BarChart id="chart-products" title=locale.t("kpi-delays-chart") axis=locale.t("kpi-delays-axis") bars=product_bars max=100.0 />
        <div class="table-scroll">
            <table id="kpi-products">
                <thead><tr>
                    <th>{locale.t("kpi-col-product")}</th><th>{locale.t("kpi-col-late")}</th>
                    <th>{locale.t("kpi-col-lines")}</th><th>{locale.t("kpi-col-rate")}</th>
                </tr></thead>
                <tbody>
                    {products.iter().map(|d| view! {
                        <tr><td>{d.name.clone()}</td><td>{d.late}</td><td>{d.total}</td><td>{rate_text(locale, d.rate())}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p><a href=csv rel="external">{locale.t("kpi-download-csv")}</a></p>
        <div class="table-scroll">
            <table id="kpi-worst-suppliers">
                <thead><tr>
                    <th>{locale.t("kpi-col-factory")}</th><th>{locale.t("kpi-col-late")}</th>
                    <th>{locale.t("kpi-col-lines")}</th><th>{locale.t("kpi-col-rate")}</th>
                </tr></thead>
                <tbody>
                    {suppliers.iter().map(|d| view! {
                        <tr><td>{d.name.clone()}</td><td>{d.late}</td><td>{d.total}</td><td>{rate_text(locale, d.rate())}</td></tr>
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
                let words = locale.get_untracked();
                card.await.ok().map(|c: Scorecard| view! {
                    <section class="factory-scorecard" id="scorecard">
                        <h2>{move || locale.get().t("scorecard-title")}</h2>
                        <dl class="facts">
                            <dt>{move || locale.get().t("scorecard-on-time")}</dt><dd>{rate_text(words, c.on_time)}</dd>
                            <dt>{move || locale.get().t("scorecard-days-late")}</dt><dd>{c.average_days_late.map(|d| format!("{d:.1}")).unwrap_or_else(|| "—".into())}</dd>
                            <dt>{move || locale.get().t("scorecard-fresh")}</dt><dd>{rate_text(words, c.fresh)}</dd>
                            <dt>{move || locale.get().t("scorecard-acknowledgement")}</dt><dd>{spread_text(words, c.acknowledgement, "h")}</dd>
                            <dt>{move || locale.get().t("scorecard-quality")}</dt><dd id="scorecard-quality">{rate_text(words, c.complaints)}</dd>
                        </dl>
                        <p class="definition">{move || locale.get().t("scorecard-definition")}</p>
                    </section>
                })
            })}
        </Transition>
    }
}
