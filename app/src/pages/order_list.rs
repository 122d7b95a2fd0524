//! The list of sales orders (customers see their own, the trading house all)
//! with its filters and paging, and the house's orders page around it. The
//! list updates live.

use crate::components::data::{Data, load};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::orders::{OrderSummary, PAGE_SIZE, list_orders, order_customers};
use crate::components::guard::{AreaGuard, use_locale};
use crate::components::later::later;
use crate::components::live::use_live_tick;
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::Area;
use crate::i18n::Locale;
use crate::pages::orders::{badge_class, badge_text, status_text};

/// The order list with filters (status, search, at risk, committed dates and,
/// for the trading house, customer) and keyset paging, newest first.
#[component]
pub fn OrderList(
    /// Where order links point: `/customer/orders` or `/staff/orders`.
    base: &'static str,
    /// Offer the customer filter (trading-house views).
    #[prop(optional)]
    by_customer: bool,
) -> impl IntoView {
    let tick = use_live_tick(None);
    let status = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let customer = RwSignal::new(None::<i32>);
    let at_risk = RwSignal::new(false);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    // `None` is the newest page; otherwise the smallest id of the page before.
    let before = RwSignal::new(None::<i32>);
    let orders = load(
        move || {
            (
                (status.get(), query.get(), customer.get(), at_risk.get()),
                (from.get(), to.get(), before.get(), tick.get()),
            )
        },
        |((status, query, customer, at_risk), (from, to, before, _))| {
            list_orders(
                Some(status),
                Some(query),
                customer,
                Some(at_risk),
                Some(from),
                Some(to),
                before,
            )
        },
    );
    let customers = load(
        move || by_customer,
        |wanted| async move {
            if wanted {
                order_customers().await.unwrap_or_default()
            } else {
                Vec::new()
            }
        },
    );
    let locale = use_locale().get_untracked();
    view! {
        <OrderFilters by_customer customers status query customer at_risk from to before />
        <Transition fallback=move || view! { <p class="muted">{locale.t("orders-loading")}</p> }>
            {move || Suspend::new(async move {
                match orders.await {
                    Ok(list) if list.is_empty() => view! { <p class="muted">{locale.t("orders-none")}</p> }.into_any(),
                    Ok(list) => {
                        let full_page = list.len() as u64 == PAGE_SIZE;
                        let oldest = list.iter().map(|o| o.id).min();
                        later(move || view! {
                            <OrderTable list base />
                            <OrderPager before full_page oldest />
                        }).into_any()
                    }
                    Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The filters above the list.
#[component]
fn OrderFilters(
    by_customer: bool,
    customers: Data<Vec<(i32, String)>>,
    status: RwSignal<String>,
    query: RwSignal<String>,
    customer: RwSignal<Option<i32>>,
    at_risk: RwSignal<bool>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    before: RwSignal<Option<i32>>,
) -> impl IntoView {
    // Any filter change starts again at the newest page.
    let refilter = move |apply: &dyn Fn()| {
        apply();
        before.set(None);
    };
    let locale = use_locale().get_untracked();
    view! {
        <div class="filters">
            <label>
                {locale.t("orders-filter-status")}
                <select id="status-filter" on:change=move |ev| refilter(&|| status.set(event_target_value(&ev)))>
                    <option value="">{locale.t("orders-filter-all")}</option>
                    {OrderStatus::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str()>{status_text(locale, s)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                {locale.t("orders-filter-search")}
                <input
                    type="search"
                    id="order-search"
                    placeholder=locale.t("orders-filter-search-hint")
                    on:input=move |ev| refilter(&|| query.set(event_target_value(&ev)))
                />
            </label>
            {by_customer.then(|| view! {
                <label>
                    {locale.t("orders-filter-customer")}
                    <select id="customer-filter" on:change=move |ev| refilter(&|| customer.set(event_target_value(&ev).parse().ok()))>
                        <option value="">{locale.t("orders-filter-all")}</option>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                customers.await.into_iter().map(|(id, name)| view! {
                                    <option value=id.to_string()>{name}</option>
                                }).collect_view()
                            })}
                        </Transition>
                    </select>
                </label>
            })}
            <label>
                {locale.t("orders-filter-committed-from")}
                <input type="date" id="committed-from" on:change=move |ev| refilter(&|| from.set(event_target_value(&ev))) />
            </label>
            <label>
                {locale.t("orders-filter-committed-to")}
                <input type="date" id="committed-to" on:change=move |ev| refilter(&|| to.set(event_target_value(&ev))) />
            </label>
            <label class="checkbox">
                <input type="checkbox" id="at-risk-filter" on:change=move |ev| refilter(&|| at_risk.set(event_target_checked(&ev))) />
                {locale.t("orders-filter-at-risk")}
            </label>
        </div>
    }
}

/// One page of orders as a table, each linking to its order. Its rows are
/// written as markup: they hold nothing to wire up in the browser (their
/// links are plain anchors the router takes), so the island leaves them as
/// the server wrote them and writes them anew for another page.
#[component]
fn OrderTable(list: Vec<OrderSummary>, base: &'static str) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <div class="table-scroll">
            <table class="orders-table">
                <thead>
                    <tr>
                        <th>{locale.t("orders-col-order")}</th><th>{locale.t("orders-col-customer")}</th><th>{locale.t("orders-col-status")}</th>
                        <th>{locale.t("orders-col-lines")}</th><th>{locale.t("orders-col-next-committed")}</th><th>{locale.t("orders-col-dates")}</th>
                    </tr>
                </thead>
                <tbody inner_html=order_rows(&list, base, locale) />
            </table>
        </div>
    }
}

fn order_rows(list: &[OrderSummary], base: &str, locale: Locale) -> String {
    maud::html! {
        @for o in list {
            tr data-order=(o.number) {
                td { a href={ (base) "/" (o.id) } { (o.number) } }
                td { (o.customer_name) }
                td.order-status { (status_text(locale, o.status)) }
                td { (o.line_count) }
                td { (locale.date_or_dash(o.next_committed)) }
                td { span class=(badge_class(o.badge)) { (badge_text(locale, o.badge)) } }
            }
        }
    }
    .into_string()
}

/// Back to the newest page, and on to older ones while pages are full.
#[component]
fn OrderPager(
    before: RwSignal<Option<i32>>,
    full_page: bool,
    oldest: Option<i32>,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <div class="pager">
            {move || before.get().is_some().then(|| view! {
                <button class="button secondary" on:click=move |_| before.set(None)>{locale.t("orders-newest")}</button>
            })}
            {full_page.then(|| view! {
                <button class="button secondary" id="older-orders" on:click=move |_| before.set(oldest)>{locale.t("orders-older")}</button>
            })}
        </div>
    }
}

#[component]
pub fn StaffOrdersPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("orders-title") />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>{locale.t("orders-title")}</h1>
                <p>
                    <A href="/staff/orders/new" attr:class="button" attr:id="new-order">{locale.t("orders-new-title")}</A>
                    " · " <a href="/exports/orders.csv" id="export-orders" rel="external">{locale.t("orders-export")}</a>
                </p>
                <OrderList base="/staff/orders" by_customer=true />
            </section>
        </AreaGuard>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::LineBadge;
    use chrono::NaiveDate;

    #[test]
    fn a_row_links_its_order_and_writes_its_text_escaped() {
        let order = OrderSummary {
            id: 12,
            number: "SO-\"12\"".into(),
            customer_name: "<script>alert(1)</script> & Sons".into(),
            status: OrderStatus::Confirmed,
            line_count: 4,
            next_committed: NaiveDate::from_ymd_opt(2026, 12, 5),
            badge: LineBadge::AtRisk,
        };
        let html = order_rows(&[order], "/customer/orders", Locale::En);
        assert!(
            html.starts_with("<tr data-order=\"SO-&quot;12&quot;\">"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"/customer/orders/12\">SO-&quot;12&quot;</a>"),
            "{html}"
        );
        assert!(
            html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons</td>"),
            "{html}"
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("<td>4</td><td>2026-12-05</td>"), "{html}");
        assert!(html.contains("<span class=\"badge badge-warn\">"), "{html}");
    }
}
