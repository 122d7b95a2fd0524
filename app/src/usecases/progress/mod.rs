//! Factory progress on purchase-order lines: a factory lists its own open
//! lines (late first), opens one, reports on it, or moves several lines of
//! one PO at once; the house reads every factory's lines. Messages come back
//! in the reader's language. One file per use case; what they share is here.

mod bulk;
mod detail;
mod list;
mod post;

pub use bulk::bulk;
pub use detail::detail;
pub use list::list;
pub use post::post;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::kept_pages::{Scope, each_once};
use crate::domain::progress::{PoLineState, ProgressError, is_stale, work_order_key};
use crate::i18n::Locale;
use crate::ssr::AppState;
use crate::ssr::alerts::AlertContext;
use crate::ssr::production::{Moved, follow_factory};
use crate::ssr::repo::progress::PoLineRow;
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;
use crate::wire::progress::PoLineView;

fn view(
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
        purchase_order_id: row.po.id,
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

fn sort(views: &mut [PoLineView], today: NaiveDate) {
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
fn message(locale: Locale, problem: &ProgressError) -> String {
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

/// Someone reported on the line after the reader loaded it.
fn stale(locale: Locale) -> ApiError {
    ApiError::Conflict {
        message: locale.t("progress-stale"),
    }
}

/// Lets the factory's moves follow on to the customer lines they fill, in
/// the same unit of work, then commits it.
///
/// A report writes the factory's lines and the production of the orders
/// behind them (their lines' dates, status and timeline), so only what was
/// kept for that factory, those orders and their customers is dropped; an
/// order's shipping and conversation, which a report does not write, stay
/// kept. One that put anything on someone's notification list (an alert)
/// changed every page's navigation for that person, and drops their pages
/// too.
async fn follow_and_commit(
    state: &AppState,
    mut work: UnitOfWork,
    factories: &[i32],
    moved: &[Moved],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let followed = follow_factory(
        &work.tx,
        moved,
        &mut work.live,
        &AlertContext {
            now,
            ..state.alert_context()
        },
    )
    .await?;
    let touched = factories.iter().map(|f| Scope::Factory(*f)).chain(
        followed
            .orders
            .iter()
            .flat_map(|(order, customer)| [Scope::Production(*order), Scope::Customer(*customer)]),
    );
    work.touches_only(each_once(touched));
    work.commit(state).await
}
