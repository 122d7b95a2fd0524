//! Naming the browser bundle in a page (`domain::bundles`).

use axum::http::request::Parts;
use leptos::prelude::{LeptosOptions, use_context};

use super::AppState;
use super::auth::CurrentUser;
use crate::domain::bundles::bundle_for;

/// The site options a page is rendered with: they name the bundle its
/// hydration scripts load. The whole bundle unless the partners' bundle was
/// built and the page and the person may have it.
pub fn page_options(mut options: LeptosOptions) -> LeptosOptions {
    let partners_built = use_context::<AppState>().is_some_and(|s| s.settings.partners_bundle);
    if let (true, Some(parts)) = (partners_built, use_context::<Parts>()) {
        let role = parts.extensions.get::<CurrentUser>().map(|user| user.role);
        options.output_name = bundle_for(parts.uri.path(), role).output_name().into();
    }
    options
}
