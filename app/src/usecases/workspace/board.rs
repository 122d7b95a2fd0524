//! The at-risk board: the open order lines that are overdue, slipping,
//! waiting on a change or on a silent factory, most urgent first.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter};

use crate::domain::at_risk::{
    BOARD_SHOWN, LineFacts, RiskReason, group_at_risk, most_urgent, risks, urgency,
};
use crate::domain::change_request::ChangeStatus;
use crate::domain::policy::{Action, Area};
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{change_request, company, order, order_line, po_line_change};
use crate::ssr::repo::purchase_orders::{self, PlacedLine};
use crate::ssr::repo::{companies, distinct_ids, kpi, orders};
use crate::ssr::{AppState, db_error, guard};
use crate::wire::ApiError;
use crate::wire::workspace::{Board, BoardRow};

/// The at-risk board, for the house: each reason's most urgent lines
/// ([`BOARD_SHOWN`] of them), and every line of the reason `full`.
pub async fn board(
    state: &AppState,
    user: &CurrentUser,
    full: Option<RiskReason>,
) -> Result<Board, ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), "at-risk board").await?;
    let (rows, more) = at_risk(state)
        .await
        .map_err(db_error("loading the board"))?;
    Ok(Board {
        groups: group_at_risk(rows, |row| most_urgent(&row.reasons), BOARD_SHOWN, full),
        capped_at: more.then_some(kpi::BOARD_LIMIT),
    })
}

/// The at-risk board on `today`, most urgent first, and whether more lines
/// may be at risk than the board looked at ([`kpi::BOARD_LIMIT`]).
pub async fn at_risk(state: &AppState) -> Result<(Vec<BoardRow>, bool), DbErr> {
    let now = state.now();
    let today = state.house_date(now);
    let stale_before = now - Duration::days(i64::from(state.settings.stale_after_days));
    let known = Known::read(state, today, stale_before).await?;
    let mut rows: Vec<(BoardRow, LineFacts)> = Vec::new();
    for line in &known.lines {
        let Some(order) = known.orders.get(&line.order_id) else {
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
    Ok((rows.into_iter().map(|(row, _)| row).collect(), known.more))
}

/// What the board reads about the candidate lines (up to
/// [`kpi::BOARD_LIMIT`] of them), each kept by the id it is looked up by.
struct Known {
    lines: Vec<order_line::Model>,
    /// More lines were candidates than the board looks at.
    more: bool,
    orders: HashMap<i32, order::Model>,
    /// The orders with an open change request.
    waiting: HashSet<i32>,
    /// The factory lines behind each order line.
    placed: HashMap<i32, Vec<PlacedLine>>,
    /// The factory lines with an agreed change not yet acknowledged.
    unacknowledged: HashSet<i32>,
    /// Company names by id.
    names: HashMap<i32, String>,
}

impl Known {
    async fn read(
        state: &AppState,
        today: NaiveDate,
        stale_before: DateTime<Utc>,
    ) -> Result<Self, DbErr> {
        let db = &state.reports;
        let kpi::BoardCandidates { ids, more } =
            kpi::board_candidates(db, today, stale_before).await?;
        // What the board needs of those lines is read in three strands side
        // by side, each read on a connection of its own: the lines, then
        // their orders (each once) and those orders' open change requests;
        // the factory lines behind them, then their unacknowledged changes;
        // the companies' names.
        let orders_of_lines = async {
            let lines = orders::lines_by_ids(db, &ids).await?;
            let order_ids = distinct_ids(lines.iter().map(|l| l.order_id));
            let (orders, waiting) = tokio::try_join!(
                order::Entity::find()
                    .filter(order::Column::Id.is_in(order_ids.iter().copied()))
                    .all(db),
                change_request::Entity::find()
                    .filter(change_request::Column::OrderId.is_in(order_ids.iter().copied()))
                    .filter(change_request::Column::Status.eq(ChangeStatus::Open.as_str()))
                    .all(db),
            )?;
            Ok::<_, DbErr>((lines, orders, waiting))
        };
        let factory_lines = async {
            let placed = purchase_orders::placed_lines(db, &ids).await?;
            let unacknowledged = po_line_change::Entity::find()
                .filter(po_line_change::Column::PoLineId.is_in(placed.iter().map(|p| p.line.id)))
                .filter(po_line_change::Column::AcknowledgedAt.is_null())
                .all(db)
                .await?;
            Ok::<_, DbErr>((placed, unacknowledged))
        };
        let ((lines, orders, waiting), (placed_lines, unacknowledged), names) =
            tokio::try_join!(orders_of_lines, factory_lines, companies::all(db))?;
        let waiting = waiting.into_iter().map(|c| c.order_id).collect();
        let unacknowledged = unacknowledged.into_iter().map(|c| c.po_line_id).collect();
        let mut placed: HashMap<i32, Vec<PlacedLine>> = HashMap::new();
        for p in placed_lines {
            placed.entry(p.order_line_id).or_default().push(p);
        }
        let names = names
            .into_iter()
            .map(|c: company::Model| (c.id, c.name))
            .collect();
        Ok(Self {
            lines,
            more,
            orders: orders.into_iter().map(|o| (o.id, o)).collect(),
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
        let behind = self.placed.get(&line.id).map_or(&[][..], Vec::as_slice);
        LineFacts {
            committed: line.committed_date,
            forecast: line.forecast_date,
            ready: !behind.is_empty() && behind.iter().all(ready),
            change_waiting: self.waiting.contains(&order.id),
            change_unacknowledged: behind
                .iter()
                .any(|p| self.unacknowledged.contains(&p.line.id)),
            factory_stale: behind.iter().any(|p| {
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
        let slip_days = facts.slip_days();
        BoardRow {
            order_id: order.id,
            order_number: order.number.clone(),
            customer_name: self
                .names
                .get(&order.customer_company_id)
                .cloned()
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
