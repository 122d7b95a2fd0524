//! The portal's Leptos application. One crate serves both sides: with the `ssr`
//! feature it renders pages and runs server functions inside the axum server;
//! with `hydrate` it is compiled to WASM and takes over the rendered page.
//!
//! - `domain`: pure business rules (no I/O, no framework types).
//! - `api`: server functions and the DTOs they exchange with the browser.
//! - `pages`, `components`: the views.
//! - `ssr`: server-only glue (state, database entities); never part of the WASM build.

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod domain;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::components::layout::SiteLayout;
use crate::pages::{landing::LandingPage, not_found::NotFound};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="data:," />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="portal" href="/pkg/portal.css" />
        <Title formatter=|page: String| {
            if page.is_empty() { "Trade Portal".to_string() } else { format!("{page} · Trade Portal") }
        } />
        <Router>
            <SiteLayout>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=LandingPage />
                </Routes>
            </SiteLayout>
        </Router>
    }
}
