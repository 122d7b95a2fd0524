//! Sales staff enter a new order (an inquiry) for a customer.

// The use case takes one argument per form field.
#![allow(clippy::too_many_arguments)]

use chrono::NaiveDate;

use super::{ParsedLine, Terms, parse_line, parse_terms};
use crate::domain::company::CompanyKind;
use crate::domain::order_status::OrderStatus;
use crate::domain::policy::{Action, Area};
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::auth::token::new_token;
use crate::ssr::entities::company;
use crate::ssr::repo::{companies, orders};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::usecases::line_fields::LineFields;
use crate::wire::orders::LineInput;
use crate::wire::{ApiError, FieldErrors};

/// The new-order form, every field valid.
struct NewOrderForm {
    customer: company::Model,
    terms: Terms,
    lines: Vec<ParsedLine>,
}

/// Enters a new order for a customer and returns its id. Every problem is
/// reported against its field (`lines[2].quantity`), and nothing is written
/// unless everything is valid.
pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    customer_id: i32,
    currency: String,
    incoterm: String,
    payment_terms: String,
    ship_to: String,
    lines: Vec<LineInput>,
) -> Result<i32, ApiError> {
    guard::check(state, user, Action::EnterArea(Area::Staff), "new order").await?;
    let customer = companies::find(&state.db, customer_id)
        .await?
        .filter(|c| c.kind == CompanyKind::Customer);
    let form = parse_form(
        user.locale,
        state.today(),
        customer,
        &currency,
        &incoterm,
        &payment_terms,
        &ship_to,
        lines,
    )?;
    write(state, user, form).await
}

/// Checks every field of the form, reporting all problems at once; blank
/// rows are skipped.
fn parse_form(
    locale: Locale,
    today: NaiveDate,
    customer: Option<company::Model>,
    currency: &str,
    incoterm: &str,
    payment_terms: &str,
    ship_to: &str,
    lines: Vec<LineInput>,
) -> Result<NewOrderForm, ApiError> {
    let mut problems = FieldErrors::default();
    let customer = problems.keep(
        "customer_id",
        customer.ok_or_else(|| locale.t("err-choose-customer")),
    );
    let terms = parse_terms(
        &mut problems,
        locale,
        currency,
        incoterm,
        payment_terms,
        ship_to,
    );
    let lines: Vec<_> = lines.into_iter().filter(|l| !l.is_blank()).collect();
    if lines.is_empty() {
        problems.add("lines", locale.t("err-add-line"));
    }
    let parsed: Vec<_> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| parse_line(LineFields::new(&mut problems, i, locale), line, today))
        .collect();
    let (Some(customer), Some(terms), true) = (customer, terms, problems.is_empty()) else {
        return Err(problems.into_error());
    };
    Ok(NewOrderForm {
        customer,
        terms,
        lines: parsed,
    })
}

/// Writes the order, numbered by its id, with its lines and the timeline's
/// first entry, in one unit of work.
async fn write(state: &AppState, user: &CurrentUser, form: NewOrderForm) -> Result<i32, ApiError> {
    let now = state.now();
    let mut work = UnitOfWork::begin(state).await?;
    // Unique until the row has an id to number it by (fits the 32-character column).
    let provisional = format!("NEW-{}", &new_token()[..16]);
    let order = orders::insert_order(
        &work.tx,
        orders::NewOrder {
            number: &provisional,
            customer_company_id: form.customer.id,
            sales_owner_id: Some(user.user_id),
            currency: form.terms.currency,
            incoterm: form.terms.incoterm,
            payment_terms: &form.terms.payment_terms,
            ship_to: &form.terms.ship_to,
            status: OrderStatus::Inquiry,
        },
        now,
    )
    .await?;
    let number = format!("SO-{}-{:05}", now.format("%Y"), order.id);
    orders::set_number(&work.tx, order.id, &number).await?;
    for (i, line) in form.lines.iter().enumerate() {
        orders::insert_line(&work.tx, line.as_new(order.id, i as i32 + 1)).await?;
    }
    work.record(
        orders::NewEvent {
            order_id: order.id,
            actor_user_id: Some(user.user_id),
            kind: "created",
            summary: "Order created".to_string(),
            before: None,
            after: Some(number),
        },
        form.customer.id,
        now,
    )
    .await?;
    // Shown in the customer's list and first page; no factory fills it yet.
    work.touches_order(order.id, form.customer.id).await?;
    work.commit(state).await?;
    Ok(order.id)
}
