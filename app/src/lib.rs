//! The portal's Leptos application. One crate serves both sides: with the `ssr`
//! feature it renders pages and runs server functions inside the axum server;
//! with `hydrate` it is compiled to WASM and takes over the rendered page.
//!
//! - `domain`: pure business rules (no I/O, no framework types).
//! - `api`: server functions and the DTOs they exchange with the browser.
//! - `pages`, `components`: the views.
//! - `ssr`: server-only glue (state, database entities); never part of the WASM build.
//! - `usecases`: server-only; what each server function does, one module per area.
//! - `wire`: the DTOs and errors that cross to the browser, compiled for both.

#![recursion_limit = "256"]

pub mod api;
pub mod compact_dates;
pub mod components;
pub mod csv;
pub mod domain;
pub mod i18n;
pub mod pages;
mod routes;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
pub mod usecases;
pub mod wire;

use crate::components::data::Data;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::components::guard::UserResource;
use crate::components::islands::{IslandScripts, Routed};
use crate::components::layout::SiteLayout;
use crate::pages::areas::CustomerHome;
use crate::pages::auth::{
    account::AccountPage,
    invitation::InvitationPage,
    login::LoginPage,
    reset::{RequestResetPage, ResetPasswordPage},
    two_factor::TwoFactorPage,
    two_factor_sign_in::TwoFactorSignInPage,
};
use crate::pages::complaints::{
    CustomerComplaintPage, CustomerComplaintsPage, SupplierComplaintPage, SupplierComplaintsPage,
};
use crate::pages::confirmation::CustomerConfirmationPage;
use crate::pages::customer_quotation::CustomerQuotationPage;
use crate::pages::inquiries::CustomerInquiriesPage;
use crate::pages::landing::LandingPage;
use crate::pages::notifications::NotificationsPage;
use crate::pages::orders::CustomerOrderPage;
use crate::pages::supplier::{SupplierHome, SupplierLinePage};
use crate::pages::timeline::CustomerTimelinePage;
use crate::routes::{HouseRoutes, RouteNotFound};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Inline scripts run only with this response's nonce; the server's CSP
    // header adds what a meta tag cannot express (frame-ancestors).
    let csp = use_nonce()
        .map(|nonce| {
            format!(
                "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
                 style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
                 object-src 'none'; base-uri 'self'; form-action 'self'"
            )
        })
        .unwrap_or_default();
    // The browser's bundle reads a visitor's language back from here, and
    // fetches the reader's catalogue (the one link with the id `catalogue`)
    // beside the bundle, before the page hydrates.
    #[cfg(feature = "ssr")]
    let locale = crate::ssr::auth::request_locale();
    #[cfg(not(feature = "ssr"))]
    let locale = crate::i18n::Locale::default();
    #[cfg(feature = "ssr")]
    let catalogue = locale.catalogue_path();
    #[cfg(not(feature = "ssr"))]
    let catalogue = "";
    // An island woken in the browser has no signed-in person to ask for the
    // zone its times are written in; it reads it back from here
    // (`components::local_time::viewer_zone`).
    let zone = crate::components::local_time::viewer_zone();
    #[cfg(feature = "ssr")]
    let bundle = crate::ssr::bundles::page_bundle();
    #[cfg(not(feature = "ssr"))]
    let bundle = crate::domain::bundles::Bundle::Whole;
    #[cfg(feature = "ssr")]
    {
        // The app reads it back (`components::islands::hydrated_whole`).
        provide_context(bundle);
        if bundle.islands() {
            crate::components::islands::render_as_islands();
        }
    }
    #[cfg(feature = "ssr")]
    let next = crate::ssr::bundles::next_bundle(bundle).map(|next| next.output_name());
    #[cfg(not(feature = "ssr"))]
    let next = None;
    #[cfg(feature = "ssr")]
    let options = crate::ssr::bundles::page_options(options, bundle);
    // Under the bundle's version, as its scripts (`server::bundle_files`).
    let stylesheet = format!("/{}/portal.css", options.site_pkg_dir);
    view! {
        <!DOCTYPE html>
        <html lang=locale.as_str() data-zone=zone>
            <head>
                <meta charset="utf-8" />
                <meta http-equiv="Content-Security-Policy" content=csp />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="data:," />
                <link
                    rel="preload"
                    id="catalogue"
                    href={catalogue}
                    as="fetch"
                    crossorigin="anonymous"
                />
                <link rel="stylesheet" id="portal" href=stylesheet />
                <AutoReload options=options.clone() />
                {if bundle.islands() {
                    view! { <IslandScripts options next /> }.into_any()
                } else {
                    view! { <HydrationScripts options /> }.into_any()
                }}
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
    // Everything below lies inside the router (`components::islands`).
    provide_context(Routed);
    crate::components::islands::hydrated_whole();
    // Blocking: the server knows the user before the status line is sent.
    let user: Data<_> = Resource::new_with_options(|| (), |_| api::auth::who_am_i(), true);
    provide_context(UserResource(user));
    let brand = crate::components::guard::use_locale()
        .get_untracked()
        .t("layout-brand");
    view! {
        <Title formatter=move |page: String| {
            if page.is_empty() { brand.clone() } else { format!("{page} · {brand}") }
        } />
        <Router>
            <SiteLayout>
                // Signed-in areas render completely before the response starts,
                // so their status (403, redirect) and data arrive together.
                <Routes fallback=|| view! { <RouteNotFound /> }>
                    <Route path=path!("/") view=LandingPage />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/login/two-factor") view=TwoFactorSignInPage ssr=SsrMode::Async />
                    <Route path=path!("/invitation/:token") view=InvitationPage />
                    <Route path=path!("/reset-password") view=RequestResetPage />
                    <Route path=path!("/reset-password/:token") view=ResetPasswordPage />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/two-factor") view=TwoFactorPage ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async />
                    <Route path=path!("/customer") view=CustomerHome ssr=SsrMode::Async />
                    <Route path=path!("/customer/orders/:id") view=CustomerOrderPage ssr=SsrMode::Async />
                    <Route path=path!("/customer/orders/:id/confirmation") view=CustomerConfirmationPage ssr=SsrMode::Async />
                    <Route path=path!("/customer/orders/:id/timeline") view=CustomerTimelinePage ssr=SsrMode::Async />
                    <Route path=path!("/customer/inquiries") view=CustomerInquiriesPage ssr=SsrMode::Async />
                    <Route path=path!("/customer/quotations/:id") view=CustomerQuotationPage ssr=SsrMode::Async />
                    <Route path=path!("/customer/complaints") view=CustomerComplaintsPage ssr=SsrMode::Async />
                    <Route path=path!("/customer/complaints/:id") view=CustomerComplaintPage ssr=SsrMode::Async />
                    <Route path=path!("/supplier") view=SupplierHome ssr=SsrMode::Async />
                    <Route path=path!("/supplier/lines/:id") view=SupplierLinePage ssr=SsrMode::Async />
                    <Route path=path!("/supplier/complaints") view=SupplierComplaintsPage ssr=SsrMode::Async />
                    <Route path=path!("/supplier/complaints/:id") view=SupplierComplaintPage ssr=SsrMode::Async />
                    <HouseRoutes />
                </Routes>
            </SiteLayout>
        </Router>
    }
}
