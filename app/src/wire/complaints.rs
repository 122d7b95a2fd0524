//! Complaints as each side sees them: the customer its own, without any
//! factory; the factory the ones passed to it, without the customer; the
//! house everything. Texts travel as catalogue keys.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::wire::shipping::FileView;

/// One of a complaint's two clocks (first answer, proposed remedy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockView {
    #[serde(with = "crate::compact_dates")]
    pub due: DateTime<Utc>,
    /// running, due_soon, overdue, met, met_late: for styling.
    pub level: String,
    /// Catalogue key of the state, taking `$minutes`.
    pub key: String,
    /// Working minutes left (running, due soon) or over (overdue).
    pub minutes: i64,
}

/// How many closed complaints a page of the list holds.
pub const CLOSED_PAGE: u64 = 50;

/// A page of the complaint list: on the first, every complaint still open,
/// then the closed ones, newest first, at most [`CLOSED_PAGE`] of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintList {
    pub complaints: Vec<ComplaintSummary>,
    /// The last closed complaint shown, when older ones follow: the next
    /// page starts after it.
    pub older: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintSummary {
    pub id: i32,
    pub number: String,
    /// The order, for the customer and the house; the purchase order for a
    /// factory.
    pub reference: String,
    pub category_key: String,
    pub status: String,
    pub status_key: String,
    pub first_answer: ClockView,
    pub remedy: ClockView,
    #[serde(with = "crate::compact_dates")]
    pub created_at: DateTime<Utc>,
    /// The house only.
    pub customer_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintEntryView {
    /// house, customer or factory.
    pub side: String,
    pub kind_key: String,
    pub body: String,
    #[serde(with = "crate::compact_dates")]
    pub at: DateTime<Utc>,
    /// The house only: who wrote it.
    pub who: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintDetail {
    pub id: i32,
    pub number: String,
    pub version: i32,
    /// The order's id and number (none for a factory).
    pub order_id: Option<i32>,
    pub reference: String,
    /// "2 · MUG-350" when it is about one line.
    pub line: Option<String>,
    pub category_key: String,
    pub description: String,
    pub quantity_affected: i64,
    pub remedy_asked_key: String,
    pub amount_asked: Option<String>,
    pub currency: String,
    pub status: String,
    pub status_key: String,
    pub first_answer: ClockView,
    pub remedy: ClockView,
    /// The remedy the house proposed, once it has.
    pub remedy_kind_key: Option<String>,
    pub remedy_text: Option<String>,
    pub remedy_amount: Option<String>,
    /// The house and the factory only.
    pub root_cause_key: Option<String>,
    pub corrective_action: Option<String>,
    /// The house only: the factory it was passed to.
    pub factory_name: Option<String>,
    pub entries: Vec<ComplaintEntryView>,
    /// The steps the viewer may take now (stored names: acknowledge,
    /// investigate, propose, accept, decline, close, reopen, pass, answer).
    pub steps: Vec<String>,
    /// The root causes to choose from (stored form, catalogue key or label).
    pub root_causes: Vec<(String, String)>,
    /// The photos and reports the viewer may see, oldest first; outside the
    /// house without the uploader's name.
    pub files: Vec<FileView>,
    /// The viewer may add a photo or report now.
    pub can_attach: bool,
}

/// The complaint form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintInput {
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub remedy: String,
    #[serde(default)]
    pub amount: String,
}

/// The complaint settings as typed on the admin page: the clocks' targets
/// in working time (whole hours like "4", or hours and minutes like
/// "1:30") and the working hours they count in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintSettingsForm {
    #[serde(default)]
    pub first_answer: String,
    #[serde(default)]
    pub remedy: String,
    /// The house's offset from UTC, like "+08:00".
    #[serde(default)]
    pub zone_offset: String,
    /// The working day's start and end, like "09:00" and "18:00".
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
    /// The working days' codes (mon … sun).
    #[serde(default)]
    pub days: Vec<String>,
}

/// One root cause a factory may give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RootCauseView {
    /// As a complaint stores it: the built-in name, or `custom:<id>`.
    pub code: String,
    /// A catalogue key for a built-in cause; the house's own words for one
    /// it added.
    pub label: String,
    pub built_in: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintSettingsView {
    /// What is in force, as the form shows it.
    pub form: ComplaintSettingsForm,
    /// The targets in working minutes, as the clocks count them.
    pub first_answer_minutes: u32,
    pub remedy_minutes: u32,
    /// The built-in causes first, then the house's own in the order added.
    pub root_causes: Vec<RootCauseView>,
    /// The viewer may change them.
    pub can_edit: bool,
}
