//! The reads behind a customer's first page at a glance. Each takes the
//! customer's company, or order ids read for that company, so nothing of
//! another customer can come back.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::domain::change_request::ChangeStatus;
use crate::domain::complaints::ComplaintStatus;
use crate::domain::dates::LinesSummary;
use crate::domain::quotation::QuotationStatus;
use crate::ssr::entities::{
    change_request, complaint, file, instalment, order, order_line, quotation, shipment,
};

/// Every order of the company, in any status.
pub async fn orders(db: &impl ConnectionTrait, company: i32) -> Result<Vec<OrderBrief>, DbErr> {
    order::Entity::find()
        .select_only()
        .column(order::Column::Id)
        .column(order::Column::Number)
        .column(order::Column::Status)
        .filter(order::Column::CustomerCompanyId.eq(company))
        .order_by_asc(order::Column::Id)
        .into_model::<OrderBrief>()
        .all(db)
        .await
}

/// What the glance needs of an order: a customer may hold thousands, and
/// each column read is work for every one of them.
#[derive(Debug, Clone, FromQueryResult)]
pub struct OrderBrief {
    pub id: i32,
    pub number: String,
    pub status: crate::domain::order_status::OrderStatus,
}

/// What an open order's lines say about its badge, summed by the database
/// so a customer with thousands of orders sends one row per order, not one
/// per line.
#[derive(Debug, Clone, FromQueryResult)]
pub struct LinesSummaryRow {
    pub order_id: i32,
    pub lines: i64,
    pub unconfirmed: i64,
    pub earliest_committed: Option<NaiveDate>,
    pub most_slip: Option<i64>,
}

impl LinesSummaryRow {
    pub fn summary(&self) -> LinesSummary {
        LinesSummary {
            lines: u64::try_from(self.lines).unwrap_or(0),
            unconfirmed: u64::try_from(self.unconfirmed).unwrap_or(0),
            earliest_committed: self.earliest_committed,
            most_slip: self.most_slip,
        }
    }
}

/// The ids of the company's orders (the open ones only if `open`), as a
/// subquery: a customer may hold thousands of orders, and a list of that
/// many bound ids costs more to build and parse than the join.
fn orders_of(company: i32, open: bool) -> sea_orm::sea_query::SelectStatement {
    let mut select = sea_orm::sea_query::Query::select();
    select
        .column(order::Column::Id)
        .from(order::Entity)
        .and_where(order::Column::CustomerCompanyId.eq(company));
    if open {
        select.and_where(order::Column::Status.is_not_in([
            crate::domain::order_status::OrderStatus::Settled.as_str(),
            crate::domain::order_status::OrderStatus::Cancelled.as_str(),
        ]));
    }
    select
}

/// Per open order of the company that has lines, what its lines say about
/// its badge ([`LinesSummary`]).
pub async fn open_line_summaries(
    db: &impl ConnectionTrait,
    company: i32,
) -> Result<Vec<LinesSummaryRow>, DbErr> {
    let slip = super::kpi::days_between(db, "forecast_date", "committed_date");
    order_line::Entity::find()
        .select_only()
        .column(order_line::Column::OrderId)
        .column_as(Expr::cust("COUNT(*)"), "lines")
        .column_as(
            Expr::cust("SUM(CASE WHEN committed_date IS NULL THEN 1 ELSE 0 END)"),
            "unconfirmed",
        )
        .column_as(Expr::cust("MIN(committed_date)"), "earliest_committed")
        .column_as(
            Expr::cust(format!("CAST(MAX({slip}) AS BIGINT)")),
            "most_slip",
        )
        .filter(order_line::Column::OrderId.in_subquery(orders_of(company, true)))
        .group_by(order_line::Column::OrderId)
        .into_model::<LinesSummaryRow>()
        .all(db)
        .await
}

/// The shipments of the company's orders that have not arrived yet.
pub async fn shipments_under_way(
    db: &impl ConnectionTrait,
    company: i32,
) -> Result<Vec<shipment::Model>, DbErr> {
    shipment::Entity::find()
        .filter(shipment::Column::OrderId.in_subquery(orders_of(company, false)))
        .filter(shipment::Column::Ata.is_null())
        .all(db)
        .await
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
        .filter(change_request::Column::OrderId.in_subquery(orders_of(company, false)))
        .filter(change_request::Column::Status.eq(ChangeStatus::Countered.as_str()))
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

/// Instalments of the company's orders with a fixed day on or before
/// `until` (paid ones included; the caller keeps the unpaid).
pub async fn instalments_due_by(
    db: &impl ConnectionTrait,
    company: i32,
    until: NaiveDate,
) -> Result<Vec<instalment::Model>, DbErr> {
    instalment::Entity::find()
        .filter(instalment::Column::OrderId.in_subquery(orders_of(company, false)))
        .filter(instalment::Column::DueDate.is_not_null())
        .filter(instalment::Column::DueDate.lte(until))
        .all(db)
        .await
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
