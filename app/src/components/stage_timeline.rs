//! The order stages drawn as a horizontal timeline, with the current stage marked.

use leptos::prelude::*;

use crate::domain::order_status::OrderStage;

#[component]
pub fn StageTimeline(
    /// The stage the order is at; `None` draws the plain sequence.
    #[prop(optional)]
    current: Option<OrderStage>,
) -> impl IntoView {
    let current_position = current.map(OrderStage::position);
    view! {
        <ol class="stage-timeline" aria-label="Order stages">
            {OrderStage::TIMELINE
                .into_iter()
                .map(|stage| {
                    let state = match current_position {
                        Some(p) if stage.position() < p => "done",
                        Some(p) if stage.position() == p => "current",
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
