//! A customer's buyer asks for a quotation: products (free text, or a code
//! the company ordered before), quantities, a target price, the requested
//! date, destination and incoterm. Sales see every inquiry; a customer its
//! own company's.

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, Set};

use super::{inquiry_number, mail, scope_of};
use crate::domain::kept_pages::Scope;
use crate::domain::order_input::{
    format_minor, parse_currency, parse_incoterm, parse_quantity, parse_requested_date,
    parse_unit_price, required_text,
};
use crate::domain::policy::Action;
use crate::domain::quotation::InquiryStatus;
use crate::domain::refusal::Localize;
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{inquiry, inquiry_line};
use crate::ssr::repo::quotations::{self, QuoteScope};
use crate::ssr::repo::{companies, users};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::usecases::line_fields::{LineFields, filled_lines};
use crate::wire::quotations::{
    InquiryLineInput, InquiryLineView, InquirySummary, InquiryView, QuoteRef,
};
use crate::wire::{ApiError, FieldErrors};

/// The most lines one inquiry may hold.
pub const MAX_LINES: usize = 100;

/// The inquiry form, every field valid.
struct InquiryForm {
    destination: String,
    incoterm: &'static str,
    currency: &'static str,
    requested: Option<NaiveDate>,
    note: String,
    lines: Vec<ParsedLine>,
}

struct ParsedLine {
    product_code: Option<String>,
    description: String,
    quantity: i64,
    unit: String,
    target_price_minor: Option<i64>,
}

/// Starts an inquiry for the customer's own company and returns its id.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    destination: String,
    incoterm: String,
    currency: String,
    requested: String,
    note: String,
    lines: Vec<InquiryLineInput>,
) -> Result<i32, ApiError> {
    let customer = user.company_id;
    guard::check(state, user, Action::AskQuote { customer }, "inquiry").await?;
    let today = state.today();
    let form = parse_form(
        (today, user.locale),
        &destination,
        &incoterm,
        &currency,
        &requested,
        &note,
        lines,
    )?;
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    let saved = inquiry::ActiveModel {
        customer_company_id: Set(customer),
        created_by: Set(user.user_id),
        status: Set(InquiryStatus::Open),
        destination: Set(form.destination),
        incoterm: Set(form.incoterm.to_string()),
        requested_date: Set(form.requested),
        note: Set(form.note),
        currency: Set(form.currency.to_string()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&work.tx)
    .await?;
    for (i, line) in form.lines.into_iter().enumerate() {
        inquiry_line::ActiveModel {
            inquiry_id: Set(saved.id),
            line_no: Set(i as i32 + 1),
            product_code: Set(line.product_code),
            description: Set(line.description),
            quantity: Set(line.quantity),
            unit: Set(line.unit),
            target_price_minor: Set(line.target_price_minor),
            ..Default::default()
        }
        .insert(&work.tx)
        .await?;
    }
    let company = companies::find(&work.tx, customer).await?;
    let customer_name = company.map(|c| c.name).unwrap_or_default();
    mail::inquiry_received(&mut work, state, &saved, &customer_name).await?;
    work.nudge(customer).await?;
    work.touches_only(vec![Scope::Customer(customer)]);
    work.commit(state).await?;
    Ok(saved.id)
}

/// The form as typed, read on `today` for a reader of `locale`.
fn parse_form(
    (today, locale): (NaiveDate, Locale),
    destination: &str,
    incoterm: &str,
    currency: &str,
    requested: &str,
    note: &str,
    lines: Vec<InquiryLineInput>,
) -> Result<InquiryForm, ApiError> {
    let mut problems = FieldErrors::default();
    let destination = problems.keep(
        "destination",
        required_text(destination, 120, "input-what-destination").localized(locale),
    );
    let incoterm = problems.keep("incoterm", parse_incoterm(incoterm).localized(locale));
    let currency = problems.keep("currency", parse_currency(currency).localized(locale));
    let requested = match requested.trim() {
        "" => Some(None),
        raw => problems
            .keep(
                "requested",
                parse_requested_date(raw, today).localized(locale),
            )
            .map(Some),
    };
    if note.chars().count() > 2000 {
        problems.add("note", locale.t("err-inquiry-note-too-long"));
    }
    let bounds = (
        MAX_LINES,
        "err-inquiry-no-lines",
        "err-inquiry-too-many-lines",
    );
    let lines = filled_lines(
        &mut problems,
        lines,
        InquiryLineInput::is_blank,
        bounds,
        locale,
    );
    let parsed: Vec<ParsedLine> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| parse_line(LineFields::new(&mut problems, i, locale), line))
        .collect();
    let (Some(destination), Some(incoterm), Some(currency), Some(requested), true) = (
        destination,
        incoterm,
        currency,
        requested,
        problems.is_empty(),
    ) else {
        return Err(problems.into_error());
    };
    Ok(InquiryForm {
        destination,
        incoterm,
        currency,
        requested,
        note: note.trim().to_string(),
        lines: parsed,
    })
}

fn parse_line(mut field: LineFields<'_>, line: &InquiryLineInput) -> Option<ParsedLine> {
    let product_code = field.optional("product_code", &line.product_code, |raw| {
        required_text(raw, 40, "input-what-product-code")
    });
    let description = field.text("description", &line.description, 2000, "input-what-product");
    let quantity = field.required("quantity", parse_quantity(&line.quantity));
    let unit = field.unit(&line.unit);
    let target = field.optional("target_price", &line.target_price, parse_unit_price);
    Some(ParsedLine {
        product_code: product_code?,
        description: description?,
        quantity: quantity?,
        unit: unit?,
        target_price_minor: target?,
    })
}

/// The inquiries the viewer may see, newest first.
pub async fn list(state: &AppState, user: &CurrentUser) -> Result<Vec<InquirySummary>, ApiError> {
    let scope = scope_of(user)?;
    let rows = quotations::inquiries(&state.db, scope, 200).await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let lines = quotations::inquiry_lines(&state.db, &ids).await?;
    let quotes = quotations::of_inquiries(&state.db, scope, &ids).await?;
    let customers: Vec<i32> = rows.iter().map(|r| r.customer_company_id).collect();
    let names = companies::by_ids(&state.db, &customers).await?;
    Ok(rows
        .into_iter()
        .map(|row| InquirySummary {
            number: inquiry_number(row.id),
            customer_name: names
                .iter()
                .find(|c| c.id == row.customer_company_id)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            status: row.status,
            created_at: row.created_at,
            line_count: lines.iter().filter(|l| l.inquiry_id == row.id).count(),
            destination: row.destination.clone(),
            requested: row.requested_date,
            quotation: quotes
                .iter()
                .find(|q| q.inquiry_id == Some(row.id))
                .map(quote_ref),
            id: row.id,
        })
        .collect())
}

/// One inquiry with its lines and the quotations the viewer may see.
pub async fn get(state: &AppState, user: &CurrentUser, id: i32) -> Result<InquiryView, ApiError> {
    let scope = scope_of(user)?;
    let row = quotations::find_inquiry(&state.db, scope, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let customer = row.customer_company_id;
    guard::check(state, user, Action::SeeQuotes { customer }, "inquiry").await?;
    let lines = quotations::inquiry_lines(&state.db, &[row.id]).await?;
    let quotes = quotations::of_inquiries(&state.db, scope, &[row.id]).await?;
    let company = companies::find(&state.db, customer).await?;
    let asked_by = users::find(&state.db, row.created_by).await?;
    Ok(InquiryView {
        id: row.id,
        number: inquiry_number(row.id),
        customer_name: company.map(|c| c.name).unwrap_or_default(),
        asked_by: asked_by.map(|u| u.display_name).unwrap_or_default(),
        status: row.status,
        created_at: row.created_at,
        destination: row.destination,
        incoterm: row.incoterm,
        currency: row.currency,
        requested: row.requested_date,
        note: row.note,
        lines: lines
            .into_iter()
            .map(|l| InquiryLineView {
                line_no: l.line_no,
                product_code: l.product_code,
                description: l.description,
                quantity: l.quantity,
                unit: l.unit,
                target_price: l.target_price_minor.map(format_minor),
            })
            .collect(),
        can_quote: scope == QuoteScope::All && row.status == InquiryStatus::Open,
        quotations: quotes.iter().map(quote_ref).collect(),
    })
}

pub fn quote_ref(row: &crate::ssr::entities::quotation::Model) -> QuoteRef {
    QuoteRef {
        id: row.id,
        number: row.number.clone(),
        revision: row.revision,
        status: row.status,
    }
}

/// The products the customer's company ordered before, to pick from when it
/// asks again.
pub async fn past_products(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Vec<crate::wire::quotations::PastProduct>, ApiError> {
    let customer = user.company_id;
    guard::check(state, user, Action::AskQuote { customer }, "past products").await?;
    Ok(quotations::past_products(&state.db, customer, 500)
        .await?
        .into_iter()
        .map(
            |(product_code, description)| crate::wire::quotations::PastProduct {
                product_code,
                description,
            },
        )
        .collect())
}
