//! Slippage alerts, decided and queued inside the transaction of the change
//! that caused them (a progress report) or of the periodic scan that catches
//! slips made by time passing. Each line remembers the highest slip level it
//! was alerted at; that memory is updated only if nobody changed it first, so
//! a report and a scan racing over one line queue its alert once. Mails go to
//! the outbox with a dedupe key per line, level, date and recipient.
//!
//! - `audience`: who may hear an alert (choices and mutes respected).
//! - `send`: one mail to one person, now or held for the daily digest.
//! - `digest`: the daily digest of held alerts.
//! - `level`: the remembered slip level of a line, claimed once.
//! - `po_line`, `order_line`: assessing a factory line and a customer line.
//! - `scan`: the periodic scan and the reminder for quiet factory lines.

mod audience;
mod digest;
mod level;
mod order_line;
mod po_line;
mod scan;
mod send;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::slip::SlipThresholds;

pub use audience::Audience;
pub use digest::send_digests;
pub use order_line::assess_order_line;
pub use po_line::assess_po_line;
pub use scan::{
    SCAN_BATCH, ScanPlan, ScanReport, in_the_background, order_lines_to_assess, po_lines_to_assess,
    remind_if_stale, scan_and_commit, scan_in_batches, scan_paced,
};

/// What every assessment needs to know.
#[derive(Debug, Clone)]
pub struct AlertContext {
    pub thresholds: SlipThresholds,
    pub stale_after_days: u32,
    pub public_url: String,
    pub now: DateTime<Utc>,
    /// Lateness and quiet spells count in the house's days.
    pub house_zone: crate::domain::time_zone::Zone,
}

impl AlertContext {
    fn today(&self) -> NaiveDate {
        self.house_zone.date_of(self.now)
    }

    /// The house's calendar day at an instant.
    fn day_of(&self, at: DateTime<Utc>) -> NaiveDate {
        self.house_zone.date_of(at)
    }
}
