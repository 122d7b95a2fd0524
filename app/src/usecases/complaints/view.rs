//! Complaints as each side may see them.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{STEPS, clock_rules, side_of, state_of, visible};
use crate::domain::complaints::{
    Clock, ClockState, ComplaintCategory, ComplaintStatus, Remedy, RootCause, RootCauseRef, Side,
    clock_state,
};
use crate::domain::order_input::format_minor;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{complaint_entry, order, order_line, root_cause};
use crate::ssr::repo::complaint_list::{self, ListScope};
use crate::ssr::repo::{companies, users};
use crate::wire::ApiError;
use crate::wire::complaints::{
    CLOSED_PAGE, ClockView, ComplaintDetail, ComplaintEntryView, ComplaintList, ComplaintSummary,
};

pub(crate) fn clock_view(
    due: DateTime<Utc>,
    target_minutes: u32,
    stopped: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    hours: &crate::domain::complaints::WorkingHours,
) -> ClockView {
    let state = clock_state(
        &Clock {
            due,
            target_minutes,
            stopped_at: stopped,
        },
        now,
        hours,
    );
    let (level, minutes) = match state {
        ClockState::Running { minutes_left } => ("running", minutes_left),
        ClockState::DueSoon { minutes_left } => ("due_soon", minutes_left),
        ClockState::Overdue { minutes_over } => ("overdue", minutes_over),
        ClockState::MetOnTime => ("met", 0),
        ClockState::MetLate => ("met_late", 0),
    };
    ClockView {
        due,
        level: level.to_string(),
        key: state.key().to_string(),
        minutes,
    }
}

fn category_key(raw: &str) -> String {
    ComplaintCategory::parse(raw)
        .map(|c| c.key().to_string())
        .unwrap_or_else(|| raw.to_string())
}

fn status_key(raw: &str) -> String {
    ComplaintStatus::parse(raw)
        .map(|s| s.key().to_string())
        .unwrap_or_else(|| raw.to_string())
}

/// The complaints the viewer may see: on the first page (`before` none)
/// every one still open, then the closed ones newest first, a page at a
/// time; `before` is the last closed complaint of the page before (one the
/// viewer may not see is not found).
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    before: Option<i32>,
) -> Result<ComplaintList, ApiError> {
    // Only shown, outside any transaction: on SQLite the read-only pool, so
    // the list does not queue behind writes.
    let db = &state.reports;
    let side = side_of(user);
    let scope = match side {
        Side::House => ListScope::House,
        Side::Customer => ListScope::Customer(user.company_id),
        Side::Factory => ListScope::Factory(user.company_id),
    };
    let (mut rows, after) = match before {
        None => (complaint_list::open(db, scope).await?, None),
        Some(id) => {
            let last = visible(db, user, id).await?;
            (Vec::new(), Some((last.created_at, last.id)))
        }
    };
    let mut closed = complaint_list::closed(db, scope, after, CLOSED_PAGE + 1).await?;
    let older = if closed.len() as u64 > CLOSED_PAGE {
        closed.truncate(CLOSED_PAGE as usize);
        closed.last().map(|c| c.id)
    } else {
        None
    };
    rows.append(&mut closed);
    let rules = clock_rules(db).await?;
    let now = state.now();
    let order_ids: Vec<i32> = rows.iter().map(|r| r.order_id).collect();
    let orders = order::Entity::find()
        .filter(order::Column::Id.is_in(order_ids))
        .all(db)
        .await?;
    let customers = if side == Side::House {
        let ids: Vec<i32> = rows.iter().map(|r| r.customer_company_id).collect();
        companies::by_ids(db, &ids).await?
    } else {
        Vec::new()
    };
    let out: Vec<ComplaintSummary> = rows
        .iter()
        .map(|r| ComplaintSummary {
            id: r.id,
            number: r.number.clone(),
            reference: match side {
                Side::Factory => String::new(),
                _ => orders
                    .iter()
                    .find(|o| o.id == r.order_id)
                    .map(|o| o.number.clone())
                    .unwrap_or_default(),
            },
            category_key: category_key(&r.category),
            status: r.status.clone(),
            status_key: status_key(&r.status),
            first_answer: clock_view(
                r.first_answer_due,
                rules.targets.first_answer_minutes,
                r.first_answered_at,
                now,
                &rules.hours,
            ),
            remedy: clock_view(
                r.remedy_due,
                rules.targets.remedy_minutes,
                r.remedy_proposed_at,
                now,
                &rules.hours,
            ),
            created_at: r.created_at,
            customer_name: customers
                .iter()
                .find(|c| c.id == r.customer_company_id)
                .map(|c| c.name.clone()),
        })
        .collect();
    Ok(ComplaintList {
        complaints: out,
        older,
    })
}

pub async fn get(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
) -> Result<ComplaintDetail, ApiError> {
    // Only shown, outside any transaction: the read-only pool, as in `list`.
    // A step checks the complaint again on the writing connection.
    let db = &state.reports;
    let row = visible(db, user, id).await?;
    let side = side_of(user);
    let rules = clock_rules(db).await?;
    let now = state.now();
    let order = order::Entity::find_by_id(row.order_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let line = match row.order_line_id {
        Some(id) => order_line::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let entries = complaint_entry::Entity::find()
        .filter(complaint_entry::Column::ComplaintId.eq(row.id))
        .order_by_asc(complaint_entry::Column::CreatedAt)
        .order_by_asc(complaint_entry::Column::Id)
        .all(db)
        .await?;
    // What passes between the house and the factory stays between them.
    let entries: Vec<complaint_entry::Model> = entries
        .into_iter()
        .filter(|e| match side {
            Side::House => true,
            Side::Customer => e.side != Side::Factory.as_str() && e.kind != "pass",
            Side::Factory => e.kind == "pass" || e.side == Side::Factory.as_str(),
        })
        .collect();
    let people = if side == Side::House {
        let ids: Vec<i32> = entries.iter().filter_map(|e| e.actor_user_id).collect();
        users::by_ids(db, &ids).await?
    } else {
        Vec::new()
    };
    let factory_name = match (side, row.factory_company_id) {
        (Side::House, Some(id)) => companies::find(db, id).await?.map(|c| c.name),
        _ => None,
    };
    let custom = root_cause::Entity::find()
        .order_by_asc(root_cause::Column::Label)
        .all(db)
        .await?;
    let cause_key = row.root_cause.as_deref().and_then(|raw| {
        let pairs: Vec<(i32, String)> = custom.iter().map(|c| (c.id, c.label.clone())).collect();
        RootCauseRef::resolve(raw, &pairs).map(|cause| match cause.key() {
            Some(key) => key.to_string(),
            None => cause.label().unwrap_or_default().to_string(),
        })
    });
    let complaint_state = state_of(&row);
    let steps: Vec<String> = STEPS
        .iter()
        .filter(|(_, step)| complaint_state.apply(*step, side).is_ok())
        .map(|(name, _)| name.to_string())
        .collect();
    let mut root_causes: Vec<(String, String)> = RootCause::ALL
        .iter()
        .map(|c| (RootCauseRef::BuiltIn(*c).stored(), c.key().to_string()))
        .collect();
    root_causes.extend(custom.iter().map(|c| {
        (
            format!("{}{}", crate::domain::complaints::CUSTOM_CAUSE_PREFIX, c.id),
            c.label.clone(),
        )
    }));
    // Money between the house and its customer is never the factory's.
    let money = |minor: Option<i64>| minor.filter(|_| side != Side::Factory).map(format_minor);
    let factory_side = side != Side::Customer;
    let files = crate::usecases::files::of_complaint(state, user, row.id).await?;
    let can_attach = crate::usecases::files::may_attach(user, &row);
    Ok(ComplaintDetail {
        id: row.id,
        number: row.number.clone(),
        version: row.version,
        order_id: (side != Side::Factory).then_some(order.id),
        reference: if side == Side::Factory {
            String::new()
        } else {
            order.number.clone()
        },
        line: line.map(|l| format!("{} · {}", l.line_no, l.product_code)),
        category_key: category_key(&row.category),
        description: row.description.clone(),
        quantity_affected: row.quantity_affected,
        remedy_asked_key: Remedy::parse(&row.remedy_asked)
            .map(|r| r.key().to_string())
            .unwrap_or_default(),
        amount_asked: money(row.amount_asked_minor),
        currency: row.currency.clone(),
        status: row.status.clone(),
        status_key: status_key(&row.status),
        first_answer: clock_view(
            row.first_answer_due,
            rules.targets.first_answer_minutes,
            row.first_answered_at,
            now,
            &rules.hours,
        ),
        remedy: clock_view(
            row.remedy_due,
            rules.targets.remedy_minutes,
            row.remedy_proposed_at,
            now,
            &rules.hours,
        ),
        remedy_kind_key: row
            .remedy_kind
            .as_deref()
            .and_then(Remedy::parse)
            .map(|r| r.key().to_string()),
        remedy_text: row.remedy_text.clone(),
        remedy_amount: money(row.remedy_amount_minor),
        root_cause_key: if factory_side { cause_key } else { None },
        corrective_action: if factory_side {
            row.corrective_action.clone()
        } else {
            None
        },
        factory_name,
        entries: entries
            .iter()
            .map(|e| ComplaintEntryView {
                side: e.side.clone(),
                kind_key: format!("complaint-entry-{}", e.kind),
                body: e.body.clone(),
                at: e.created_at,
                who: e
                    .actor_user_id
                    .and_then(|id| people.iter().find(|p| p.id == id))
                    .map(|p| p.display_name.clone()),
            })
            .collect(),
        steps,
        root_causes: if side == Side::Factory || side == Side::House {
            root_causes
        } else {
            Vec::new()
        },
        files,
        can_attach,
    })
}
