//! When delivery slips, who hears about it and when. A PO line more than
//! `supplier_days` late against its committed ready date alerts the house's
//! staff; a customer line `customer_days` or more late against its committed
//! date alerts the sales owner and the customer's contacts. Severity grows
//! with the days late (levels 1–3); an alert goes out when a line *enters* a
//! level above any it was alerted at, never on every update, and a "back on
//! track" notice follows when it recovers. A committed date passing with the
//! line not ready is an overdue alert, once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::account::Role;

/// The mails a person can choose to receive: the slippage alerts, and the
/// news of a message in one of their conversations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// A factory slipped (to the house's staff).
    SupplierSlip,
    /// A customer line slipped (to the sales owner and the customer).
    CustomerSlip,
    /// A slip that was alerted has recovered.
    BackOnTrack,
    /// A committed date passed with the line not ready (to the house).
    Overdue,
    /// A factory has not reported for a while (to the factory).
    StaleReminder,
    /// A new message in an order's or a purchase order's conversation (to
    /// the other side of it). Not a slippage alert: it is never counted with
    /// them nor held for the digest.
    #[serde(rename = "message_received")]
    Message,
    /// Everyday news, not alerts (never counted with them nor held for the
    /// digest): the house placed a purchase order (to the factory) ...
    PoPlaced,
    /// ... or changed one outside a change request, as when the order it
    /// fills is cancelled (to the factory);
    PoChanged,
    /// an order was confirmed (to the customer's people);
    OrderConfirmed,
    /// its goods left port, with the vessel and arrival date;
    #[serde(rename = "order_shipped")]
    Shipped,
    /// they arrived;
    #[serde(rename = "order_arrived")]
    Arrived,
    /// a payment of theirs was recorded.
    PaymentRecorded,
}

impl AlertKind {
    pub const ALL: [AlertKind; 12] = [
        AlertKind::SupplierSlip,
        AlertKind::CustomerSlip,
        AlertKind::BackOnTrack,
        AlertKind::Overdue,
        AlertKind::StaleReminder,
        AlertKind::Message,
        AlertKind::PoPlaced,
        AlertKind::PoChanged,
        AlertKind::OrderConfirmed,
        AlertKind::Shipped,
        AlertKind::Arrived,
        AlertKind::PaymentRecorded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::SupplierSlip => "supplier_slip",
            AlertKind::CustomerSlip => "customer_slip",
            AlertKind::BackOnTrack => "back_on_track",
            AlertKind::Overdue => "overdue",
            AlertKind::StaleReminder => "stale_reminder",
            AlertKind::Message => "message_received",
            AlertKind::PoPlaced => "po_placed",
            AlertKind::PoChanged => "po_changed",
            AlertKind::OrderConfirmed => "order_confirmed",
            AlertKind::Shipped => "order_shipped",
            AlertKind::Arrived => "order_arrived",
            AlertKind::PaymentRecorded => "payment_recorded",
        }
    }

    /// A slippage alert, as counted on the KPI page and held for the
    /// digest; messages and everyday news are not.
    pub fn is_slippage(self) -> bool {
        use AlertKind::*;
        matches!(
            self,
            SupplierSlip | CustomerSlip | BackOnTrack | Overdue | StaleReminder
        )
    }

    pub fn parse(raw: &str) -> Option<AlertKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim())
    }

    /// The catalogue key of its name on the account page and the KPI page.
    pub fn label_key(self) -> String {
        format!("alert-kind-{}", self.as_str())
    }

    /// The kinds a role can receive at all: everyone takes part in
    /// conversations, so everyone may hear of their messages; a customer
    /// hears of its orders' news, a factory of its purchase orders'.
    pub fn offered_to(role: Role) -> &'static [AlertKind] {
        use AlertKind::*;
        match role {
            Role::Admin | Role::Staff => {
                &[SupplierSlip, CustomerSlip, BackOnTrack, Overdue, Message]
            }
            Role::Customer => &[
                CustomerSlip,
                BackOnTrack,
                Message,
                OrderConfirmed,
                Shipped,
                Arrived,
                PaymentRecorded,
            ],
            Role::Supplier => &[StaleReminder, Message, PoPlaced, PoChanged],
        }
    }

    /// What a person receives until they choose: staff follow delays of
    /// every kind, customers their own lines, factories their reminders;
    /// administrators only overdue lines. Everyone hears of messages.
    pub fn defaults_for(role: Role) -> &'static [AlertKind] {
        match role {
            Role::Admin => &[AlertKind::Overdue, AlertKind::Message],
            other => Self::offered_to(other),
        }
    }

    /// Whether a person of `role` with these stored choices hears of this
    /// kind.
    pub fn wanted(self, role: Role, stored: Option<&str>) -> bool {
        Self::chosen(role, stored).contains(&self)
    }

    /// The stored choice (`None`: the role's defaults), limited to what the
    /// role is offered.
    pub fn chosen(role: Role, stored: Option<&str>) -> Vec<AlertKind> {
        let wanted: Vec<AlertKind> = match stored {
            None => Self::defaults_for(role).to_vec(),
            Some(list) => list.split(',').filter_map(AlertKind::parse).collect(),
        };
        Self::offered_to(role)
            .iter()
            .copied()
            .filter(|k| wanted.contains(k))
            .collect()
    }
}

/// Thresholds of the trading house (defaults from the business rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipThresholds {
    /// A factory is late when its forecast is *more than* this many days past
    /// its committed ready date.
    pub supplier_days: i64,
    /// A customer line is late when its forecast is this many days *or more*
    /// past its committed date.
    pub customer_days: i64,
}

impl Default for SlipThresholds {
    fn default() -> Self {
        Self {
            supplier_days: 1,
            customer_days: 2,
        }
    }
}

/// 0 = not alert-worthy; 1 from the first alerting day, 2 from a week, 3
/// from two weeks (each at least one day above the level below).
pub fn level(days_late: i64, first: i64) -> u8 {
    let first = first.max(1);
    let second = (first + 1).max(7);
    let third = (second + 1).max(14);
    match days_late {
        d if d >= third => 3,
        d if d >= second => 2,
        d if d >= first => 1,
        _ => 0,
    }
}

impl SlipThresholds {
    pub fn supplier_level(&self, days_late: i64) -> u8 {
        level(days_late, self.supplier_days + 1)
    }

    pub fn customer_level(&self, days_late: i64) -> u8 {
        level(days_late, self.customer_days)
    }
}

/// What to send after a line's slip was assessed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Nothing,
    /// The line entered `level`, higher than any alerted before.
    Slipped {
        level: u8,
    },
    /// It was alerted and is now on time again.
    BackOnTrack,
}

/// Given the highest level already alerted for this slip and the level now,
/// what to send and what to remember. Improving without recovering sends
/// nothing and keeps the remembered level, so a line wobbling between two
/// levels alerts once.
pub fn assess(alerted: u8, now: u8) -> (Notice, u8) {
    if now > alerted {
        (Notice::Slipped { level: now }, now)
    } else if now == 0 && alerted > 0 {
        (Notice::BackOnTrack, 0)
    } else {
        (Notice::Nothing, alerted)
    }
}

/// Days the forecast lies past the commitment (negative when early).
pub fn days_late(committed: NaiveDate, forecast: Option<NaiveDate>) -> i64 {
    forecast.map(|f| (f - committed).num_days()).unwrap_or(0)
}

/// The commitment has passed and the goods are not ready.
pub fn is_overdue(committed: Option<NaiveDate>, today: NaiveDate, ready: bool) -> bool {
    !ready && committed.is_some_and(|c| c < today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_business_defaults() {
        let t = SlipThresholds::default();
        // Supplier: late > 1 day.
        assert_eq!(t.supplier_level(1), 0);
        assert_eq!(t.supplier_level(2), 1);
        // Customer: late ≥ 2 days.
        assert_eq!(t.customer_level(1), 0);
        assert_eq!(t.customer_level(2), 1);
        assert_eq!(t.customer_level(6), 1);
        assert_eq!(t.customer_level(7), 2);
        assert_eq!(t.customer_level(14), 3);
        assert_eq!(t.customer_level(-3), 0);
    }

    #[test]
    fn thresholds_move_the_levels() {
        let strict = SlipThresholds {
            supplier_days: 0,
            customer_days: 1,
        };
        assert_eq!(strict.supplier_level(1), 1);
        assert_eq!(strict.customer_level(1), 1);
        let lenient = SlipThresholds {
            supplier_days: 9,
            customer_days: 10,
        };
        assert_eq!(lenient.customer_level(9), 0);
        assert_eq!(lenient.customer_level(10), 1);
        assert_eq!(lenient.customer_level(11), 2);
        assert_eq!(lenient.customer_level(14), 3);
    }

    #[test]
    fn alerts_on_entering_a_level_once_and_on_recovery() {
        assert_eq!(assess(0, 0), (Notice::Nothing, 0));
        assert_eq!(assess(0, 1), (Notice::Slipped { level: 1 }, 1));
        // The same level again: nothing.
        assert_eq!(assess(1, 1), (Notice::Nothing, 1));
        assert_eq!(assess(1, 3), (Notice::Slipped { level: 3 }, 3));
        // Better but still late: nothing, and the worst level is remembered.
        assert_eq!(assess(3, 2), (Notice::Nothing, 3));
        assert_eq!(assess(3, 3), (Notice::Nothing, 3));
        assert_eq!(assess(3, 0), (Notice::BackOnTrack, 0));
        // A new slip after recovering alerts afresh.
        assert_eq!(assess(0, 1), (Notice::Slipped { level: 1 }, 1));
    }

    #[test]
    fn alert_choices_per_role() {
        use AlertKind::*;
        assert_eq!(
            AlertKind::chosen(Role::Customer, None),
            [
                CustomerSlip,
                BackOnTrack,
                Message,
                OrderConfirmed,
                Shipped,
                Arrived,
                PaymentRecorded
            ]
        );
        assert_eq!(
            AlertKind::chosen(Role::Supplier, None),
            [StaleReminder, Message, PoPlaced, PoChanged]
        );
        // The house hears of no customer's or factory's everyday news.
        assert_eq!(
            AlertKind::chosen(Role::Staff, Some("order_shipped,po_placed,overdue")),
            [Overdue]
        );
        assert_eq!(AlertKind::chosen(Role::Admin, None), [Overdue, Message]);
        assert_eq!(
            AlertKind::chosen(Role::Staff, Some("overdue,supplier_slip")),
            [SupplierSlip, Overdue]
        );
        // Nothing chosen is a choice; kinds not offered to the role are dropped.
        assert_eq!(AlertKind::chosen(Role::Staff, Some("")), []);
        assert_eq!(
            AlertKind::chosen(Role::Customer, Some("supplier_slip,customer_slip")),
            [CustomerSlip]
        );
        for kind in AlertKind::ALL {
            assert_eq!(AlertKind::parse(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn only_slippage_alerts_count_as_alerts() {
        use AlertKind::*;
        let slips: Vec<AlertKind> = AlertKind::ALL
            .into_iter()
            .filter(|k| k.is_slippage())
            .collect();
        assert_eq!(
            slips,
            [
                SupplierSlip,
                CustomerSlip,
                BackOnTrack,
                Overdue,
                StaleReminder
            ]
        );
        // Each has its own name in the catalogues.
        let mut keys: Vec<String> = AlertKind::ALL.iter().map(|k| k.label_key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), AlertKind::ALL.len());
    }

    #[test]
    fn every_kind_travels_by_its_stored_name() {
        for kind in AlertKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::json!(kind.as_str())
            );
        }
    }

    #[test]
    fn everyone_hears_of_messages_until_they_switch_them_off() {
        for role in Role::ALL {
            assert!(AlertKind::offered_to(role).contains(&AlertKind::Message));
            assert!(AlertKind::Message.wanted(role, None), "{role:?}");
            // Choosing only other kinds switches message mail off.
            let others: Vec<&str> = AlertKind::offered_to(role)
                .iter()
                .filter(|k| **k != AlertKind::Message)
                .map(|k| k.as_str())
                .collect();
            assert!(
                !AlertKind::Message.wanted(role, Some(&others.join(","))),
                "{role:?}"
            );
            assert!(
                AlertKind::Message.wanted(role, Some("message_received")),
                "{role:?}"
            );
        }
    }

    #[test]
    fn overdue_lines() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 2, d).unwrap();
        assert!(is_overdue(Some(day(9)), day(10), false));
        assert!(!is_overdue(Some(day(10)), day(10), false));
        assert!(!is_overdue(Some(day(9)), day(10), true));
        assert!(!is_overdue(None, day(10), false));
        assert_eq!(days_late(day(10), Some(day(13))), 3);
        assert_eq!(days_late(day(10), None), 0);
    }

    proptest! {
        /// Levels never fall as the days late grow.
        #[test]
        fn levels_grow_with_days(first in 0i64..20, a in -30i64..60, b in -30i64..60) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(level(lo, first) <= level(hi, first));
        }

        /// Over any sequence of assessments, alerts go out only for levels
        /// above the last alerted one, and recoveries only after an alert.
        #[test]
        fn no_duplicate_alerts(levels in prop::collection::vec(0u8..4, 1..40)) {
            let mut remembered = 0u8;
            let mut alerted_this_slip: Vec<u8> = Vec::new();
            for now in levels {
                let (notice, next) = assess(remembered, now);
                match notice {
                    Notice::Slipped { level } => {
                        prop_assert!(alerted_this_slip.iter().all(|l| *l < level));
                        alerted_this_slip.push(level);
                    }
                    Notice::BackOnTrack => {
                        prop_assert!(!alerted_this_slip.is_empty());
                        alerted_this_slip.clear();
                    }
                    Notice::Nothing => {}
                }
                remembered = next;
            }
        }
    }
}
