//! The start page of each role's area. The order, purchase-order and KPI
//! views hang off these pages.

use crate::components::data::load;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::areas::area_home;
use crate::components::guard::{AreaGuard, use_locale};
use crate::domain::policy::Area;
use crate::pages::glance::CustomerGlance;
use crate::pages::order_list::OrderList;

/// The area's heading and introduction (`title` and `intro` are catalogue
/// keys) with a few facts about the viewer's company.
#[component]
fn AreaSummaryPanel(area: Area, title: &'static str, intro: &'static str) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let summary = load(move || area, area_home);
    view! {
        <section class="panel" data-area=format!("{area:?}").to_lowercase()>
            <h1>{locale.t(title)}</h1>
            <p class="lead">{locale.t(intro)}</p>
            <Suspense fallback=move || view! { <p class="muted">{locale.t("oversight-loading")}</p> }>
                {move || Suspend::new(async move {
                    match summary.await {
                        Ok(s) => view! {
                            <dl class="facts">
                                <dt>{locale.t("areas-company")}</dt><dd class="area-company">{s.company_name}</dd>
                                <dt>{locale.t("areas-city")}</dt><dd>{s.company_city}</dd>
                                <dt>{locale.t("areas-colleagues")}</dt><dd>{s.colleagues}</dd>
                            </dl>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn CustomerHome() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("nav-my-orders") />
        <AreaGuard area=Some(Area::Customer)>
            <AreaSummaryPanel area=Area::Customer title="nav-my-orders" intro="areas-customer-intro" />
            <CustomerGlance />
            <section class="panel" id="customer-orders">
                <h2>{locale.t("nav-orders")}</h2>
                <p><a href="/exports/orders.csv" id="export-orders" rel="external">{locale.t("areas-export-orders")}</a></p>
                <CustomerOrders />
            </section>
        </AreaGuard>
    }
}

/// The customer's orders with their filters and paging, as an island.
#[cfg_attr(customer_islands, island)]
#[cfg_attr(not(customer_islands), component)]
fn CustomerOrders() -> impl IntoView {
    view! { <OrderList base="/customer/orders" /> }
}

#[component]
pub fn StaffHome() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("nav-sales-desk") />
        <AreaGuard area=Some(Area::Staff)>
            <AreaSummaryPanel area=Area::Staff title="nav-sales-desk" intro="areas-staff-intro" />
            <p>
                <A href="/staff/board">{locale.t("ws-board-title")}</A>" · "
                <A href="/staff/orders">{locale.t("areas-all-orders")}</A>" · "
                <A href="/staff/changes">{locale.t("changes-title")}</A>" · "
                <A href="/staff/kpis">{locale.t("kpi-title")}</A>" · "
                <A href="/staff/production">{locale.t("areas-production")}</A>" · "
                <A href="/staff/mail">{locale.t("mail-dead-title")}</A>" · "
                <A href="/staff/people">{locale.t("areas-people")}</A>
            </p>
        </AreaGuard>
    }
}
