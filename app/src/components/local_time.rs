//! Instants are stored in UTC and shown in the viewer's chosen time zone
//! (UTC for visitors). The server writes the text with the zone database
//! (`domain::time_zone`); the browser, which must not carry that database,
//! asks its own `Intl` for the zone's offset and writes the same text, so a
//! hydrating page keeps what the server sent and a page built in the browser
//! reads the same.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::components::guard::known_user;
use crate::domain::time_zone::DEFAULT_ZONE;

#[component]
pub fn LocalTime(at: DateTime<Utc>) -> impl IntoView {
    let zone = viewer_zone();
    let locale = crate::components::guard::use_locale().get_untracked();
    let offset = offset_in(at, &zone);
    let local = at.naive_utc() + chrono::Duration::minutes(offset.into());
    let text = format!(
        "{} {}",
        locale.date_time(local),
        crate::domain::time_zone::offset_label(offset)
    );
    view! { <time datetime=at.to_rfc3339() title=zone>{text}</time> }
}

/// The signed-in person's zone name; UTC for visitors. Inside an island
/// woken in the browser, which knows no person, the zone the server wrote
/// on the page (`data-zone` of the document's element), so that times an
/// island writes anew read as those the server sent.
pub fn viewer_zone() -> String {
    if let Some(user) = known_user() {
        return user
            .ok()
            .flatten()
            .map(|user| user.time_zone)
            .unwrap_or_else(|| DEFAULT_ZONE.to_string());
    }
    #[cfg(feature = "hydrate")]
    if let Some(zone) = document()
        .document_element()
        .and_then(|html| html.get_attribute("data-zone"))
        .filter(|zone| !zone.is_empty())
    {
        return zone;
    }
    DEFAULT_ZONE.to_string()
}

/// The zone's offset from UTC at `at`, in minutes.
#[cfg(not(feature = "hydrate"))]
fn offset_in(at: DateTime<Utc>, zone: &str) -> i32 {
    crate::domain::time_zone::Zone::parse_or_utc(zone).offset_minutes(at)
}

#[cfg(feature = "hydrate")]
fn offset_in(at: DateTime<Utc>, zone: &str) -> i32 {
    browser_offset(at, zone).unwrap_or(0)
}

/// The zone's offset from UTC at that instant, in minutes, from the
/// browser's `Intl` (summer time included). `None` if the browser does not
/// know the zone: the constructor throws then, so it is called through
/// `Reflect`, which turns the exception into an error.
#[cfg(feature = "hydrate")]
fn browser_offset(at: DateTime<Utc>, zone: &str) -> Option<i32> {
    use chrono::{NaiveDate, Timelike};
    use wasm_bindgen::{JsCast, JsValue};

    let options = js_sys::Object::new();
    for (key, value) in [
        ("timeZone", zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
    ] {
        js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
    }
    let intl = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&intl, &JsValue::from_str("DateTimeFormat"))
            .ok()?
            .dyn_into()
            .ok()?;
    let args = js_sys::Array::of2(&JsValue::from_str("en-US"), &options);
    let format: js_sys::Intl::DateTimeFormat = js_sys::Reflect::construct(&constructor, &args)
        .ok()?
        .unchecked_into();
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    // year, month, day, hour, minute
    let mut fields = [0u32; 5];
    for part in format.format_to_parts(&date).iter() {
        let kind = js_sys::Reflect::get(&part, &JsValue::from_str("type"))
            .ok()?
            .as_string()?;
        let slot = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            _ => continue,
        };
        let value = js_sys::Reflect::get(&part, &JsValue::from_str("value"))
            .ok()?
            .as_string()?;
        fields[slot] = value.parse().ok()?;
    }
    let local = NaiveDate::from_ymd_opt(fields[0] as i32, fields[1], fields[2])?
        .and_hms_opt(fields[3], fields[4], 0)?;
    let utc = at.naive_utc().with_second(0)?.with_nanosecond(0)?;
    i32::try_from((local - utc).num_minutes()).ok()
}
