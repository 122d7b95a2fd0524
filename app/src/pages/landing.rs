//! The public landing page: what the portal does for each kind of user, and,
//! for people who are signed in, a live check of the installation.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::portal::{PortalFacts, portal_overview};
use crate::components::guard::{use_locale, use_user};
use crate::components::stage_timeline::StageTimeline;
use crate::domain::order_status::OrderStatus;

#[component]
pub fn LandingPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text="" />
        <section class="hero">
            <h1>{locale.t("landing-title")}</h1>
            <p class="lead">{locale.t("landing-lead")}</p>
            <StageTimeline current=Some(OrderStatus::InProduction) />
        </section>

        <section class="cards">
            <article class="card" id="customers">
                <h2>{locale.t("landing-customers-title")}</h2>
                <p>{locale.t("landing-customers-orders")}</p>
                <p>{locale.t("landing-customers-changes")}</p>
            </article>
            <article class="card" id="suppliers">
                <h2>{locale.t("landing-suppliers-title")}</h2>
                <p>{locale.t("landing-suppliers-text")}</p>
            </article>
            <article class="card" id="staff">
                <h2>{locale.t("landing-staff-title")}</h2>
                <p>{locale.t("landing-staff-text")}</p>
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
    let locale = use_locale().get_untracked();

    view! {
        <section class="panel status-panel" aria-live="polite">
            <h2>{locale.t("landing-status-title")}</h2>
            <button
                class="button"
                id="check-status"
                on:click=move |_| {
                    check.dispatch(());
                }
                disabled=move || pending.get()
            >
                {move || locale.t(if pending.get() { "landing-status-checking" } else { "landing-status-check" })}
            </button>
            <div class="status-result" id="status-result">
                {move || match result.get() {
                    None => view! { <p class="muted">{locale.t("landing-status-not-checked")}</p> }.into_any(),
                    Some(Ok(overview)) => view! { <OverviewFacts overview /> }.into_any(),
                    Some(Err(e)) => view! { <p class="error">{e.text(locale)}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn OverviewFacts(overview: PortalFacts) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let house = overview
        .house_name
        .unwrap_or_else(|| locale.t("landing-fact-no-house"));
    view! {
        <dl class="facts">
            <dt>{locale.t("landing-fact-house")}</dt>
            <dd id="fact-house">{house}</dd>
            <dt>{locale.t("landing-fact-customers")}</dt>
            <dd id="fact-customers">{overview.customer_count}</dd>
            <dt>{locale.t("landing-fact-suppliers")}</dt>
            <dd id="fact-suppliers">{overview.supplier_count}</dd>
        </dl>
    }
}
