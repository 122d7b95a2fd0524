//! Bar charts as inline SVG, drawn from the figures the page already has: no
//! chart library to download. Each chart has a title and axis labels for
//! screen readers, each bar names its value on hover, and pages put the same
//! figures in a table beside it.

use leptos::prelude::*;

use crate::components::guard::use_locale;

/// One bar: its label, its length (0..=max) and the value as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// Horizontal bars, one row each, scaled to `max`.
#[component]
pub fn BarChart(
    id: &'static str,
    title: String,
    /// What the bars measure, e.g. "On-time rate (%)".
    axis: String,
    bars: Vec<Bar>,
    max: f64,
) -> impl IntoView {
    const LABEL_WIDTH: f64 = 160.0;
    const PLOT_WIDTH: f64 = 320.0;
    const ROW: f64 = 24.0;
    let height = ROW * bars.len().max(1) as f64 + 44.0;
    let width = LABEL_WIDTH + PLOT_WIDTH + 70.0;
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let scale = if max > 0.0 { PLOT_WIDTH / max } else { 0.0 };
    let labelled_by = format!("{title_id} {desc_id}");
    let desc = use_locale()
        .get_untracked()
        .t_with("kpi-chart-desc", &[("axis", axis.clone().into())]);
    view! {
        <figure class="chart">
            <svg
                id=id
                role="img"
                aria-labelledby=labelled_by
                viewBox=format!("0 0 {width} {height}")
                width="100%"
                preserveAspectRatio="xMinYMin meet"
            >
                <title id=title_id.clone()>{title.clone()}</title>
                <desc id=desc_id>{desc}</desc>
                {bars.into_iter().enumerate().map(|(i, bar)| {
                    let y = 8.0 + i as f64 * ROW;
                    let length = (bar.value.max(0.0) * scale).min(PLOT_WIDTH);
                    let shown: String = bar.label.chars().take(24).collect();
                    view! {
                        <g class="bar">
                            <title>{format!("{}: {}", bar.label, bar.text)}</title>
                            <text x=(LABEL_WIDTH - 6.0).to_string() y=(y + 15.0).to_string() text-anchor="end">{shown}</text>
                            <rect x=LABEL_WIDTH.to_string() y=(y + 3.0).to_string() width=length.to_string() height=(ROW - 8.0).to_string() />
                            <text x=(LABEL_WIDTH + length + 4.0).to_string() y=(y + 15.0).to_string()>{bar.text}</text>
                        </g>
                    }
                }).collect_view()}
                <line class="axis" x1=LABEL_WIDTH.to_string() y1="4" x2=LABEL_WIDTH.to_string() y2=(height - 28.0).to_string() />
                <line class="axis" x1=LABEL_WIDTH.to_string() y1=(height - 28.0).to_string() x2=(LABEL_WIDTH + PLOT_WIDTH).to_string() y2=(height - 28.0).to_string() />
                <text class="axis-label" x=LABEL_WIDTH.to_string() y=(height - 14.0).to_string()>"0"</text>
                <text class="axis-label" x=(LABEL_WIDTH + PLOT_WIDTH).to_string() y=(height - 14.0).to_string() text-anchor="end">{format_max(max)}</text>
                <text class="axis-label" x=(LABEL_WIDTH + PLOT_WIDTH / 2.0).to_string() y=(height - 2.0).to_string() text-anchor="middle">{axis}</text>
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
}

fn format_max(max: f64) -> String {
    if max.fract() == 0.0 {
        format!("{max:.0}")
    } else {
        format!("{max:.1}")
    }
}
