//! The order stages drawn as a horizontal timeline, with the current stage marked.

use leptos::prelude::*;

use crate::domain::order_status::OrderStatus;

#[component]
pub fn StageTimeline(
    /// The stage the order is at; `None` draws the plain sequence.
    current: Option<OrderStatus>,
) -> impl IntoView {
    let current_position = current.and_then(OrderStatus::position);
    view! {
        <ol class="stage-timeline" aria-label="Order stages">
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
                            <span class="stage-label">{stage.label()}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
