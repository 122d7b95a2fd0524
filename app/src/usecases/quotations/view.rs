//! Reading quotations: the house's view with costs, margins, approvals and
//! the customer's credit; the customer's view of what was sent to it; and
//! the list each may see (the house's approval inbox is the list filtered to
//! what the viewer may decide).

use super::approve::domain_steps;
use super::inquiries::quote_ref;
use super::{credit, figures, quote_line, scope_of, terms_in_words, totals_of};
use crate::domain::account::Role;
use crate::domain::approval::{can_act, current_step};
use crate::domain::company::CompanyKind;
use crate::domain::order_input::format_minor;
use crate::domain::policy::Action;
use crate::domain::quotation::{QuotationStatus, line_cost, line_margin, line_revenue, margin_bp};
use crate::domain::terms::format_percent;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{approval_step, quotation, quotation_line, user};
use crate::ssr::repo::quotations::{self, QuoteScope};
use crate::ssr::repo::{companies, users};
use crate::ssr::{AppState, guard};
use crate::wire::ApiError;
use crate::wire::quotations::{
    ApprovalView, CustomerQuotation, CustomerQuoteLine, Figures, HouseQuotation, HouseQuoteLine,
    QuotationSummary,
};

/// A quotation as the house works on it.
pub async fn get(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
) -> Result<HouseQuotation, ApiError> {
    let row = quotations::find(&state.db, QuoteScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let customer = row.customer_company_id;
    guard::check(state, user, Action::Quote { customer }, "quotation").await?;
    let lines = quotations::lines_of(&state.db, &[row.id]).await?;
    let steps = quotations::steps_of(&state.db, &[row.id]).await?;
    let me = users::find(&state.db, user.user_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let draft = row.status == QuotationStatus::Draft;
    let factories = if draft {
        companies::of_kind(&state.db, CompanyKind::Supplier).await?
    } else {
        let ids: Vec<i32> = lines.iter().filter_map(|l| l.supplier_company_id).collect();
        companies::by_ids(&state.db, &ids).await?
    };
    let customer_name = super::approve::customer_name(&state.db, customer).await?;
    let revisions = quotations::revisions(&state.db, QuoteScope::All, &row.number).await?;
    let today = state.today();
    let totals = totals_of(&lines, user.locale)?;
    Ok(HouseQuotation {
        id: row.id,
        number: row.number.clone(),
        revision: row.revision,
        status: row.status,
        version: row.version,
        customer_id: customer,
        customer_name,
        inquiry_id: row.inquiry_id,
        currency: row.currency.clone(),
        valid_until: row.valid_until,
        incoterm: row.incoterm.clone(),
        port: row.port.clone(),
        latest_shipment: row.latest_shipment,
        deposit: format_percent(u32::try_from(row.deposit_bp).unwrap_or(0)),
        balance_due: row.balance_due.clone(),
        usance_days: row.usance_days,
        penalty: format_percent(u32::try_from(row.penalty_bp_per_day).unwrap_or(0)),
        terms: terms_in_words(&row, user.locale)?,
        note: row.note.clone(),
        lines: lines.iter().map(|l| house_line(l, &factories)).collect(),
        figures: figures(&totals),
        approvals: approval_views(&state.db, &steps, &me, row.status).await?,
        credit: credit::view_of(&state.db, customer, today, user.locale).await?,
        order_id: row.order_id,
        revisions: revisions.iter().map(quote_ref).collect(),
        factories: if draft {
            factories.iter().map(|c| (c.id, c.name.clone())).collect()
        } else {
            Vec::new()
        },
        can_edit: draft,
        can_submit: draft,
        can_send: row.status == QuotationStatus::Approved && today <= row.valid_until,
        can_revise: matches!(
            row.status,
            QuotationStatus::Approved | QuotationStatus::Sent
        ),
        can_withdraw: !row.status.is_final(),
    })
}

fn house_line(
    line: &quotation_line::Model,
    factories: &[crate::ssr::entities::company::Model],
) -> HouseQuoteLine {
    let priced = quote_line(line);
    let revenue = line_revenue(&priced).unwrap_or(i64::MAX);
    let margin = line_margin(&priced).unwrap_or(0);
    HouseQuoteLine {
        line_no: line.line_no,
        product_code: line.product_code.clone(),
        description: line.description.clone(),
        hs_code: line.hs_code.clone(),
        quantity: line.quantity,
        unit: line.unit.clone(),
        requested: line.requested_date,
        supplier_id: line.supplier_company_id,
        supplier_name: factories
            .iter()
            .find(|c| Some(c.id) == line.supplier_company_id)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        purchase_price: format_minor(line.purchase_price_minor),
        lead_time_days: line.lead_time_days,
        selling_price: format_minor(line.selling_price_minor),
        figures: Figures {
            revenue: format_minor(revenue),
            cost: format_minor(line_cost(&priced).unwrap_or(0)),
            margin: format_minor(margin),
            margin_percent: margin_bp(margin, revenue).map(super::format_margin),
        },
    }
}

async fn approval_views(
    db: &impl sea_orm::ConnectionTrait,
    rows: &[approval_step::Model],
    me: &user::Model,
    status: QuotationStatus,
) -> Result<Vec<ApprovalView>, ApiError> {
    let steps = domain_steps(rows);
    let current = (status == QuotationStatus::InApproval)
        .then(|| current_step(&steps))
        .flatten();
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.decided_by).collect();
    let deciders = users::by_ids(db, &ids).await?;
    Ok(rows
        .iter()
        .enumerate()
        .map(|(i, row)| ApprovalView {
            position: row.position,
            level: row.level,
            reason: row.reason.clone(),
            due_at: row.due_at,
            decided_by: deciders
                .iter()
                .find(|u| Some(u.id) == row.decided_by)
                .map(|u| u.display_name.clone()),
            approved: row.approved,
            comment: row.comment.clone(),
            decided_at: row.decided_at,
            can_decide: current == Some(i)
                && can_act(me.staff_level, me.role == Role::Admin, &steps[i]),
        })
        .collect())
}

/// A quotation as the customer reads it: only a revision that was sent.
pub async fn customer_get(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
) -> Result<CustomerQuotation, ApiError> {
    let scope = scope_of(user)?;
    let row = quotations::find(&state.db, scope, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let customer = row.customer_company_id;
    guard::check(state, user, Action::SeeQuotes { customer }, "quotation").await?;
    let lines = quotations::lines_of(&state.db, &[row.id]).await?;
    let total = totals_of(&lines, user.locale)?.revenue_minor;
    let today = state.today();
    Ok(CustomerQuotation {
        id: row.id,
        number: row.number.clone(),
        revision: row.revision,
        status: row.status,
        currency: row.currency.clone(),
        valid_until: row.valid_until,
        incoterm: row.incoterm.clone(),
        port: row.port.clone(),
        latest_shipment: row.latest_shipment,
        terms: terms_in_words(&row, user.locale)?,
        note: row.note.clone(),
        lines: lines.iter().map(customer_line).collect(),
        total: format_minor(total),
        order_id: row.order_id,
        can_answer: user.role == Role::Customer
            && row.status == QuotationStatus::Sent
            && today <= row.valid_until,
    })
}

fn customer_line(line: &quotation_line::Model) -> CustomerQuoteLine {
    let total = line_revenue(&quote_line(line)).unwrap_or(i64::MAX);
    CustomerQuoteLine {
        line_no: line.line_no,
        product_code: line.product_code.clone(),
        description: line.description.clone(),
        quantity: line.quantity,
        unit: line.unit.clone(),
        requested: line.requested_date,
        unit_price: format_minor(line.selling_price_minor),
        total: format_minor(total),
    }
}

/// The quotations the viewer may see, newest first; `inbox` keeps those
/// waiting for the viewer's approval.
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    inbox: bool,
) -> Result<Vec<QuotationSummary>, ApiError> {
    let scope = scope_of(user)?;
    let rows = quotations::quotations(&state.db, scope, 200).await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let lines = quotations::lines_of(&state.db, &ids).await?;
    let house = scope == QuoteScope::All;
    let steps = if house {
        quotations::steps_of(&state.db, &ids).await?
    } else {
        Vec::new()
    };
    let me = users::find(&state.db, user.user_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let customers: Vec<i32> = rows.iter().map(|r| r.customer_company_id).collect();
    let names = companies::by_ids(&state.db, &customers).await?;
    let mut out = Vec::new();
    for row in &rows {
        let mine: Vec<quotation_line::Model> = lines
            .iter()
            .filter(|l| l.quotation_id == row.id)
            .cloned()
            .collect();
        let totals = totals_of(&mine, user.locale)?;
        let own: Vec<approval_step::Model> = steps
            .iter()
            .filter(|s| s.quotation_id == row.id)
            .cloned()
            .collect();
        let (waiting_for, mine_to_approve) = waiting(row, &own, &me);
        if inbox && !mine_to_approve {
            continue;
        }
        out.push(QuotationSummary {
            id: row.id,
            number: row.number.clone(),
            revision: row.revision,
            customer_name: names
                .iter()
                .find(|c| c.id == row.customer_company_id)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            status: row.status,
            total: format_minor(totals.revenue_minor),
            currency: row.currency.clone(),
            valid_until: row.valid_until,
            margin_percent: if house {
                totals.margin_bp.map(super::format_margin)
            } else {
                None
            },
            waiting_for: if house { waiting_for } else { None },
            mine_to_approve: house && mine_to_approve,
        });
    }
    Ok(out)
}

/// The level a quotation in approval waits for, and whether `me` may decide it.
fn waiting(
    row: &quotation::Model,
    steps: &[approval_step::Model],
    me: &user::Model,
) -> (Option<crate::domain::approval::StaffLevel>, bool) {
    if row.status != QuotationStatus::InApproval {
        return (None, false);
    }
    let domain = domain_steps(steps);
    match current_step(&domain) {
        Some(i) => (
            Some(domain[i].level),
            can_act(me.staff_level, me.role == Role::Admin, &domain[i]),
        ),
        None => (None, false),
    }
}
