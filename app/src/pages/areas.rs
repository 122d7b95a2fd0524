//! The start page of each role's area. The order, purchase-order and KPI
//! views hang off these pages.

use crate::components::data::load;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::areas::area_home;
use crate::components::guard::AreaGuard;
use crate::domain::policy::Area;
use crate::pages::glance::CustomerGlance;
use crate::pages::order_list::OrderList;

#[component]
fn AreaSummaryPanel(area: Area, title: &'static str, intro: &'static str) -> impl IntoView {
    let summary = load(move || area, area_home);
    view! {
        <section class="panel" data-area=format!("{area:?}").to_lowercase()>
            <h1>{title}</h1>
            <p class="lead">{intro}</p>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match summary.await {
                        Ok(s) => view! {
                            <dl class="facts">
                                <dt>"Company"</dt><dd class="area-company">{s.company_name}</dd>
                                <dt>"City"</dt><dd>{s.company_city}</dd>
                                <dt>"Colleagues on the portal"</dt><dd>{s.colleagues}</dd>
                            </dl>
                        }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn CustomerHome() -> impl IntoView {
    view! {
        <Title text="My orders" />
        <AreaGuard area=Some(Area::Customer)>
            <AreaSummaryPanel
                area=Area::Customer
                title="My orders"
                intro="Your company's orders with the trading house, and the changes you have asked for."
            />
            <CustomerGlance />
            <section class="panel">
                <h2>"Orders"</h2>
                <p><a href="/exports/orders.csv" id="export-orders" rel="external">"Download my open orders (CSV)"</a></p>
                <OrderList base="/customer/orders" />
            </section>
        </AreaGuard>
    }
}

#[component]
pub fn StaffHome() -> impl IntoView {
    view! {
        <Title text="Sales desk" />
        <AreaGuard area=Some(Area::Staff)>
            <AreaSummaryPanel
                area=Area::Staff
                title="Sales desk"
                intro="Customers' orders, suppliers' progress and the change requests waiting for a decision."
            />
            <p><A href="/staff/board">"At-risk board"</A>" · "<A href="/staff/orders">"All orders"</A>" · "<A href="/staff/changes">"Change requests"</A>" · "<A href="/staff/kpis">"KPIs"</A>" · "<A href="/staff/production">"Production at the factories"</A>" · "<A href="/staff/mail">"Undelivered mail"</A>" · "<A href="/staff/people">"People: invite customers' and suppliers' staff"</A></p>
        </AreaGuard>
    }
}
