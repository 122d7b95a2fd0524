//! From inquiry to contract: a customer's buyer asks (`inquiries`), sales
//! cost a quotation (`draft`), the approvals its figures need are routed and
//! decided (`submit`, `approve`), the quotation goes to the customer
//! (`send`), and the customer's acceptance makes the confirmed order with
//! its payment schedule (`respond`). `view` reads a quotation for the house
//! (costs, margins, approvals, credit) or for the customer (only what was
//! sent); `credit` is the customer's standing; `reminders` chases late
//! approvals and lets lapsed quotations expire.

pub mod approve;
pub mod credit;
pub mod draft;
pub mod inquiries;
mod mail;
pub mod reminders;
pub mod respond;
pub mod rules;
pub mod send;
pub mod submit;
pub mod view;

use crate::i18n::Locale;
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use crate::domain::approval::ApprovalRules;
use crate::domain::credit::CreditPolicy;
use crate::domain::order_input::format_minor;
use crate::domain::quotation::{QuoteLine, QuoteTotals, totals};
use crate::domain::terms::{BalanceDue, format_percent};
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{quotation, quotation_line};
use crate::ssr::repo::quotations::{self, QuoteScope};
use crate::wire::ApiError;
use crate::wire::quotations::Figures;

/// The house rule keys.
pub const APPROVAL_RULES: &str = "approval_rules";
pub const CREDIT_POLICY: &str = "credit_policy";

/// Whose inquiries and quotations the person may read; a factory gets 404.
pub fn scope_of(user: &CurrentUser) -> Result<QuoteScope, ApiError> {
    let actor = user.actor();
    if actor.is_house() {
        Ok(QuoteScope::All)
    } else if actor.role == crate::domain::account::Role::Customer {
        Ok(QuoteScope::Customer(actor.company_id))
    } else {
        Err(ApiError::NotFound)
    }
}

/// The house's approval rules and credit policy, or the defaults.
pub async fn house_rules(
    db: &impl ConnectionTrait,
) -> Result<(ApprovalRules, CreditPolicy), ApiError> {
    let rules = crate::ssr::repo::credit::house_rule(db, APPROVAL_RULES).await?;
    let policy = crate::ssr::repo::credit::house_rule(db, CREDIT_POLICY).await?;
    Ok((rules.unwrap_or_default(), policy.unwrap_or_default()))
}

/// A stored line as the pricing rules see it.
pub fn quote_line(row: &quotation_line::Model) -> QuoteLine {
    QuoteLine {
        quantity: row.quantity,
        purchase_price_minor: row.purchase_price_minor,
        selling_price_minor: row.selling_price_minor,
        lead_time_days: u32::try_from(row.lead_time_days).unwrap_or(0),
    }
}

/// The quotation's totals from its stored lines; amounts too large to add
/// up are the `lines` field's error, in `locale`.
pub fn totals_of(rows: &[quotation_line::Model], locale: Locale) -> Result<QuoteTotals, ApiError> {
    let lines: Vec<QuoteLine> = rows.iter().map(quote_line).collect();
    totals(&lines).map_err(|e| ApiError::invalid("lines", e.refusal().text(locale)))
}

pub fn figures(totals: &QuoteTotals) -> Figures {
    Figures {
        revenue: format_minor(totals.revenue_minor),
        cost: format_minor(totals.cost_minor),
        margin: format_minor(totals.margin_minor),
        margin_percent: totals.margin_bp.map(format_margin),
    }
}

/// A margin in basis points as a percentage with one decimal ("-2.5 %").
pub fn format_margin(bp: i64) -> String {
    let sign = if bp < 0 { "-" } else { "" };
    let abs = bp.unsigned_abs();
    format!("{sign}{}.{} %", abs / 100, (abs % 100) / 10)
}

/// The stored balance trigger.
pub fn balance_of(row: &quotation::Model) -> Result<BalanceDue, ApiError> {
    let days = row.usance_days.map(|d| d.to_string()).unwrap_or_default();
    crate::domain::terms::parse_balance(&row.balance_due, &days)
        .map_err(|e| ApiError::internal("balance due", e))
}

/// The contract terms in words, as the customer reads them, in `locale`.
pub fn terms_in_words(row: &quotation::Model, locale: Locale) -> Result<Vec<String>, ApiError> {
    let deposit = u32::try_from(row.deposit_bp).unwrap_or(0);
    let penalty = u32::try_from(row.penalty_bp_per_day).unwrap_or(0);
    Ok(vec![
        format!("{} {}", row.incoterm, row.port),
        locale.t_with(
            "terms-words-deposit",
            &[("percent", format_percent(deposit).into())],
        ),
        locale.t_with(
            "terms-words-balance",
            &[("balance", balance_of(row)?.text(locale).into())],
        ),
        locale.t_with(
            "terms-words-latest-shipment",
            &[("date", row.latest_shipment.to_string().into())],
        ),
        locale.t_with(
            "terms-words-penalty",
            &[("percent", format_percent(penalty).into())],
        ),
    ])
}

/// The number every revision of a quotation carries.
pub fn number_for(first_id: i32, now: DateTime<Utc>) -> String {
    format!("Q-{}-{first_id:05}", now.format("%Y"))
}

pub fn inquiry_number(id: i32) -> String {
    format!("INQ-{id:05}")
}

/// Opens the next revision of a quotation as a draft: the same number,
/// terms and lines, to be changed and approved again. Returns its id.
pub async fn revise_into_new_draft(
    work: &crate::ssr::work::UnitOfWork,
    from: &quotation::Model,
    now: DateTime<Utc>,
) -> Result<i32, ApiError> {
    use sea_orm::{ActiveModelTrait, Set};
    let saved = quotation::ActiveModel {
        number: Set(from.number.clone()),
        revision: Set(from.revision + 1),
        inquiry_id: Set(from.inquiry_id),
        customer_company_id: Set(from.customer_company_id),
        sales_owner_id: Set(from.sales_owner_id),
        created_by: Set(from.created_by),
        status: Set(crate::domain::quotation::QuotationStatus::Draft),
        currency: Set(from.currency.clone()),
        valid_until: Set(from.valid_until),
        incoterm: Set(from.incoterm.clone()),
        port: Set(from.port.clone()),
        latest_shipment: Set(from.latest_shipment),
        deposit_bp: Set(from.deposit_bp),
        balance_due: Set(from.balance_due.clone()),
        usance_days: Set(from.usance_days),
        penalty_bp_per_day: Set(from.penalty_bp_per_day),
        note: Set(from.note.clone()),
        version: Set(1),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&work.tx)
    .await?;
    for line in quotations::lines_of(&work.tx, &[from.id]).await? {
        quotation_line::ActiveModel {
            quotation_id: Set(saved.id),
            line_no: Set(line.line_no),
            product_code: Set(line.product_code),
            description: Set(line.description),
            hs_code: Set(line.hs_code),
            quantity: Set(line.quantity),
            unit: Set(line.unit),
            requested_date: Set(line.requested_date),
            supplier_company_id: Set(line.supplier_company_id),
            purchase_price_minor: Set(line.purchase_price_minor),
            lead_time_days: Set(line.lead_time_days),
            selling_price_minor: Set(line.selling_price_minor),
            ..Default::default()
        }
        .insert(&work.tx)
        .await?;
    }
    Ok(saved.id)
}
