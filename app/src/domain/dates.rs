//! The three dates of an order line. *Requested* is what the customer asked
//! for; *committed* is what the trading house promised, frozen when the order
//! is confirmed and moved only by an approved change; *forecast* is the
//! factory's latest estimate. A slip is a forecast after the commitment, and
//! on-time is always judged against the commitment.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The first day the portal takes from anyone. Together with [`LAST_DAY`]
/// it is wide enough for any order's history and plans, and narrow enough
/// that date arithmetic on a stored date (periods, forecasts, slips, due
/// days) stays far from chrono's limits.
pub const FIRST_DAY: NaiveDate = ymd(2000, 1, 1);

/// The last day the portal takes from anyone; see [`FIRST_DAY`].
pub const LAST_DAY: NaiveDate = ymd(2100, 12, 31);

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("a valid date"),
    }
}

/// Why a typed day was refused. The message is the catalogue's (see
/// [`DayError::key`]); the English text is kept for forms still answered in
/// English only, and a test keeps both the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DayError {
    /// Not `YYYY-MM-DD`, or outside [`FIRST_DAY`]..=[`LAST_DAY`].
    #[error("Enter a date like 2027-03-31, between 2000 and 2100.")]
    Unreadable,
    /// Before today, where only a day still to come makes sense.
    #[error("The date cannot be in the past.")]
    Past,
}

impl DayError {
    /// The message-catalogue key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Unreadable => "date-unreadable",
            Self::Past => "date-past",
        }
    }
}

/// A date typed as `YYYY-MM-DD` (spaces around it allowed), within
/// [`FIRST_DAY`]..=[`LAST_DAY`]. Every date a request carries goes through
/// here (or [`parse_coming_day`]), so no extreme year reaches the rules.
pub fn parse_day(raw: &str) -> Result<NaiveDate, DayError> {
    let raw = raw.trim();
    // chrono reads a signed year of any width ("+262142-12-31").
    if raw.len() != 10 || !raw.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(DayError::Unreadable);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|day| (FIRST_DAY..=LAST_DAY).contains(day))
        .ok_or(DayError::Unreadable)
}

/// A typed day for something still to come: as [`parse_day`], and not
/// before `today`.
pub fn parse_coming_day(raw: &str, today: NaiveDate) -> Result<NaiveDate, DayError> {
    let day = parse_day(raw)?;
    if day < today {
        Err(DayError::Past)
    } else {
        Ok(day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineDates {
    #[serde(with = "crate::compact_dates")]
    pub requested: NaiveDate,
    #[serde(with = "crate::compact_dates")]
    pub committed: Option<NaiveDate>,
    #[serde(with = "crate::compact_dates")]
    pub forecast: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("The committed date is frozen once the order is confirmed; ask for a change instead.")]
    CommitmentFrozen,
    #[error("The requested date cannot be in the past.")]
    RequestedInPast,
    #[error("The committed date cannot be before today.")]
    CommittedInPast,
}

impl LineDates {
    pub fn new(requested: NaiveDate) -> Self {
        Self {
            requested,
            committed: None,
            forecast: None,
        }
    }

    /// Confirming the order: the commitment becomes what was proposed (or the
    /// requested date if none was), and the forecast starts equal to it.
    pub fn confirm(self) -> Self {
        let committed = self.committed.unwrap_or(self.requested);
        Self {
            committed: Some(committed),
            forecast: Some(self.forecast.unwrap_or(committed)),
            ..self
        }
    }

    /// Staff proposing a commitment before confirmation.
    pub fn propose_commitment(
        self,
        date: NaiveDate,
        frozen: bool,
        today: NaiveDate,
    ) -> Result<Self, DateError> {
        if frozen {
            return Err(DateError::CommitmentFrozen);
        }
        if date < today {
            return Err(DateError::CommittedInPast);
        }
        Ok(Self {
            committed: Some(date),
            ..self
        })
    }

    /// An approved change request moves the commitment, frozen or not.
    pub fn apply_approved_change(self, date: NaiveDate) -> Self {
        Self {
            committed: Some(date),
            ..self
        }
    }

    /// A new forecast from the factory never touches the commitment.
    pub fn with_forecast(self, forecast: NaiveDate) -> Self {
        Self {
            forecast: Some(forecast),
            ..self
        }
    }

    /// Days the forecast lies after the commitment (0 when on time or unknown).
    pub fn slip_days(&self) -> i64 {
        match (self.committed, self.forecast) {
            (Some(committed), Some(forecast)) => (forecast - committed).num_days().max(0),
            _ => 0,
        }
    }

    pub fn is_slipping(&self) -> bool {
        self.slip_days() > 0
    }

    /// Past the commitment and not yet delivered.
    pub fn is_overdue(&self, today: NaiveDate, delivered: bool) -> bool {
        !delivered && self.committed.is_some_and(|c| c < today)
    }
}

/// The badge a line shows next to its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineBadge {
    /// No commitment yet (before confirmation).
    Unconfirmed,
    OnTrack,
    /// The forecast is one day past the commitment.
    AtRisk,
    /// The forecast is two or more days past the commitment, or the
    /// commitment has passed without delivery.
    Late,
}

impl LineBadge {
    pub fn label(self) -> &'static str {
        match self {
            Self::Unconfirmed => "Not confirmed",
            Self::OnTrack => "On track",
            Self::AtRisk => "At risk",
            Self::Late => "Late",
        }
    }
}

pub fn badge(dates: &LineDates, today: NaiveDate, delivered: bool) -> LineBadge {
    if dates.committed.is_none() {
        LineBadge::Unconfirmed
    } else if dates.is_overdue(today, delivered)
        || (!delivered && dates.slip_days() >= LATE_SLIP_DAYS)
    {
        LineBadge::Late
    } else if !delivered && dates.slip_days() == 1 {
        LineBadge::AtRisk
    } else {
        LineBadge::OnTrack
    }
}

/// The worst of an order's line badges, for its summary in the list: late
/// over at risk over unconfirmed over on track; `Unconfirmed` for an order
/// without lines.
pub fn worst_badge(badges: impl IntoIterator<Item = LineBadge>) -> LineBadge {
    badges
        .into_iter()
        .max_by_key(|b| severity(*b))
        .unwrap_or(LineBadge::Unconfirmed)
}

/// What an order's lines say about its worst badge, gathered in one pass
/// (or one grouped query) instead of line by line: how many lines, how many
/// without a commitment, the earliest commitment and the largest slip.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinesSummary {
    pub lines: u64,
    pub unconfirmed: u64,
    pub earliest_committed: Option<NaiveDate>,
    /// The largest forecast minus commitment in days, over the lines with
    /// both; `None` when no line has both.
    pub most_slip: Option<i64>,
}

impl LinesSummary {
    /// The summary of these lines.
    pub fn of<'a>(lines: impl IntoIterator<Item = &'a LineDates>) -> Self {
        lines.into_iter().fold(Self::default(), |sum, line| {
            let slip = match (line.committed, line.forecast) {
                (Some(committed), Some(forecast)) => Some((forecast - committed).num_days()),
                _ => None,
            };
            Self {
                lines: sum.lines + 1,
                unconfirmed: sum.unconfirmed + u64::from(line.committed.is_none()),
                earliest_committed: match (sum.earliest_committed, line.committed) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                },
                most_slip: sum.most_slip.max(slip),
            }
        })
    }

    /// The summary an order keeps of its lines in the database (migration
    /// columns `line_count`, `unconfirmed_lines`, `earliest_committed`,
    /// `most_slip`), as read back; a count below zero reads as none.
    pub fn kept(
        line_count: i32,
        unconfirmed_lines: i32,
        earliest_committed: Option<NaiveDate>,
        most_slip: Option<i32>,
    ) -> Self {
        Self {
            lines: u64::try_from(line_count).unwrap_or(0),
            unconfirmed: u64::try_from(unconfirmed_lines).unwrap_or(0),
            earliest_committed,
            most_slip: most_slip.map(i64::from),
        }
    }

    /// What the summarised lines' worst badge depends on `today`: see
    /// [`Standing`].
    pub fn standing(&self, today: NaiveDate) -> Standing {
        Standing {
            has_lines: self.lines > 0,
            has_unconfirmed: self.unconfirmed > 0,
            overdue: self.earliest_committed.is_some_and(|c| c < today),
            slip: self.most_slip.unwrap_or(0).clamp(0, LATE_SLIP_DAYS),
        }
    }

    /// The worst badge of the summarised lines: always what [`worst_badge`]
    /// gives over each line's [`badge`].
    pub fn worst_badge(&self, today: NaiveDate, delivered: bool) -> LineBadge {
        self.standing(today).worst_badge(delivered)
    }
}

/// A slip of this many days or more makes a line late; one of fewer (but
/// at least a day) puts it at risk.
pub const LATE_SLIP_DAYS: i64 = 2;

/// All an order's worst badge depends on, on a given day: whether it has
/// lines, whether one of them has no commitment, whether its earliest
/// commitment has passed, and its largest slip counted up to
/// [`LATE_SLIP_DAYS`] (larger slips are all late alike). Orders alike in
/// these get the same badge however many lines and dates they have, so the
/// database counts a customer's orders by them: at most 24 kinds, however
/// many orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Standing {
    pub has_lines: bool,
    pub has_unconfirmed: bool,
    pub overdue: bool,
    /// From 0 to [`LATE_SLIP_DAYS`].
    pub slip: i64,
}

impl Standing {
    /// A delivered order's: its dates no longer count, only whether it has
    /// lines and a line without a commitment.
    pub fn delivered(has_lines: bool, has_unconfirmed: bool) -> Self {
        Self {
            has_lines,
            has_unconfirmed,
            overdue: false,
            slip: 0,
        }
    }

    /// The order's worst badge.
    pub fn worst_badge(&self, delivered: bool) -> LineBadge {
        if !delivered && (self.overdue || self.slip >= LATE_SLIP_DAYS) {
            LineBadge::Late
        } else if !delivered && self.slip >= 1 {
            LineBadge::AtRisk
        } else if !self.has_lines || self.has_unconfirmed {
            LineBadge::Unconfirmed
        } else {
            LineBadge::OnTrack
        }
    }
}

/// How bad a badge is, for [`worst_badge`].
fn severity(badge: LineBadge) -> u8 {
    match badge {
        LineBadge::OnTrack => 0,
        LineBadge::Unconfirmed => 1,
        LineBadge::AtRisk => 2,
        LineBadge::Late => 3,
    }
}

/// Whether a delivery on `delivered` kept the commitment; `None` without one.
pub fn delivered_on_time(committed: Option<NaiveDate>, delivered: NaiveDate) -> Option<bool> {
    committed.map(|c| delivered <= c)
}

/// A customer's requested date for a new line or change must not be in the past.
pub fn check_requested(requested: NaiveDate, today: NaiveDate) -> Result<(), DateError> {
    if requested < today {
        Err(DateError::RequestedInPast)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
