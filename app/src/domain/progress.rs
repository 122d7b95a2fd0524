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

    /// The list holds the finished lines; every other one the open lines.
    pub fn done(self) -> bool {
        self == Self::Done
    }

    /// Late and stale are judged per line, not by the query, so those lists
    /// are sifted from a wider read of the open lines.
    pub fn sifted(self) -> bool {
        matches!(self, Self::Late | Self::Stale)
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn late_and_stale_lists_are_sifted_from_the_open_lines() {
        assert_eq!(LineFilter::parse(""), Some(LineFilter::Open));
        assert_eq!(LineFilter::parse("open"), Some(LineFilter::Open));
        assert_eq!(LineFilter::parse("Late"), None);
        assert_eq!(LineFilter::parse("everything"), None);
        for (raw, filter) in [("late", LineFilter::Late), ("stale", LineFilter::Stale)] {
            assert_eq!(LineFilter::parse(raw), Some(filter));
            assert!(filter.sifted() && !filter.done(), "{raw}");
        }
        assert_eq!(LineFilter::parse("done"), Some(LineFilter::Done));
        assert!(LineFilter::Done.done());
        assert!(!LineFilter::Open.sifted() && !LineFilter::Done.sifted());
        assert!(LineFilter::Late.keeps(true, false) && !LineFilter::Late.keeps(false, true));
        assert!(LineFilter::Stale.keeps(false, true) && !LineFilter::Stale.keeps(true, false));
        assert!(LineFilter::Open.keeps(false, false) && LineFilter::Done.keeps(false, false));
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 5, d).unwrap()
    }

    fn line() -> PoLineState {
        PoLineState {
            milestone: Milestone::InProduction,
            quantity: 1000,
            quantity_done: 400,
            committed_ready: day(20),
            forecast_ready: Some(day(20)),
            po_closed: false,
        }
    }

    fn input() -> ProgressInput {
        ProgressInput {
            milestone: Milestone::QcPassed,
            quantity_done: 600,
            lot_quantity: None,
            forecast_ready: Some(day(20)),
            reason: None,
            note: None,
        }
    }

    fn fields(result: Result<AcceptedProgress, Vec<ProgressError>>) -> Vec<&'static str> {
        result
            .unwrap_err()
            .iter()
            .map(ProgressError::field)
            .collect()
    }

    #[test]
    fn milestones_round_trip_and_are_ordered() {
        for m in Milestone::ALL {
            assert_eq!(Milestone::parse(m.as_str()), Some(m));
        }
        assert_eq!(Milestone::parse("done"), None);
        assert!(Milestone::ALL.windows(2).all(|w| w[0] < w[1]));
        assert!(!Milestone::NotStarted.started());
        assert!(Milestone::MaterialsIn.started());
        assert!(!Milestone::Packed.ready());
        assert!(Milestone::ReadyToShip.ready());
    }

    #[test]
    fn a_plain_step_forward_is_accepted() {
        let accepted = check_progress(&line(), &input(), day(10)).unwrap();
        assert_eq!(accepted.milestone, Milestone::QcPassed);
        assert_eq!(accepted.quantity_done, 600);
        assert!(!accepted.forecast_changed);
    }

    #[test]
    fn quantities() {
        let today = day(10);
        let more = ProgressInput {
            quantity_done: 1001,
            ..input()
        };
        assert_eq!(
            fields(check_progress(&line(), &more, today)),
            ["quantity_done"]
        );
        let less = ProgressInput {
            quantity_done: 300,
            ..input()
        };
        assert_eq!(
            fields(check_progress(&line(), &less, today)),
            ["quantity_done"]
        );
        let less_with_reason = ProgressInput {
            reason: Some("20 pcs failed QC".into()),
            ..less
        };
        assert!(check_progress(&line(), &less_with_reason, today).is_ok());
        let negative = ProgressInput {
            quantity_done: -1,
            ..input()
        };
        assert_eq!(
            fields(check_progress(&line(), &negative, today)),
            ["quantity_done"]
        );
    }

    #[test]
    fn milestones_go_back_only_with_a_reason() {
        let back = ProgressInput {
            milestone: Milestone::MaterialsIn,
            ..input()
        };
        assert_eq!(
            fields(check_progress(&line(), &back, day(10))),
            ["milestone"]
        );
        let blank_reason = ProgressInput {
            reason: Some("   ".into()),
            ..back.clone()
        };
        assert_eq!(
            fields(check_progress(&line(), &blank_reason, day(10))),
            ["milestone"]
        );
        let explained = ProgressInput {
            reason: Some("rework".into()),
            ..back
        };
        assert!(check_progress(&line(), &explained, day(10)).is_ok());
    }

    #[test]
    fn forecasts() {
        let today = day(10);
        let later = ProgressInput {
            forecast_ready: Some(day(23)),
            ..input()
        };
        assert_eq!(fields(check_progress(&line(), &later, today)), ["forecast"]);
        let later_explained = ProgressInput {
            reason: Some("glaze supplier late".into()),
            ..later
        };
        let accepted = check_progress(&line(), &later_explained, today).unwrap();
        assert!(accepted.forecast_changed);
        assert_eq!(accepted.forecast_ready, Some(day(23)));
        assert_eq!(accepted.reason.as_deref(), Some("glaze supplier late"));
        let earlier = ProgressInput {
            forecast_ready: Some(day(18)),
            ..input()
        };
        assert!(check_progress(&line(), &earlier, today).is_ok());
        let past = ProgressInput {
            forecast_ready: Some(day(9)),
            ..input()
        };
        assert_eq!(fields(check_progress(&line(), &past, today)), ["forecast"]);
        // A forecast already in the past may be resubmitted unchanged.
        let late_line = PoLineState {
            forecast_ready: Some(day(5)),
            ..line()
        };
        let unchanged = ProgressInput {
            forecast_ready: Some(day(5)),
            ..input()
        };
        assert!(check_progress(&late_line, &unchanged, today).is_ok());
    }

    #[test]
    fn only_complete_lines_ship() {
        let partial = ProgressInput {
            milestone: Milestone::Shipped,
            ..input()
        };
        assert_eq!(
            fields(check_progress(&line(), &partial, day(10))),
            ["quantity_done"]
        );
        let full = ProgressInput {
            milestone: Milestone::Shipped,
            quantity_done: 1000,
            ..input()
        };
        assert!(check_progress(&line(), &full, day(10)).is_ok());
    }

    #[test]
    fn closed_lines_take_no_updates() {
        let shipped = PoLineState {
            milestone: Milestone::Shipped,
            ..line()
        };
        assert_eq!(
            check_progress(&shipped, &input(), day(10)),
            Err(vec![ProgressError::Closed])
        );
        let cancelled = PoLineState {
            po_closed: true,
            ..line()
        };
        assert_eq!(
            check_progress(&cancelled, &input(), day(10)),
            Err(vec![ProgressError::Closed])
        );
    }

    #[test]
    fn lots_and_lengths() {
        let lot = ProgressInput {
            lot_quantity: Some(600),
            ..input()
        };
        assert!(check_progress(&line(), &lot, day(10)).is_ok());
        let too_big = ProgressInput {
            lot_quantity: Some(601),
            ..input()
        };
        assert_eq!(
            fields(check_progress(&line(), &too_big, day(10))),
            ["lot_quantity"]
        );
        let long = ProgressInput {
            reason: Some("x".repeat(501)),
            note: Some("y".repeat(2001)),
            ..input()
        };
        assert_eq!(
            fields(check_progress(&line(), &long, day(10))),
            ["reason", "note"]
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = ProgressInput {
            milestone: Milestone::NotStarted,
            quantity_done: 5000,
            lot_quantity: Some(0),
            forecast_ready: Some(day(1)),
            reason: None,
            note: None,
        };
        assert_eq!(
            fields(check_progress(&line(), &bad, day(10))),
            ["quantity_done", "milestone", "forecast", "lot_quantity"]
        );
    }

    #[test]
    fn customer_lines_follow_the_worst_factory_shift() {
        // PO ready 10 days before the customer commitment (transit).
        let placed = [(day(10), Some(day(13))), (day(10), Some(day(11)))];
        assert_eq!(
            customer_forecast(Some(day(20)), Some(day(20)), &placed),
            Some(day(23))
        );
        let early = [(day(10), Some(day(8)))];
        assert_eq!(
            customer_forecast(Some(day(20)), Some(day(20)), &early),
            Some(day(18))
        );
        assert_eq!(
            customer_forecast(Some(day(20)), Some(day(21)), &[]),
            Some(day(21))
        );
        assert_eq!(customer_forecast(None, None, &placed), None);
        assert_eq!(
            customer_forecast(Some(day(20)), Some(day(22)), &[(day(10), None)]),
            Some(day(20))
        );
    }

    #[test]
    fn a_stored_date_at_chrono_s_edge_keeps_the_forecast_it_had() {
        // A factory forecast far beyond its ready date, on a commitment near
        // chrono's last day: the shift does not fit, the forecast stays.
        let placed = [(day(10), Some(NaiveDate::MAX))];
        let committed = NaiveDate::MAX - chrono::Duration::days(5);
        assert_eq!(
            customer_forecast(Some(committed), Some(day(20)), &placed),
            Some(day(20))
        );
        let early = [(NaiveDate::MAX, Some(NaiveDate::MIN))];
        assert_eq!(customer_forecast(Some(NaiveDate::MIN), None, &early), None);
    }

    #[test]
    fn staleness() {
        assert!(!is_stale(&line(), day(3), day(9), 7));
        assert!(is_stale(&line(), day(2), day(9), 7));
        let ready = PoLineState {
            milestone: Milestone::ReadyToShip,
            ..line()
        };
        assert!(!is_stale(&ready, day(1), day(28), 7));
        let shipped = PoLineState {
            milestone: Milestone::Shipped,
            ..line()
        };
        assert!(!is_stale(&shipped, day(1), day(28), 7));
    }

    #[test]
    fn late_lines_come_first() {
        let on_time = line();
        let late = PoLineState {
            forecast_ready: Some(day(25)),
            committed_ready: day(22),
            ..line()
        };
        let mut lines = [on_time, late];
        lines.sort_by_key(|l| work_order_key(l, day(10)));
        assert_eq!(lines[0], late);
        let overdue = PoLineState {
            committed_ready: day(5),
            forecast_ready: Some(day(5)),
            ..line()
        };
        assert!(overdue.is_late(day(10)));
        assert!(
            !PoLineState {
                milestone: Milestone::ReadyToShip,
                ..overdue
            }
            .is_late(day(10))
        );
    }

    fn any_milestone() -> impl Strategy<Value = Milestone> {
        (0usize..7).prop_map(|i| Milestone::ALL[i])
    }

    proptest! {
        /// Without a reason, nothing accepted ever goes backwards or beyond the order.
        #[test]
        fn accepted_updates_without_reason_never_go_back(
            was in any_milestone(),
            to in any_milestone(),
            done in 0i64..1000,
            new_done in -10i64..1100,
            shift in -5i64..5,
        ) {
            let state = PoLineState { milestone: was, quantity_done: done, ..line() };
            let update = ProgressInput {
                milestone: to,
                quantity_done: new_done,
                forecast_ready: Some(day(20) + chrono::Duration::days(shift)),
                ..input()
            };
            if let Ok(ok) = check_progress(&state, &update, day(10)) {
                prop_assert!(ok.milestone >= was);
                prop_assert!(ok.quantity_done >= done && ok.quantity_done <= state.quantity);
                prop_assert!(ok.forecast_ready.unwrap() <= state.expected_ready());
                prop_assert!(!state.closed());
            }
        }

        /// A customer line is never forecast earlier than its commitment moved
        /// by the best factory, nor later than moved by the worst.
        #[test]
        fn customer_forecast_is_bounded_by_factory_shifts(shifts in prop::collection::vec(-10i64..10, 1..5)) {
            let placed: Vec<_> = shifts.iter().map(|s| (day(10), Some(day(10) + chrono::Duration::days(*s)))).collect();
            let got = customer_forecast(Some(day(20)), None, &placed).unwrap();
            prop_assert_eq!((got - day(20)).num_days(), *shifts.iter().max().unwrap());
        }
    }
}
