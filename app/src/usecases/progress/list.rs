//! The lines a factory (or the house) works through, late first.

use crate::domain::limits::search_fits;
use crate::domain::progress::LineFilter;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::companies;
use crate::ssr::repo::progress::{self, PoScope};
use crate::wire::ApiError;
use crate::wire::progress::{LIST_LIMIT, LIST_PAGE, PoLineView};

/// The lines the viewer may see: `show` is `open` (default), `late`,
/// `stale` or `done`; `query` matches PO number or product. The first
/// `shown` (`LIST_PAGE` unless given, at most `LIST_LIMIT`) of the whole
/// sorted list, kept between writes (`read_cache`).
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    show: Option<String>,
    query: Option<String>,
    shown: Option<u64>,
) -> Result<Vec<PoLineView>, ApiError> {
    let shown = shown.unwrap_or(LIST_PAGE).clamp(1, LIST_LIMIT);
    let args = (show.clone(), query.clone(), shown);
    state
        .kept_part("progress/lines", user, user.own_part(), args, || {
            read(state, user, show, query, shown)
        })
        .await
}

async fn read(
    state: &AppState,
    user: &CurrentUser,
    show: Option<String>,
    query: Option<String>,
    shown: u64,
) -> Result<Vec<PoLineView>, ApiError> {
    let scope = PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    if !search_fits(query.as_deref()) {
        return Err(ApiError::invalid("query", user.locale.t("search-too-long")));
    }
    let filter = LineFilter::parse(show.as_deref().unwrap_or(""))
        .ok_or_else(|| ApiError::invalid("show", user.locale.t("err-unknown-choice")))?;
    let today = state.today();
    // The list's own order is read as it is shown, so a page reads as many
    // lines as it shows; only the stale lines are sifted from a wider read.
    let read_limit = if filter.sifted() {
        LIST_LIMIT * 20
    } else {
        shown
    };
    // Only shown, outside any transaction: on SQLite the read-only pool, so
    // a factory's list does not queue behind writes.
    let rows = progress::lines(
        &state.reports,
        scope,
        filter,
        today,
        query.as_deref(),
        read_limit,
    )
    .await?;
    let names = if scope == PoScope::All {
        companies::all(&state.reports).await?
    } else {
        Vec::new()
    };
    let mut views: Vec<PoLineView> = rows
        .iter()
        .map(|row| {
            let supplier = names
                .iter()
                .find(|c| c.id == row.po.supplier_company_id)
                .map(|c| c.name.clone());
            super::view(row, today, state.settings.stale_after_days, supplier)
        })
        .filter(|v| filter.keeps(v.late, v.stale))
        .collect();
    super::sort(&mut views, today);
    views.truncate(shown as usize);
    Ok(views)
}
