//! What the complaint figures read: the period's complaints, each with the
//! product it is about and the factory behind it.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Select};

use super::kpi::Period;
use super::purchase_orders;
use crate::ssr::entities::complaint;

/// A complaint of the period with what the figures group it by.
pub struct ComplaintFacts {
    pub row: complaint::Model,
    /// The product of its line; none for a complaint about a whole order.
    pub product: Option<String>,
    /// The factory it was passed to, else the one filling its line.
    pub factory: Option<i32>,
}

/// The period's complaints (only those about the factory's goods, if one is
/// named), each with its product and the factory behind it.
pub async fn complaints_in(
    db: &impl ConnectionTrait,
    period: Period,
    factory: Option<i32>,
) -> Result<Vec<ComplaintFacts>, DbErr> {
    let select = complaints_in_select(period, factory);
    let rows = select.all(db).await?;
    let line_ids: Vec<i32> = rows.iter().filter_map(|r| r.order_line_id).collect();
    let lines = super::orders::lines_by_ids(db, &line_ids).await?;
    let placed = purchase_orders::placed_lines(db, &line_ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let line = row
                .order_line_id
                .and_then(|id| lines.iter().find(|l| l.id == id));
            let behind = row.order_line_id.and_then(|id| {
                placed
                    .iter()
                    .find(|p| p.order_line_id == id)
                    .map(|p| p.po.supplier_company_id)
            });
            ComplaintFacts {
                product: line.map(|l| l.product_code.clone()),
                factory: row.factory_company_id.or(behind),
                row,
            }
        })
        .filter(|f| factory.is_none_or(|id| f.factory == Some(id)))
        .collect())
}

/// The read of [`complaints_in`]: the period's complaints, from their index
/// by day of filing (migration 34). For a factory, only those that may be
/// its own: passed to it, or passed to no factory (then the factory behind
/// the line decides, after the read, as for every factory); each from the
/// index by factory and day, so neither the factory's nor the unpassed
/// complaints of other periods are read. Which lines the factory fills is
/// not asked of the database, which would list every line it ever filled.
pub fn complaints_in_select(period: Period, factory: Option<i32>) -> Select<complaint::Entity> {
    let select = complaint::Entity::find()
        .filter(complaint::Column::CreatedAt.gte(period.start()))
        .filter(complaint::Column::CreatedAt.lt(period.end()));
    match factory {
        Some(factory) => select.filter(
            Condition::any()
                .add(complaint::Column::FactoryCompanyId.eq(factory))
                .add(complaint::Column::FactoryCompanyId.is_null()),
        ),
        None => select,
    }
}
