//! Parts of a page the browser leaves as the server rendered them.
//!
//! Much of the customer's order page only shows: its lines and dates, the
//! payments, production, shipments and documents, the timeline. In the
//! bundle of that page (`order-islands-only`, cfg `server_parts`) the browser
//! does not carry the code that renders them. Each such part sits in an
//! element named by `data-part`; the browser keeps what the server wrote and,
//! whenever the page's data moves on, fetches the page again and puts the
//! server's newer rendering of each part in its place. What takes input (the
//! change forms, the alerts button, the messages) stays in the browser's
//! hands, so nothing typed is lost.
//!
//! Everywhere else (the server, the whole and the partners' bundle) a part
//! is its view as usual, updated in the browser like the rest.

use leptos::prelude::*;

/// One read-only part of the page, named `name` (unique on the page).
pub fn server_part<V: IntoView + 'static>(
    name: &'static str,
    view: impl FnOnce() -> V,
) -> impl IntoView {
    #[cfg(server_parts)]
    {
        // Never called here, so the bundle does not hold its code.
        let _ = view;
        let parts = use_context::<ServerParts>().map(|parts| parts.0);
        let html = move || {
            parts.and_then(|parts| {
                parts.with(|all| {
                    all.iter()
                        .find(|(part, _)| part == name)
                        .map(|(_, html)| html.clone())
                })
            })
        };
        view! { <div data-part=name inner_html=html></div> }
    }
    #[cfg(not(server_parts))]
    view! { <div data-part=name>{view()}</div> }
}

/// The newest rendering of each part of the page: its name and its HTML.
#[cfg(server_parts)]
#[derive(Clone, Copy)]
struct ServerParts(RwSignal<Vec<(String, String)>>);

/// Offers the page's parts to `server_part`: in a bundle that leaves them to
/// the server, what the server wrote, and its newer rendering once the page
/// is fetched again, which it is whenever `changed` reads something new.
pub fn provide_server_parts(changed: impl Fn() + 'static) {
    #[cfg(server_parts)]
    {
        use std::cell::Cell;
        use std::rc::Rc;

        let parts = RwSignal::new(parts_of(&document()));
        provide_context(ServerParts(parts));
        // Only the answer to the latest fetch is put in place, however the
        // answers arrive.
        let asked = Rc::new(Cell::new(0u64));
        Effect::new(move |before: Option<()>| {
            changed();
            if before.is_none() {
                return;
            }
            let this = asked.get() + 1;
            asked.set(this);
            let asked = asked.clone();
            leptos::task::spawn_local(async move {
                if let Some(fresh) = fetch_page_parts().await
                    && asked.get() == this
                {
                    parts.set(fresh);
                }
            });
        });
    }
    #[cfg(not(server_parts))]
    let _ = changed;
}

/// The parts of a document, by name.
#[cfg(server_parts)]
fn parts_of(page: &web_sys::Document) -> Vec<(String, String)> {
    use wasm_bindgen::JsCast;
    let Ok(found) = page.query_selector_all("[data-part]") else {
        return Default::default();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|part| Some((part.get_attribute("data-part")?, part.inner_html())))
        .collect()
}

/// The parts of the page in hand as the server renders it now; none when it
/// cannot be had (the network is gone, the record is, or the session ended
/// and the server answers with the sign-in page instead).
#[cfg(server_parts)]
async fn fetch_page_parts() -> Option<Vec<(String, String)>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    // Pages are never kept by the browser (`Cache-Control: no-store`).
    let address = window().location().href().ok()?;
    let answer = JsFuture::from(window().fetch_with_str(&address))
        .await
        .ok()?;
    let answer: web_sys::Response = answer.dyn_into().ok()?;
    if !answer.ok() || answer.redirected() {
        return None;
    }
    let text = JsFuture::from(answer.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    let page = web_sys::DomParser::new()
        .ok()?
        .parse_from_string(&text, web_sys::SupportedType::TextHtml)
        .ok()?;
    Some(parts_of(&page))
}
