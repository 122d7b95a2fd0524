//! Instants are stored in UTC and shown in the viewer's own time zone. The
//! server cannot know that zone, so it renders UTC (marked as such) and the
//! browser rewrites the text in local time once the page is live.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[component]
pub fn LocalTime(at: DateTime<Utc>) -> impl IntoView {
    let text = RwSignal::new(at.format("%Y-%m-%d %H:%M UTC").to_string());
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        text.set(in_browser_zone(at));
    });
    view! { <time datetime=at.to_rfc3339()>{move || text.get()}</time> }
}

/// `2027-03-01 16:05 UTC+08:00`: the browser's offset at that instant (so
/// summer time is right for past dates too).
#[cfg(feature = "hydrate")]
fn in_browser_zone(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    // JavaScript gives minutes *behind* UTC.
    let offset = -(date.get_timezone_offset() as i64);
    let local = at + chrono::Duration::minutes(offset);
    format!(
        "{} UTC{}{:02}:{:02}",
        local.format("%Y-%m-%d %H:%M"),
        if offset < 0 { '-' } else { '+' },
        offset.abs() / 60,
        offset.abs() % 60
    )
}
