//! The customer's first page at a glance: how its open orders stand, what
//! ships next and what waits for its answer. The rules here take plain facts
//! already read for one company, so the numbers can be checked without a
//! database and agree with the order list, whose badge rule they reuse.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::LineBadge;

/// How far ahead a payment counts as waiting, and how long a newly shared
/// document does (downloads are not recorded, so recency stands in for
/// "not read yet").
pub const SOON_DAYS: i64 = 14;

/// How many coming shipments the glance names; more belong on the orders.
pub const SAILINGS_SHOWN: usize = 3;

/// How many waiting items the glance names, the most pressing; the rest are
/// counted. A large customer can have hundreds of payments due at once,
/// which no first page can list usefully.
pub const WAITING_SHOWN: usize = 10;

/// Open orders per badge, as the order list shows them. Orders not yet
/// confirmed have no commitment to be on track with, so they are not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgeCounts {
    pub on_track: usize,
    pub at_risk: usize,
    pub late: usize,
}

/// Counts each order's badge (the worst of its lines, as in the list).
pub fn count_badges(badges: impl IntoIterator<Item = LineBadge>) -> BadgeCounts {
    let mut counts = BadgeCounts::default();
    for badge in badges {
        match badge {
            LineBadge::OnTrack => counts.on_track += 1,
            LineBadge::AtRisk => counts.at_risk += 1,
            LineBadge::Late => counts.late += 1,
            LineBadge::Unconfirmed => {}
        }
    }
    counts
}

/// A shipment of one of the customer's orders, with the fields the customer
/// may see anyway on its order page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipmentFact {
    pub order_id: i32,
    pub vessel: String,
    /// Planned departure.
    pub etd: NaiveDate,
    /// Actual departure.
    pub atd: Option<NaiveDate>,
    pub eta: Option<NaiveDate>,
    /// Actual arrival.
    pub ata: Option<NaiveDate>,
}

/// A coming departure, or an arrival of goods already at sea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sailing {
    pub order_id: i32,
    /// Filled in by the caller for the few sailings shown (the rules need
    /// only the order's id).
    pub order_number: String,
    pub vessel: String,
    /// At sea: `on` is the expected arrival; otherwise the planned departure.
    pub departed: bool,
    #[serde(with = "crate::compact_dates")]
    pub on: NaiveDate,
}

/// What a shipment has still to do: depart (on its ETD, even a passed one,
/// since a delayed departure is still the next thing to happen) or, at sea,
/// arrive on its ETA. Arrived shipments and those at sea without an ETA
/// have nothing to announce.
pub fn next_event(fact: &ShipmentFact) -> Option<Sailing> {
    if fact.ata.is_some() {
        return None;
    }
    let (departed, on) = match fact.atd {
        None => (false, fact.etd),
        Some(_) => (true, fact.eta?),
    };
    Some(Sailing {
        order_id: fact.order_id,
        order_number: String::new(),
        vessel: fact.vessel.clone(),
        departed,
        on,
    })
}

/// The next [`SAILINGS_SHOWN`] events of the shipments, soonest first (ties
/// by order, in the order the orders were placed, so the page does not
/// reshuffle between loads).
///
/// Only the first [`SAILINGS_SHOWN`] shipments yet to depart (by ETD, then
/// order and vessel) and the first at sea with an ETA (by ETA, then order
/// and vessel) can be among them, so a reader may pass just those two
/// heads: the result is the same.
pub fn next_sailings<'a>(facts: impl IntoIterator<Item = &'a ShipmentFact>) -> Vec<Sailing> {
    let mut coming: Vec<Sailing> = facts.into_iter().filter_map(next_event).collect();
    coming.sort_by(|a, b| {
        (a.on, a.order_id, a.departed, &a.vessel).cmp(&(b.on, b.order_id, b.departed, &b.vessel))
    });
    coming.truncate(SAILINGS_SHOWN);
    coming
}

/// Something that waits for the customer's answer or attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitKind {
    /// A quotation sent and still valid: accept or decline it.
    Quotation,
    /// The house answered a change request with a counter-proposal.
    CounterProposal,
    /// The house proposed a remedy for a complaint.
    Remedy,
    /// A payment falls due soon, or is overdue.
    Instalment,
    /// A document was shared recently.
    Document,
}

/// One waiting item: `target` is the record its link opens (a quotation, an
/// order or a complaint), `number` names it (the caller may fill it in once
/// the items shown are chosen, which does not need it), `name` says which
/// document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub kind: WaitKind,
    pub target: i32,
    pub number: String,
    pub name: Option<String>,
    /// The day it should be done by, when there is one.
    pub due: Option<NaiveDate>,
}

impl Waiting {
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.due.is_some_and(|due| due < today)
    }
}

/// A quotation can still be accepted on its last valid day.
pub fn quotation_open(valid_until: NaiveDate, today: NaiveDate) -> bool {
    valid_until >= today
}

/// A payment waits once it is due within [`SOON_DAYS`] or overdue.
pub fn instalment_due_soon(due: NaiveDate, today: NaiveDate) -> bool {
    (due - today).num_days() <= SOON_DAYS
}

/// A document shared within the last [`SOON_DAYS`].
pub fn shared_recently(shared_on: NaiveDate, today: NaiveDate) -> bool {
    (today - shared_on).num_days() <= SOON_DAYS
}

/// The waiting items in the order to deal with them: overdue first (oldest
/// first), then those with a day to meet (soonest first), then the rest;
/// within each, by kind and then by the record they open (in the order the
/// records were made), so the list is stable.
pub fn order_waiting(mut items: Vec<Waiting>, today: NaiveDate) -> Vec<Waiting> {
    items.sort_by_key(|w| (urgency(w, today), w.due, w.kind, w.target));
    items
}

/// Overdue, dated, or undated: the first part of [`order_waiting`]'s order.
fn urgency(w: &Waiting, today: NaiveDate) -> u8 {
    match w.due {
        Some(_) if w.overdue(today) => 0,
        Some(_) => 1,
        None => 2,
    }
}

/// The first [`WAITING_SHOWN`] items in the order of [`order_waiting`], and
/// how many more wait beyond them.
///
/// `unread` counts items known to wait that were not passed because at
/// least [`WAITING_SHOWN`] items of their own kind, passed, come before
/// them (all of one kind are dated alike, so within a kind the order is by
/// day, then record): those can never be shown, only counted. A reader can
/// so fetch the head of a long kind, such as a large customer's payments,
/// and count the rest.
pub fn most_pressing(
    items: Vec<Waiting>,
    unread: usize,
    today: NaiveDate,
) -> (Vec<Waiting>, usize) {
    let mut ordered = order_waiting(items, today);
    let more = ordered.len().saturating_sub(WAITING_SHOWN) + unread;
    ordered.truncate(WAITING_SHOWN);
    (ordered, more)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, day).unwrap()
    }

    fn shipment(order_id: i32, etd: u32) -> ShipmentFact {
        ShipmentFact {
            order_id,
            vessel: "MV Example".to_string(),
            etd: d(etd),
            atd: None,
            eta: None,
            ata: None,
        }
    }

    /// An item opening record `target`, named after it.
    fn waiting(kind: WaitKind, target: i32, due: Option<NaiveDate>) -> Waiting {
        Waiting {
            kind,
            target,
            number: format!("N-{target}"),
            name: None,
            due,
        }
    }

    #[test]
    fn unconfirmed_orders_are_not_counted() {
        use LineBadge::*;
        let counts = count_badges([OnTrack, Late, AtRisk, Unconfirmed, OnTrack]);
        assert_eq!(
            counts,
            BadgeCounts {
                on_track: 2,
                at_risk: 1,
                late: 1
            }
        );
    }

    #[test]
    fn shipments_announce_departure_then_arrival_then_nothing() {
        let booked = shipment(1, 10);
        assert_eq!(
            next_event(&booked).map(|s| (s.departed, s.on)),
            Some((false, d(10)))
        );
        let at_sea = ShipmentFact {
            atd: Some(d(11)),
            eta: Some(d(25)),
            ..booked.clone()
        };
        assert_eq!(
            next_event(&at_sea).map(|s| (s.departed, s.on)),
            Some((true, d(25)))
        );
        let no_eta = ShipmentFact {
            eta: None,
            ..at_sea.clone()
        };
        assert_eq!(next_event(&no_eta), None);
        let arrived = ShipmentFact {
            ata: Some(d(24)),
            ..at_sea
        };
        assert_eq!(next_event(&arrived), None);
    }

    #[test]
    fn three_soonest_sailings() {
        let facts = [
            shipment(4, 20),
            shipment(1, 5),
            shipment(3, 12),
            shipment(2, 12),
        ];
        let orders: Vec<i32> = next_sailings(&facts)
            .into_iter()
            .map(|s| s.order_id)
            .collect();
        assert_eq!(orders, [1, 2, 3]);
    }

    #[test]
    fn overdue_first_then_dated_then_the_rest() {
        let today = d(15);
        let ordered = order_waiting(
            vec![
                waiting(WaitKind::CounterProposal, 9, None),
                waiting(WaitKind::Quotation, 12, Some(d(20))),
                waiting(WaitKind::Instalment, 3, Some(d(14))),
                waiting(WaitKind::Quotation, 11, Some(d(15))),
                waiting(WaitKind::Instalment, 2, Some(d(1))),
                waiting(WaitKind::Instalment, 1, Some(d(14))),
            ],
            today,
        );
        let targets: Vec<i32> = ordered.iter().map(|w| w.target).collect();
        assert_eq!(targets, [2, 1, 3, 11, 12, 9]);
        assert!(ordered[0].overdue(today));
        assert!(!ordered[3].overdue(today), "due today is not overdue yet");
    }

    #[test]
    fn the_most_pressing_are_named_and_the_rest_counted() {
        let today = d(15);
        let mut items: Vec<Waiting> = (1..=12)
            .map(|n| waiting(WaitKind::Instalment, n as i32, Some(d(n))))
            .collect();
        items.push(waiting(WaitKind::Quotation, 100, Some(d(28))));
        let (shown, more) = most_pressing(items, 0, today);
        let targets: Vec<i32> = shown.iter().map(|w| w.target).collect();
        assert_eq!(targets, (1..=10).collect::<Vec<_>>());
        assert_eq!(more, 3);
        let (shown, more) = most_pressing(vec![waiting(WaitKind::Remedy, 1, None)], 0, today);
        assert_eq!((shown.len(), more), (1, 0));
        // Items counted but not read are only counted.
        let (shown, more) = most_pressing(vec![waiting(WaitKind::Remedy, 1, None)], 40, today);
        assert_eq!((shown.len(), more), (1, 40));
    }

    #[test]
    fn windows_of_fourteen_days() {
        let today = d(1);
        assert!(quotation_open(d(1), today));
        assert!(!quotation_open(d(1), d(2)));
        assert!(instalment_due_soon(d(15), today));
        assert!(!instalment_due_soon(d(16), today));
        assert!(instalment_due_soon(d(1), d(31)), "overdue waits");
        assert!(shared_recently(d(1), d(15)));
        assert!(!shared_recently(d(1), d(16)));
    }

    fn any_badge() -> impl Strategy<Value = LineBadge> {
        prop_oneof![
            Just(LineBadge::Unconfirmed),
            Just(LineBadge::OnTrack),
            Just(LineBadge::AtRisk),
            Just(LineBadge::Late),
        ]
    }

    fn any_kind() -> impl Strategy<Value = WaitKind> {
        prop_oneof![
            Just(WaitKind::Quotation),
            Just(WaitKind::CounterProposal),
            Just(WaitKind::Remedy),
            Just(WaitKind::Instalment),
            Just(WaitKind::Document),
        ]
    }

    /// Up to `most` waiting items of any kind, due on a day of the month or
    /// not, opening records below `records` (so some open the same one).
    fn any_items(records: i32, most: usize) -> impl Strategy<Value = Vec<Waiting>> {
        prop::collection::vec(
            (any_kind(), prop::option::of(1u32..29), 0..records),
            0..most,
        )
        .prop_map(|raw| {
            raw.into_iter()
                .map(|(kind, due, n)| waiting(kind, n, due.map(d)))
                .collect()
        })
    }

    /// Up to `most` items as one reader finds them: each kind dated alike
    /// (quotations and payments have a day, the rest none).
    fn any_found_items(records: i32, most: usize) -> impl Strategy<Value = Vec<Waiting>> {
        any_items(records, most).prop_map(|items| {
            items
                .into_iter()
                .map(|w| match w.kind {
                    WaitKind::Quotation | WaitKind::Instalment => Waiting {
                        due: w.due.or(Some(d(14))),
                        ..w
                    },
                    _ => Waiting { due: None, ..w },
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn counts_add_up_to_the_confirmed_orders(badges in prop::collection::vec(any_badge(), 0..40)) {
            let counts = count_badges(badges.iter().copied());
            let confirmed = badges.iter().filter(|b| **b != LineBadge::Unconfirmed).count();
            prop_assert_eq!(counts.on_track + counts.at_risk + counts.late, confirmed);
            let late = badges.iter().filter(|b| **b == LineBadge::Late).count();
            prop_assert_eq!(counts.late, late);
        }

        #[test]
        fn sailings_are_few_soonest_and_unarrived(
            etds in prop::collection::vec((1u32..29, any::<bool>(), any::<bool>()), 0..12),
        ) {
            let facts: Vec<ShipmentFact> = etds
                .iter()
                .enumerate()
                .map(|(i, (etd, departed, arrived))| ShipmentFact {
                    atd: departed.then_some(d(*etd)),
                    eta: Some(d(etd + 1)),
                    ata: (*departed && *arrived).then_some(d(etd + 1)),
                    ..shipment(i as i32, *etd)
                })
                .collect();
            let sailings = next_sailings(&facts);
            let coming = facts.iter().filter(|f| f.ata.is_none()).count();
            prop_assert_eq!(sailings.len(), coming.min(SAILINGS_SHOWN));
            prop_assert!(
                sailings.windows(2).all(|w| w[0].on <= w[1].on),
                "not soonest first: {:?}",
                sailings
            );
            // Nothing sooner was left out.
            if let Some(last) = sailings.last() {
                let sooner = facts.iter().filter_map(next_event).filter(|s| s.on < last.on).count();
                prop_assert!(sooner < SAILINGS_SHOWN, "{} sooner than {:?}", sooner, last);
            }
        }

        #[test]
        fn overdue_items_always_come_first_and_nothing_is_lost(
            items in any_items(5, 20),
            today in 1u32..29,
        ) {
            let today = d(today);
            let ordered = order_waiting(items.clone(), today);
            prop_assert_eq!(ordered.len(), items.len());
            let first_not_overdue = ordered.iter().position(|w| !w.overdue(today)).unwrap_or(ordered.len());
            prop_assert!(
                ordered[first_not_overdue..].iter().all(|w| !w.overdue(today)),
                "an overdue item after a current one: {:?}",
                ordered
            );
            let first_undated = ordered.iter().position(|w| w.due.is_none()).unwrap_or(ordered.len());
            prop_assert!(
                ordered[first_undated..].iter().all(|w| w.due.is_none()),
                "a dated item after an undated one: {:?}",
                ordered
            );
        }

        #[test]
        fn the_most_pressing_are_the_head_of_the_order_and_the_rest_is_counted(
            items in any_items(30, 40),
            today in 1u32..29,
        ) {
            let today = d(today);
            let ordered = order_waiting(items.clone(), today);
            let (shown, more) = most_pressing(items, 0, today);
            prop_assert!(shown.len() <= WAITING_SHOWN);
            prop_assert_eq!(shown.len() + more, ordered.len());
            prop_assert_eq!(&shown[..], &ordered[..shown.len()]);
        }

        #[test]
        fn the_head_of_each_kind_and_a_count_of_the_rest_are_enough(
            items in any_found_items(30, 60),
            today in 1u32..29,
        ) {
            let today = d(today);
            let mut heads = Vec::new();
            let mut unread = 0;
            for kind in [
                WaitKind::Quotation,
                WaitKind::CounterProposal,
                WaitKind::Remedy,
                WaitKind::Instalment,
                WaitKind::Document,
            ] {
                let mut of_kind = order_waiting(
                    items.iter().filter(|w| w.kind == kind).cloned().collect(),
                    today,
                );
                unread += of_kind.len().saturating_sub(WAITING_SHOWN);
                of_kind.truncate(WAITING_SHOWN);
                heads.extend(of_kind);
            }
            prop_assert_eq!(
                most_pressing(heads, unread, today),
                most_pressing(items, 0, today)
            );
        }

        #[test]
        fn the_heads_of_departures_and_arrivals_are_enough(
            shipments in prop::collection::vec(
                (1u32..29, any::<bool>(), prop::option::of(1u32..29), 0i32..6, 0u8..2),
                0..20,
            ),
        ) {
            let facts: Vec<ShipmentFact> = shipments
                .iter()
                .map(|(etd, departed, eta, order, vessel)| ShipmentFact {
                    atd: departed.then_some(d(*etd)),
                    eta: eta.map(d),
                    vessel: format!("MV {vessel}"),
                    ..shipment(*order, *etd)
                })
                .collect();
            // As a reader would fetch them: the first yet to depart by ETD,
            // and the first at sea with an ETA by ETA, each then by order and
            // vessel.
            let mut to_depart: Vec<&ShipmentFact> = facts.iter().filter(|f| f.atd.is_none()).collect();
            to_depart.sort_by_key(|f| (f.etd, f.order_id, &f.vessel));
            to_depart.truncate(SAILINGS_SHOWN);
            let mut at_sea: Vec<&ShipmentFact> = facts
                .iter()
                .filter(|f| f.atd.is_some() && f.eta.is_some())
                .collect();
            at_sea.sort_by_key(|f| (f.eta, f.order_id, &f.vessel));
            at_sea.truncate(SAILINGS_SHOWN);
            prop_assert_eq!(
                next_sailings(to_depart.into_iter().chain(at_sea)),
                next_sailings(&facts)
            );
        }
    }
}
