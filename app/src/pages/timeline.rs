//! An order's whole timeline, a page at a time, newest first. The order's
//! page shows its newest entries and leads here when there are older ones;
//! the house and the customer open it from their order pages.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::orders::{EventView, TimelinePage, get_order_timeline};
use crate::components::data::load;
use crate::components::guard::{AreaGuard, use_locale};
use crate::components::local_time::LocalTime;
use crate::domain::paging::{TIMELINE_SHOWN, newest_shown};
use crate::domain::policy::Area;

#[component]
pub fn CustomerTimelinePage() -> impl IntoView {
    view! {
        <AreaGuard area=Some(Area::Customer)>
            <WholeTimeline />
        </AreaGuard>
    }
}

#[component]
pub fn StaffTimelinePage() -> impl IntoView {
    view! {
        <AreaGuard area=Some(Area::Staff)>
            <WholeTimeline />
        </AreaGuard>
    }
}

/// The timeline entries given, in their order (newest first), each with who
/// wrote it.
#[component]
pub fn TimelineEntries(events: Vec<EventView>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <ol class="timeline" id="order-timeline">
            {events.into_iter().map(|e| view! {
                <li>
                    <LocalTime at=e.at />
                    " " <strong>{e.summary}</strong>
                    {e.who.map(|who| view! {
                        <span class="muted">{format!(" {}", locale.t_with("shipping-by", &[("name", who.into())]))}</span>
                    })}
                </li>
            }).collect_view()}
        </ol>
    }
}

/// The order's newest entries (`events` oldest first, as the order's page
/// has them: at most `TIMELINE_SHOWN` and one more when there are older
/// ones), newest first, leading to the whole timeline when there are more.
#[component]
pub fn NewestEntries(events: Vec<EventView>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let (newest, more) = newest_shown(events.into_iter().rev().collect(), TIMELINE_SHOWN);
    let path = crate::components::islands::page_path();
    view! {
        <TimelineEntries events=newest />
        {more.then(|| view! {
            <p class="muted" id="timeline-newest">
                {locale.t_with("order-timeline-newest", &[("count", TIMELINE_SHOWN.into())])}
                " " <a id="timeline-all" href=format!("{path}/timeline")>{locale.t("order-timeline-all")}</a>
            </p>
        })}
    }
}

#[component]
fn WholeTimeline() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let id = crate::components::params::use_route_id();
    let before = crate::components::params::use_query_number("before");
    let page = load(
        move || (id(), before()),
        |(id, before)| get_order_timeline(id, before),
    );
    view! {
        <Title text=locale.t("order-timeline") />
        <Transition fallback=move || view! { <p class="muted">{locale.t("order-loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <TimelinePanel page older_page=before().is_some() /> }.into_any(),
                    Err(e) => {
                        crate::components::errors::answer_with(&e);
                        view! { <p class="form-error">{e.text(locale)}</p> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// One page of the timeline, with the ways to the order, older entries and
/// back to the newest.
#[component]
fn TimelinePanel(page: TimelinePage, older_page: bool) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let path = crate::components::islands::page_path();
    let order = path.strip_suffix("/timeline").unwrap_or(&path).to_owned();
    let number = page.number.clone();
    let newest = path.clone();
    view! {
        <p><a href=order.clone() id="timeline-order">{locale.t_with("timeline-back", &[("number", number.clone().into())])}</a></p>
        <section class="panel">
            <h1>{locale.t_with("timeline-title", &[("number", number.into())])}</h1>
            {older_page.then(|| view! { <p class="muted">{locale.t("timeline-older-page")}</p> })}
            {if page.events.is_empty() {
                view! { <p class="muted" id="timeline-empty">{locale.t("timeline-empty")}</p> }.into_any()
            } else {
                view! { <TimelineEntries events=page.events /> }.into_any()
            }}
            <p class="history-pages">
                {page.older.map(|id| view! {
                    <a id="timeline-older" href=format!("{path}?before={id}")>{locale.t("timeline-older")}</a>
                })}
                {older_page.then(|| view! {
                    " " <a id="timeline-newest-page" href=newest.clone()>{locale.t("timeline-newest")}</a>
                })}
            </p>
        </section>
    }
}
