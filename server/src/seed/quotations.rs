//! Inquiries and quotations in every state, so a newcomer sees the way from
//! a customer's question to a contract at once: an inquiry not yet quoted, a
//! draft being costed, quotations waiting for their approvals (one of them
//! late), approved, sent, revised, accepted with the order it became,
//! declined, expired and withdrawn. Rows are written as the use cases in
//! `app::usecases::quotations` write them; the approval steps, their reasons
//! and due times follow from the house's default rules, and the second
//! customer's low credit (set by the house) is why it owes a larger deposit.

use app::domain::approval::{
    ApprovalRules, Decision, QuoteFacts, RouteEntry, StaffLevel, decide, plan, route,
};
use app::domain::credit::{CreditPolicy, deposit_check, required_deposit_bp, standing};
use app::domain::order_status::OrderStatus;
use app::domain::quotation::{InquiryStatus, QuotationStatus, QuoteLine, totals};
use app::domain::terms::{
    DEFAULT_PENALTY_BP_PER_DAY, DueWhen, InstalmentKind, PaymentTerms, deposit_amount, schedule,
};
use app::ssr::entities::{
    approval_step, credit_standing, inquiry, inquiry_line, instalment, order, quotation,
    quotation_line,
};
use app::ssr::repo::orders::{self, NewEvent, NewOrder};
use app::ssr::repo::{fulfilment, quotations as quote_repo};
use app::usecases::quotations::respond::DEPOSIT_DUE_DAYS;
use app::usecases::quotations::respond::write_contract_lines;
use app::usecases::quotations::submit::reason_words;
use app::usecases::quotations::{
    balance_of, inquiry_number, number_for, quote_line, terms_in_words,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

use super::{Demo, SHIP_TO};

mod stories;
use stories::{DAY, HOUSE_NOTE, HOUSE_SCORE, STORIES, Story};

pub(super) async fn seed_quotations(
    tx: &DatabaseTransaction,
    demo: &mut Demo,
) -> Result<String, DbErr> {
    let demo = &*demo;
    write_credit(tx, demo).await?;
    // The inquiry and the quotation number of the story being told, for
    // its next revision.
    let mut asked: Option<inquiry::Model> = None;
    let mut number: Option<String> = None;
    let (mut inquiries, mut quotes) = (0, 0);
    for story in &STORIES {
        if story.revision == 1 {
            asked = Some(write_inquiry(tx, demo, story).await?);
            number = None;
            inquiries += 1;
        }
        let (Some(inquiry), Some(status)) = (&asked, story.status) else {
            continue;
        };
        let (quote, lines) =
            write_quotation(tx, demo, story, status, inquiry.id, number.as_deref()).await?;
        quotes += 1;
        if story.revision > 1 {
            quote_repo::set_inquiry_status(
                tx,
                inquiry.id,
                inquiry_status(status),
                quote.created_at,
            )
            .await?;
        }
        if status == QuotationStatus::Accepted {
            let order_id = write_contract(tx, demo, &quote, &lines, inquiry).await?;
            quotation::ActiveModel {
                id: Set(quote.id),
                order_id: Set(Some(order_id)),
                ..Default::default()
            }
            .update(tx)
            .await?;
        }
        number = Some(quote.number);
    }
    Ok(format!(
        "quotations: {inquiries} inquiries, {quotes} quotations in every state"
    ))
}

fn ago(demo: &Demo, hours: i64) -> DateTime<Utc> {
    demo.now - Duration::hours(hours)
}

fn at(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, 0, 0)
        .expect("a whole hour is a valid time")
        .and_utc()
}

fn failed(what: impl std::fmt::Debug) -> DbErr {
    DbErr::Custom(format!("demo quotations: {what:?}"))
}

fn staff(demo: &Demo, level: StaffLevel) -> Result<i32, DbErr> {
    demo.staff
        .iter()
        .find(|(l, _)| *l == level)
        .map(|(_, id)| *id)
        .ok_or_else(|| failed(level))
}

fn buyer(demo: &Demo, customer: usize) -> Result<i32, DbErr> {
    demo.buyers
        .get(customer)
        .copied()
        .ok_or_else(|| failed("no buyer for the customer"))
}

/// An inquiry is quoted while a revision of its quotation is open (or
/// replaced by a later one), closed once the quotation is done with.
fn inquiry_status(status: QuotationStatus) -> InquiryStatus {
    if status.is_final() && status != QuotationStatus::Superseded {
        InquiryStatus::Closed
    } else {
        InquiryStatus::Quoted
    }
}

async fn write_inquiry(
    tx: &DatabaseTransaction,
    demo: &Demo,
    story: &Story,
) -> Result<inquiry::Model, DbErr> {
    let asked = ago(demo, story.asked);
    let (status, updated) = match story.status.map(inquiry_status) {
        None => (InquiryStatus::Open, asked),
        Some(InquiryStatus::Closed) => (
            InquiryStatus::Closed,
            ago(demo, story.answered.unwrap_or(story.drafted)),
        ),
        Some(status) => (status, ago(demo, story.drafted)),
    };
    let saved = inquiry::ActiveModel {
        customer_company_id: Set(demo.customers[story.customer]),
        created_by: Set(buyer(demo, story.customer)?),
        status: Set(status),
        destination: Set(story.port.to_string()),
        incoterm: Set(story.incoterm.to_string()),
        requested_date: Set(Some(
            demo.now.date_naive() + Duration::days(story.ship_days),
        )),
        note: Set(story.ask.to_string()),
        currency: Set(story.currency.to_string()),
        created_at: Set(asked),
        updated_at: Set(updated),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    for (i, item) in story.items.iter().enumerate() {
        inquiry_line::ActiveModel {
            inquiry_id: Set(saved.id),
            line_no: Set(i as i32 + 1),
            product_code: Set(Some(item.product.to_string())),
            description: Set(item.description.to_string()),
            quantity: Set(item.quantity),
            unit: Set(item.unit.to_string()),
            target_price_minor: Set(item.target),
            ..Default::default()
        }
        .insert(tx)
        .await?;
    }
    Ok(saved)
}

/// The levels the house's default rules ask to approve the story's
/// figures: the sales manager always, the cost accountant below 15 %
/// margin, the director when the deposit is below what credit requires.
fn route_of(demo: &Demo, story: &Story) -> Result<Vec<RouteEntry>, DbErr> {
    if story.submitted.is_none() {
        return Ok(Vec::new());
    }
    let lines: Vec<QuoteLine> = story
        .items
        .iter()
        .map(|i| QuoteLine {
            quantity: i.quantity,
            purchase_price_minor: i.purchase,
            selling_price_minor: i.selling,
            lead_time_days: u32::try_from(i.lead_days).unwrap_or(0),
        })
        .collect();
    let figures = totals(&lines).map_err(failed)?;
    // The second customer's standing is the house's score; the first one's
    // record (none yet, or deposits paid on time) keeps it above the
    // threshold either way.
    let house = (story.customer == 1).then_some(HOUSE_SCORE);
    let credit = standing(&[], demo.now.date_naive(), house);
    let required = required_deposit_bp(&credit, &CreditPolicy::default());
    let offered = u32::try_from(story.deposit_bp).unwrap_or(0);
    let facts = QuoteFacts {
        total_minor: figures.revenue_minor,
        margin_bp: figures.margin_bp,
        deposit: deposit_check(offered, required),
    };
    Ok(route(&ApprovalRules::default(), &facts))
}

/// The quotation row, its lines and its approval steps; the number is the
/// first revision's.
async fn write_quotation(
    tx: &DatabaseTransaction,
    demo: &Demo,
    story: &Story,
    status: QuotationStatus,
    inquiry_id: i32,
    number: Option<&str>,
) -> Result<(quotation::Model, Vec<quotation_line::Model>), DbErr> {
    let needed = route_of(demo, story)?;
    let decided = story.approvals.min(needed.len());
    let saved = quotation_row(demo, story, status, inquiry_id, number, decided)?
        .insert(tx)
        .await?;
    let saved = match number {
        Some(_) => saved,
        None => {
            let number = number_for(saved.id, saved.created_at);
            quotation::ActiveModel {
                id: Set(saved.id),
                number: Set(number.clone()),
                ..Default::default()
            }
            .update(tx)
            .await?;
            quotation::Model { number, ..saved }
        }
    };
    let mut lines = Vec::with_capacity(story.items.len());
    for (i, item) in story.items.iter().enumerate() {
        let line = quotation_line::ActiveModel {
            quotation_id: Set(saved.id),
            line_no: Set(i as i32 + 1),
            product_code: Set(item.product.to_string()),
            description: Set(item.description.to_string()),
            hs_code: Set(item.hs.to_string()),
            quantity: Set(item.quantity),
            unit: Set(item.unit.to_string()),
            requested_date: Set(Some(saved.latest_shipment)),
            supplier_company_id: Set(Some(demo.suppliers[item.factory])),
            purchase_price_minor: Set(item.purchase),
            lead_time_days: Set(item.lead_days),
            selling_price_minor: Set(item.selling),
            ..Default::default()
        };
        lines.push(line.insert(tx).await?);
    }
    write_steps(tx, demo, &saved, &needed, decided).await?;
    Ok((saved, lines))
}

fn quotation_row(
    demo: &Demo,
    story: &Story,
    status: QuotationStatus,
    inquiry_id: i32,
    number: Option<&str>,
    decided_steps: usize,
) -> Result<quotation::ActiveModel, DbErr> {
    let sales = demo.sales_owner.ok_or_else(|| failed("no sales person"))?;
    let today = demo.now.date_naive();
    let answered = story.answered.map(|h| ago(demo, h));
    let decided_by = match status {
        QuotationStatus::Accepted | QuotationStatus::Declined => Some(buyer(demo, story.customer)?),
        QuotationStatus::Withdrawn => Some(sales),
        _ => None,
    };
    // Every move bumps the version: the submission, each approval, the
    // sending and the last step (answer, withdrawal, expiry or revision).
    let moves = [
        story.submitted.is_some(),
        story.sent.is_some(),
        answered.is_some(),
    ];
    let version = 1 + decided_steps + moves.iter().filter(|m| **m).count();
    Ok(quotation::ActiveModel {
        number: Set(number.map_or_else(|| format!("Q-NEW-{inquiry_id}"), str::to_string)),
        revision: Set(story.revision),
        inquiry_id: Set(Some(inquiry_id)),
        customer_company_id: Set(demo.customers[story.customer]),
        sales_owner_id: Set(Some(sales)),
        created_by: Set(sales),
        status: Set(status),
        currency: Set(story.currency.to_string()),
        valid_until: Set(today + Duration::days(story.valid_days)),
        incoterm: Set(story.incoterm.to_string()),
        port: Set(story.port.to_string()),
        latest_shipment: Set(today + Duration::days(story.ship_days)),
        deposit_bp: Set(story.deposit_bp),
        balance_due: Set(story.balance_due.to_string()),
        usance_days: Set(None),
        penalty_bp_per_day: Set(DEFAULT_PENALTY_BP_PER_DAY as i32),
        note: Set(story.note.to_string()),
        version: Set(i32::try_from(version).unwrap_or(1)),
        order_id: Set(None),
        created_at: Set(ago(demo, story.drafted)),
        submitted_at: Set(story.submitted.map(|h| ago(demo, h))),
        sent_at: Set(story.sent.map(|h| ago(demo, h))),
        decided_at: Set(decided_by.and(answered)),
        decided_by: Set(decided_by),
        ..Default::default()
    })
}

/// The steps planned at submission, each due one target (4 hours) after
/// the one before; the first `decided` approved halfway through their
/// target, which moves the later steps' due times as approving does.
async fn write_steps(
    tx: &DatabaseTransaction,
    demo: &Demo,
    quote: &quotation::Model,
    needed: &[RouteEntry],
    decided: usize,
) -> Result<(), DbErr> {
    let Some(submitted) = quote.submitted_at else {
        return Ok(());
    };
    let rules = ApprovalRules::default();
    let mut steps = plan(needed, submitted, rules.step_target_minutes);
    let halfway = Duration::minutes(i64::from(rules.step_target_minutes) / 2);
    for idx in 0..decided {
        let decision = Decision {
            approve: true,
            by: staff(demo, steps[idx].level)?,
            at: steps[idx].due - halfway,
            comment: String::new(),
        };
        decide(&mut steps, idx, decision).map_err(failed)?;
    }
    for (i, (entry, step)) in needed.iter().zip(&steps).enumerate() {
        let reasons: Vec<String> = entry
            .reasons
            .iter()
            .map(|r| reason_words(*r, &quote.currency))
            .collect();
        let decision = step.decision.as_ref();
        approval_step::ActiveModel {
            quotation_id: Set(quote.id),
            position: Set(i as i32 + 1),
            level: Set(step.level),
            reason: Set(reasons.join("; ").chars().take(200).collect()),
            due_at: Set(step.due),
            decided_by: Set(decision.map(|d| d.by)),
            approved: Set(decision.map(|d| d.approve)),
            comment: Set(None),
            decided_at: Set(decision.map(|d| d.at)),
            reminded_at: Set(None),
            escalated_at: Set(None),
            ..Default::default()
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}

/// The confirmed order the accepted quotation became, as accepting writes
/// it: its lines with committed dates, its terms, its payment schedule and
/// the timeline of how it came about. Returns its id.
async fn write_contract(
    tx: &DatabaseTransaction,
    demo: &Demo,
    quote: &quotation::Model,
    lines: &[quotation_line::Model],
    inquiry: &inquiry::Model,
) -> Result<i32, DbErr> {
    let accepted = quote
        .decided_at
        .ok_or_else(|| failed("no acceptance time"))?;
    let by = quote.decided_by.ok_or_else(|| failed("nobody accepted"))?;
    let day = accepted.date_naive();
    let count = order::Entity::find().count(tx).await?;
    let number = format!("SO-{}-{:04}", demo.now.format("%Y"), count + 1);
    let terms: String = terms_in_words(quote, app::i18n::Locale::En)
        .map_err(failed)?
        .join("; ")
        .chars()
        .take(100)
        .collect();
    let ship_to = demo
        .customers
        .iter()
        .position(|c| *c == quote.customer_company_id)
        .map_or(quote.port.as_str(), |i| SHIP_TO[i]);
    let made = orders::insert_order(
        tx,
        NewOrder {
            number: &number,
            customer_company_id: quote.customer_company_id,
            sales_owner_id: quote.sales_owner_id,
            currency: &quote.currency,
            incoterm: &quote.incoterm,
            payment_terms: &terms,
            ship_to,
            status: OrderStatus::Confirmed,
        },
        accepted,
    )
    .await?;
    orders::set_history(tx, made.id, Some(day), None).await?;
    order::ActiveModel {
        id: Set(made.id),
        quotation_id: Set(Some(quote.id)),
        penalty_bp_per_day: Set(Some(quote.penalty_bp_per_day)),
        latest_shipment: Set(Some(quote.latest_shipment)),
        ..Default::default()
    }
    .update(tx)
    .await?;
    write_contract_lines(tx, made.id, lines, day).await?;
    write_schedule(tx, demo, quote, made.id, lines, day).await?;
    write_history(tx, quote, made.id, &number, inquiry, by, accepted).await?;
    Ok(made.id)
}

/// The deposit, paid two days before it was due, and the balance, due
/// against the copy of the bill of lading once the goods are on board.
async fn write_schedule(
    tx: &DatabaseTransaction,
    demo: &Demo,
    quote: &quotation::Model,
    order_id: i32,
    lines: &[quotation_line::Model],
    confirmed: NaiveDate,
) -> Result<(), DbErr> {
    let rows: Vec<QuoteLine> = lines.iter().map(quote_line).collect();
    let total = totals(&rows).map_err(failed)?.revenue_minor;
    let terms = PaymentTerms {
        deposit_bp: u32::try_from(quote.deposit_bp).unwrap_or(0),
        balance: balance_of(quote).map_err(failed)?,
    };
    let parts = schedule(
        total,
        &terms,
        confirmed,
        quote.latest_shipment,
        DEPOSIT_DUE_DAYS,
    );
    for (i, part) in parts.into_iter().enumerate() {
        let (due_date, due_event, offset) = match part.due {
            DueWhen::OnDate(day) => (Some(day), None, 0),
            DueWhen::OnEvent { event, days_after } => (
                None,
                Some(event.as_str().to_string()),
                i32::try_from(days_after).unwrap_or(0),
            ),
        };
        let paid_on = due_date
            .filter(|_| part.kind == InstalmentKind::Deposit)
            .map(|day| (day - Duration::days(2)).min(demo.now.date_naive()))
            .filter(|day| *day >= confirmed);
        instalment::ActiveModel {
            order_id: Set(order_id),
            position: Set(i as i32 + 1),
            kind: Set(part.kind.as_str().to_string()),
            amount_minor: Set(part.amount_minor),
            due_date: Set(due_date),
            due_event: Set(due_event),
            due_offset_days: Set(offset),
            paid_minor: Set(if paid_on.is_some() {
                part.amount_minor
            } else {
                0
            }),
            paid_at: Set(paid_on.map(|day| at(day, 9))),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        if let Some(day) = paid_on {
            let amount = part.amount_minor;
            fulfilment::insert_payment(tx, order_id, day, amount, "TT deposit", demo.now).await?;
        }
    }
    Ok(())
}

/// The order's timeline opens with the inquiry, each revision sent and the
/// acceptance, as the customer's acceptance records them.
async fn write_history(
    tx: &DatabaseTransaction,
    quote: &quotation::Model,
    order_id: i32,
    number: &str,
    inquiry: &inquiry::Model,
    by: i32,
    accepted: DateTime<Utc>,
) -> Result<(), DbErr> {
    let stamp = |at: DateTime<Utc>| Some(at.format("%Y-%m-%d %H:%M UTC").to_string());
    let mut entries = vec![(
        format!("Inquiry {} received", inquiry_number(inquiry.id)),
        stamp(inquiry.created_at),
    )];
    if let Some(sent) = quote.sent_at {
        entries.push((
            format!(
                "Quotation {} revision {} sent",
                quote.number, quote.revision
            ),
            stamp(sent),
        ));
    }
    entries.push((
        format!(
            "Quotation {} revision {} accepted: order {number}",
            quote.number, quote.revision
        ),
        None,
    ));
    for (summary, after) in entries {
        let event = NewEvent {
            order_id,
            actor_user_id: Some(by),
            kind: "contract",
            summary,
            before: None,
            after,
        };
        orders::append_event(tx, event, accepted).await?;
    }
    Ok(())
}

/// The house's own score for the second customer, and the record behind
/// the portal's figure: on its order that has arrived, the deposit was paid
/// 9 days late and the balance 14 days after the B/L.
async fn write_credit(tx: &DatabaseTransaction, demo: &Demo) -> Result<(), DbErr> {
    let customer = demo.customers[1];
    let row = credit_standing::ActiveModel {
        customer_company_id: Set(customer),
        house_score: Set(Some(i32::from(HOUSE_SCORE))),
        note: Set(Some(HOUSE_NOTE.to_string())),
        set_by: Set(Some(staff(demo, StaffLevel::CommercialDirector)?)),
        set_at: Set(Some(ago(demo, 30 * DAY))),
    };
    credit_standing::Entity::insert(row)
        .exec_without_returning(tx)
        .await?;
    let arrived = order::Entity::find()
        .filter(order::Column::CustomerCompanyId.eq(customer))
        .filter(order::Column::Status.eq(OrderStatus::Arrived.as_str()))
        .one(tx)
        .await?
        .ok_or_else(|| failed("no arrived order of the second customer"))?;
    let (Some(confirmed), Some(shipped)) = (arrived.confirmed_on, arrived.shipped_on) else {
        return Err(failed(
            "the arrived order has no confirmation or shipment date",
        ));
    };
    let total: i64 = orders::lines_of(tx, &[arrived.id])
        .await?
        .iter()
        .map(|l| l.quantity * l.unit_price_minor)
        .sum();
    let deposit = deposit_amount(total, 3_000);
    let deposit_due = confirmed + Duration::days(i64::from(DEPOSIT_DUE_DAYS));
    // (kind, amount, due, the event it was due on, days late)
    let parts = [
        (InstalmentKind::Deposit, deposit, deposit_due, None, 9),
        (
            InstalmentKind::Balance,
            total - deposit,
            shipped,
            Some("bl_issued"),
            14,
        ),
    ];
    for (i, (kind, amount, due, event, late)) in parts.into_iter().enumerate() {
        let paid = (due + Duration::days(late)).min(demo.now.date_naive());
        instalment::ActiveModel {
            order_id: Set(arrived.id),
            position: Set(i as i32 + 1),
            kind: Set(kind.as_str().to_string()),
            amount_minor: Set(amount),
            due_date: Set(Some(due)),
            due_event: Set(event.map(str::to_string)),
            due_offset_days: Set(0),
            paid_minor: Set(amount),
            paid_at: Set(Some(at(paid, 9))),
            ..Default::default()
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}
