//! The reads behind a customer's first page at a glance. Each takes the
//! customer's company, or order ids read for that company, so nothing of
//! another customer can come back.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{
    Alias, Asterisk, Expr, ExprTrait, IntoColumnRef, Query, SelectStatement, UnionType,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, QueryResult, QuerySelect, QueryTrait, Select, Statement,
};

use crate::domain::change_request::ChangeStatus;
use crate::domain::complaints::ComplaintStatus;
use crate::domain::dates::{LinesSummary, Standing};
use crate::domain::order_status::OrderStatus;
use crate::domain::quotation::QuotationStatus;
use crate::ssr::entities::{
    change_request, complaint, file, instalment, order, quotation, shipment,
};

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
        LinesSummary::kept(
            self.line_count,
            self.unconfirmed_lines,
            self.earliest_committed,
            self.most_slip,
        )
    }
}

/// The customer a shipment or an instalment keeps: its order's, kept by
/// the database (migration 28), so the first page finds a customer's open
/// shipments and owed instalments in indexes by customer, instead of
/// walking every customer's and asking of each whose order it is.
const OF_CUSTOMER: &str = "customer_company_id";

/// That the row's order (`order_id`, a column of the table read) belongs to
/// the company, asked of each row found rather than by listing the
/// company's orders first: a customer may hold tens of thousands of orders
/// while the counter-proposals the first page looks for are a few open rows.
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

/// How many of the company's orders in these statuses stand alike, per
/// status, read from the tallies the database keeps (`order_tallies`,
/// migration 35): a few hundred rows at most, however many orders the
/// customer holds. An order in work stands by [`LinesSummary::standing`]
/// on `today` (its tally keeps its earliest commitment, so whether that
/// has passed is asked here), a delivered one by [`Standing::delivered`].
/// Settled and cancelled orders are not tallied. No standing comes with
/// no orders.
pub async fn standings(
    db: &impl ConnectionTrait,
    company: i32,
    statuses: &[OrderStatus],
    today: NaiveDate,
) -> Result<Vec<(OrderStatus, Standing, u64)>, DbErr> {
    if statuses.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = Vec::new();
    for r in db
        .query_all_raw(standings_statement(
            db.get_database_backend(),
            company,
            statuses,
            today,
        ))
        .await?
    {
        let status: String = r.try_get("", "status")?;
        let Some(status) = OrderStatus::parse(&status) else {
            continue;
        };
        let has_lines = r.try_get::<i32>("", "has_lines")? != 0;
        let has_unconfirmed = r.try_get::<i32>("", "has_unconfirmed")? != 0;
        let orders = count_of(&r, "orders")?;
        if status.delivered() {
            rows.push((
                status,
                Standing::delivered(has_lines, has_unconfirmed),
                orders,
            ));
            continue;
        }
        // A group's orders, those overdue and the rest.
        let overdue = Ord::min(count_of(&r, "overdue")?, orders);
        let slip = i64::from(r.try_get::<i32>("", "slip")?);
        for (is_overdue, count) in [(true, overdue), (false, orders - overdue)] {
            let standing = Standing {
                has_lines,
                has_unconfirmed,
                overdue: is_overdue,
                slip,
            };
            rows.push((status, standing, count));
        }
    }
    rows.retain(|(_, _, orders)| *orders > 0);
    Ok(rows)
}

/// The read of [`standings`], through the tallies' key: its order is the
/// groups' (migration 39), so they are summed as the key is walked,
/// without a sort. Each group counts its orders and those of them
/// committed for before `today`.
pub fn standings_statement(
    backend: DatabaseBackend,
    company: i32,
    statuses: &[OrderStatus],
    today: NaiveDate,
) -> Statement {
    let (marks, mut values) = company_and_statuses(company, statuses);
    values.insert(0, today.into());
    super::kpi::statement(
        backend,
        &format!(
            "SELECT status, has_lines, has_unconfirmed, slip, \
               SUM(CASE WHEN committed_by < ? THEN order_count ELSE 0 END) AS overdue, \
               SUM(order_count) AS orders \
             FROM order_tallies WHERE customer_company_id = ? AND status IN ({marks}) \
             GROUP BY status, has_lines, has_unconfirmed, slip"
        ),
        values,
    )
}

/// The placeholders of the statuses and the values of the company and the
/// statuses, in that order.
fn company_and_statuses(company: i32, statuses: &[OrderStatus]) -> (String, Vec<sea_orm::Value>) {
    let marks = vec!["?"; statuses.len()].join(", ");
    let mut values: Vec<sea_orm::Value> = vec![company.into()];
    values.extend(statuses.iter().map(|s| s.as_str().into()));
    (marks, values)
}

/// A row's count `column` (a 64-bit integer on both databases).
fn count_of(row: &QueryResult, column: &str) -> Result<u64, DbErr> {
    Ok(u64::try_from(row.try_get::<i64>("", column)?).unwrap_or(0))
}

/// What of a shipment the first page needs.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ShipmentRow {
    pub order_id: i32,
    /// Its order's number, read with it.
    pub order_number: String,
    pub vessel: String,
    pub etd: NaiveDate,
    pub atd: Option<NaiveDate>,
    pub eta: Option<NaiveDate>,
}

/// The first `most` shipments of the company's orders that have not
/// departed (by ETD), and the first `most` at sea with an ETA (by ETA),
/// each then by order and vessel: the heads [`next_sailings`] needs, however
/// many shipments are under way.
///
/// [`next_sailings`]: crate::domain::glance::next_sailings
pub async fn shipments_coming(
    db: &impl ConnectionTrait,
    company: i32,
    most: u64,
) -> Result<Vec<ShipmentRow>, DbErr> {
    ShipmentRow::find_by_statement(
        db.get_database_backend()
            .build(&shipments_coming_statement(company, most)),
    )
    .all(db)
    .await
}

/// The read of [`shipments_coming`]: both heads in one statement (a
/// statement costs its round trip even when it finds nothing), each read
/// through its own index as its select alone would be.
pub fn shipments_coming_statement(company: i32, most: u64) -> SelectStatement {
    let head = |select: Select<shipment::Entity>, name: &str| {
        Query::select()
            .column(Asterisk)
            .from_subquery(select.into_query(), Alias::new(name))
            .to_owned()
    };
    let both = head(shipments_to_depart_select(company, most), "departing")
        .union(
            UnionType::All,
            head(shipments_at_sea_select(company, most), "at_sea"),
        )
        .to_owned();
    with_order_numbers(both, "coming")
}

/// The rows of `inner` (which has an `order_id`), each with its order's
/// number as `order_number`: the page names the orders it links to, and a
/// statement of their own would cost its round trip.
fn with_order_numbers(inner: SelectStatement, name: &str) -> SelectStatement {
    let name = Alias::new(name);
    Query::select()
        .column((name.clone(), Asterisk))
        .expr_as(
            Expr::col((order::Entity, order::Column::Number)),
            Alias::new("order_number"),
        )
        .from_subquery(inner, name.clone())
        .inner_join(
            order::Entity,
            Expr::col((order::Entity, order::Column::Id)).equals((name, Alias::new("order_id"))),
        )
        .to_owned()
}

/// The shipments of the company's orders that have not arrived yet, with
/// the columns of [`ShipmentRow`], found by the customer each keeps (see
/// [`OF_CUSTOMER`]).
fn shipments_under_way_select(company: i32) -> Select<shipment::Entity> {
    shipment::Entity::find()
        .select_only()
        .column(shipment::Column::OrderId)
        .column(shipment::Column::Vessel)
        .column(shipment::Column::Etd)
        .column(shipment::Column::Atd)
        .column(shipment::Column::Eta)
        .filter(shipment::Column::Ata.is_null())
        .filter(Expr::col((shipment::Entity, Alias::new(OF_CUSTOMER))).eq(company))
}

/// The read of [`shipments_coming`]'s departures, in the order of the
/// partial index `idx_shipments_to_depart_by_customer`, which holds only
/// those.
pub fn shipments_to_depart_select(company: i32, most: u64) -> Select<shipment::Entity> {
    shipments_under_way_select(company)
        .filter(shipment::Column::Atd.is_null())
        .order_by_asc(shipment::Column::Etd)
        .order_by_asc(shipment::Column::OrderId)
        .order_by_asc(shipment::Column::Vessel)
        .limit(most)
}

/// The read of [`shipments_coming`]'s arrivals (at sea without an ETA,
/// nothing is announced), in the order of the partial index
/// `idx_shipments_at_sea_by_customer`, which holds only those.
pub fn shipments_at_sea_select(company: i32, most: u64) -> Select<shipment::Entity> {
    shipments_under_way_select(company)
        .filter(shipment::Column::Atd.is_not_null())
        .filter(shipment::Column::Eta.is_not_null())
        .order_by_asc(shipment::Column::Eta)
        .order_by_asc(shipment::Column::OrderId)
        .order_by_asc(shipment::Column::Vessel)
        .limit(most)
}

/// Which kinds of what waits for the customer there is any of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitingKinds {
    pub quotations: bool,
    pub counter_proposals: bool,
    pub remedies: bool,
    pub files: bool,
}

/// Whether any quotation, counter-proposal, proposed remedy or file shared
/// since `since` waits for the company, each asked by the select of its own
/// read, in one statement: most first pages have nothing of most kinds,
/// and one statement finding none costs about what each empty read did.
pub async fn waiting_kinds(
    db: &impl ConnectionTrait,
    company: i32,
    today: NaiveDate,
    since: DateTime<Utc>,
) -> Result<WaitingKinds, DbErr> {
    let probe = Query::select()
        .expr_as(
            any(quotations_to_answer_select(company, today)),
            "quotations",
        )
        .expr_as(any(counter_proposals_select(company)), "counter_proposals")
        .expr_as(any(remedies_proposed_select(company)), "remedies")
        .expr_as(any(shared_files_since_select(company, since)), "files")
        .to_owned();
    let Some(row) = db.query_one(&probe).await? else {
        return Err(DbErr::RecordNotFound("waiting kinds".into()));
    };
    let flag = |name: &str| row.try_get::<i32>("", name).map(|v| v != 0);
    Ok(WaitingKinds {
        quotations: flag("quotations")?,
        counter_proposals: flag("counter_proposals")?,
        remedies: flag("remedies")?,
        files: flag("files")?,
    })
}

/// 1 if `select` finds a row, else 0 (on both databases an integer).
fn any<E: EntityTrait>(select: Select<E>) -> sea_orm::sea_query::SimpleExpr {
    let found = select.select_only().expr(Expr::val(1)).into_query();
    Expr::case(Expr::exists(found), 1).finally(0).into()
}

/// Quotations sent to the company that it can still accept on `today`.
pub async fn quotations_to_answer(
    db: &impl ConnectionTrait,
    company: i32,
    today: NaiveDate,
) -> Result<Vec<quotation::Model>, DbErr> {
    quotations_to_answer_select(company, today).all(db).await
}

fn quotations_to_answer_select(company: i32, today: NaiveDate) -> Select<quotation::Entity> {
    quotation::Entity::find()
        .filter(quotation::Column::CustomerCompanyId.eq(company))
        .filter(quotation::Column::Status.eq(QuotationStatus::Sent.as_str()))
        .filter(quotation::Column::SentAt.is_not_null())
        .filter(quotation::Column::ValidUntil.gte(today))
}

/// Change requests on the company's orders the house answered with a
/// counter-proposal, waiting for the customer.
pub async fn counter_proposals(
    db: &impl ConnectionTrait,
    company: i32,
) -> Result<Vec<change_request::Model>, DbErr> {
    counter_proposals_select(company).all(db).await
}

fn counter_proposals_select(company: i32) -> Select<change_request::Entity> {
    change_request::Entity::find()
        .filter(change_request::Column::Status.eq(ChangeStatus::Countered.as_str()))
        .filter(of_company(
            (change_request::Entity, change_request::Column::OrderId),
            company,
        ))
}

/// The company's complaints with a remedy proposed, waiting for its answer.
pub async fn remedies_proposed(
    db: &impl ConnectionTrait,
    company: i32,
) -> Result<Vec<complaint::Model>, DbErr> {
    remedies_proposed_select(company).all(db).await
}

/// The read of [`remedies_proposed`], from the index of complaints by
/// customer and step (migration 34): not every complaint the customer ever
/// made.
pub fn remedies_proposed_select(company: i32) -> Select<complaint::Entity> {
    complaint::Entity::find()
        .filter(complaint::Column::CustomerCompanyId.eq(company))
        .filter(complaint::Column::Status.eq(ComplaintStatus::RemedyProposed.as_str()))
}

/// Instalments of the company's orders not paid in full with a fixed day
/// on or before `until`: the first `most` by day and then order, and how
/// many there are in all.
pub async fn instalments_owed_by(
    db: &impl ConnectionTrait,
    company: i32,
    until: NaiveDate,
    most: u64,
) -> Result<(Vec<OwedRow>, u64), DbErr> {
    let statement = instalments_owed_statement(company, until, most);
    let rows = OwedRow::find_by_statement(db.get_database_backend().build(&statement))
        .all(db)
        .await?;
    let all = rows.first().map_or(0, |row| row.owed);
    Ok((rows, u64::try_from(all).unwrap_or(0)))
}

/// An instalment owed, as the first page shows it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct OwedRow {
    pub order_id: i32,
    /// Its order's number, read with it.
    pub order_number: String,
    pub due_date: NaiveDate,
    /// How many instalments the customer owes in all.
    pub owed: i64,
}

/// The read of [`instalments_owed_by`]: [`instalments_owed_select`] with
/// each row's order number.
pub fn instalments_owed_statement(company: i32, until: NaiveDate, most: u64) -> SelectStatement {
    with_order_numbers(
        instalments_owed_select(company, until, most).into_query(),
        "due",
    )
}

/// The rows of [`instalments_owed_by`]: each row's order and day, and the
/// count of all owed (a window over every row found, taken before the
/// limit). Its conditions are the ones of the partial index
/// `idx_instalments_owed_by_customer`, which holds only what is owed, by
/// customer in this order, so the count is one range of it.
pub fn instalments_owed_select(
    company: i32,
    until: NaiveDate,
    most: u64,
) -> Select<instalment::Entity> {
    instalment::Entity::find()
        .select_only()
        .column(instalment::Column::OrderId)
        .column(instalment::Column::DueDate)
        .column_as(Expr::cust("COUNT(*) OVER ()"), "owed")
        .filter(instalment::Column::DueDate.is_not_null())
        .filter(
            Expr::col(instalment::Column::PaidMinor).lt(Expr::col(instalment::Column::AmountMinor)),
        )
        .filter(instalment::Column::DueDate.lte(until))
        .filter(Expr::col((instalment::Entity, Alias::new(OF_CUSTOMER))).eq(company))
        .order_by_asc(instalment::Column::DueDate)
        .order_by_asc(instalment::Column::OrderId)
        .limit(most)
}

/// Files of the company's orders and shipments shared with it since `since`.
pub async fn shared_files_since(
    db: &impl ConnectionTrait,
    company: i32,
    since: DateTime<Utc>,
) -> Result<Vec<file::Model>, DbErr> {
    shared_files_since_select(company, since)
        .order_by_desc(file::Column::UploadedAt)
        .all(db)
        .await
}

fn shared_files_since_select(company: i32, since: DateTime<Utc>) -> Select<file::Entity> {
    file::Entity::find()
        .filter(file::Column::CustomerCompanyId.eq(company))
        .filter(file::Column::SharedWithCustomer.eq(true))
        .filter(file::Column::OwnerKind.is_in(["order", "shipment"]))
        .filter(file::Column::OrderId.is_not_null())
        .filter(file::Column::UploadedAt.gte(since))
}
