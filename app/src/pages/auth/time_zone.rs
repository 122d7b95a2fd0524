//! The account page's time zone choice. Until a person chooses, they read
//! times in UTC; the browser knows where it is, so while the default stands
//! the page offers the browser's zone with one click.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::api::auth::SetTimeZone;
use crate::components::forms::{FieldMessage, FormMessage, go_to, latest_error};
use crate::components::guard::use_locale;
use crate::domain::time_zone::suggestion;

/// `current`: the zone the person reads times in now; `choices`: the zones
/// they may choose (`time_zone::choices`, handed in by the server, as the
/// browser carries no zone database).
#[component]
pub fn TimeZoneForm(current: String, choices: Vec<String>) -> impl IntoView {
    let choose = FormAction::<SetTimeZone>::new();
    let error = latest_error(choose.value());
    let locale = use_locale().get_untracked();
    // Every time on the page was written in the old zone: load it afresh.
    Effect::new(move |_| {
        if let Some(Ok(())) = choose.value().get() {
            go_to("/account");
        }
    });
    // Only the browser knows its zone, and only once the page is live, so
    // the server and the hydrating page both start without a suggestion.
    let browser = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        browser.set(browser_zone());
    });
    let stored = current.clone();
    let offered = StoredValue::new(choices);
    let suggested = move || {
        let zone = browser.get()?;
        offered.with_value(|offered| suggestion(&stored, &zone, offered).map(str::to_string))
    };
    view! {
        <h2>{locale.t("time-zone-title")}</h2>
        {move || suggested().map(|zone| view! {
            <PostForm action=choose attr:class="notice" attr:id="time-zone-suggestion">
                <p>{locale.t_with("time-zone-suggest", &[("zone", zone.clone().into())])}</p>
                <input type="hidden" name="time_zone" value=zone.clone() />
                <button type="submit" class="button secondary">
                    {locale.t_with("time-zone-use", &[("zone", zone.into())])}
                </button>
            </PostForm>
        })}
        <PostForm action=choose attr:class="stack-form" attr:id="time-zone-form">
            <label>
                {locale.t("time-zone-label")}
                <select name="time_zone">
                    {offered.with_value(|names| names.iter().map(|name| {
                        let selected = *name == current;
                        view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                    }).collect_view())}
                </select>
            </label>
            <p class="muted">{locale.t("time-zone-hint")}</p>
            <FieldMessage error field="time_zone" />
            <FormMessage error fields=&["time_zone"] />
            <button type="submit" class="button">{locale.t("time-zone-save")}</button>
        </PostForm>
    }
}

/// The zone the browser runs in, as `Intl` names it.
#[cfg(feature = "hydrate")]
fn browser_zone() -> Option<String> {
    use wasm_bindgen::JsValue;
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
}
