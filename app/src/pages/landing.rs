//! The public landing page: what the portal does for each kind of user, and,
//! for people who are signed in, a live check of the installation.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::portal::{PortalFacts, portal_overview};
use crate::components::guard::use_user;
use crate::components::stage_timeline::StageTimeline;
use crate::domain::order_status::OrderStatus;

#[component]
pub fn LandingPage() -> impl IntoView {
    view! {
        <Title text="" />
        <section class="hero">
            <h1>"Every order, every factory, one live view."</h1>
            <p class="lead">
                "Customers follow their orders from inquiry to settlement. Factories report progress "
                "in seconds. When production slips, the right people hear about it at once, and "
                "agreed changes reach the factory floor."
            </p>
            <StageTimeline current=Some(OrderStatus::InProduction) />
        </section>

        <section class="cards">
            <article class="card" id="customers">
                <h2>"For customers"</h2>
                <p>"Your company's orders only, with a live status timeline and the requested, committed and forecast date of every line."</p>
                <p>"Ask for a change of quantity, spec, delivery date or ship-to, and see the answer here."</p>
            </article>
            <article class="card" id="suppliers">
                <h2>"For supplier factories"</h2>
                <p>"The purchase-order lines assigned to you, and a quick form to post milestones, quantities done and a new ready date."</p>
            </article>
            <article class="card" id="staff">
                <h2>"For the sales team"</h2>
                <p>"Change requests to decide, orders at risk before they are late, and which supplier slips most."</p>
            </article>
        </section>

        // Who runs the portal and how many partners it serves is for the
        // people who work in it, not for every visitor.
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                use_user().await.ok().flatten().map(|_| view! { <PortalStatus /> })
            })}
        </Transition>
    }
}

/// Asks the server about the installation on demand. The button only works once
/// the page is hydrated, which makes it a good first sign that the app is live.
#[component]
fn PortalStatus() -> impl IntoView {
    let check = Action::new(|_: &()| portal_overview());
    let pending = check.pending();
    let result = check.value();

    view! {
        <section class="panel status-panel" aria-live="polite">
            <h2>"Portal status"</h2>
            <button
                class="button"
                id="check-status"
                on:click=move |_| {
                    check.dispatch(());
                }
                disabled=move || pending.get()
            >
                {move || if pending.get() { "Checking…" } else { "Check the portal" }}
            </button>
            <div class="status-result" id="status-result">
                {move || match result.get() {
                    None => view! { <p class="muted">"Not checked yet."</p> }.into_any(),
                    Some(Ok(overview)) => view! { <OverviewFacts overview /> }.into_any(),
                    Some(Err(e)) => view! { <p class="error">{e.to_string()}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn OverviewFacts(overview: PortalFacts) -> impl IntoView {
    let house = overview
        .house_name
        .unwrap_or_else(|| "No trading house set up yet".to_string());
    view! {
        <dl class="facts">
            <dt>"Run by"</dt>
            <dd id="fact-house">{house}</dd>
            <dt>"Customers"</dt>
            <dd id="fact-customers">{overview.customer_count}</dd>
            <dt>"Supplier factories"</dt>
            <dd id="fact-suppliers">{overview.supplier_count}</dd>
        </dl>
    }
}
