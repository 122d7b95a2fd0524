//! The panel at the top of the customer's first page: how many open orders
//! are on track, at risk or late (the order list's badges, so the numbers
//! agree with the list below), what ships next and what waits for the
//! customer, each linking to its page. It loads with the page and does not
//! follow the live stream itself: each stream counts against a person's
//! limit, and the order list below already holds one.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::orders::order_glance;
use crate::components::data::load;
use crate::components::guard::use_locale;
use crate::components::later::later;
use crate::domain::dates::LineBadge;
use crate::i18n::Locale;
use crate::pages::orders::badge_class;
use crate::wire::glance::{BadgeCounts, Glance, Sailing, WaitKind, WaitingView};

#[component]
pub fn CustomerGlance() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let glance = load(|| (), |_| order_glance());
    view! {
        <section class="panel glance" id="customer-glance">
            <h2>{locale.t("glance-title")}</h2>
            <Transition fallback=move || view! { <p class="muted">{locale.t("glance-loading")}</p> }>
                {move || Suspend::new(async move {
                    match glance.await {
                        Ok(found) => later(move || view! { <GlanceBody glance=found locale /> }).into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn GlanceBody(glance: Glance, locale: Locale) -> impl IntoView {
    let Glance {
        counts,
        sailings,
        waiting,
        waiting_more,
    } = glance;
    let sailings = if sailings.is_empty() {
        view! { <p class="muted" id="glance-no-sailings">{locale.t("glance-ships-none")}</p> }
            .into_any()
    } else {
        view! {
            <ul class="glance-list" id="glance-sailings">
                {sailings.into_iter().map(|s| view! { <SailingItem sailing=s locale /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let waiting = if waiting.is_empty() {
        view! { <p class="muted" id="glance-nothing-waiting">{locale.t("glance-waiting-none")}</p> }
            .into_any()
    } else {
        view! {
            <ul class="glance-list" id="glance-waiting">
                {waiting.into_iter().map(|w| view! { <WaitingItem item=w locale /> }).collect_view()}
            </ul>
            {(waiting_more > 0).then(|| view! {
                <p class="muted" id="glance-waiting-more" data-count=waiting_more.to_string()>
                    {locale.t_with("glance-waiting-more", &[("count", (waiting_more as u64).into())])}
                </p>
            })}
        }
        .into_any()
    };
    view! {
        <Counts counts locale />
        <div class="glance-columns">
            <div>
                <h3>{locale.t("glance-ships-next")}</h3>
                {sailings}
            </div>
            <div>
                <h3>{locale.t("glance-waiting")}</h3>
                {waiting}
            </div>
        </div>
    }
}

/// The open orders per badge. The list below filters only by "slipping or
/// overdue" as a whole, so the counts are not links.
#[component]
fn Counts(counts: BadgeCounts, locale: Locale) -> impl IntoView {
    let count = move |id: &'static str, badge: LineBadge, key: &'static str, n: usize| {
        view! {
            <li id=id data-count=n.to_string()>
                <span class=badge_class(badge)>{locale.t_with(key, &[("count", (n as u64).into())])}</span>
            </li>
        }
    };
    view! {
        <ul class="glance-counts">
            {count("glance-on-track", LineBadge::OnTrack, "glance-on-track", counts.on_track)}
            {count("glance-at-risk", LineBadge::AtRisk, "glance-at-risk", counts.at_risk)}
            {count("glance-late", LineBadge::Late, "glance-late", counts.late)}
        </ul>
    }
}

#[component]
fn SailingItem(sailing: Sailing, locale: Locale) -> impl IntoView {
    let key = if sailing.departed {
        "glance-arrives"
    } else {
        "glance-departs"
    };
    let vessel = if sailing.vessel.trim().is_empty() {
        "—".to_string()
    } else {
        sailing.vessel.clone()
    };
    let text = locale.t_with(
        key,
        &[
            ("number", sailing.order_number.clone().into()),
            ("vessel", vessel.into()),
            ("date", locale.date_or_dash(Some(sailing.on)).into()),
        ],
    );
    view! {
        <li data-order=sailing.order_number.clone()>
            <A href=format!("/customer/orders/{}", sailing.order_id)>{text}</A>
        </li>
    }
}

#[component]
fn WaitingItem(item: WaitingView, locale: Locale) -> impl IntoView {
    let (kind, key) = match item.kind {
        WaitKind::Quotation => ("quotation", "glance-wait-quotation"),
        WaitKind::CounterProposal => ("counter_proposal", "glance-wait-counter"),
        WaitKind::Remedy => ("remedy", "glance-wait-remedy"),
        WaitKind::Instalment => ("instalment", "glance-wait-instalment"),
        WaitKind::Document => ("document", "glance-wait-document"),
    };
    let text = locale.t_with(
        key,
        &[
            ("number", item.number.clone().into()),
            ("name", item.name.clone().unwrap_or_default().into()),
        ],
    );
    let overdue = item.overdue;
    let when = item.due.map(|due| {
        let key = if overdue {
            "glance-overdue"
        } else {
            "glance-due"
        };
        locale.t_with(key, &[("date", locale.date_or_dash(Some(due)).into())])
    });
    let class = if overdue {
        "glance-wait overdue"
    } else {
        "glance-wait"
    };
    view! {
        <li class=class data-kind=kind>
            <A href=item.path.clone()>{text}</A>
            {when.map(|when| view! { " " <span class="muted glance-when">{when}</span> })}
        </li>
    }
}
