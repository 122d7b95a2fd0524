//! Messages: one conversation per order, between its customer's people and
//! the house, and one per purchase order, between the house and its
//! factory. Each side reads and writes only its own threads
//! (`domain::messages`, checked as `Action::Converse`); another side's
//! thread, or another tenant's, is not found. Posting writes the message and
//! queues the other side's mails (`mail`) in one unit of work; open pages
//! hear of it through a nudge: an order's customer and the house for an
//! order thread, the house alone for a purchase order's. Of what is kept,
//! a message drops the pages of its order (which show the conversation) and
//! of the people its mails put it before, and the reads that name no part;
//! every other order's, customer's and factory's stay kept.

mod mail;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::domain::company::CompanyKind;
use crate::domain::messages::{self, MAX_BODY_CHARS, Side, Thread, check_body};
use crate::domain::policy::Action;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{message, order, purchase_order};
use crate::ssr::repo::{companies, users};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::messages::{MessageView, MessagesView};

/// What a thread is about: the order or the purchase order.
pub(crate) enum Subject {
    Order(order::Model),
    PurchaseOrder(purchase_order::Model),
}

impl Subject {
    /// The company on the thread's outside: the order's customer, the
    /// purchase order's factory.
    fn company(&self) -> i32 {
        match self {
            Subject::Order(order) => order.customer_company_id,
            Subject::PurchaseOrder(po) => po.supplier_company_id,
        }
    }

    fn number(&self) -> &str {
        match self {
            Subject::Order(order) => &order.number,
            Subject::PurchaseOrder(po) => &po.number,
        }
    }
}

/// The thread `kind`/`id` names and its record, if the person may read it
/// (with `write`, post in it); anything else is not found.
async fn open(
    state: &AppState,
    user: &CurrentUser,
    kind: &str,
    id: i32,
    write: bool,
) -> Result<(Thread, Subject), ApiError> {
    let thread = Thread::parse(kind, id).ok_or(ApiError::NotFound)?;
    // Reading a thread is a plain read outside any transaction: on SQLite
    // the read-only pool. Posting checks on the writing connection it
    // then writes through, so its check sees what the write will meet.
    let db = if write { &state.db } else { &state.reports };
    let subject = match thread {
        Thread::Order(id) => {
            // A read shares the order the page around it reads
            // (`orders::seen`), so an order page's first visit reads the
            // order once. A post reads the row on the connection it writes
            // through; an order not the viewer's to see is read without
            // scope, so the guard below refuses it and writes the refusal
            // to the audit log.
            let seen = if write {
                None
            } else {
                match crate::usecases::orders::seen(state, user, id).await {
                    Ok(seen) => Some(seen.order.clone()),
                    Err(ApiError::NotFound) => None,
                    Err(other) => return Err(other),
                }
            };
            let order = match seen {
                Some(order) => order,
                None => order::Entity::find_by_id(id)
                    .one(db)
                    .await?
                    .ok_or(ApiError::NotFound)?,
            };
            Subject::Order(order)
        }
        Thread::PurchaseOrder(id) => Subject::PurchaseOrder(
            purchase_order::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(ApiError::NotFound)?,
        ),
    };
    let action = Action::Converse {
        thread,
        company: subject.company(),
        write,
    };
    guard::check(state, user, action, "messages").await?;
    Ok((thread, subject))
}

/// The messages of one thread, oldest first.
async fn messages_of(
    db: &impl ConnectionTrait,
    thread: Thread,
) -> Result<Vec<message::Model>, ApiError> {
    let query =
        message::Entity::find().filter(message::Column::ThreadKind.eq(thread.kind().as_str()));
    let query = match thread {
        Thread::Order(id) => query.filter(message::Column::OrderId.eq(id)),
        Thread::PurchaseOrder(id) => query.filter(message::Column::PurchaseOrderId.eq(id)),
    };
    Ok(query
        .order_by_asc(message::Column::CreatedAt)
        .order_by_asc(message::Column::Id)
        .all(db)
        .await?)
}

/// The thread as the viewer may see it; kept between writes (`read_cache`).
pub async fn thread(
    state: &AppState,
    user: &CurrentUser,
    kind: &str,
    id: i32,
) -> Result<MessagesView, ApiError> {
    let part = Thread::parse(kind, id).and_then(Thread::kept_under);
    state
        .kept_part("messages/get", user, part, (kind, id), || {
            read_thread(state, user, kind, id)
        })
        .await
}

async fn read_thread(
    state: &AppState,
    user: &CurrentUser,
    kind: &str,
    id: i32,
) -> Result<MessagesView, ApiError> {
    let (thread, subject) = open(state, user, kind, id, false).await?;
    // Only shown, outside any transaction: the read-only pool (see `open`).
    let db = &state.reports;
    // Only the house and the thread's own outside side ever write in it;
    // anything else would not be the viewer's to read.
    let sides = [Side::House, thread.kind().outside()];
    let rows: Vec<message::Model> = messages_of(db, thread)
        .await?
        .into_iter()
        .filter(|m| Side::parse(&m.side).is_some_and(|s| sides.contains(&s)))
        .collect();
    let author_ids: Vec<i32> = rows.iter().map(|m| m.author_user_id).collect();
    let authors = users::by_ids(db, &author_ids).await?;
    let side = Side::of(user.role);
    Ok(MessagesView {
        kind: thread.kind().as_str().to_string(),
        id: thread.id(),
        reference: subject.number().to_string(),
        messages: rows
            .into_iter()
            .map(|m| MessageView {
                id: m.id,
                author: authors
                    .iter()
                    .find(|a| a.id == m.author_user_id)
                    .map(|a| a.display_name.clone())
                    .unwrap_or_default(),
                mine: m.author_user_id == user.user_id,
                side: m.side,
                body: m.body,
                at: m.created_at,
            })
            .collect(),
        can_post: messages::may_write(side, user.company_id, thread, subject.company()),
    })
}

/// Posts `body` to the thread: the message, the other side's mails and the
/// nudge to open pages in one unit of work.
pub async fn post(
    state: &AppState,
    user: &CurrentUser,
    kind: &str,
    id: i32,
    body: String,
) -> Result<(), ApiError> {
    let (thread, subject) = open(state, user, kind, id, true).await?;
    let body = check_body(&body).map_err(|problem| {
        ApiError::invalid(
            "body",
            user.locale
                .t_with(problem.key(), &[("max", MAX_BODY_CHARS.into())]),
        )
    })?;
    let side = Side::of(user.role);
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    let row = message::ActiveModel {
        thread_kind: Set(thread.kind().as_str().to_string()),
        order_id: Set(match thread {
            Thread::Order(id) => Some(id),
            Thread::PurchaseOrder(_) => None,
        }),
        purchase_order_id: Set(match thread {
            Thread::PurchaseOrder(id) => Some(id),
            Thread::Order(_) => None,
        }),
        author_user_id: Set(user.user_id),
        side: Set(side.as_str().to_string()),
        body: Set(body),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&work.tx)
    .await?;
    mail::tell_other_side(state, &work, user, side, &subject, &row).await?;
    match &subject {
        // The customer's pages and the house's; of the kept pages, the
        // order's shows the conversation.
        Subject::Order(order) => {
            work.nudge(order.customer_company_id).await?;
            work.touches_only(thread.part().into_iter().collect());
        }
        // The house's pages only: a factory has no live stream, and no
        // customer hears of its purchase orders.
        Subject::PurchaseOrder(_) => {
            let house = match side {
                Side::House => Some(user.company_id),
                _ => companies::first_of_kind(&work.tx, CompanyKind::House)
                    .await?
                    .map(|c| c.id),
            };
            if let Some(house) = house {
                work.nudge_house(house).await?;
            }
            // A factory's kept list shows no conversation.
            work.touches_no_part();
        }
    }
    work.commit(state).await
}
