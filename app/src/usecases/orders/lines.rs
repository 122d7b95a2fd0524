//! An order's lines: as the viewer sees them (dates, badge, how far the
//! factories are) and as typed into the order form, parsed.

use chrono::NaiveDate;

use crate::domain::dates::{LineDates, badge};
use crate::domain::order_input::{parse_currency, parse_incoterm, required_text};
use crate::domain::order_status::OrderStatus;
use crate::domain::refusal::Localize;
use crate::i18n::Locale;
use crate::ssr::entities::order_line;
use crate::ssr::repo::orders::NewLine;
use crate::ssr::repo::purchase_orders::PlacedLine;
use crate::usecases::line_fields::LineFields;
use crate::wire::FieldErrors;
use crate::wire::orders::{LineInput, LineView, format_minor};

/// A line with its three dates and badge, before anything is known of the
/// factories behind it.
pub fn line_view(line: &order_line::Model, status: OrderStatus, today: NaiveDate) -> LineView {
    let dates = LineDates {
        requested: line.requested_date,
        committed: line.committed_date,
        forecast: line.forecast_date,
    };
    LineView {
        line_no: line.line_no,
        product_code: line.product_code.clone(),
        description: line.description.clone(),
        hs_code: line.hs_code.clone(),
        quantity: line.quantity,
        unit: line.unit.clone(),
        unit_price: format_minor(line.unit_price_minor),
        requested: line.requested_date,
        committed: line.committed_date,
        forecast: line.forecast_date,
        slip_days: dates.slip_days(),
        badge: badge(&dates, today, status.delivered()),
        milestone: None,
        placed: false,
    }
}

/// What the viewer is told about the factories behind a line: how far
/// they are, never who they are.
pub fn with_progress(mut view: LineView, line_id: i32, placed: &[PlacedLine]) -> LineView {
    let mine = placed.iter().filter(|p| p.order_line_id == line_id);
    view.milestone = mine.clone().map(|p| p.line.milestone).min();
    view.placed = mine.count() > 0;
    view
}

/// A line of the order form, parsed; `None` when any field has a problem
/// (each reported as `lines[i].field`).
pub struct ParsedLine {
    pub product_code: String,
    pub description: String,
    pub unit: String,
    pub hs_code: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub requested: NaiveDate,
}

impl ParsedLine {
    pub fn as_new(&self, order_id: i32, line_no: i32) -> NewLine<'_> {
        NewLine {
            order_id,
            line_no,
            product_code: &self.product_code,
            description: &self.description,
            hs_code: &self.hs_code,
            quantity: self.quantity,
            unit: &self.unit,
            unit_price_minor: self.unit_price_minor,
            requested: self.requested,
            committed: None,
            forecast: None,
        }
    }
}

/// A row of the order form, its requested date not before `today`.
pub fn parse_line(
    mut field: LineFields<'_>,
    line: &LineInput,
    today: NaiveDate,
) -> Option<ParsedLine> {
    use crate::domain::order_input::*;
    let product = field.product(&line.product_code, &line.description);
    let unit = field.unit(&line.unit);
    let hs_code = field.required("hs_code", parse_hs_code(&line.hs_code));
    let quantity = field.required("quantity", parse_quantity(&line.quantity));
    let unit_price_minor = field.required("unit_price", parse_unit_price(&line.unit_price));
    let requested = field.required("requested", parse_requested_date(&line.requested, today));
    let (product_code, description) = product?;
    Some(ParsedLine {
        product_code,
        description,
        unit: unit?,
        hs_code: hs_code?,
        quantity: quantity?,
        unit_price_minor: unit_price_minor?,
        requested: requested?,
    })
}

/// An order's own fields as the house types them, checked.
pub struct Terms {
    pub currency: &'static str,
    pub incoterm: &'static str,
    pub payment_terms: String,
    pub ship_to: String,
}

/// Checks the order's own fields, each problem against its field and in
/// `locale`; `None` when any has one.
pub fn parse_terms(
    problems: &mut FieldErrors,
    locale: Locale,
    currency: &str,
    incoterm: &str,
    payment_terms: &str,
    ship_to: &str,
) -> Option<Terms> {
    let currency = problems.keep("currency", parse_currency(currency).localized(locale));
    let incoterm = problems.keep("incoterm", parse_incoterm(incoterm).localized(locale));
    let payment_terms = problems.keep(
        "payment_terms",
        required_text(payment_terms, 100, "input-what-payment-terms").localized(locale),
    );
    let ship_to = problems.keep(
        "ship_to",
        required_text(ship_to, 500, "input-what-ship-to").localized(locale),
    );
    Some(Terms {
        currency: currency?,
        incoterm: incoterm?,
        payment_terms: payment_terms?,
        ship_to: ship_to?,
    })
}
