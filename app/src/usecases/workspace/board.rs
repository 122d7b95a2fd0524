//! The at-risk board: the open order lines that are overdue, slipping,
//! waiting on a change or on a silent factory, most urgent first.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter};

use crate::domain::change_request::ChangeStatus;
use crate::domain::kpi::{LineFacts, RiskReason, risks, urgency};
use crate::domain::policy::{Action, Area};
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{change_request, company, order, order_line, po_line_change};
use crate::ssr::repo::purchase_orders::{self, PlacedLine};
use crate::ssr::repo::{companies, kpi};
use crate::ssr::{AppState, db_error, guard};
use crate::wire::ApiError;
use crate::wire::workspace::BoardRow;

/// The at-risk board, for the house.
pub async fn board(state: &AppState, user: &CurrentUser) -> Result<Vec<BoardRow>, ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), "at-risk board").await?;
    at_risk(state).await.map_err(db_error("loading the board"))
}

/// The at-risk board on `today`: most urgent first.
pub async fn at_risk(state: &AppState) -> Result<Vec<BoardRow>, DbErr> {
    let now = state.now();
    let today = state.house_date(now);
    let stale_before = now - Duration::days(i64::from(state.settings.stale_after_days));
    let known = Known::read(state, today, stale_before).await?;
    let mut rows: Vec<(BoardRow, LineFacts)> = Vec::new();
    for line in &known.lines {
        let Some(order) = known.orders.iter().find(|o| o.id == line.order_id) else {
            continue;
        };
        let facts = known.facts(line, order, stale_before);
        let reasons = risks(&facts, today);
        if reasons.is_empty() {
            continue;
        }
        rows.push((known.row(line, order, &facts, reasons), facts));
    }
    rows.sort_by_key(|(row, facts)| (urgency(&row.reasons, facts), row.order_id, row.line_no));
    Ok(rows.into_iter().map(|(row, _)| row).collect())
}

/// What the board reads about the candidate lines.
struct Known {
    lines: Vec<order_line::Model>,
    orders: Vec<order::Model>,
    /// Open change requests on those orders.
    waiting: Vec<change_request::Model>,
    /// The factory lines behind them.
    placed: Vec<PlacedLine>,
    /// Agreed changes to those factory lines not yet acknowledged.
    unacknowledged: Vec<po_line_change::Model>,
    names: Vec<company::Model>,
}

impl Known {
    async fn read(
        state: &AppState,
        today: NaiveDate,
        stale_before: DateTime<Utc>,
    ) -> Result<Self, DbErr> {
        let db = &state.reports;
        let ids = kpi::board_candidates(db, today, stale_before).await?;
        let lines = order_line::Entity::find()
            .filter(order_line::Column::Id.is_in(ids.iter().copied()))
            .all(db)
            .await?;
        let orders = order::Entity::find()
            .filter(order::Column::Id.is_in(lines.iter().map(|l| l.order_id)))
            .all(db)
            .await?;
        let waiting = change_request::Entity::find()
            .filter(change_request::Column::OrderId.is_in(orders.iter().map(|o| o.id)))
            .filter(change_request::Column::Status.eq(ChangeStatus::Open.as_str()))
            .all(db)
            .await?;
        let placed = purchase_orders::placed_lines(db, &ids).await?;
        let unacknowledged = po_line_change::Entity::find()
            .filter(po_line_change::Column::PoLineId.is_in(placed.iter().map(|p| p.line.id)))
            .filter(po_line_change::Column::AcknowledgedAt.is_null())
            .all(db)
            .await?;
        let names = companies::all(db).await?;
        Ok(Self {
            lines,
            orders,
            waiting,
            placed,
            unacknowledged,
            names,
        })
    }

    /// What the board knows about one line of `order`.
    fn facts(
        &self,
        line: &order_line::Model,
        order: &order::Model,
        stale_before: DateTime<Utc>,
    ) -> LineFacts {
        let ready = |p: &PlacedLine| p.line.milestone.ready();
        let behind: Vec<_> = self
            .placed
            .iter()
            .filter(|p| p.order_line_id == line.id)
            .collect();
        LineFacts {
            committed: line.committed_date,
            forecast: line.forecast_date,
            ready: !behind.is_empty() && behind.iter().all(|&p| ready(p)),
            change_waiting: self.waiting.iter().any(|c| c.order_id == order.id),
            change_unacknowledged: behind.iter().any(|p| {
                self.unacknowledged
                    .iter()
                    .any(|c| c.po_line_id == p.line.id)
            }),
            factory_stale: behind.iter().any(|&p| {
                p.po.status == crate::domain::order_status::PurchaseOrderStatus::Open
                    && !ready(p)
                    && p.line.last_progress_at.unwrap_or(p.po.created_at) < stale_before
            }),
        }
    }

    /// The board's row for one line at risk.
    fn row(
        &self,
        line: &order_line::Model,
        order: &order::Model,
        facts: &LineFacts,
        reasons: Vec<RiskReason>,
    ) -> BoardRow {
        let slip_days = match (facts.committed, facts.forecast) {
            (Some(c), Some(f)) => (f - c).num_days().max(0),
            _ => 0,
        };
        BoardRow {
            order_id: order.id,
            order_number: order.number.clone(),
            customer_name: self
                .names
                .iter()
                .find(|c| c.id == order.customer_company_id)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            line_no: line.line_no,
            product_code: line.product_code.clone(),
            committed: line.committed_date,
            forecast: line.forecast_date,
            slip_days,
            reasons,
        }
    }
}
