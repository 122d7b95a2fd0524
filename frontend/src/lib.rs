//! The browser side: fetches the reader's catalogue, then hydrates the
//! server-rendered page into the live Leptos app. Built with `islands`, it
//! wakes only the page's islands, which the page's own script hands to it
//! one by one once `hydrate` has finished (`app::components::islands`).

#[cfg(feature = "islands")]
mod islands;

use app::i18n::{Locale, install};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[cfg(not(feature = "islands"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        match load_catalogue().await {
            Ok(()) => leptos::mount::hydrate_body(app::App),
            // The page stays as the server rendered it: its links and forms
            // still work, without the live parts.
            Err(problem) => web_sys::console::error_2(
                &"the page's catalogue did not load; it stays unhydrated:".into(),
                &problem,
            ),
        }
    });
}

/// Readies the islands' bundle: the page's islands may wake once this has
/// finished. If the catalogue does not load, it fails and the page stays as
/// the server rendered it.
#[cfg(feature = "islands")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn hydrate() -> Result<(), JsValue> {
    console_error_panic_hook::set_once();
    load_catalogue().await?;
    islands::begin();
    Ok(())
}

/// Fetches the catalogue the page names (`app::shell`; the browser has had
/// it on its way since reading the page's head) and installs it as the
/// language of the page.
async fn load_catalogue() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    let locale = Locale::parse(&lang).ok_or("the page names no language of the portal")?;
    let path = document
        .get_element_by_id("catalogue")
        .and_then(|link| link.get_attribute("href"))
        .ok_or("the page names no catalogue")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&path))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(format!("{path}: {}", response.status()).into());
    }
    let source = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .ok_or("the catalogue is not text")?;
    install(locale, source).map_err(JsValue::from)
}
