//! The definitions behind the staff workspace: the numbers management reads
//! (cycle time, on-time delivery against the committed date, change-request
//! turnaround, customer Pareto, delay rates). The database aggregates; these
//! functions turn the aggregates into the figures, so each definition is
//! stated once here. Why a line lands on the at-risk board is in
//! `domain::at_risk`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The nearest-rank percentile (`p` in 1..=100) of `values`: the smallest
/// value with at least `p` % of the values at or below it. `None` when there
/// are no values.
pub fn percentile(values: &[i64], p: u8) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let p = usize::from(p.clamp(1, 100));
    let rank = (p * sorted.len()).div_ceil(100);
    Some(sorted[rank.max(1) - 1])
}

/// A share of things that went well: `hits` of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    pub hits: u64,
    pub total: u64,
}

impl Rate {
    /// Percent, or `None` when there is nothing to measure (never 0 % or
    /// 100 % of nothing).
    pub fn percent(self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 * 100.0 / self.total as f64)
    }

    pub fn text(self) -> String {
        match self.percent() {
            Some(p) => format!("{p:.1} % ({} of {})", self.hits, self.total),
            None => "no data".to_string(),
        }
    }
}

/// Median and 90th percentile of a duration, over `count` cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spread {
    pub count: usize,
    pub median: Option<i64>,
    pub p90: Option<i64>,
}

impl Spread {
    pub fn of(values: &[i64]) -> Self {
        Self {
            count: values.len(),
            median: percentile(values, 50),
            p90: percentile(values, 90),
        }
    }
}

/// Order processing cycle time: days from confirmation to shipping, for the
/// orders shipped in the period. An order shipped the day it was confirmed
/// took 0 days.
pub fn cycle_time(orders: &[(NaiveDate, NaiveDate)]) -> Spread {
    let days: Vec<i64> = orders
        .iter()
        .map(|(confirmed, shipped)| (*shipped - *confirmed).num_days().max(0))
        .collect();
    Spread::of(&days)
}

/// On time against the commitment: a line shipped on or before its
/// committed date. Lines without a committed date are not counted (nothing
/// was promised), and the forecast never enters.
pub fn on_time(committed: Option<NaiveDate>, shipped: NaiveDate) -> Option<bool> {
    committed.map(|c| shipped <= c)
}

/// Change-request turnaround: whole hours from the request to the house's
/// decision, for requests decided in the period.
pub fn turnaround_hours(
    requests: &[(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)],
) -> Spread {
    let hours: Vec<i64> = requests
        .iter()
        .map(|(asked, decided)| (*decided - *asked).num_hours().max(0))
        .collect();
    Spread::of(&hours)
}

/// How a factory answers agreed changes: the hours it took to acknowledge
/// those asked from `since` on (the acknowledged ones), and how many changes
/// still wait for it, however old. `changes` holds each change's asking
/// time and its acknowledgement, if any.
pub fn change_acknowledgement(
    changes: &[(
        chrono::DateTime<chrono::Utc>,
        Option<chrono::DateTime<chrono::Utc>>,
    )],
    since: chrono::DateTime<chrono::Utc>,
) -> (Spread, u64) {
    let answered: Vec<_> = changes
        .iter()
        .filter(|(asked, _)| *asked >= since)
        .filter_map(|(asked, done)| Some((*asked, (*done)?)))
        .collect();
    let waiting = changes.iter().filter(|(_, done)| done.is_none()).count() as u64;
    (turnaround_hours(&answered), waiting)
}

/// One row of a Pareto table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParetoRow {
    pub name: String,
    /// In minor units of the currency.
    pub value: i64,
    /// Share of the total, percent.
    pub share: f64,
    /// Running share including this row, percent.
    pub cumulative: f64,
    /// Among the few that make the first 80 %: every row whose running
    /// share before it was still under 80 %.
    pub vital: bool,
}

/// Sorts by value (largest first, then by name) and marks the vital few.
pub fn pareto(mut rows: Vec<(String, i64)>) -> Vec<ParetoRow> {
    rows.retain(|(_, v)| *v > 0);
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let total: i64 = rows.iter().map(|(_, v)| *v).sum();
    let mut before = 0i64;
    rows.into_iter()
        .map(|(name, value)| {
            let share = value as f64 * 100.0 / total as f64;
            let vital = (before as f64 * 100.0 / total as f64) < 80.0;
            before += value;
            ParetoRow {
                name,
                value,
                share,
                cumulative: before as f64 * 100.0 / total as f64,
                vital,
            }
        })
        .collect()
}

/// A product or a supplier with its late lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DelayRow {
    pub name: String,
    pub late: u64,
    pub total: u64,
}

impl DelayRow {
    pub fn rate(&self) -> Rate {
        Rate {
            hits: self.late,
            total: self.total,
        }
    }
}

/// The highest delay rates first (ties: more lines first, then by name),
/// leaving out names with fewer than `min_lines` measured lines, whose rate
/// says little.
pub fn worst_delays(mut rows: Vec<DelayRow>, min_lines: u64, limit: usize) -> Vec<DelayRow> {
    rows.retain(|r| r.total >= min_lines.max(1));
    rows.sort_by(|a, b| {
        let (ra, rb) = (a.late * b.total, b.late * a.total);
        rb.cmp(&ra)
            .then_with(|| b.total.cmp(&a.total))
            .then_with(|| a.name.cmp(&b.name))
    });
    rows.truncate(limit);
    rows
}

/// Quotation win rate: of the quotations the customers answered or let
/// lapse, the share they accepted. Quotations still open, withdrawn by the
/// house or replaced by a revision are not outcomes and do not count.
pub fn win_rate(outcomes: &[crate::domain::quotation::QuotationStatus]) -> Rate {
    use crate::domain::quotation::QuotationStatus::*;
    outcomes
        .iter()
        .fold(Rate::default(), |acc, status| match status {
            Accepted => Rate {
                hits: acc.hits + 1,
                total: acc.total + 1,
            },
            Declined | Expired => Rate {
                hits: acc.hits,
                total: acc.total + 1,
            },
            _ => acc,
        })
}

/// Hours from an inquiry to its first quotation sent; inquiries not yet
/// quoted are left out of the spread (and counted apart by the caller).
pub fn inquiry_to_quote_hours(
    inquiries: &[(
        chrono::DateTime<chrono::Utc>,
        Option<chrono::DateTime<chrono::Utc>>,
    )],
) -> Spread {
    let quoted: Vec<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)> = inquiries
        .iter()
        .filter_map(|(asked, sent)| Some((*asked, (*sent)?)))
        .collect();
    turnaround_hours(&quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_win_rate_counts_answers_and_lapses_only() {
        use crate::domain::quotation::QuotationStatus::*;
        let rate = win_rate(&[
            Accepted, Declined, Expired, Accepted, Withdrawn, Sent, Superseded,
        ]);
        assert_eq!((rate.hits, rate.total), (2, 4));
        assert_eq!(win_rate(&[]).percent(), None);
    }

    #[test]
    fn inquiries_not_yet_quoted_stay_out_of_the_quoting_time() {
        let asked = chrono::DateTime::parse_from_rfc3339("2027-03-01T08:00:00Z")
            .unwrap()
            .to_utc();
        let spread = inquiry_to_quote_hours(&[
            (asked, Some(asked + chrono::Duration::hours(4))),
            (asked, None),
        ]);
        assert_eq!((spread.count, spread.median), (1, Some(4)));
    }
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    #[test]
    fn acknowledgement_speed_covers_the_period_and_every_open_change_waits() {
        let at = |d: u32, h: u32| day(d).and_hms_opt(h, 0, 0).unwrap().and_utc();
        let changes = [
            // Asked before the period: not in the speed.
            (at(1, 8), Some(at(1, 12))),
            // Asked before the period and still open: waiting all the same.
            (at(1, 9), None),
            (at(10, 8), Some(at(10, 10))),
            (at(11, 8), Some(at(12, 8))),
            (at(12, 8), None),
        ];
        let (speed, waiting) = change_acknowledgement(&changes, at(5, 0));
        assert_eq!(speed, Spread::of(&[2, 24]));
        assert_eq!(waiting, 2);
        assert_eq!(change_acknowledgement(&[], at(5, 0)), (Spread::of(&[]), 0));
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[7], 50), Some(7));
        assert_eq!(percentile(&[7], 90), Some(7));
        // 1..=10: the median is the 5th, the 90th percentile the 9th.
        let ten: Vec<i64> = (1..=10).rev().collect();
        assert_eq!(percentile(&ten, 50), Some(5));
        assert_eq!(percentile(&ten, 90), Some(9));
        assert_eq!(percentile(&ten, 100), Some(10));
        assert_eq!(percentile(&[3, 1, 2], 50), Some(2));
    }

    #[test]
    fn cycle_time_counts_days_from_confirmation_to_shipping() {
        let orders = [
            (day(1), day(11)),
            (day(1), day(21)),
            (day(5), day(5)),
            (day(2), day(30)),
        ];
        let spread = cycle_time(&orders);
        assert_eq!(spread.count, 4);
        // 0, 10, 20, 28 days.
        assert_eq!(spread.median, Some(10));
        assert_eq!(spread.p90, Some(28));
        assert_eq!(cycle_time(&[]), Spread::default());
    }

    #[test]
    fn on_time_is_against_the_commitment_only() {
        assert_eq!(on_time(Some(day(10)), day(10)), Some(true));
        assert_eq!(on_time(Some(day(10)), day(11)), Some(false));
        assert_eq!(on_time(None, day(11)), None);
    }

    #[test]
    fn rates_of_nothing_are_not_numbers() {
        assert_eq!(Rate::default().percent(), None);
        assert_eq!(Rate::default().text(), "no data");
        let all_late = Rate { hits: 0, total: 4 };
        assert_eq!(all_late.percent(), Some(0.0));
        assert_eq!(Rate { hits: 3, total: 4 }.text(), "75.0 % (3 of 4)");
    }

    #[test]
    fn turnaround_in_hours() {
        let at = |h: i64| {
            chrono::DateTime::<chrono::Utc>::from_timestamp(1_800_000_000 + h * 3600, 0).unwrap()
        };
        let spread = turnaround_hours(&[(at(0), at(2)), (at(0), at(30)), (at(5), at(6))]);
        assert_eq!(spread.median, Some(2));
        assert_eq!(spread.p90, Some(30));
    }

    #[test]
    fn pareto_marks_the_few_that_make_eighty_percent() {
        let rows = pareto(vec![
            ("Small".into(), 50),
            ("Big".into(), 600),
            ("Middle".into(), 300),
            ("Tiny".into(), 50),
            ("Nothing".into(), 0),
        ]);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Big", "Middle", "Small", "Tiny"]);
        let vital: Vec<bool> = rows.iter().map(|r| r.vital).collect();
        // 60 % before Middle is under 80, so Middle is vital; 90 % is not.
        assert_eq!(vital, [true, true, false, false]);
        assert!((rows[1].cumulative - 90.0).abs() < 1e-9);
        assert!(pareto(vec![]).is_empty());
        // One customer alone is the vital few.
        assert!(pareto(vec![("Only".into(), 5)])[0].vital);
    }

    #[test]
    fn delays_rank_by_rate_with_enough_lines() {
        let row = |name: &str, late, total| DelayRow {
            name: name.into(),
            late,
            total,
        };
        let ranked = worst_delays(
            vec![
                row("A", 1, 10),
                row("B", 5, 10),
                row("C", 1, 1),
                row("D", 10, 20),
                row("E", 0, 0),
            ],
            2,
            10,
        );
        let names: Vec<&str> = ranked.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["D", "B", "A"]);
        assert_eq!(worst_delays(ranked, 1, 1).len(), 1);
    }

    proptest! {
        #[test]
        fn a_percentile_is_one_of_the_values_and_grows_with_p(
            values in proptest::collection::vec(-1000i64..1000, 1..50),
            p in 1u8..100,
        ) {
            let at = percentile(&values, p).unwrap();
            prop_assert!(values.contains(&at));
            prop_assert!(percentile(&values, p + 1).unwrap() >= at);
            let at_or_below = values.iter().filter(|v| **v <= at).count();
            prop_assert!(at_or_below * 100 >= usize::from(p) * values.len());
        }

        #[test]
        fn pareto_shares_add_up(values in proptest::collection::vec(0i64..10_000, 0..20)) {
            let rows = pareto(values.iter().enumerate().map(|(i, v)| (format!("c{i}"), *v)).collect());
            if let Some(last) = rows.last() {
                prop_assert!((last.cumulative - 100.0).abs() < 1e-6);
                prop_assert!(rows[0].vital);
                // The vital few come first.
                let first_not = rows.iter().position(|r| !r.vital).unwrap_or(rows.len());
                prop_assert!(rows[first_not..].iter().all(|r| !r.vital));
            }
        }
    }
}
