//! Shipping an order: the documents a shipment travels with, the checks their
//! figures must pass before the goods are declared to customs, and the
//! shipment itself (customs clearance, voyage dates, part shipments).

use chrono::NaiveDate;

pub mod checklist;
pub mod crosscheck;
pub mod shipment;

pub use checklist::{DocumentKind, DocumentState, DocumentStateError, required_documents};
pub use crosscheck::{
    DocumentFigures, DocumentLine, Mismatch, OrderLineFacts, ShipmentLineFacts, cross_check,
    normalise_text,
};
pub use shipment::{
    CustomsError, CustomsStatus, QuantityError, ShipmentStage, Voyage, VoyageDate, VoyageError,
    eta_changed, partial_quantities,
};

/// The first day a voyage or letter-of-credit date may fall on.
pub const EARLIEST_DATE: NaiveDate = ymd(2000, 1, 1);

/// The last day a voyage or letter-of-credit date may fall on. A sailing or
/// a credit further out is a typing mistake, and refusing it keeps date
/// arithmetic on stored dates far from chrono's limits.
pub const LATEST_DATE: NaiveDate = ymd(2100, 12, 31);

/// Whether a date lies within [`EARLIEST_DATE`]..=[`LATEST_DATE`].
pub fn date_in_range(date: NaiveDate) -> bool {
    (EARLIEST_DATE..=LATEST_DATE).contains(&date)
}

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("a valid date"),
    }
}
