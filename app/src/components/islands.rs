//! Pages written as islands (`domain::bundles`). The server renders such a
//! page as plain HTML, but for its islands (`#[island]` components), which
//! carry what they need to wake up; the page's script loads the islands'
//! bundle, lets it fetch the reader's catalogue, then wakes each island.
//!
//! A page hydrated as a whole renders its islands as plain components,
//! without the element an island is woken from ([`hydrated_whole`]): Leptos
//! steps into that element while hydrating and not out of it again, so what
//! followed it would be taken for the wrong nodes.
//!
//! Inside an island there is no router in the browser: links are plain
//! anchors, and what the route tells (an id, the address) comes as the
//! island's props or from [`page_path`] and [`page_query`].

use leptos::prelude::*;

/// Marks the page in hand as islands: from here on the server renders
/// nothing for hydration but what lies inside an island.
#[cfg(feature = "ssr")]
pub fn render_as_islands() {
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
}

/// For the app's root: a page hydrated as a whole has its islands rendered
/// as plain components, on the server and in the browser alike.
pub fn hydrated_whole() {
    // The shell named the page's bundle once (`crate::shell`).
    #[cfg(feature = "ssr")]
    let whole = !use_context::<crate::domain::bundles::Bundle>().is_some_and(|b| b.islands());
    // In the browser the app's root runs only on pages hydrated as a whole.
    #[cfg(not(feature = "ssr"))]
    let whole = true;
    if whole {
        provide_context(leptos::reactive::owner::IsHydrating(true));
    }
}

/// The head's scripts of a page written as islands, in place of Leptos's
/// hydration scripts: the bundle on its way early, then the page's script.
/// Once the page works, the script has the browser fetch the files of the
/// bundle named `next` (of the page its readers most likely open next) at
/// leisure, and keep them for that page; not earlier, where they would
/// share a slow network with this page's own bundle.
#[component]
pub fn IslandScripts(options: LeptosOptions, next: Option<&'static str>) -> impl IntoView {
    let next = next.map_or_else(
        || "null".to_string(),
        |name| format!("{:?}", format!("/{}/{name}", options.site_pkg_dir)),
    );
    let files = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let (script, wasm) = (format!("{files}.js"), format!("{files}.wasm"));
    let nonce = use_nonce();
    let wake = format!(
        "({})({script:?}, {wasm:?}, {next}).catch((problem) => \
         console.error(\"the page stays as the server rendered it:\", problem));",
        include_str!("islands.js").trim_end().trim_end_matches(';')
    );
    view! {
        <link rel="modulepreload" href=script.clone() />
        <link rel="preload" href=wasm r#as="fetch" type="application/wasm" crossorigin="anonymous" />
        <script type="module" nonce=nonce>{wake}</script>
    }
}

/// Whether the page is in the hands of the router (the whole or partners'
/// bundle, and the server), not woken island by island.
fn routed() -> bool {
    use_context::<Routed>().is_some()
}

/// Provided inside the app's router: its hooks may be used.
#[derive(Clone, Copy)]
pub struct Routed;

/// The address of the page in hand, without its query.
pub fn page_path() -> String {
    if routed() {
        return leptos_router::hooks::use_location()
            .pathname
            .get_untracked();
    }
    #[cfg(feature = "hydrate")]
    {
        window().location().pathname().unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    String::new()
}

/// One value of the page's query (`?name=value`), read as the page opens.
pub fn page_query(name: &str) -> Option<String> {
    if routed() {
        return leptos_router::hooks::use_query_map()
            .read_untracked()
            .get(name);
    }
    #[cfg(feature = "hydrate")]
    {
        let search = window().location().search().ok()?;
        crate::components::form_action::field(&search, name)
    }
    #[cfg(not(feature = "hydrate"))]
    None
}
