//! Why an open order line lands on the at-risk board, how urgent it is,
//! and how the board groups its lines by their most urgent reason.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why a line is on the at-risk board, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskReason {
    /// The committed date passed and the goods are not ready.
    Overdue,
    /// The forecast lies after the commitment.
    Slipping,
    /// A change request waits for the house.
    AwaitingDecision,
    /// A factory has not acknowledged an agreed change.
    ChangeNotAcknowledged,
    /// A factory has been silent too long.
    Stale,
}

impl RiskReason {
    pub const ALL: [RiskReason; 5] = [
        Self::Overdue,
        Self::Slipping,
        Self::AwaitingDecision,
        Self::ChangeNotAcknowledged,
        Self::Stale,
    ];

    /// The reason's name in addresses and data, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            Self::Overdue => "overdue",
            Self::Slipping => "slipping",
            Self::AwaitingDecision => "awaiting_decision",
            Self::ChangeNotAcknowledged => "change_not_acknowledged",
            Self::Stale => "stale",
        }
    }

    /// The reason a [`code`](Self::code) names.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// What the board knows about an open line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineFacts {
    pub committed: Option<NaiveDate>,
    pub forecast: Option<NaiveDate>,
    /// Every factory line behind it is ready (or shipped).
    pub ready: bool,
    pub change_waiting: bool,
    pub change_unacknowledged: bool,
    pub factory_stale: bool,
}

impl LineFacts {
    /// Days the forecast lies after the commitment (0 when on time or
    /// either is unknown).
    pub fn slip_days(&self) -> i64 {
        match (self.committed, self.forecast) {
            (Some(c), Some(f)) => (f - c).num_days().max(0),
            _ => 0,
        }
    }
}

/// The reasons a line is at risk on `today`, most urgent first (empty when
/// it is not).
pub fn risks(facts: &LineFacts, today: NaiveDate) -> Vec<RiskReason> {
    let mut found = Vec::new();
    if !facts.ready && facts.committed.is_some_and(|c| c < today) {
        found.push(RiskReason::Overdue);
    }
    if let (Some(c), Some(f)) = (facts.committed, facts.forecast)
        && f > c
    {
        found.push(RiskReason::Slipping);
    }
    if facts.change_waiting {
        found.push(RiskReason::AwaitingDecision);
    }
    if facts.change_unacknowledged {
        found.push(RiskReason::ChangeNotAcknowledged);
    }
    if facts.factory_stale && !facts.ready {
        found.push(RiskReason::Stale);
    }
    found
}

/// The most urgent of a line's reasons (they come most urgent first).
pub fn most_urgent(reasons: &[RiskReason]) -> RiskReason {
    reasons.first().copied().unwrap_or(RiskReason::Stale)
}

/// Sort key of a board row: its most urgent reason, then the larger slip,
/// then the earlier commitment.
pub fn urgency(reasons: &[RiskReason], facts: &LineFacts) -> (RiskReason, i64, Option<NaiveDate>) {
    (most_urgent(reasons), -facts.slip_days(), facts.committed)
}

/// How many lines of each reason the board shows before it is asked for
/// the rest: at a million lines a reason can hold two thousand, and the
/// most urgent come first.
pub const BOARD_SHOWN: usize = 50;

/// One reason's part of the board: how many lines it holds and the rows
/// shown, most urgent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskGroup<T> {
    pub reason: RiskReason,
    pub total: usize,
    pub rows: Vec<T>,
}

/// Groups board rows, already most urgent first, by their most urgent
/// reason (`reason_of`), in the order of [`RiskReason::ALL`], keeping the
/// first `shown` of each group, or every one of the group `full`. Groups
/// with no line are left out.
pub fn group_at_risk<T>(
    rows: Vec<T>,
    reason_of: impl Fn(&T) -> RiskReason,
    shown: usize,
    full: Option<RiskReason>,
) -> Vec<RiskGroup<T>> {
    let mut groups: Vec<RiskGroup<T>> = RiskReason::ALL
        .into_iter()
        .map(|reason| RiskGroup {
            reason,
            total: 0,
            rows: Vec::new(),
        })
        .collect();
    for row in rows {
        let reason = reason_of(&row);
        let Some(group) = groups.iter_mut().find(|g| g.reason == reason) else {
            continue;
        };
        group.total += 1;
        if group.rows.len() < shown || full == Some(reason) {
            group.rows.push(row);
        }
    }
    groups.retain(|g| g.total > 0);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    #[test]
    fn board_reasons_and_their_order() {
        let today = day(15);
        let calm = LineFacts {
            committed: Some(day(20)),
            forecast: Some(day(19)),
            ..Default::default()
        };
        assert!(risks(&calm, today).is_empty());
        let late = LineFacts {
            committed: Some(day(10)),
            forecast: Some(day(18)),
            factory_stale: true,
            change_waiting: true,
            ..Default::default()
        };
        assert_eq!(
            risks(&late, today),
            [
                RiskReason::Overdue,
                RiskReason::Slipping,
                RiskReason::AwaitingDecision,
                RiskReason::Stale
            ]
        );
        // Ready goods are neither overdue nor waiting for a silent factory.
        let ready = LineFacts {
            ready: true,
            ..late
        };
        assert_eq!(
            risks(&ready, today),
            [RiskReason::Slipping, RiskReason::AwaitingDecision]
        );
        // No commitment: nothing promised, so nothing overdue or slipping.
        let open = LineFacts {
            committed: None,
            forecast: Some(day(30)),
            ..Default::default()
        };
        assert!(risks(&open, today).is_empty());
    }

    #[test]
    fn a_reason_code_is_its_serialised_name_and_names_it_back() {
        for reason in RiskReason::ALL {
            assert_eq!(
                serde_json::to_value(reason).unwrap(),
                serde_json::Value::from(reason.code())
            );
            assert_eq!(RiskReason::from_code(reason.code()), Some(reason));
        }
        assert_eq!(RiskReason::from_code("Slipping"), None);
        assert_eq!(RiskReason::from_code(""), None);
    }

    #[test]
    fn the_board_shows_the_most_urgent_of_each_reason_and_one_reason_in_full() {
        use RiskReason::*;
        let rows = vec![
            (Slipping, 1),
            (Overdue, 2),
            (Slipping, 3),
            (Stale, 4),
            (Slipping, 5),
            (Overdue, 6),
        ];
        let groups = group_at_risk(rows.clone(), |r| r.0, 1, None);
        let seen: Vec<(RiskReason, usize, Vec<i32>)> = groups
            .iter()
            .map(|g| (g.reason, g.total, g.rows.iter().map(|r| r.1).collect()))
            .collect();
        assert_eq!(
            seen,
            vec![
                (Overdue, 2, vec![2]),
                (Slipping, 3, vec![1]),
                (Stale, 1, vec![4])
            ]
        );
        let full = group_at_risk(rows, |r| r.0, 1, Some(Slipping));
        assert_eq!(
            full[1].rows.iter().map(|r| r.1).collect::<Vec<_>>(),
            vec![1, 3, 5]
        );
        assert_eq!(full[0].rows.len(), 1);
        assert!(group_at_risk(Vec::<(RiskReason, i32)>::new(), |r| r.0, 1, None).is_empty());
    }

    proptest! {
        #[test]
        fn every_line_at_risk_is_counted_once_and_the_shown_keep_their_order(
            reasons in proptest::collection::vec(0usize..5, 0..200),
            shown in 0usize..60,
            full in proptest::option::of(0usize..5),
        ) {
            let rows: Vec<(RiskReason, usize)> =
                reasons.iter().enumerate().map(|(i, r)| (RiskReason::ALL[*r], i)).collect();
            let full = full.map(|f| RiskReason::ALL[f]);
            let groups = group_at_risk(rows.clone(), |r| r.0, shown, full);
            prop_assert_eq!(groups.iter().map(|g| g.total).sum::<usize>(), rows.len());
            for group in &groups {
                let all: Vec<usize> =
                    rows.iter().filter(|r| r.0 == group.reason).map(|r| r.1).collect();
                prop_assert_eq!(group.total, all.len());
                let expected = if full == Some(group.reason) { all.len() } else { all.len().min(shown) };
                let got: Vec<usize> = group.rows.iter().map(|r| r.1).collect();
                prop_assert_eq!(&got[..], &all[..expected]);
            }
            let order: Vec<RiskReason> = groups.iter().map(|g| g.reason).collect();
            let mut sorted = order.clone();
            sorted.sort();
            prop_assert_eq!(order, sorted);
        }
    }
}
