//! Factory progress on purchase-order lines: a factory lists its own open
//! lines (late first), opens one to post a milestone, quantities and a new
//! forecast, or moves several lines of one PO at once. The house reads every
//! factory's lines. Messages come back in the reader's language.

// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ApiError;
use crate::domain::progress::Milestone;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoLineView {
    pub id: i32,
    pub po_number: String,
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub quantity: i64,
    pub quantity_done: i64,
    pub milestone: Milestone,
    pub committed_ready: NaiveDate,
    pub forecast_ready: Option<NaiveDate>,
    pub late: bool,
    pub stale: bool,
    /// Days since the last report (or since the PO was placed).
    pub quiet_days: i64,
    pub closed: bool,
    pub version: i32,
    /// The house only: whose line it is.
    pub supplier_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEntry {
    pub at: DateTime<Utc>,
    pub who: Option<String>,
    pub milestone: Milestone,
    pub quantity_done: i64,
    pub lot_quantity: Option<i64>,
    pub forecast_ready: Option<NaiveDate>,
    pub reason: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoLineDetail {
    pub line: PoLineView,
    /// Newest first.
    pub history: Vec<ProgressEntry>,
}

/// How many lines one list shows at most.
pub const LIST_LIMIT: u64 = 300;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::*;
    use crate::domain::progress::{PoLineState, ProgressError, is_stale, work_order_key};
    use crate::i18n::Locale;
    use crate::ssr::repo::progress::PoLineRow;

    pub fn view(
        row: &PoLineRow,
        today: NaiveDate,
        stale_after_days: u32,
        supplier_name: Option<String>,
    ) -> PoLineView {
        let state = row.state();
        let last = row
            .line
            .last_progress_at
            .unwrap_or(row.po.created_at)
            .date_naive();
        PoLineView {
            id: row.line.id,
            po_number: row.po.number.clone(),
            line_no: row.line.line_no,
            product_code: row.line.product_code.clone(),
            description: row.line.description.clone(),
            quantity: row.line.quantity,
            quantity_done: row.line.quantity_done,
            milestone: state.milestone,
            committed_ready: state.committed_ready,
            forecast_ready: state.forecast_ready,
            late: state.is_late(today),
            stale: is_stale(&state, last, today, stale_after_days),
            quiet_days: (today - last).num_days(),
            closed: state.closed(),
            version: row.line.version,
            supplier_name,
        }
    }

    pub fn sort(views: &mut [PoLineView], today: NaiveDate) {
        views.sort_by_key(|v| {
            let state = PoLineState {
                milestone: v.milestone,
                quantity: v.quantity,
                quantity_done: v.quantity_done,
                committed_ready: v.committed_ready,
                forecast_ready: v.forecast_ready,
                po_closed: v.closed,
            };
            (work_order_key(&state, today), v.id)
        });
    }

    /// A rule's refusal in the reader's language.
    pub fn message(locale: Locale, problem: &ProgressError) -> String {
        match problem {
            ProgressError::Closed => locale.t("progress-closed"),
            ProgressError::MoreThanOrdered { ordered } => locale.t_with(
                "progress-more-than-ordered",
                &[("ordered", (*ordered).into())],
            ),
            ProgressError::NegativeQuantity => locale.t("progress-negative"),
            ProgressError::QuantityBackwards { was } => {
                locale.t_with("progress-quantity-backwards", &[("was", (*was).into())])
            }
            ProgressError::MilestoneBackwards { was } => locale.t_with(
                "progress-milestone-backwards",
                &[(
                    "was",
                    locale.t(&format!("milestone-{}", was.as_str())).into(),
                )],
            ),
            ProgressError::ForecastInPast => locale.t("progress-forecast-past"),
            ProgressError::LaterNeedsReason { was } => locale.t_with(
                "progress-later-needs-reason",
                &[("was", was.to_string().into())],
            ),
            ProgressError::BadLot => locale.t("progress-bad-lot"),
            ProgressError::ShippedIncomplete { done, ordered } => locale.t_with(
                "progress-shipped-incomplete",
                &[("done", (*done).into()), ("ordered", (*ordered).into())],
            ),
            ProgressError::ReasonTooLong => locale.t("progress-reason-too-long"),
            ProgressError::NoteTooLong => locale.t("progress-note-too-long"),
        }
    }
}

/// The lines the viewer may see: `show` is `open` (default), `late`,
/// `stale` or `done`; `query` matches PO number or product.
/// The longest search text taken (a PO number or a product is far shorter).
pub const MAX_QUERY_CHARS: usize = 100;

#[server(endpoint = "progress/lines")]
pub async fn list_po_lines(
    show: Option<String>,
    query: Option<String>,
) -> Result<Vec<PoLineView>, ApiError> {
    use crate::ssr::app_state;
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::companies;
    use crate::ssr::repo::progress::{self, PoScope, Stage};

    let user = require_user()?;
    let scope = PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    if query
        .as_deref()
        .is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS)
    {
        return Err(ApiError::invalid("query", user.locale.t("search-too-long")));
    }
    let show = show.unwrap_or_default();
    let stage = match show.as_str() {
        "" | "open" | "late" | "stale" => Stage::Open,
        "done" => Stage::Done,
        _ => return Err(ApiError::invalid("show", "Unknown choice.")),
    };
    let state = app_state()?;
    let today = state.now().date_naive();
    // Late and stale are judged per line, so they are sifted from a wider read.
    let read_limit = if matches!(show.as_str(), "late" | "stale") {
        LIST_LIMIT * 20
    } else {
        LIST_LIMIT
    };
    let rows = progress::lines(&state.db, scope, stage, query.as_deref(), read_limit).await?;
    let names = if scope == PoScope::All {
        companies::all(&state.db).await?
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
            server::view(row, today, state.settings.stale_after_days, supplier)
        })
        .filter(|v| match show.as_str() {
            "late" => v.late,
            "stale" => v.stale,
            _ => true,
        })
        .collect();
    server::sort(&mut views, today);
    views.truncate(LIST_LIMIT as usize);
    Ok(views)
}

#[server(endpoint = "progress/line")]
pub async fn get_po_line(id: i32) -> Result<PoLineDetail, ApiError> {
    use crate::domain::policy::Action;
    use crate::ssr::auth::require_user;
    use crate::ssr::repo::progress::{self, PoScope};
    use crate::ssr::repo::{companies, users};
    use crate::ssr::{app_state, guard};

    let user = require_user()?;
    let scope = PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let state = app_state()?;
    let row = progress::find_line(&state.db, PoScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let action = Action::PoLine {
        supplier: row.po.supplier_company_id,
        report: false,
    };
    guard::check(&state, &user, action, "PO line").await?;
    let today = state.now().date_naive();
    let supplier = if scope == PoScope::All {
        companies::find(&state.db, row.po.supplier_company_id)
            .await?
            .map(|c| c.name)
    } else {
        None
    };
    let history = progress::history(&state.db, id).await?;
    let reporters: Vec<i32> = history.iter().filter_map(|h| h.user_id).collect();
    let people = users::by_ids(&state.db, &reporters).await?;
    let history = history
        .into_iter()
        .map(|h| ProgressEntry {
            at: h.at,
            who: h
                .user_id
                .and_then(|id| people.iter().find(|p| p.id == id))
                .map(|p| p.display_name.clone()),
            milestone: Milestone::parse(&h.milestone).unwrap_or(Milestone::NotStarted),
            quantity_done: h.quantity_done,
            lot_quantity: h.lot_quantity,
            forecast_ready: h.forecast_ready_date,
            reason: h.reason,
            note: h.note,
        })
        .collect();
    Ok(PoLineDetail {
        line: server::view(&row, today, state.settings.stale_after_days, supplier),
        history,
    })
}

/// A factory reports on one of its lines. Fields: `milestone` (see
/// `Milestone::as_str`), `quantity_done`, optional `lot_quantity`, optional
/// `forecast` (`YYYY-MM-DD`; empty keeps the current one), `reason`, `note`.
#[server(endpoint = "progress/post")]
pub async fn post_progress(
    id: i32,
    version: i32,
    milestone: String,
    quantity_done: String,
    #[server(default)] lot_quantity: String,
    #[server(default)] forecast: String,
    #[server(default)] reason: String,
    #[server(default)] note: String,
) -> Result<(), ApiError> {
    use crate::domain::policy::Action;
    use crate::domain::progress::{ProgressInput, check_progress};
    use crate::ssr::alerts::AlertContext;
    use crate::ssr::auth::require_user;
    use crate::ssr::production::{Moved, follow_factory};
    use crate::ssr::repo::progress::{self, NewProgress, PoScope};
    use crate::ssr::{app_state, guard};

    let user = require_user()?;
    PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let state = app_state()?;
    let row = progress::find_line(&state.db, PoScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let action = Action::PoLine {
        supplier: row.po.supplier_company_id,
        report: true,
    };
    guard::check(&state, &user, action, "PO line progress").await?;
    let locale = user.locale;
    let stale = || ApiError::Conflict {
        message: locale.t("progress-stale"),
    };
    if row.line.version != version {
        return Err(stale());
    }
    let today = state.now().date_naive();
    let mut problems = super::FieldErrors::default();
    let milestone = problems.keep(
        "milestone",
        Milestone::parse(&milestone).ok_or_else(|| locale.t("progress-unknown-milestone")),
    );
    let whole = |raw: &str| {
        raw.trim()
            .parse::<i64>()
            .map_err(|_| locale.t("progress-bad-number"))
    };
    let quantity_done = problems.keep("quantity_done", whole(&quantity_done));
    let lot_quantity = match lot_quantity.trim() {
        "" => Some(None),
        raw => problems.keep("lot_quantity", whole(raw)).map(Some),
    };
    let forecast = match forecast.trim() {
        "" => Some(None),
        raw => problems
            .keep(
                "forecast",
                crate::domain::dates::parse_day(raw).ok_or_else(|| locale.t("progress-bad-date")),
            )
            .map(Some),
    };
    let (Some(milestone), Some(quantity_done), Some(lot_quantity), Some(forecast)) =
        (milestone, quantity_done, lot_quantity, forecast)
    else {
        return Err(problems.into_error());
    };
    let line_state = row.state();
    let input = ProgressInput {
        milestone,
        quantity_done,
        lot_quantity,
        forecast_ready: forecast,
        reason: Some(reason),
        note: Some(note),
    };
    let accepted = match check_progress(&line_state, &input, today) {
        Ok(accepted) => accepted,
        Err(found) => {
            for problem in &found {
                problems.add(problem.field(), server::message(locale, problem));
            }
            return Err(problems.into_error());
        }
    };

    let now = state.now();
    let mut work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    let recorded = progress::record(
        &work.tx,
        NewProgress {
            po_line_id: id,
            user_id: Some(user.user_id),
            milestone: accepted.milestone,
            quantity_done: accepted.quantity_done,
            lot_quantity: accepted.lot_quantity,
            forecast_ready: accepted.forecast_ready,
            reason: accepted.reason.as_deref(),
            note: accepted.note.as_deref(),
        },
        version,
        now,
    )
    .await?;
    if !recorded {
        return Err(stale());
    }
    follow_factory(
        &work.tx,
        &[Moved {
            po_line_id: id,
            from: line_state.milestone,
            to: accepted.milestone,
        }],
        &mut work.live,
        &AlertContext {
            now,
            ..state.alert_context()
        },
    )
    .await?;
    work.commit(&state).await?;
    Ok(())
}

/// Moves several lines of one purchase order to `milestone` at once (e.g.
/// all packed); quantities and forecasts stay. All or nothing: if any line
/// refuses, none moves. Returns how many lines moved.
/// The most lines one report may move at once: more than any purchase order
/// holds, and a bound on the work one request can ask for.
pub const MAX_BULK_LINES: usize = 200;

#[server(endpoint = "progress/bulk")]
pub async fn bulk_progress(
    #[server(default)] line_ids: Vec<i32>,
    milestone: String,
    #[server(default)] note: String,
) -> Result<usize, ApiError> {
    use crate::domain::policy::Action;
    use crate::domain::progress::{ProgressInput, check_progress};
    use crate::ssr::alerts::AlertContext;
    use crate::ssr::auth::require_user;
    use crate::ssr::production::{Moved, follow_factory};
    use crate::ssr::repo::progress::{self, NewProgress, PoScope};
    use crate::ssr::{app_state, guard};

    let user = require_user()?;
    PoScope::for_actor(&user.actor()).ok_or(ApiError::NotFound)?;
    let locale = user.locale;
    let state = app_state()?;
    let mut ids = line_ids;
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Err(ApiError::invalid("line_ids", locale.t("progress-no-lines")));
    }
    if ids.len() > MAX_BULK_LINES {
        return Err(ApiError::invalid(
            "line_ids",
            locale.t_with(
                "progress-too-many-lines",
                &[("count", MAX_BULK_LINES.into())],
            ),
        ));
    }
    let milestone = Milestone::parse(&milestone)
        .ok_or_else(|| ApiError::invalid("milestone", locale.t("progress-unknown-milestone")))?;
    let rows = progress::lines_by_ids(&state.db, PoScope::All, &ids).await?;
    if rows.len() != ids.len() {
        return Err(ApiError::NotFound);
    }
    for row in &rows {
        let action = Action::PoLine {
            supplier: row.po.supplier_company_id,
            report: true,
        };
        guard::check(&state, &user, action, "PO line progress").await?;
    }
    if rows.iter().any(|r| r.po.id != rows[0].po.id) {
        return Err(ApiError::invalid("line_ids", locale.t("progress-one-po")));
    }
    let today = state.now().date_naive();
    let mut problems = super::FieldErrors::default();
    let mut plan = Vec::new();
    for row in &rows {
        let line_state = row.state();
        let input = ProgressInput {
            milestone,
            quantity_done: row.line.quantity_done,
            lot_quantity: None,
            forecast_ready: row.line.forecast_ready_date,
            reason: None,
            note: Some(note.clone()),
        };
        match check_progress(&line_state, &input, today) {
            Ok(accepted) => plan.push((row, line_state.milestone, accepted)),
            Err(found) => {
                for problem in found {
                    problems.add(
                        "line_ids",
                        locale.t_with(
                            "progress-line-problem",
                            &[
                                (
                                    "line",
                                    format!("{} / {}", row.po.number, row.line.line_no).into(),
                                ),
                                ("problem", server::message(locale, &problem).into()),
                            ],
                        ),
                    );
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    let now = state.now();
    let mut work = crate::ssr::work::UnitOfWork::begin(&state).await?;
    let mut moved = Vec::new();
    for (row, from, accepted) in &plan {
        let recorded = progress::record(
            &work.tx,
            NewProgress {
                po_line_id: row.line.id,
                user_id: Some(user.user_id),
                milestone: accepted.milestone,
                quantity_done: accepted.quantity_done,
                lot_quantity: None,
                forecast_ready: accepted.forecast_ready,
                reason: None,
                note: accepted.note.as_deref(),
            },
            row.line.version,
            now,
        )
        .await?;
        if !recorded {
            return Err(ApiError::Conflict {
                message: locale.t("progress-stale"),
            });
        }
        moved.push(Moved {
            po_line_id: row.line.id,
            from: *from,
            to: accepted.milestone,
        });
    }
    follow_factory(
        &work.tx,
        &moved,
        &mut work.live,
        &AlertContext {
            now,
            ..state.alert_context()
        },
    )
    .await?;
    work.commit(&state).await?;
    Ok(moved.len())
}
