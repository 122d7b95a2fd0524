//! Sales answer an inquiry with a draft quotation and cost it: per line the
//! factory, its price and lead time, and the selling price; the contract
//! terms as data. A draft may change freely; every save states the version
//! it was made against.

use chrono::{Days, NaiveDate};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{credit, house_rules, number_for};
use crate::domain::company::CompanyKind;
use crate::domain::dates::parse_coming_day;
use crate::domain::kept_pages::Scope;
use crate::domain::order_input::{
    parse_currency, parse_hs_code, parse_incoterm, parse_quantity, parse_requested_date,
    parse_unit_price, required_text,
};
use crate::domain::policy::Action;
use crate::domain::quotation::{InquiryStatus, QuotationStatus};
use crate::domain::refusal::Localize;
use crate::domain::terms::{
    BalanceDue, DEFAULT_PENALTY_BP_PER_DAY, parse_balance, parse_deposit_percent,
};
use crate::i18n::Locale;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{quotation, quotation_line};
use crate::ssr::repo::companies;
use crate::ssr::repo::quotations::{self, QuoteScope};
use crate::ssr::work::UnitOfWork;
use crate::ssr::{AppState, guard};
use crate::usecases::line_fields::{LineFields, filled_lines};
use crate::wire::quotations::{QuoteLineInput, QuoteTermsInput};
use crate::wire::{ApiError, FieldErrors};

/// How long a new draft's offer stands, and how far off its latest shipment
/// is, unless sales change them.
pub const DEFAULT_VALIDITY_DAYS: u64 = 30;
pub const DEFAULT_SHIPMENT_DAYS: u64 = 60;
/// The most lines one quotation may hold.
pub const MAX_LINES: usize = 100;

/// Opens a draft quotation answering inquiry `inquiry_id`, its lines copied
/// from the inquiry (the target price as a first selling price), and
/// returns its id. The inquiry counts as quoted from then on.
pub async fn start(state: &AppState, user: &CurrentUser, inquiry_id: i32) -> Result<i32, ApiError> {
    let inquiry = quotations::find_inquiry(&state.db, QuoteScope::All, inquiry_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let customer = inquiry.customer_company_id;
    guard::check(state, user, Action::Quote { customer }, "quotation").await?;
    if inquiry.status != InquiryStatus::Open {
        return Err(ApiError::Conflict {
            message: user.locale.t("err-quote-inquiry-quoted"),
        });
    }
    let lines = quotations::inquiry_lines(&state.db, &[inquiry.id]).await?;
    let now = state.now();
    let today = state.house_date(now);
    let (_, policy) = house_rules(&state.db).await?;
    let standing = credit::standing_of(&state.db, customer, today).await?;
    let deposit = crate::domain::credit::required_deposit_bp(&standing, &policy);
    let mut work = UnitOfWork::begin(state).await?;
    let saved = quotation::ActiveModel {
        number: Set(format!("Q-NEW-{}", inquiry.id)),
        revision: Set(1),
        inquiry_id: Set(Some(inquiry.id)),
        customer_company_id: Set(customer),
        sales_owner_id: Set(Some(user.user_id)),
        created_by: Set(user.user_id),
        status: Set(QuotationStatus::Draft),
        currency: Set(inquiry.currency.clone()),
        valid_until: Set(today + Days::new(DEFAULT_VALIDITY_DAYS)),
        incoterm: Set(inquiry.incoterm.clone()),
        port: Set(inquiry.destination.chars().take(80).collect()),
        latest_shipment: Set(inquiry
            .requested_date
            .unwrap_or(today + Days::new(DEFAULT_SHIPMENT_DAYS))),
        deposit_bp: Set(i32::try_from(deposit).unwrap_or(0)),
        balance_due: Set(BalanceDue::BeforeShipment.kind().to_string()),
        usance_days: Set(None),
        penalty_bp_per_day: Set(DEFAULT_PENALTY_BP_PER_DAY as i32),
        note: Set(String::new()),
        version: Set(1),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&work.tx)
    .await?;
    quotation::Entity::update_many()
        .col_expr(
            quotation::Column::Number,
            Expr::value(number_for(saved.id, now)),
        )
        .filter(quotation::Column::Id.eq(saved.id))
        .exec(&work.tx)
        .await?;
    for line in lines {
        quotation_line::ActiveModel {
            quotation_id: Set(saved.id),
            line_no: Set(line.line_no),
            product_code: Set(line.product_code.unwrap_or_default()),
            description: Set(line.description),
            hs_code: Set(String::new()),
            quantity: Set(line.quantity),
            unit: Set(line.unit),
            requested_date: Set(inquiry.requested_date),
            supplier_company_id: Set(None),
            purchase_price_minor: Set(0),
            lead_time_days: Set(0),
            selling_price_minor: Set(line.target_price_minor.unwrap_or(0)),
            ..Default::default()
        }
        .insert(&work.tx)
        .await?;
    }
    quotations::set_inquiry_status(&work.tx, inquiry.id, InquiryStatus::Quoted, now).await?;
    work.nudge(customer).await?;
    work.touches_only(vec![Scope::Customer(customer)]);
    work.commit(state).await?;
    Ok(saved.id)
}

/// The terms of the form, every field valid.
struct Terms {
    currency: &'static str,
    valid_until: NaiveDate,
    incoterm: &'static str,
    port: String,
    latest_shipment: NaiveDate,
    deposit_bp: u32,
    balance: BalanceDue,
    penalty_bp: u32,
    note: String,
}

struct Line {
    product_code: String,
    description: String,
    hs_code: String,
    quantity: i64,
    unit: String,
    requested: Option<NaiveDate>,
    supplier: Option<i32>,
    purchase_price_minor: i64,
    lead_time_days: i32,
    selling_price_minor: i64,
}

/// Saves a draft's terms and lines as the form states them, against the
/// `version` sales saw; anything but a draft is refused.
pub async fn save(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    version: i32,
    terms: QuoteTermsInput,
    lines: Vec<QuoteLineInput>,
) -> Result<(), ApiError> {
    let row = quotations::find(&state.db, QuoteScope::All, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let customer = row.customer_company_id;
    guard::check(state, user, Action::Quote { customer }, "quotation").await?;
    if row.status != QuotationStatus::Draft {
        return Err(ApiError::Conflict {
            message: user.locale.t("err-quote-only-draft"),
        });
    }
    if row.version != version {
        return Err(stale(user.locale));
    }
    let factories: Vec<i32> = companies::of_kind(&state.db, CompanyKind::Supplier)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let today = state.today();
    let mut problems = FieldErrors::default();
    let locale = user.locale;
    let terms = parse_terms(&mut problems, &terms, today, locale);
    let lines = parse_lines(&mut problems, lines, &factories, today, locale);
    let (Some(terms), true) = (terms, problems.is_empty()) else {
        return Err(problems.into_error());
    };
    write(state, &row, terms, lines, locale).await
}

fn stale(locale: Locale) -> ApiError {
    ApiError::Conflict {
        message: locale.t("err-quote-changed"),
    }
}

fn parse_terms(
    problems: &mut FieldErrors,
    form: &QuoteTermsInput,
    today: NaiveDate,
    locale: Locale,
) -> Option<Terms> {
    let day_from = |raw: &str| parse_coming_day(raw, today).map_err(|e| locale.t(e.key()));
    let currency = problems.keep("currency", parse_currency(&form.currency).localized(locale));
    let valid_until = problems.keep("valid_until", day_from(&form.valid_until));
    let incoterm = problems.keep("incoterm", parse_incoterm(&form.incoterm).localized(locale));
    let port = problems.keep(
        "port",
        required_text(&form.port, 80, "input-what-port").localized(locale),
    );
    let latest_shipment = problems.keep("latest_shipment", day_from(&form.latest_shipment));
    let deposit_bp = problems.keep(
        "deposit",
        parse_deposit_percent(&form.deposit).localized(locale),
    );
    let balance = problems.keep(
        "balance_due",
        parse_balance(&form.balance_due, &form.usance_days).localized(locale),
    );
    let penalty_bp = problems.keep(
        "penalty",
        parse_deposit_percent(&form.penalty)
            .localized(locale)
            .and_then(|bp| {
                if bp > 1_000 {
                    Err(locale.t("err-quote-penalty-too-high"))
                } else {
                    Ok(bp)
                }
            }),
    );
    if form.note.chars().count() > 2000 {
        problems.add("note", locale.t("err-quote-note-too-long"));
    }
    Some(Terms {
        currency: currency?,
        valid_until: valid_until?,
        incoterm: incoterm?,
        port: port?,
        latest_shipment: latest_shipment?,
        deposit_bp: deposit_bp?,
        balance: balance?,
        penalty_bp: penalty_bp?,
        note: form.note.trim().to_string(),
    })
}

fn parse_lines(
    problems: &mut FieldErrors,
    lines: Vec<QuoteLineInput>,
    factories: &[i32],
    today: NaiveDate,
    locale: Locale,
) -> Vec<Line> {
    let bounds = (MAX_LINES, "err-quote-no-lines", "err-quote-too-many-lines");
    filled_lines(problems, lines, QuoteLineInput::is_blank, bounds, locale)
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            parse_line(LineFields::new(problems, i, locale), line, factories, today)
        })
        .collect()
}

fn parse_line(
    mut field: LineFields<'_>,
    line: &QuoteLineInput,
    factories: &[i32],
    today: NaiveDate,
) -> Option<Line> {
    let locale = field.locale();
    let product = field.product(&line.product_code, &line.description);
    let hs_code = field.optional("hs_code", &line.hs_code, parse_hs_code);
    let quantity = field.required("quantity", parse_quantity(&line.quantity));
    let unit = field.unit(&line.unit);
    let requested = field.optional("requested", &line.requested, |raw| {
        parse_requested_date(raw, today)
    });
    let supplier = match line.supplier_id.trim() {
        "" => Some(None),
        raw => field
            .checked(
                "supplier_id",
                raw.parse::<i32>()
                    .ok()
                    .filter(|id| factories.contains(id))
                    .ok_or_else(|| locale.t("err-quote-unknown-factory")),
            )
            .map(Some),
    };
    // An empty price reads as none yet.
    let mut price = |name: &str, raw: &str| {
        field
            .optional(name, raw, parse_unit_price)
            .map(Option::unwrap_or_default)
    };
    let purchase = price("purchase_price", &line.purchase_price);
    let selling = price("selling_price", &line.selling_price);
    let lead = field.checked(
        "lead_time_days",
        parse_lead_time(&line.lead_time_days, locale),
    );
    let (product_code, description) = product?;
    Some(Line {
        product_code,
        description,
        hs_code: hs_code?.unwrap_or_default(),
        quantity: quantity?,
        unit: unit?,
        requested: requested?,
        supplier: supplier?,
        purchase_price_minor: purchase?,
        lead_time_days: lead?,
        selling_price_minor: selling?,
    })
}

/// Days from order to goods ready, 0 to 365; empty reads as 0.
pub fn parse_lead_time(raw: &str, locale: Locale) -> Result<i32, String> {
    match raw.trim() {
        "" => Ok(0),
        raw => raw
            .parse::<i32>()
            .ok()
            .filter(|d| (0..=365).contains(d))
            .ok_or_else(|| locale.t("err-quote-lead-time")),
    }
}

/// Replaces the draft's terms and lines, if it is still at the version read.
async fn write(
    state: &AppState,
    row: &quotation::Model,
    terms: Terms,
    lines: Vec<Line>,
    locale: Locale,
) -> Result<(), ApiError> {
    let mut work = UnitOfWork::begin(state).await?;
    let usance = match terms.balance {
        BalanceDue::LcUsance { days } => Some(i32::from(days)),
        _ => None,
    };
    let updated = quotation::Entity::update_many()
        .col_expr(quotation::Column::Version, Expr::value(row.version + 1))
        .col_expr(quotation::Column::Currency, Expr::value(terms.currency))
        .col_expr(
            quotation::Column::ValidUntil,
            Expr::value(terms.valid_until),
        )
        .col_expr(quotation::Column::Incoterm, Expr::value(terms.incoterm))
        .col_expr(quotation::Column::Port, Expr::value(terms.port))
        .col_expr(
            quotation::Column::LatestShipment,
            Expr::value(terms.latest_shipment),
        )
        .col_expr(
            quotation::Column::DepositBp,
            Expr::value(terms.deposit_bp as i32),
        )
        .col_expr(
            quotation::Column::BalanceDue,
            Expr::value(terms.balance.kind()),
        )
        .col_expr(quotation::Column::UsanceDays, Expr::value(usance))
        .col_expr(
            quotation::Column::PenaltyBpPerDay,
            Expr::value(terms.penalty_bp as i32),
        )
        .col_expr(quotation::Column::Note, Expr::value(terms.note))
        .filter(quotation::Column::Id.eq(row.id))
        .filter(quotation::Column::Version.eq(row.version))
        .filter(quotation::Column::Status.eq(QuotationStatus::Draft))
        .exec(&work.tx)
        .await?;
    if updated.rows_affected != 1 {
        return Err(stale(locale));
    }
    quotation_line::Entity::delete_many()
        .filter(quotation_line::Column::QuotationId.eq(row.id))
        .exec(&work.tx)
        .await?;
    for (i, line) in lines.into_iter().enumerate() {
        quotation_line::ActiveModel {
            quotation_id: Set(row.id),
            line_no: Set(i as i32 + 1),
            product_code: Set(line.product_code),
            description: Set(line.description),
            hs_code: Set(line.hs_code),
            quantity: Set(line.quantity),
            unit: Set(line.unit),
            requested_date: Set(line.requested),
            supplier_company_id: Set(line.supplier),
            purchase_price_minor: Set(line.purchase_price_minor),
            lead_time_days: Set(line.lead_time_days),
            selling_price_minor: Set(line.selling_price_minor),
            ..Default::default()
        }
        .insert(&work.tx)
        .await?;
    }
    work.touches_only(vec![Scope::Customer(row.customer_company_id)]);
    work.commit(state).await
}
