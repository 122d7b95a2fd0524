//! Purchase orders to the factories, their lines, and the links from each PO
//! line to the customer order lines it fills.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::domain::progress::Milestone;
use crate::ssr::entities::{order_line, po_line, po_line_link, purchase_order};

pub async fn insert_po(
    db: &impl ConnectionTrait,
    number: &str,
    supplier_company_id: i32,
    now: DateTime<Utc>,
) -> Result<purchase_order::Model, DbErr> {
    purchase_order::ActiveModel {
        number: Set(number.to_string()),
        supplier_company_id: Set(supplier_company_id),
        status: Set(crate::domain::order_status::PurchaseOrderStatus::Open),
        version: Set(1),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub struct NewPoLine<'a> {
    pub purchase_order_id: i32,
    pub line_no: i32,
    pub product_code: &'a str,
    pub description: &'a str,
    pub quantity: i64,
    pub quantity_done: i64,
    pub committed_ready: NaiveDate,
    pub forecast_ready: Option<NaiveDate>,
    pub milestone: Milestone,
    pub last_progress_at: Option<DateTime<Utc>>,
}

impl<'a> NewPoLine<'a> {
    /// The factory line that fills the customer line `line`, line `line_no`
    /// of purchase order `purchase_order_id`: the same goods, not started,
    /// to be ready by `ready_by`.
    pub fn filling(
        purchase_order_id: i32,
        line_no: i32,
        line: &'a order_line::Model,
        ready_by: NaiveDate,
    ) -> Self {
        Self {
            purchase_order_id,
            line_no,
            product_code: &line.product_code,
            description: &line.description,
            quantity: line.quantity,
            quantity_done: 0,
            committed_ready: ready_by,
            forecast_ready: Some(ready_by),
            milestone: Milestone::NotStarted,
            last_progress_at: None,
        }
    }
}

/// Inserts a PO line and links it to the customer lines it fills.
pub async fn insert_po_line(
    db: &impl ConnectionTrait,
    new: NewPoLine<'_>,
    fills: &[i32],
) -> Result<po_line::Model, DbErr> {
    let line = po_line::ActiveModel {
        purchase_order_id: Set(new.purchase_order_id),
        line_no: Set(new.line_no),
        product_code: Set(new.product_code.to_string()),
        description: Set(new.description.to_string()),
        quantity: Set(new.quantity),
        quantity_done: Set(new.quantity_done),
        committed_ready_date: Set(new.committed_ready),
        forecast_ready_date: Set(new.forecast_ready),
        milestone: Set(new.milestone),
        last_progress_at: Set(new.last_progress_at),
        version: Set(1),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for order_line_id in fills {
        po_line_link::ActiveModel {
            po_line_id: Set(line.id),
            order_line_id: Set(*order_line_id),
        }
        .insert(db)
        .await?;
    }
    Ok(line)
}

pub async fn set_po_number(db: &impl ConnectionTrait, id: i32, number: &str) -> Result<(), DbErr> {
    purchase_order::ActiveModel {
        id: Set(id),
        number: Set(number.to_string()),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// A PO line with its purchase order and the customer line it fills.
#[derive(Debug, Clone)]
pub struct PlacedLine {
    pub order_line_id: i32,
    pub po: purchase_order::Model,
    pub line: po_line::Model,
}

/// Every factory with a purchase-order line filling a line of the order,
/// cancelled ones included (their lists still show the cancelled line),
/// each once. One query.
pub async fn factories_of_order(
    db: &impl ConnectionTrait,
    order_id: i32,
) -> Result<Vec<i32>, DbErr> {
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::Query;
    let lines = Query::select()
        .column(order_line::Column::Id)
        .from(order_line::Entity)
        .and_where(order_line::Column::OrderId.eq(order_id))
        .to_owned();
    let links = Query::select()
        .column(po_line_link::Column::PoLineId)
        .from(po_line_link::Entity)
        .and_where(po_line_link::Column::OrderLineId.in_subquery(lines))
        .to_owned();
    let pos = Query::select()
        .column(po_line::Column::PurchaseOrderId)
        .from(po_line::Entity)
        .and_where(po_line::Column::Id.in_subquery(links))
        .to_owned();
    purchase_order::Entity::find()
        .select_only()
        .column(purchase_order::Column::SupplierCompanyId)
        .distinct()
        .filter(purchase_order::Column::Id.in_subquery(pos))
        .into_tuple()
        .all(db)
        .await
}

/// The PO lines filling any of `order_line_ids`, with their purchase orders,
/// in the order of their links (by order line, then PO line): the links
/// with their lines and purchase orders in one read (a statement costs its
/// round trip); a read with nothing to find is not made.
pub async fn placed_lines(
    db: &impl ConnectionTrait,
    order_line_ids: &[i32],
) -> Result<Vec<PlacedLine>, DbErr> {
    if order_line_ids.is_empty() {
        return Ok(Vec::new());
    }
    // Cancelled purchase orders (and lines) no longer fill anything.
    let rows = po_line_link::Entity::find()
        .find_also_related(po_line::Entity)
        .find_also(po_line::Entity, purchase_order::Entity)
        .filter(po_line_link::Column::OrderLineId.is_in(order_line_ids.iter().copied()))
        .filter(po_line::Column::Cancelled.eq(false))
        .filter(purchase_order::Column::Status.ne("cancelled"))
        .order_by_asc(po_line_link::Column::OrderLineId)
        .order_by_asc(po_line_link::Column::PoLineId)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(link, line, po)| {
            Some(PlacedLine {
                order_line_id: link.order_line_id,
                po: po?,
                line: line?,
            })
        })
        .collect())
}

/// Cancels the purchase orders placed for an order's lines, so factories stop
/// working (and reporting) on a cancelled order. Answers each purchase order
/// cancelled now with its first line (for the factory's news).
pub async fn cancel_for_order(
    db: &impl ConnectionTrait,
    order_id: i32,
) -> Result<Vec<(purchase_order::Model, po_line::Model)>, DbErr> {
    let lines = order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(order_id))
        .all(db)
        .await?;
    let placed = placed_lines(db, &lines.iter().map(|l| l.id).collect::<Vec<_>>()).await?;
    purchase_order::Entity::update_many()
        .col_expr(
            purchase_order::Column::Status,
            sea_orm::sea_query::Expr::value("cancelled"),
        )
        .filter(purchase_order::Column::Id.is_in(placed.iter().map(|p| p.po.id)))
        .exec(db)
        .await?;
    let mut cancelled: Vec<(purchase_order::Model, po_line::Model)> = Vec::new();
    for p in placed {
        if !cancelled.iter().any(|(po, _)| po.id == p.po.id) {
            cancelled.push((p.po, p.line));
        }
    }
    Ok(cancelled)
}

/// Records the day a factory line became ready, for lines entered with their
/// history (demo data, imports).
pub async fn set_ready_on(
    db: &impl ConnectionTrait,
    po_line_id: i32,
    ready_on: chrono::NaiveDate,
) -> Result<(), DbErr> {
    po_line::Entity::update_many()
        .col_expr(
            po_line::Column::ReadyOn,
            sea_orm::sea_query::Expr::value(ready_on),
        )
        .filter(po_line::Column::Id.eq(po_line_id))
        .exec(db)
        .await?;
    Ok(())
}
