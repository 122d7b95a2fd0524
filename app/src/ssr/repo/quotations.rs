//! Inquiries, quotations (one row per revision), their lines and approval
//! steps, the house's rules and the customers' credit standings. A
//! customer's reads take its company id, so a forgotten policy check still
//! cannot return another customer's inquiry or quotation.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::domain::quotation::{InquiryStatus, QuotationStatus};
use crate::ssr::entities::{
    approval_step, inquiry, inquiry_line, order, quotation, quotation_line,
};

/// Whose inquiries and quotations a read may return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteScope {
    /// The house sees every one, drafts included.
    All,
    /// A customer sees its own inquiries and the quotations that were sent
    /// to it (never a draft or one in approval).
    Customer(i32),
}

/// The statuses a customer may see a quotation in: it was sent once.
pub const SEEN_BY_CUSTOMER: [QuotationStatus; 5] = [
    QuotationStatus::Sent,
    QuotationStatus::Accepted,
    QuotationStatus::Declined,
    QuotationStatus::Expired,
    QuotationStatus::Superseded,
];

impl QuoteScope {
    fn inquiries(self) -> Condition {
        match self {
            Self::All => Condition::all(),
            Self::Customer(company) => {
                Condition::all().add(inquiry::Column::CustomerCompanyId.eq(company))
            }
        }
    }

    fn quotations(self) -> Condition {
        match self {
            Self::All => Condition::all(),
            Self::Customer(company) => Condition::all()
                .add(quotation::Column::CustomerCompanyId.eq(company))
                .add(quotation::Column::SentAt.is_not_null())
                .add(quotation::Column::Status.is_in(SEEN_BY_CUSTOMER)),
        }
    }
}

pub async fn inquiries(
    db: &impl ConnectionTrait,
    scope: QuoteScope,
    limit: u64,
) -> Result<Vec<inquiry::Model>, DbErr> {
    inquiry::Entity::find()
        .filter(scope.inquiries())
        .order_by_desc(inquiry::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

pub async fn find_inquiry(
    db: &impl ConnectionTrait,
    scope: QuoteScope,
    id: i32,
) -> Result<Option<inquiry::Model>, DbErr> {
    inquiry::Entity::find_by_id(id)
        .filter(scope.inquiries())
        .one(db)
        .await
}

pub async fn inquiry_lines(
    db: &impl ConnectionTrait,
    inquiry_ids: &[i32],
) -> Result<Vec<inquiry_line::Model>, DbErr> {
    inquiry_line::Entity::find()
        .filter(inquiry_line::Column::InquiryId.is_in(inquiry_ids.iter().copied()))
        .order_by_asc(inquiry_line::Column::InquiryId)
        .order_by_asc(inquiry_line::Column::LineNo)
        .all(db)
        .await
}

pub async fn set_inquiry_status(
    db: &impl ConnectionTrait,
    id: i32,
    status: InquiryStatus,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    inquiry::Entity::update_many()
        .col_expr(inquiry::Column::Status, Expr::value(status))
        .col_expr(inquiry::Column::UpdatedAt, Expr::value(now))
        .filter(inquiry::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn quotations(
    db: &impl ConnectionTrait,
    scope: QuoteScope,
    limit: u64,
) -> Result<Vec<quotation::Model>, DbErr> {
    quotation::Entity::find()
        .filter(scope.quotations())
        .order_by_desc(quotation::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

pub async fn find(
    db: &impl ConnectionTrait,
    scope: QuoteScope,
    id: i32,
) -> Result<Option<quotation::Model>, DbErr> {
    quotation::Entity::find_by_id(id)
        .filter(scope.quotations())
        .one(db)
        .await
}

/// Every revision with this number, newest first, that the scope may see.
pub async fn revisions(
    db: &impl ConnectionTrait,
    scope: QuoteScope,
    number: &str,
) -> Result<Vec<quotation::Model>, DbErr> {
    quotation::Entity::find()
        .filter(scope.quotations())
        .filter(quotation::Column::Number.eq(number))
        .order_by_desc(quotation::Column::Revision)
        .all(db)
        .await
}

/// The quotations that answer these inquiries, newest first.
pub async fn of_inquiries(
    db: &impl ConnectionTrait,
    scope: QuoteScope,
    inquiry_ids: &[i32],
) -> Result<Vec<quotation::Model>, DbErr> {
    quotation::Entity::find()
        .filter(scope.quotations())
        .filter(quotation::Column::InquiryId.is_in(inquiry_ids.iter().copied()))
        .order_by_desc(quotation::Column::Id)
        .all(db)
        .await
}

pub async fn lines_of(
    db: &impl ConnectionTrait,
    quotation_ids: &[i32],
) -> Result<Vec<quotation_line::Model>, DbErr> {
    quotation_line::Entity::find()
        .filter(quotation_line::Column::QuotationId.is_in(quotation_ids.iter().copied()))
        .order_by_asc(quotation_line::Column::QuotationId)
        .order_by_asc(quotation_line::Column::LineNo)
        .all(db)
        .await
}

pub async fn steps_of(
    db: &impl ConnectionTrait,
    quotation_ids: &[i32],
) -> Result<Vec<approval_step::Model>, DbErr> {
    approval_step::Entity::find()
        .filter(approval_step::Column::QuotationId.is_in(quotation_ids.iter().copied()))
        .order_by_asc(approval_step::Column::QuotationId)
        .order_by_asc(approval_step::Column::Position)
        .all(db)
        .await
}

/// What a step of the state machine writes besides the status.
#[derive(Debug, Default)]
pub struct Moved {
    pub submitted_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    pub decided: Option<(DateTime<Utc>, i32)>,
    pub order_id: Option<i32>,
}

/// Moves a quotation from `from` to `to` unless someone changed it since
/// `version` was read; false when they did.
pub async fn claim(
    db: &impl ConnectionTrait,
    row: &quotation::Model,
    to: QuotationStatus,
    moved: Moved,
) -> Result<bool, DbErr> {
    let mut update = quotation::Entity::update_many()
        .col_expr(quotation::Column::Status, Expr::value(to))
        .col_expr(quotation::Column::Version, Expr::value(row.version + 1))
        .filter(quotation::Column::Id.eq(row.id))
        .filter(quotation::Column::Version.eq(row.version))
        .filter(quotation::Column::Status.eq(row.status));
    if let Some(at) = moved.submitted_at {
        update = update.col_expr(quotation::Column::SubmittedAt, Expr::value(at));
    }
    if let Some(at) = moved.sent_at {
        update = update.col_expr(quotation::Column::SentAt, Expr::value(at));
    }
    if let Some((at, by)) = moved.decided {
        update = update
            .col_expr(quotation::Column::DecidedAt, Expr::value(at))
            .col_expr(quotation::Column::DecidedBy, Expr::value(by));
    }
    if let Some(order_id) = moved.order_id {
        update = update.col_expr(quotation::Column::OrderId, Expr::value(order_id));
    }
    Ok(update.exec(db).await?.rows_affected == 1)
}

/// Records a decision on a step unless someone decided it first.
pub async fn decide_step(
    db: &impl ConnectionTrait,
    step_id: i32,
    by: i32,
    approved: bool,
    comment: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let done = approval_step::Entity::update_many()
        .col_expr(approval_step::Column::DecidedBy, Expr::value(by))
        .col_expr(approval_step::Column::Approved, Expr::value(approved))
        .col_expr(
            approval_step::Column::Comment,
            Expr::value((!comment.is_empty()).then(|| comment.to_string())),
        )
        .col_expr(approval_step::Column::DecidedAt, Expr::value(now))
        .filter(approval_step::Column::Id.eq(step_id))
        .filter(approval_step::Column::DecidedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Moves the due times of steps not yet decided.
pub async fn set_step_due(
    db: &impl ConnectionTrait,
    step_id: i32,
    due: DateTime<Utc>,
) -> Result<(), DbErr> {
    approval_step::ActiveModel {
        id: Set(step_id),
        due_at: Set(due),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// Marks that a step's reminder (or escalation) went out, once.
pub async fn mark_reminded(
    db: &impl ConnectionTrait,
    step_id: i32,
    escalated: bool,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let column = if escalated {
        approval_step::Column::EscalatedAt
    } else {
        approval_step::Column::RemindedAt
    };
    let done = approval_step::Entity::update_many()
        .col_expr(column, Expr::value(now))
        .filter(approval_step::Column::Id.eq(step_id))
        .filter(column.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// The steps of quotations in approval, for the reminder job.
pub async fn open_steps(db: &impl ConnectionTrait) -> Result<Vec<approval_step::Model>, DbErr> {
    let waiting = quotation::Entity::find()
        .select_only()
        .column(quotation::Column::Id)
        .filter(quotation::Column::Status.eq(QuotationStatus::InApproval))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    steps_of(db, &waiting).await
}

/// Sent quotations whose validity ended before `today`.
pub async fn lapsed(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<Vec<quotation::Model>, DbErr> {
    quotation::Entity::find()
        .filter(quotation::Column::Status.eq(QuotationStatus::Sent))
        .filter(quotation::Column::ValidUntil.lt(today))
        .all(db)
        .await
}

/// The products a customer ordered before, one row per product code (its
/// latest description), by code; at most `limit`.
pub async fn past_products(
    db: &impl ConnectionTrait,
    customer_company_id: i32,
    limit: usize,
) -> Result<Vec<(String, String)>, DbErr> {
    use crate::ssr::entities::order_line;
    use sea_orm::sea_query::Query;
    let rows: Vec<(String, String)> = order_line::Entity::find()
        .select_only()
        .column(order_line::Column::ProductCode)
        .column(order_line::Column::Description)
        .filter(
            order_line::Column::OrderId.in_subquery(
                Query::select()
                    .column(order::Column::Id)
                    .from(order::Entity)
                    .and_where(order::Column::CustomerCompanyId.eq(customer_company_id))
                    .to_owned(),
            ),
        )
        .order_by_asc(order_line::Column::ProductCode)
        .order_by_desc(order_line::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: Vec<(String, String)> = Vec::new();
    for (code, description) in rows {
        if out.last().is_none_or(|(last, _)| *last != code) {
            out.push((code, description));
        }
        if out.len() == limit {
            break;
        }
    }
    Ok(out)
}
