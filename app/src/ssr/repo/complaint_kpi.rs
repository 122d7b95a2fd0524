//! What the complaint figures read: the period's complaints, each with the
//! product it is about and the factory behind it.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter,
    QuerySelect, QueryTrait, Select,
};

use super::kpi::Period;
use crate::ssr::entities::complaint;

/// A complaint of the period with what the figures group it by.
pub struct ComplaintFacts {
    pub row: complaint::Model,
    /// The product of its line; none for a complaint about a whole order.
    pub product: Option<String>,
    /// The factory it was passed to, else the one filling its line.
    pub factory: Option<i32>,
}

/// The factory a complaint is about, as SQL over a row of `complaints`: the
/// one it was passed to, else the one filling its line (of the purchase
/// order lines placed for it and not cancelled, the first placed). Read by
/// the database for each complaint, so no line or purchase order is sent.
const ABOUT_FACTORY: &str = "COALESCE(\"complaints\".\"factory_company_id\", ( \
     SELECT p.supplier_company_id FROM po_line_links l \
     JOIN po_lines p ON p.id = l.po_line_id \
     JOIN purchase_orders o ON o.id = p.purchase_order_id \
     WHERE l.order_line_id = \"complaints\".\"order_line_id\" \
     AND NOT p.cancelled AND o.status <> 'cancelled' \
     ORDER BY p.id LIMIT 1))";

/// The product of a complaint's line, as SQL over a row of `complaints`.
const PRODUCT: &str = "(SELECT ol.product_code FROM order_lines ol \
     WHERE ol.id = \"complaints\".\"order_line_id\")";

/// The period's complaints, each with its product and the factory behind
/// it, in one read.
pub async fn complaints_in(
    db: &impl ConnectionTrait,
    period: Period,
) -> Result<Vec<ComplaintFacts>, DbErr> {
    let select = complaints_in_select(period, None)
        .column_as(Expr::cust(PRODUCT), "product")
        .column_as(Expr::cust(ABOUT_FACTORY), "about_factory");
    db.query_all_raw(select.build(db.get_database_backend()))
        .await?
        .iter()
        .map(|r| {
            Ok(ComplaintFacts {
                row: complaint::Model::from_query_result(r, "")?,
                product: r.try_get("", "product")?,
                factory: r.try_get("", "about_factory")?,
            })
        })
        .collect()
}

/// How many of the period's complaints are about each factory (only the
/// named one's, if one is), counted by the database: a scorecard needs no
/// complaint itself.
pub async fn complaints_by_factory(
    db: &impl ConnectionTrait,
    period: Period,
    factory: Option<i32>,
) -> Result<Vec<(i32, u64)>, DbErr> {
    let about = complaints_in_select(period, factory)
        .select_only()
        .column_as(Expr::cust(ABOUT_FACTORY), "about_factory")
        .into_query();
    let mut count = Query::select();
    count
        .column(Alias::new("about_factory"))
        .expr_as(Expr::cust("COUNT(*)"), Alias::new("complaints"))
        .from_subquery(about, Alias::new("t"))
        .group_by_col(Alias::new("about_factory"));
    // Each condition on the factory is worked out anew for each complaint
    // (the database moves it into the read of the complaints), looking up
    // the line's factory for every complaint not passed to one: so one
    // condition, which for a named factory also leaves out the unknown.
    count.and_where(match factory {
        Some(id) => Expr::col(Alias::new("about_factory")).eq(id),
        None => Expr::col(Alias::new("about_factory")).is_not_null(),
    });
    db.query_all_raw(db.get_database_backend().build(&count))
        .await?
        .iter()
        .map(|r| {
            let complaints: i64 = r.try_get("", "complaints")?;
            Ok((
                r.try_get("", "about_factory")?,
                u64::try_from(complaints).unwrap_or(0),
            ))
        })
        .collect()
}

/// The read of [`complaints_in`] and [`complaints_by_factory`]: the
/// period's complaints, from their index by day of filing (migration 34).
/// For a factory, only those that may be its own: passed to it, or passed
/// to no factory (then the factory behind the line decides, as for every
/// factory); each from the index by factory and day, so neither the
/// factory's nor the unpassed complaints of other periods are read. Which
/// lines the factory fills is not asked of the database, which would list
/// every line it ever filled.
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
