//! A customer's first page at a glance: how its open orders stand (by the
//! order list's badges, so the numbers agree with the list), what ships next
//! and what waits for its answer. Only the signed-in customer's company is
//! read; the trading house has its own boards and is refused.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use sea_orm::{ConnectionTrait, DbErr};

use crate::domain::glance::{self as rules, SOON_DAYS, ShipmentFact, WaitKind, Waiting};
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::{Action, Area};
use crate::ssr::auth::CurrentUser;
use crate::ssr::repo::glance as reads;
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::glance::{Glance, WaitingView};

/// The glance for the signed-in customer; anyone else is refused (403).
/// Kept between writes (`read_cache`): it reads every order of the customer.
pub async fn glance(state: &AppState, user: &CurrentUser) -> Result<Glance, ApiError> {
    state
        .kept_part("orders/glance", user, user.own_part(), (), || {
            read(state, user)
        })
        .await
}

async fn read(state: &AppState, user: &CurrentUser) -> Result<Glance, ApiError> {
    guard::check(
        state,
        user,
        Action::EnterArea(Area::Customer),
        "order glance",
    )
    .await?;
    let company = user.company_id;
    let today = state.today();
    // Only shown: the read-only pool, beside other requests, its reads
    // sharing one connection.
    let reading = state.begin_reads().await?;
    let db = &reading;
    // Each order's lines are summed by the database as they are written
    // (kept on the order), and the database tallies the customer's open
    // orders alike in what their badge depends on (kept per customer):
    // orders still in work by their standing today (their dates decide
    // their badges), delivered ones only by whether they have lines and a
    // line without a commitment. No order or line is read one by one.
    let open: Vec<OrderStatus> = OrderStatus::ALL
        .into_iter()
        .filter(|s| !s.is_final())
        .collect();
    let standings = reads::standings(db, company, &open, today).await?;
    // Each order's badge is the one its row in the order list shows (the
    // worst of its lines').
    let counts = rules::count_badges(standings.iter().flat_map(|(status, standing, orders)| {
        std::iter::repeat_n(standing.worst_badge(status.delivered()), *orders as usize)
    }));

    // The orders' numbers come with the shipments and instalments read.
    let mut numbers = HashMap::new();
    let mut facts = Vec::new();
    for s in reads::shipments_coming(db, company, rules::SAILINGS_SHOWN as u64).await? {
        numbers.insert(s.order_id, s.order_number);
        facts.push(ShipmentFact {
            order_id: s.order_id,
            vessel: s.vessel,
            etd: s.etd,
            atd: s.atd,
            eta: s.eta,
            ata: None,
        });
    }
    let mut sailings = rules::next_sailings(&facts);
    let (items, unread) = waiting(state, db, user, today, &mut numbers).await?;
    let (mut waiting, waiting_more) = rules::most_pressing(items, unread, today);
    // Only the other orders shown are read for their numbers.
    let unnamed: Vec<i32> = waiting
        .iter()
        .filter(|w| on_order(w.kind) && !numbers.contains_key(&w.target))
        .map(|w| w.target)
        .collect();
    numbers.extend(reads::numbers_of(db, company, &unnamed).await?);
    for item in waiting.iter_mut().filter(|w| on_order(w.kind)) {
        item.number = number_of(&numbers, item.target);
    }
    for sailing in &mut sailings {
        sailing.order_number = number_of(&numbers, sailing.order_id);
    }
    reading.commit().await?;

    Ok(Glance {
        counts,
        sailings,
        waiting: waiting
            .into_iter()
            .map(|w| WaitingView {
                overdue: w.overdue(today),
                path: path(w.kind, w.target),
                kind: w.kind,
                number: w.number,
                name: w.name,
                due: w.due,
            })
            .collect(),
        waiting_more,
    })
}

/// What `read` finds if `wanted`, else nothing; the read is made only if
/// wanted (a future does nothing until awaited).
async fn read_if<T>(
    wanted: bool,
    read: impl Future<Output = Result<Vec<T>, DbErr>>,
) -> Result<Vec<T>, DbErr> {
    if wanted { read.await } else { Ok(Vec::new()) }
}

fn number_of(numbers: &HashMap<i32, String>, order_id: i32) -> String {
    numbers.get(&order_id).cloned().unwrap_or_default()
}

/// Whether a waiting item's target is an order (whose number the caller
/// fills in) rather than a record with a number of its own.
fn on_order(kind: WaitKind) -> bool {
    matches!(
        kind,
        WaitKind::CounterProposal | WaitKind::Instalment | WaitKind::Document
    )
}

/// What waits for the customer, in no particular order, and how many more
/// wait behind those of their kind read (see [`rules::most_pressing`]);
/// items [`on_order`] come without their order's number. The numbers of
/// the orders of instalments owed are added to `numbers`.
async fn waiting(
    state: &AppState,
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    today: NaiveDate,
    numbers: &mut HashMap<i32, String>,
) -> Result<(Vec<Waiting>, usize), ApiError> {
    let company = user.company_id;
    // Downloads are not recorded, so a document counts as new for a while
    // after it was shared (the upload time stands in for that).
    let since = today
        .checked_sub_days(Days::new(SOON_DAYS as u64))
        .unwrap_or(today)
        .and_hms_opt(0, 0, 0)
        .map(|start| start.and_utc())
        .unwrap_or_else(|| state.now());
    // Only the kinds there is anything of are read.
    let kinds = reads::waiting_kinds(db, company, today, since).await?;
    let mut items = Vec::new();
    for q in read_if(
        kinds.quotations,
        reads::quotations_to_answer(db, company, today),
    )
    .await?
    {
        if rules::quotation_open(q.valid_until, today) {
            items.push(Waiting {
                kind: WaitKind::Quotation,
                target: q.id,
                number: q.number,
                name: None,
                due: Some(q.valid_until),
            });
        }
    }
    for c in read_if(
        kinds.counter_proposals,
        reads::counter_proposals(db, company),
    )
    .await?
    {
        items.push(Waiting {
            kind: WaitKind::CounterProposal,
            target: c.order_id,
            number: String::new(),
            name: None,
            due: None,
        });
    }
    for c in read_if(kinds.remedies, reads::remedies_proposed(db, company)).await? {
        items.push(Waiting {
            kind: WaitKind::Remedy,
            target: c.id,
            number: c.number,
            name: None,
            due: None,
        });
    }
    let until = today
        .checked_add_days(Days::new(SOON_DAYS as u64))
        .unwrap_or(today);
    // A large customer can owe hundreds of payments at once: the first few
    // by day are read, the rest counted.
    let (owed, all_owed) =
        reads::instalments_owed_by(db, company, until, rules::WAITING_SHOWN as u64).await?;
    let unread = usize::try_from(all_owed)
        .unwrap_or(usize::MAX)
        .saturating_sub(owed.len());
    for owed in owed {
        if rules::instalment_due_soon(owed.due_date, today) {
            items.push(Waiting {
                kind: WaitKind::Instalment,
                target: owed.order_id,
                number: String::new(),
                name: None,
                due: Some(owed.due_date),
            });
            numbers.insert(owed.order_id, owed.order_number);
        }
    }
    for f in read_if(kinds.files, reads::shared_files_since(db, company, since)).await? {
        let Some(order_id) = f.order_id else { continue };
        // The customer's own uploads are nothing new to it.
        if f.uploaded_by == Some(user.user_id)
            || !rules::shared_recently(f.uploaded_at.date_naive(), today)
        {
            continue;
        }
        items.push(Waiting {
            kind: WaitKind::Document,
            target: order_id,
            number: String::new(),
            name: Some(f.name),
            due: None,
        });
    }
    Ok((items, unread))
}

/// The page that deals with a waiting item.
fn path(kind: WaitKind, target: i32) -> String {
    match kind {
        WaitKind::Quotation => format!("/customer/quotations/{target}"),
        WaitKind::Remedy => format!("/customer/complaints/{target}"),
        WaitKind::CounterProposal | WaitKind::Instalment | WaitKind::Document => {
            format!("/customer/orders/{target}")
        }
    }
}
