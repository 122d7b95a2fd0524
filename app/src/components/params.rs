//! Reading the current route's parameters.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The route's `:id` as a number, read reactively; 0 (which no record has)
/// when it is missing or not a number, so the page shows "not found".
pub fn use_route_id() -> impl Fn() -> i32 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i32>().ok())
            .unwrap_or(0)
    }
}

/// The query parameter `name` as a number, read reactively; none when it is
/// missing or not a number.
pub fn use_query_number(
    name: &'static str,
) -> impl Fn() -> Option<i32> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        query
            .read()
            .get(name)
            .and_then(|raw| raw.parse::<i32>().ok())
    }
}
