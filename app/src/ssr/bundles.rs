//! Naming the browser bundle in a page (`domain::bundles`).

use axum::http::request::Parts;
use leptos::prelude::{LeptosOptions, with_context};

use super::AppState;
use super::auth::CurrentUser;
use crate::domain::bundles::{Built, Bundle, bundle_for};

/// The bundles the site holds (none but the whole one outside a request).
fn built() -> Built {
    with_context::<AppState, _>(|state| state.settings.bundles).unwrap_or_default()
}

/// The bundle the page in hand is sent with: the whole bundle unless a
/// smaller one was built and the page and the person may have it.
pub fn page_bundle() -> Bundle {
    let built = built();
    with_context::<Parts, _>(|parts| {
        let role = parts.extensions.get::<CurrentUser>().map(|user| user.role);
        bundle_for(parts.uri.path(), role, built)
    })
    .unwrap_or(Bundle::Whole)
}

/// The bundle the page in hand's readers most likely need next
/// ([`Bundle::next`]), if the site holds it.
pub fn next_bundle(bundle: Bundle) -> Option<Bundle> {
    bundle.next().filter(|&next| built().holds(next))
}

/// The site options a page is rendered with: they name its bundle's files.
pub fn page_options(mut options: LeptosOptions, bundle: Bundle) -> LeptosOptions {
    options.output_name = bundle.output_name().into();
    options
}
