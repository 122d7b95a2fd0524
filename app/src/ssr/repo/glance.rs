//! The reads behind a customer's first page at a glance. Each takes the
//! customer's company, or order ids read for that company, so nothing of
//! another customer can come back.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, IntoColumnRef, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use crate::domain::change_request::ChangeStatus;
use crate::domain::complaints::ComplaintStatus;
use crate::domain::dates::LinesSummary;
use crate::domain::order_status::OrderStatus;
use crate::domain::quotation::QuotationStatus;
use crate::ssr::entities::{
    change_request, complaint, file, instalment, order, quotation, shipment,
};

/// The company's orders in these statuses, each with what its lines say
/// about its badge as the database keeps it on the order (summed again
/// whenever one of its lines is written), so no line is read.
pub async fn orders_in(
    db: &impl ConnectionTrait,
    company: i32,
    statuses: &[OrderStatus],
) -> Result<Vec<OrderSummaryRow>, DbErr> {
    order::Entity::find()
        .select_only()
        .column(order::Column::Id)
        .column(order::Column::Status)
        .column_as(Expr::cust("line_count"), "line_count")
        .column_as(Expr::cust("unconfirmed_lines"), "unconfirmed_lines")
        .column_as(Expr::cust("earliest_committed"), "earliest_committed")
        .column_as(Expr::cust("most_slip"), "most_slip")
        .filter(order::Column::CustomerCompanyId.eq(company))
        .filter(order::Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .into_model::<OrderSummaryRow>()
        .all(db)
        .await
}

/// The numbers of these orders of the company (others are left out).
pub async fn numbers_of(
    db: &impl ConnectionTrait,
    company: i32,
    ids: &[i32],
) -> Result<HashMap<i32, String>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    order::Entity::find()
        .select_only()
        .column(order::Column::Id)
        .column(order::Column::Number)
        .filter(order::Column::CustomerCompanyId.eq(company))
        .filter(order::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await
        .map(|rows| rows.into_iter().collect())
}

/// An order's status and what its lines say about its badge, kept on the
/// order by the database (`line_count`, `unconfirmed_lines`,
/// `earliest_committed`, `most_slip`).
#[derive(Debug, Clone, FromQueryResult)]
pub struct OrderSummaryRow {
    pub id: i32,
    pub status: OrderStatus,
    pub line_count: i32,
    pub unconfirmed_lines: i32,
    pub earliest_committed: Option<NaiveDate>,
    pub most_slip: Option<i32>,
}

impl OrderSummaryRow {
    pub fn summary(&self) -> LinesSummary {
        LinesSummary {
            lines: u64::try_from(self.line_count).unwrap_or(0),
            unconfirmed: u64::try_from(self.unconfirmed_lines).unwrap_or(0),
            earliest_committed: self.earliest_committed,
            most_slip: self.most_slip.map(i64::from),
        }
    }
}

/// That the row's order (`order_id`, a column of the table read) belongs to
/// the company, asked of each row found rather than by listing the
/// company's orders first: a customer may hold tens of thousands of orders
/// while what the first page looks for (shipments not arrived, instalments
/// owed, counter-proposals) comes from a few open rows.
fn of_company(order_id: impl IntoColumnRef, company: i32) -> Expr {
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(order::Entity)
            .and_where(Expr::col((order::Entity, order::Column::Id)).equals(order_id))
            .and_where(Expr::col((order::Entity, order::Column::CustomerCompanyId)).eq(company))
            .to_owned(),
    )
}

/// How many of the company's orders in these statuses have lines or not,
/// and a line without a commitment or not: at most four rows, however many
/// orders (the badge of a delivered order depends on nothing else,
/// [`LinesSummary::presence`]), from what the database keeps on each
/// order: the orders' index alone answers it, no line is read.
pub async fn presence_counts(
    db: &impl ConnectionTrait,
    company: i32,
    statuses: &[OrderStatus],
) -> Result<Vec<(LinesSummary, u64)>, DbErr> {
    if statuses.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; statuses.len()].join(", ");
    let mut values: Vec<sea_orm::Value> = vec![company.into()];
    values.extend(statuses.iter().map(|s| s.as_str().into()));
    super::kpi::rows(
        db,
        &format!(
            "SELECT has_lines, has_unconfirmed, COUNT(*) AS orders FROM ( \
               SELECT CAST(CASE WHEN line_count > 0 THEN 1 ELSE 0 END AS INTEGER) AS has_lines, \
               CAST(CASE WHEN unconfirmed_lines > 0 THEN 1 ELSE 0 END AS INTEGER) \
                 AS has_unconfirmed \
               FROM orders WHERE customer_company_id = ? AND status IN ({marks})) t \
             GROUP BY has_lines, has_unconfirmed"
        ),
        values,
    )
    .await?
    .iter()
    .map(|r| {
        let has_lines = r.try_get::<i32>("", "has_lines")? != 0;
        let has_unconfirmed = r.try_get::<i32>("", "has_unconfirmed")? != 0;
        let orders = r.try_get::<i64>("", "orders")?;
        Ok((
            LinesSummary::presence(has_lines, has_unconfirmed),
            u64::try_from(orders).unwrap_or(0),
        ))
    })
    .collect()
}

/// The shipments of the company's orders that have not arrived yet.
pub async fn shipments_under_way(
    db: &impl ConnectionTrait,
    company: i32,
) -> Result<Vec<shipment::Model>, DbErr> {
    shipments_under_way_select(company).all(db).await
}

/// The read of [`shipments_under_way`]; its conditions are the ones of the
/// partial index `idx_shipments_under_way`, which holds only those.
pub fn shipments_under_way_select(company: i32) -> Select<shipment::Entity> {
    shipment::Entity::find()
        .filter(shipment::Column::Ata.is_null())
        .filter(of_company(
            (shipment::Entity, shipment::Column::OrderId),
            company,
        ))
}

/// Quotations sent to the company that it can still accept on `today`.
pub async fn quotations_to_answer(
    db: &impl ConnectionTrait,
    company: i32,
    today: NaiveDate,
) -> Result<Vec<quotation::Model>, DbErr> {
    quotation::Entity::find()
        .filter(quotation::Column::CustomerCompanyId.eq(company))
        .filter(quotation::Column::Status.eq(QuotationStatus::Sent.as_str()))
        .filter(quotation::Column::SentAt.is_not_null())
        .filter(quotation::Column::ValidUntil.gte(today))
        .all(db)
        .await
}

/// Change requests on the company's orders the house answered with a
/// counter-proposal, waiting for the customer.
pub async fn counter_proposals(
    db: &impl ConnectionTrait,
    company: i32,
) -> Result<Vec<change_request::Model>, DbErr> {
    change_request::Entity::find()
        .filter(change_request::Column::Status.eq(ChangeStatus::Countered.as_str()))
        .filter(of_company(
            (change_request::Entity, change_request::Column::OrderId),
            company,
        ))
        .all(db)
        .await
}

/// The company's complaints with a remedy proposed, waiting for its answer.
pub async fn remedies_proposed(
    db: &impl ConnectionTrait,
    company: i32,
) -> Result<Vec<complaint::Model>, DbErr> {
    complaint::Entity::find()
        .filter(complaint::Column::CustomerCompanyId.eq(company))
        .filter(complaint::Column::Status.eq(ComplaintStatus::RemedyProposed.as_str()))
        .all(db)
        .await
}

/// Instalments of the company's orders not paid in full with a fixed day
/// on or before `until`.
pub async fn instalments_owed_by(
    db: &impl ConnectionTrait,
    company: i32,
    until: NaiveDate,
) -> Result<Vec<instalment::Model>, DbErr> {
    instalments_owed_select(company, until).all(db).await
}

/// The read of [`instalments_owed_by`]; its conditions are the ones of the
/// partial index `idx_instalments_owed`, which holds only what is owed.
pub fn instalments_owed_select(company: i32, until: NaiveDate) -> Select<instalment::Entity> {
    instalment::Entity::find()
        .filter(instalment::Column::DueDate.is_not_null())
        .filter(
            Expr::col(instalment::Column::PaidMinor).lt(Expr::col(instalment::Column::AmountMinor)),
        )
        .filter(instalment::Column::DueDate.lte(until))
        .filter(of_company(
            (instalment::Entity, instalment::Column::OrderId),
            company,
        ))
}

/// Files of the company's orders and shipments shared with it since `since`.
pub async fn shared_files_since(
    db: &impl ConnectionTrait,
    company: i32,
    since: DateTime<Utc>,
) -> Result<Vec<file::Model>, DbErr> {
    file::Entity::find()
        .filter(file::Column::CustomerCompanyId.eq(company))
        .filter(file::Column::SharedWithCustomer.eq(true))
        .filter(file::Column::OwnerKind.is_in(["order", "shipment"]))
        .filter(file::Column::OrderId.is_not_null())
        .filter(file::Column::UploadedAt.gte(since))
        .order_by_desc(file::Column::UploadedAt)
        .all(db)
        .await
}
