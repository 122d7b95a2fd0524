//! The order stages drawn as a horizontal timeline, with the current stage marked.

use leptos::prelude::*;

use crate::domain::order_status::OrderStatus;

#[component]
pub fn StageTimeline(
    /// The stage the order is at; `None` draws the plain sequence.
    current: Option<OrderStatus>,
) -> impl IntoView {
    let current_position = current.and_then(OrderStatus::position);
    let locale = crate::components::guard::use_locale().get_untracked();
    view! {
        <ol class="stage-timeline" aria-label=locale.t("stage-timeline-label")>
            {OrderStatus::TIMELINE
                .into_iter()
                .map(|stage| {
                    let state = match current_position {
                        Some(p) if stage.position() < Some(p) => "done",
                        Some(p) if stage.position() == Some(p) => "current",
                        _ => "upcoming",
                    };
                    view! {
                        <li class=format!("stage stage-{state}") data-stage=stage.as_str()>
                            <span class="stage-dot" aria-hidden="true"></span>
                            <span class="stage-label">{locale.t(&format!("order-status-{}", stage.as_str()))}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
