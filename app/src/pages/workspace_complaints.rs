//! The after-sales figures of the KPI page: how often goods are complained
//! about (by product and by factory), how fast the house answers and
//! remedies against its targets, and what the remedies cost.

use leptos::prelude::*;

use crate::components::guard::use_locale;
use crate::domain::kpi::DelayRow;
use crate::i18n::Locale;
use crate::pages::workspace::rate_text;
use crate::wire::workspace::ComplaintFigures;

fn minutes_text(locale: Locale, minutes: Option<i64>) -> String {
    match minutes {
        Some(m) => locale.t_with(
            "kpi-hours-minutes",
            &[
                ("hours", (m / 60).into()),
                ("minutes", format!("{:02}", m % 60).into()),
            ],
        ),
        None => "—".to_string(),
    }
}

#[component]
fn Rows(rows: Vec<DelayRow>, id: &'static str, first: &'static str) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="table-scroll">
            <table id=id>
                <thead>
                    <tr>
                        <th>{move || locale.get().t(first)}</th>
                        <th>{move || locale.get().t("kpi-complaints-count")}</th>
                        <th>{move || locale.get().t("kpi-complaints-lines")}</th>
                        <th>{move || locale.get().t("kpi-complaints-rate")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|d| {
                        let rate = rate_text(locale.get_untracked(), d.rate());
                        view! {
                            <tr><td>{d.name}</td><td>{d.late}</td><td>{d.total}</td><td>{rate}</td></tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ComplaintKpis(figures: ComplaintFigures) -> impl IntoView {
    let locale = use_locale();
    let words = locale.get_untracked();
    let t = move |key: &'static str| move || locale.get().t(key);
    let costs = if figures.remedy_costs.is_empty() {
        "—".to_string()
    } else {
        figures
            .remedy_costs
            .iter()
            .map(|(currency, amount)| format!("{amount} {currency}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <section id="kpi-complaints">
            <h2>{t("kpi-complaints-title")}</h2>
            <dl class="facts">
                <dt>{t("kpi-complaints-rate-title")}</dt>
                <dd id="kpi-complaint-rate">{rate_text(words, figures.rate)}</dd>
                <dt>{t("kpi-complaints-first-answer")}</dt>
                <dd id="kpi-first-answer">
                    {rate_text(words, figures.first_answer)} " · "
                    {minutes_text(words, figures.first_answer_median_minutes)}
                </dd>
                <dt>{t("kpi-complaints-remedy")}</dt>
                <dd id="kpi-remedy">
                    {rate_text(words, figures.remedy)} " · " {minutes_text(words, figures.remedy_median_minutes)}
                </dd>
                <dt>{t("kpi-complaints-costs")}</dt>
                <dd id="kpi-remedy-costs">{costs}</dd>
            </dl>
            <p class="definition">{t("kpi-complaints-definition")}</p>
            <Rows rows=figures.by_product id="kpi-complaints-products" first="kpi-complaints-product" />
            <Rows rows=figures.by_factory id="kpi-complaints-factories" first="kpi-complaints-factory" />
        </section>
    }
}
