//! Sales orders, their lines and their timeline. Every read takes an
//! `OrderScope`, derived from the actor, so a customer's query can only ever
//! see that customer's orders, whatever the caller forgot to check.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait as _, Func, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select, Set,
};

use super::glance::OrderSummaryRow;
use crate::domain::account::Role;
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::Actor;
use crate::ssr::entities::{order, order_event, order_line};
use crate::wire::ApiError;

/// Which orders an actor may see at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderScope {
    /// The trading house sees every order.
    All,
    /// A customer sees its own company's orders.
    Customer(i32),
}

impl OrderScope {
    /// The scope of a signed-in person; a factory gets 404, since sales
    /// orders do not exist for it.
    pub fn of_user(user: &crate::ssr::auth::CurrentUser) -> Result<Self, ApiError> {
        Self::for_actor(&user.actor()).ok_or(ApiError::NotFound)
    }

    /// `None` for suppliers: they see purchase orders, not sales orders.
    pub fn for_actor(actor: &Actor) -> Option<Self> {
        match actor.role {
            Role::Admin | Role::Staff => Some(Self::All),
            Role::Customer => Some(Self::Customer(actor.company_id)),
            Role::Supplier => None,
        }
    }

    fn condition(self) -> Condition {
        match self {
            Self::All => Condition::all(),
            Self::Customer(company) => {
                Condition::all().add(order::Column::CustomerCompanyId.eq(company))
            }
        }
    }

    pub fn sees_company(self, customer_company_id: i32) -> bool {
        match self {
            Self::All => true,
            Self::Customer(company) => company == customer_company_id,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct OrderFilter {
    pub status: Option<OrderStatus>,
    /// Matches the order number, or a line's product code or description.
    pub query: Option<String>,
    pub customer: Option<i32>,
    /// Only orders in production stages with a line slipping or overdue on `today`.
    pub at_risk_on: Option<NaiveDate>,
    /// Only orders with a line committed within this range (inclusive).
    pub committed_from: Option<NaiveDate>,
    pub committed_to: Option<NaiveDate>,
    /// Keyset pagination: orders with a smaller id than this (newest first).
    pub before_id: Option<i32>,
    pub limit: u64,
}

/// What a row of the order list (and of its download) shows of an order: its
/// own columns and the summary of its lines the database keeps on it, so
/// the list reads no line.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ListedOrder {
    pub number: String,
    pub customer_company_id: i32,
    pub currency: String,
    /// Its id, status and kept summary, as the glance reads them.
    #[sea_orm(nested)]
    pub kept: OrderSummaryRow,
}

/// The columns the database keeps on an order from its lines.
const KEPT_SUMMARY: [&str; 4] = [
    "line_count",
    "unconfirmed_lines",
    "earliest_committed",
    "most_slip",
];

pub async fn list(
    db: &impl ConnectionTrait,
    scope: OrderScope,
    filter: &OrderFilter,
) -> Result<Vec<ListedOrder>, DbErr> {
    let mut select = order::Entity::find().filter(scope.condition());
    if let Some(status) = filter.status {
        select = select.filter(order::Column::Status.eq(status.as_str()));
    }
    if let Some(customer) = filter.customer {
        select = select.filter(order::Column::CustomerCompanyId.eq(customer));
    }
    if let Some(today) = filter.at_risk_on {
        let risky_lines = lines_of_the_order(
            Condition::any()
                .add(
                    Expr::col(order_line::Column::ForecastDate)
                        .gt(Expr::col(order_line::Column::CommittedDate)),
                )
                .add(order_line::Column::CommittedDate.lt(today)),
        );
        select = select
            .filter(order::Column::Status.is_in([
                OrderStatus::Confirmed.as_str(),
                OrderStatus::InProduction.as_str(),
                OrderStatus::Ready.as_str(),
            ]))
            .filter(Expr::exists(risky_lines));
    }
    if filter.committed_from.is_some() || filter.committed_to.is_some() {
        let mut in_range = Condition::all();
        if let Some(from) = filter.committed_from {
            in_range = in_range.add(order_line::Column::CommittedDate.gte(from));
        }
        if let Some(to) = filter.committed_to {
            in_range = in_range.add(order_line::Column::CommittedDate.lte(to));
        }
        select = select.filter(Expr::exists(lines_of_the_order(in_range)));
    }
    if let Some(before) = filter.before_id {
        select = select.filter(order::Column::Id.lt(before));
    }
    if let Some(query) = filter
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        // Case-insensitive on both databases (PostgreSQL's LIKE is not).
        // Wildcards and PostgreSQL's default LIKE escape are dropped from the
        // text, so both databases match it literally.
        let pattern = format!("%{}%", query.replace(['%', '_', '\\'], "").to_lowercase());
        let matches = |column: Expr| Expr::expr(Func::lower(column)).like(pattern.as_str());
        let matching_lines = lines_of_the_order(
            Condition::any()
                .add(matches(Expr::col((
                    order_line::Entity,
                    order_line::Column::ProductCode,
                ))))
                .add(matches(Expr::col((
                    order_line::Entity,
                    order_line::Column::Description,
                )))),
        );
        select = select.filter(
            Condition::any()
                .add(matches(Expr::col((order::Entity, order::Column::Number))))
                .add(Expr::exists(matching_lines)),
        );
    }
    let mut select = select.select_only().columns([
        order::Column::Id,
        order::Column::Number,
        order::Column::CustomerCompanyId,
        order::Column::Status,
        order::Column::Currency,
    ]);
    for kept in KEPT_SUMMARY {
        select = select.column_as(Expr::col((order::Entity, Alias::new(kept))), kept);
    }
    select
        .order_by_desc(order::Column::Id)
        .limit(filter.limit.clamp(1, 200))
        .into_model::<ListedOrder>()
        .all(db)
        .await
}

/// `SELECT 1 FROM order_lines WHERE order_lines.order_id = orders.id AND …`:
/// correlated, so walking orders newest first stops after one page instead of
/// collecting every matching line of the whole book first.
fn lines_of_the_order(condition: Condition) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .expr(Expr::val(1))
        .from(order_line::Entity)
        .cond_where(
            Condition::all()
                .add(
                    Expr::col((order_line::Entity, order_line::Column::OrderId))
                        .equals((order::Entity, order::Column::Id)),
                )
                .add(condition),
        )
        .to_owned()
}

/// The order if it exists *and* lies in the scope; otherwise `None`.
pub async fn find(
    db: &impl ConnectionTrait,
    scope: OrderScope,
    id: i32,
) -> Result<Option<order::Model>, DbErr> {
    order::Entity::find_by_id(id)
        .filter(scope.condition())
        .one(db)
        .await
}

pub async fn by_ids(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<order::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    order::Entity::find()
        .filter(order::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

/// Customer order lines by their ids, in no particular order.
pub async fn lines_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<order_line::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    order_line::Entity::find()
        .filter(order_line::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await
}

pub async fn lines_of(
    db: &impl ConnectionTrait,
    order_ids: &[i32],
) -> Result<Vec<order_line::Model>, DbErr> {
    if order_ids.is_empty() {
        return Ok(Vec::new());
    }
    order_line::Entity::find()
        .filter(order_line::Column::OrderId.is_in(order_ids.iter().copied()))
        .order_by_asc(order_line::Column::OrderId)
        .order_by_asc(order_line::Column::LineNo)
        .all(db)
        .await
}

/// The newest `limit` entries of an order's timeline, newest first; with
/// `before`, those written before that entry (read from the index of the
/// timeline by order and entry, in its order: `query_plans`).
pub async fn newest_events(
    db: &impl ConnectionTrait,
    order_id: i32,
    before: Option<i32>,
    limit: u64,
) -> Result<Vec<order_event::Model>, DbErr> {
    newest_events_select(order_id, before, limit).all(db).await
}

/// The read of [`newest_events`].
pub fn newest_events_select(
    order_id: i32,
    before: Option<i32>,
    limit: u64,
) -> Select<order_event::Entity> {
    let mut events = order_event::Entity::find().filter(order_event::Column::OrderId.eq(order_id));
    if let Some(before) = before {
        events = events.filter(order_event::Column::Id.lt(before));
    }
    events.order_by_desc(order_event::Column::Id).limit(limit)
}

/// Timeline entries after `after_id` on orders in the scope, oldest first,
/// with each order's customer (for live-update catch-up).
pub async fn events_after(
    db: &impl ConnectionTrait,
    scope: OrderScope,
    after_id: i32,
    limit: u64,
) -> Result<Vec<(order_event::Model, i32)>, DbErr> {
    let mut events = order_event::Entity::find().filter(order_event::Column::Id.gt(after_id));
    if scope != OrderScope::All {
        let visible_orders = order::Entity::find()
            .select_only()
            .column(order::Column::Id)
            .filter(scope.condition())
            .into_query();
        events = events.filter(order_event::Column::OrderId.in_subquery(visible_orders));
    }
    let events = events
        .order_by_asc(order_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let order_ids: Vec<i32> = events.iter().map(|e| e.order_id).collect();
    let customers: std::collections::HashMap<i32, i32> = order::Entity::find()
        .filter(order::Column::Id.is_in(order_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.customer_company_id))
        .collect();
    Ok(events
        .into_iter()
        .filter_map(|e| customers.get(&e.order_id).map(|c| (e.clone(), *c)))
        .collect())
}

/// Moves the status if the order is still at `expected_version`; false when
/// someone changed it first.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: i32,
    expected_version: i32,
    status: OrderStatus,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<bool, DbErr> {
    let mut update = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(status.as_str()))
        .col_expr(order::Column::Version, Expr::value(expected_version + 1))
        .col_expr(order::Column::UpdatedAt, Expr::value(now))
        .filter(order::Column::Id.eq(id))
        .filter(order::Column::Version.eq(expected_version));
    // The days the workspace measures cycle time and on-time delivery by:
    // the house's calendar days.
    match status {
        OrderStatus::Confirmed => {
            update = update.col_expr(order::Column::ConfirmedOn, Expr::value(today))
        }
        OrderStatus::Shipped => {
            update = update.col_expr(order::Column::ShippedOn, Expr::value(today))
        }
        _ => {}
    }
    let result = update.exec(db).await?;
    Ok(result.rows_affected == 1)
}

pub async fn set_line_dates(
    db: &impl ConnectionTrait,
    line_id: i32,
    committed: Option<NaiveDate>,
    forecast: Option<NaiveDate>,
) -> Result<(), DbErr> {
    order_line::ActiveModel {
        id: Set(line_id),
        committed_date: Set(committed),
        forecast_date: Set(forecast),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

pub struct NewEvent<'a> {
    pub order_id: i32,
    pub actor_user_id: Option<i32>,
    pub kind: &'a str,
    pub summary: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub async fn append_event(
    db: &impl ConnectionTrait,
    event: NewEvent<'_>,
    now: DateTime<Utc>,
) -> Result<order_event::Model, DbErr> {
    order_event::ActiveModel {
        order_id: Set(event.order_id),
        at: Set(now),
        actor_user_id: Set(event.actor_user_id),
        kind: Set(event.kind.to_string()),
        summary: Set(event.summary),
        before: Set(event.before),
        after: Set(event.after),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub struct NewOrder<'a> {
    pub number: &'a str,
    pub customer_company_id: i32,
    pub sales_owner_id: Option<i32>,
    pub currency: &'a str,
    pub incoterm: &'a str,
    pub payment_terms: &'a str,
    pub ship_to: &'a str,
    pub status: OrderStatus,
}

pub async fn insert_order(
    db: &impl ConnectionTrait,
    new: NewOrder<'_>,
    now: DateTime<Utc>,
) -> Result<order::Model, DbErr> {
    order::ActiveModel {
        number: Set(new.number.to_string()),
        customer_company_id: Set(new.customer_company_id),
        sales_owner_id: Set(new.sales_owner_id),
        currency: Set(new.currency.to_string()),
        incoterm: Set(new.incoterm.to_string()),
        payment_terms: Set(new.payment_terms.to_string()),
        ship_to: Set(new.ship_to.to_string()),
        status: Set(new.status),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub struct NewLine<'a> {
    pub order_id: i32,
    pub line_no: i32,
    pub product_code: &'a str,
    pub description: &'a str,
    pub hs_code: &'a str,
    pub quantity: i64,
    pub unit: &'a str,
    pub unit_price_minor: i64,
    pub requested: NaiveDate,
    pub committed: Option<NaiveDate>,
    pub forecast: Option<NaiveDate>,
}

pub async fn insert_line(
    db: &impl ConnectionTrait,
    new: NewLine<'_>,
) -> Result<order_line::Model, DbErr> {
    order_line::ActiveModel {
        order_id: Set(new.order_id),
        line_no: Set(new.line_no),
        product_code: Set(new.product_code.to_string()),
        description: Set(new.description.to_string()),
        hs_code: Set(new.hs_code.to_string()),
        quantity: Set(new.quantity),
        unit: Set(new.unit.to_string()),
        unit_price_minor: Set(new.unit_price_minor),
        requested_date: Set(new.requested),
        committed_date: Set(new.committed),
        forecast_date: Set(new.forecast),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn set_number(db: &impl ConnectionTrait, id: i32, number: &str) -> Result<(), DbErr> {
    order::ActiveModel {
        id: Set(id),
        number: Set(number.to_string()),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// Claims the order for a change made against `expected_version`: bumps the
/// version, or returns false when someone changed the order first. Every
/// change to an order or its lines goes through here inside its transaction,
/// so two edits of the same version cannot both land.
pub async fn bump_version(
    db: &impl ConnectionTrait,
    id: i32,
    expected_version: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = order::Entity::update_many()
        .col_expr(order::Column::Version, Expr::value(expected_version + 1))
        .col_expr(order::Column::UpdatedAt, Expr::value(now))
        .filter(order::Column::Id.eq(id))
        .filter(order::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The order's own fields a direct edit may change.
pub struct OrderTerms<'a> {
    pub currency: &'a str,
    pub incoterm: &'a str,
    pub payment_terms: &'a str,
    pub ship_to: &'a str,
}

pub async fn set_terms(
    db: &impl ConnectionTrait,
    id: i32,
    terms: OrderTerms<'_>,
) -> Result<(), DbErr> {
    order::ActiveModel {
        id: Set(id),
        currency: Set(terms.currency.to_string()),
        incoterm: Set(terms.incoterm.to_string()),
        payment_terms: Set(terms.payment_terms.to_string()),
        ship_to: Set(terms.ship_to.to_string()),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// Rewrites a line's commercial fields (not its committed or forecast dates).
pub async fn update_line(
    db: &impl ConnectionTrait,
    line_id: i32,
    new: &NewLine<'_>,
) -> Result<(), DbErr> {
    order_line::ActiveModel {
        id: Set(line_id),
        product_code: Set(new.product_code.to_string()),
        description: Set(new.description.to_string()),
        hs_code: Set(new.hs_code.to_string()),
        quantity: Set(new.quantity),
        unit: Set(new.unit.to_string()),
        unit_price_minor: Set(new.unit_price_minor),
        requested_date: Set(new.requested),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

pub async fn delete_line(db: &impl ConnectionTrait, line_id: i32) -> Result<(), DbErr> {
    order_line::Entity::delete_by_id(line_id).exec(db).await?;
    Ok(())
}

/// Records when an order was confirmed and shipped, for orders entered with
/// their history (demo data, imports).
pub async fn set_history(
    db: &impl ConnectionTrait,
    id: i32,
    confirmed_on: Option<NaiveDate>,
    shipped_on: Option<NaiveDate>,
) -> Result<(), DbErr> {
    order::ActiveModel {
        id: Set(id),
        confirmed_on: Set(confirmed_on),
        shipped_on: Set(shipped_on),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}
