//! Factory progress on purchase-order lines: the fixed set of milestones, the
//! rules an update must pass, how a PO line's forecast carries over to the
//! customer lines it fills, and when a line counts as stale.
//!
//! Milestones, in order: not started → materials in → in production → QC
//! passed → packed → ready to ship → shipped. A shipped line is closed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    NotStarted,
    MaterialsIn,
    InProduction,
    QcPassed,
    Packed,
    ReadyToShip,
    Shipped,
}

impl Milestone {
    pub const ALL: [Milestone; 7] = [
        Milestone::NotStarted,
        Milestone::MaterialsIn,
        Milestone::InProduction,
        Milestone::QcPassed,
        Milestone::Packed,
        Milestone::ReadyToShip,
        Milestone::Shipped,
    ];

    /// The spelling stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Milestone::NotStarted => "not_started",
            Milestone::MaterialsIn => "materials_in",
            Milestone::InProduction => "in_production",
            Milestone::QcPassed => "qc_passed",
            Milestone::Packed => "packed",
            Milestone::ReadyToShip => "ready_to_ship",
            Milestone::Shipped => "shipped",
        }
    }

    pub fn parse(raw: &str) -> Option<Milestone> {
        Self::ALL.into_iter().find(|m| m.as_str() == raw.trim())
    }

    /// The English label; the supplier area shows translated ones.
    pub fn label(self) -> &'static str {
        match self {
            Milestone::NotStarted => "Not started",
            Milestone::MaterialsIn => "Materials in",
            Milestone::InProduction => "In production",
            Milestone::QcPassed => "QC passed",
            Milestone::Packed => "Packed",
            Milestone::ReadyToShip => "Ready to ship",
            Milestone::Shipped => "Shipped",
        }
    }

    pub fn started(self) -> bool {
        self >= Milestone::MaterialsIn
    }

    pub fn ready(self) -> bool {
        self >= Milestone::ReadyToShip
    }
}

/// A PO line as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoLineState {
    pub milestone: Milestone,
    pub quantity: i64,
    pub quantity_done: i64,
    pub committed_ready: NaiveDate,
    pub forecast_ready: Option<NaiveDate>,
    /// The purchase order was closed or cancelled.
    pub po_closed: bool,
}

impl PoLineState {
    pub fn closed(&self) -> bool {
        self.po_closed || self.milestone == Milestone::Shipped
    }

    /// The date the line is expected ready: the forecast, or the commitment.
    pub fn expected_ready(&self) -> NaiveDate {
        self.forecast_ready.unwrap_or(self.committed_ready)
    }

    /// Late: expected after the commitment, or the commitment passed unready.
    pub fn is_late(&self, today: NaiveDate) -> bool {
        !self.milestone.ready()
            && (self.expected_ready() > self.committed_ready || self.committed_ready < today)
    }
}

/// What a factory submits for one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressInput {
    pub milestone: Milestone,
    pub quantity_done: i64,
    /// For a partial delivery: how much of what is done is ready as this lot.
    pub lot_quantity: Option<i64>,
    pub forecast_ready: Option<NaiveDate>,
    /// Why the forecast moved later, a milestone went back, or the quantity fell.
    pub reason: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    #[error("This line is closed (shipped or cancelled); it takes no more updates.")]
    Closed,
    #[error("Only {ordered} were ordered; the quantity done cannot be more.")]
    MoreThanOrdered { ordered: i64 },
    #[error("The quantity done cannot be negative.")]
    NegativeQuantity,
    #[error("The quantity done was {was}; give a reason to lower it.")]
    QuantityBackwards { was: i64 },
    #[error("The line was at “{}”; give a reason to step back.", .was.label())]
    MilestoneBackwards { was: Milestone },
    #[error("The forecast ready date cannot be in the past.")]
    ForecastInPast,
    #[error("The forecast moves later than {was}; give a reason.")]
    LaterNeedsReason { was: NaiveDate },
    #[error("A lot must be above zero and at most the quantity done.")]
    BadLot,
    #[error("Only a line done in full can be shipped ({done} of {ordered} done).")]
    ShippedIncomplete { done: i64, ordered: i64 },
    #[error("Keep the reason under 500 characters.")]
    ReasonTooLong,
    #[error("Keep the note under 2000 characters.")]
    NoteTooLong,
}

impl ProgressError {
    /// The form field the message belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            ProgressError::Closed => "milestone",
            ProgressError::MoreThanOrdered { .. }
            | ProgressError::NegativeQuantity
            | ProgressError::QuantityBackwards { .. } => "quantity_done",
            ProgressError::MilestoneBackwards { .. } => "milestone",
            ProgressError::ForecastInPast | ProgressError::LaterNeedsReason { .. } => "forecast",
            ProgressError::BadLot => "lot_quantity",
            ProgressError::ShippedIncomplete { .. } => "quantity_done",
            ProgressError::ReasonTooLong => "reason",
            ProgressError::NoteTooLong => "note",
        }
    }
}

/// An update that passed every rule, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedProgress {
    pub milestone: Milestone,
    pub quantity_done: i64,
    pub lot_quantity: Option<i64>,
    pub forecast_ready: Option<NaiveDate>,
    pub reason: Option<String>,
    pub note: Option<String>,
    /// The forecast changed (later or earlier).
    pub forecast_changed: bool,
}

fn clean(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// Checks an update against the line; every problem is reported at once.
pub fn check_progress(
    line: &PoLineState,
    input: &ProgressInput,
    today: NaiveDate,
) -> Result<AcceptedProgress, Vec<ProgressError>> {
    if line.closed() {
        return Err(vec![ProgressError::Closed]);
    }
    let reason = clean(&input.reason);
    let note = clean(&input.note);
    let mut problems = Vec::new();
    if input.quantity_done < 0 {
        problems.push(ProgressError::NegativeQuantity);
    } else if input.quantity_done > line.quantity {
        problems.push(ProgressError::MoreThanOrdered {
            ordered: line.quantity,
        });
    } else if input.quantity_done < line.quantity_done && reason.is_none() {
        problems.push(ProgressError::QuantityBackwards {
            was: line.quantity_done,
        });
    }
    if input.milestone < line.milestone && reason.is_none() {
        problems.push(ProgressError::MilestoneBackwards {
            was: line.milestone,
        });
    }
    if input.milestone == Milestone::Shipped
        && input.quantity_done != line.quantity
        && (0..=line.quantity).contains(&input.quantity_done)
    {
        problems.push(ProgressError::ShippedIncomplete {
            done: input.quantity_done,
            ordered: line.quantity,
        });
    }
    let forecast_changed =
        input.forecast_ready.is_some() && input.forecast_ready != line.forecast_ready;
    if let Some(forecast) = input.forecast_ready.filter(|_| forecast_changed) {
        let was = line.expected_ready();
        if forecast < today {
            problems.push(ProgressError::ForecastInPast);
        } else if forecast > was && reason.is_none() {
            problems.push(ProgressError::LaterNeedsReason { was });
        }
    }
    if let Some(lot) = input.lot_quantity
        && (lot <= 0 || lot > input.quantity_done)
    {
        problems.push(ProgressError::BadLot);
    }
    if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
        problems.push(ProgressError::ReasonTooLong);
    }
    if note.as_ref().is_some_and(|n| n.chars().count() > 2000) {
        problems.push(ProgressError::NoteTooLong);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(AcceptedProgress {
        milestone: input.milestone,
        quantity_done: input.quantity_done,
        lot_quantity: input.lot_quantity,
        forecast_ready: if forecast_changed {
            input.forecast_ready
        } else {
            line.forecast_ready
        },
        reason,
        note,
        forecast_changed,
    })
}

/// The forecast of a customer line given the PO lines filling it: the
/// commitment moved by the worst shift any factory reports against its own
/// commitment (so a factory three days late makes the customer line three
/// days late, keeping the planned transit time). Unconfirmed lines and lines
/// without factory forecasts keep what they had.
pub fn customer_forecast(
    committed: Option<NaiveDate>,
    current: Option<NaiveDate>,
    placed: &[(NaiveDate, Option<NaiveDate>)],
) -> Option<NaiveDate> {
    let Some(committed) = committed else {
        return current;
    };
    placed
        .iter()
        // A factory line without a forecast is taken as on time.
        .map(|(ready, forecast)| forecast.unwrap_or(*ready) - *ready)
        .max()
        // Checked: stored dates entered before typed dates were bounded may
        // lie anywhere in chrono's range, and a shift off its end must not
        // take the request down.
        .and_then(|shift| committed.checked_add_signed(shift))
        .or(current)
}

/// How many factory reports an order's page shows, newest first, and how
/// many a factory line's page shows at a time. An order or a line reported
/// on every day for months would otherwise carry every report in its page;
/// every milestone reached stays on the order's timeline, and a line's page
/// leads to its older reports, a page at a time.
pub const REPORTS_SHOWN: usize = 20;

/// The reports an order's page shows out of the newest ones read (newest
/// first, up to `REPORTS_SHOWN + 1` of them), and whether there are more.
pub fn reports_shown<T>(newest_first: Vec<T>) -> (Vec<T>, bool) {
    super::paging::newest_shown(newest_first, REPORTS_SHOWN)
}

/// One page of a line's reports out of those read from where the page
/// starts (newest first, up to `REPORTS_SHOWN + 1` of them), and the report
/// the next (older) page starts before, if there are older ones: the oldest
/// one shown.
pub fn reports_page<T>(newest_first: Vec<T>, id: impl Fn(&T) -> i32) -> (Vec<T>, Option<i32>) {
    super::paging::newest_page(newest_first, REPORTS_SHOWN, id)
}

/// A line no one has reported on for `stale_after_days` while it is still in
/// the factory (not ready, not closed). `last_update` is the last report, or
/// the day the PO was placed when there was none.
pub fn is_stale(
    line: &PoLineState,
    last_update: NaiveDate,
    today: NaiveDate,
    stale_after_days: u32,
) -> bool {
    !line.closed()
        && !line.milestone.ready()
        && (today - last_update).num_days() >= i64::from(stale_after_days)
}

/// The supplier's list order: late lines first, then by committed ready date.
pub fn work_order_key(line: &PoLineState, today: NaiveDate) -> (bool, NaiveDate) {
    (!line.is_late(today), line.committed_ready)
}

/// Where a line falls in a factory's list. Within the lines still in the
/// factory the bands follow one another in the list's order, each in
/// committed-date order (every overdue line is committed before today, every
/// slipped one from today on), so a list is read band after band, each in
/// date order, and the reading stops once the page is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// Still in the factory, its commitment passed.
    Overdue,
    /// Still in the factory, committed from today on, expected after it.
    Slipped,
    /// Still in the factory and expected by its commitment.
    OnTime,
    /// Ready to ship or shipped.
    Finished,
}

impl Band {
    pub fn of(line: &PoLineState, today: NaiveDate) -> Self {
        if line.milestone.ready() {
            Self::Finished
        } else if line.committed_ready < today {
            Self::Overdue
        } else if line.is_late(today) {
            Self::Slipped
        } else {
            Self::OnTime
        }
    }
}

/// Which lines a progress list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineFilter {
    /// Still in the factory (the default).
    Open,
    /// Open and late.
    Late,
    /// Open and not reported on lately.
    Stale,
    /// Ready to ship or shipped.
    Done,
}

impl LineFilter {
    /// `open` (or nothing), `late`, `stale` or `done`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "" | "open" => Some(Self::Open),
            "late" => Some(Self::Late),
            "stale" => Some(Self::Stale),
            "done" => Some(Self::Done),
            _ => None,
        }
    }

    /// The bands the list holds, in its order.
    pub fn bands(self) -> &'static [Band] {
        match self {
            Self::Open | Self::Stale => &[Band::Overdue, Band::Slipped, Band::OnTime],
            Self::Late => &[Band::Overdue, Band::Slipped],
            Self::Done => &[Band::Finished],
        }
    }

    /// Staleness is judged per line, not by the query, so that list is
    /// sifted from a wider read of the open lines.
    pub fn sifted(self) -> bool {
        self == Self::Stale
    }

    /// Whether a line, late and stale as given, stays in the list.
    pub fn keeps(self, late: bool, stale: bool) -> bool {
        match self {
            Self::Late => late,
            Self::Stale => stale,
            Self::Open | Self::Done => true,
        }
    }
}

#[cfg(test)]
mod tests;
