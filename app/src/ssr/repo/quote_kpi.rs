//! The quotation side of the KPIs: profit per customer from the costed
//! quotations behind orders, and the timings and outcomes of quotations.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};

use super::kpi::{Period, rows};

/// Per customer and currency: the profit of the orders confirmed in the
/// period that came from a costed quotation (selling minus the factory's
/// price, per line as ordered), cancelled orders left out. Orders entered
/// without a quotation carry no purchase price and are not counted.
pub async fn profit_by_customer(
    db: &impl ConnectionTrait,
    period: Period,
) -> Result<Vec<(i32, String, i64)>, DbErr> {
    rows(
        db,
        "SELECT customer, currency, CAST(SUM(profit) AS BIGINT) AS profit FROM ( \
           SELECT o.customer_company_id AS customer, o.currency AS currency, \
           (SELECT SUM(l.quantity * (l.unit_price_minor - q.purchase_price_minor)) \
            FROM order_lines l JOIN quotation_lines q \
              ON q.quotation_id = o.quotation_id AND q.line_no = l.line_no \
            WHERE l.order_id = o.id) AS profit \
           FROM orders o \
           WHERE o.quotation_id IS NOT NULL AND o.confirmed_on >= ? AND o.confirmed_on <= ? \
             AND o.status <> ?) t \
         GROUP BY customer, currency",
        vec![period.from.into(), period.to.into(), "cancelled".into()],
    )
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.try_get("", "customer")?,
            r.try_get("", "currency")?,
            r.try_get::<Option<i64>>("", "profit")?.unwrap_or(0),
        ))
    })
    .collect()
}

/// What the quotation figures of a period are made of.
#[derive(Debug, Default)]
pub struct QuotationFlow {
    /// Inquiries made in the period: when asked, when first quoted (sent).
    pub inquiry_to_quote: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>,
    /// Quotations submitted in the period whose approvals all came in:
    /// submitted, last approval.
    pub approvals: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    /// The outcome of quotations answered or lapsed in the period.
    pub outcomes: Vec<crate::domain::quotation::QuotationStatus>,
}

pub async fn quotation_flow(
    db: &impl ConnectionTrait,
    period: Period,
) -> Result<QuotationFlow, DbErr> {
    use crate::domain::quotation::QuotationStatus;
    use crate::ssr::entities::{approval_step, inquiry, quotation};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let (start, end) = (period.start(), period.end());
    let asked = inquiry::Entity::find()
        .filter(inquiry::Column::CreatedAt.gte(start))
        .filter(inquiry::Column::CreatedAt.lt(end))
        .all(db)
        .await?;
    let quoted = quotation::Entity::find()
        .filter(quotation::Column::InquiryId.is_in(asked.iter().map(|i| i.id)))
        .filter(quotation::Column::SentAt.is_not_null())
        .all(db)
        .await?;
    let inquiry_to_quote = asked
        .iter()
        .map(|i| {
            let first = quoted
                .iter()
                .filter(|q| q.inquiry_id == Some(i.id))
                .filter_map(|q| q.sent_at)
                .min();
            (i.created_at, first)
        })
        .collect();
    let submitted = quotation::Entity::find()
        .filter(quotation::Column::SubmittedAt.gte(start))
        .filter(quotation::Column::SubmittedAt.lt(end))
        .all(db)
        .await?;
    let steps = approval_step::Entity::find()
        .filter(approval_step::Column::QuotationId.is_in(submitted.iter().map(|q| q.id)))
        .all(db)
        .await?;
    let approvals = submitted
        .iter()
        .filter_map(|q| {
            let own: Vec<&approval_step::Model> =
                steps.iter().filter(|s| s.quotation_id == q.id).collect();
            let done = !own.is_empty() && own.iter().all(|s| s.approved == Some(true));
            let last = own.iter().filter_map(|s| s.decided_at).max()?;
            done.then_some((q.submitted_at?, last))
        })
        .collect();
    let answered = quotation::Entity::find()
        .filter(quotation::Column::DecidedAt.gte(start))
        .filter(quotation::Column::DecidedAt.lt(end))
        .filter(
            quotation::Column::Status.is_in([QuotationStatus::Accepted, QuotationStatus::Declined]),
        )
        .all(db)
        .await?;
    let lapsed = quotation::Entity::find()
        .filter(quotation::Column::Status.eq(QuotationStatus::Expired))
        .filter(quotation::Column::ValidUntil.gte(period.from))
        .filter(quotation::Column::ValidUntil.lte(period.to))
        .all(db)
        .await?;
    let outcomes = answered.iter().chain(&lapsed).map(|q| q.status).collect();
    Ok(QuotationFlow {
        inquiry_to_quote,
        approvals,
        outcomes,
    })
}
