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

/// The first day a voyage or letter-of-credit date may fall on: the first
/// day the portal takes at all.
pub const EARLIEST_DATE: NaiveDate = crate::domain::dates::FIRST_DAY;

/// The last day a voyage or letter-of-credit date may fall on: the last day
/// the portal takes at all. A sailing or a credit further out is a typing
/// mistake, and refusing it keeps date arithmetic on stored dates far from
/// chrono's limits.
pub const LATEST_DATE: NaiveDate = crate::domain::dates::LAST_DAY;

/// Whether a date lies within [`EARLIEST_DATE`]..=[`LATEST_DATE`].
pub fn date_in_range(date: NaiveDate) -> bool {
    (EARLIEST_DATE..=LATEST_DATE).contains(&date)
}
