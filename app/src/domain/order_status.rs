//! The life of a sales order and who may move it. Orders go forward along the
//! timeline inquiry → quoted → confirmed → in production → ready → shipped →
//! arrived → settled, or are cancelled before they ship. Production stages
//! also follow the factories' progress on the purchase-order lines.

use serde::{Deserialize, Serialize};

use super::account::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Inquiry,
    Quoted,
    Confirmed,
    InProduction,
    Ready,
    Shipped,
    Arrived,
    Settled,
    Cancelled,
}

impl OrderStatus {
    /// The stages an order normally passes through, in order (no `Cancelled`).
    pub const TIMELINE: [OrderStatus; 8] = [
        Self::Inquiry,
        Self::Quoted,
        Self::Confirmed,
        Self::InProduction,
        Self::Ready,
        Self::Shipped,
        Self::Arrived,
        Self::Settled,
    ];

    /// The orders whose lines are in production: the slippage scan looks at
    /// their lines, only they can be late, and only they are on the at-risk
    /// board.
    pub const IN_PRODUCTION: [OrderStatus; 3] = [Self::Confirmed, Self::InProduction, Self::Ready];

    pub const ALL: [OrderStatus; 9] = [
        Self::Inquiry,
        Self::Quoted,
        Self::Confirmed,
        Self::InProduction,
        Self::Ready,
        Self::Shipped,
        Self::Arrived,
        Self::Settled,
        Self::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inquiry => "inquiry",
            Self::Quoted => "quoted",
            Self::Confirmed => "confirmed",
            Self::InProduction => "in_production",
            Self::Ready => "ready",
            Self::Shipped => "shipped",
            Self::Arrived => "arrived",
            Self::Settled => "settled",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The English label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Inquiry => "Inquiry",
            Self::Quoted => "Quoted",
            Self::Confirmed => "Confirmed",
            Self::InProduction => "In production",
            Self::Ready => "Ready",
            Self::Shipped => "Shipped",
            Self::Arrived => "Arrived",
            Self::Settled => "Settled",
            Self::Cancelled => "Cancelled",
        }
    }

    /// Position on the timeline; `None` for a cancelled order.
    pub fn position(self) -> Option<usize> {
        Self::TIMELINE.iter().position(|stage| *stage == self)
    }

    /// Once confirmed, the committed dates are frozen: only an approved change moves them.
    pub fn commitments_frozen(self) -> bool {
        !matches!(self, Self::Inquiry | Self::Quoted)
    }

    /// Nothing moves a settled or cancelled order any more.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Settled | Self::Cancelled)
    }

    /// The goods have left: a passed commitment no longer makes a line late.
    pub fn delivered(self) -> bool {
        matches!(self, Self::Shipped | Self::Arrived | Self::Settled)
    }
}

/// Who moves an order: trading-house people, the customer, or the portal
/// itself following the factories' progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mover {
    House,
    Customer,
    Progress,
}

impl Mover {
    /// The mover a signed-in role acts as; suppliers move orders only through
    /// their progress reports, never directly.
    pub fn for_role(role: Role) -> Option<Mover> {
        match role {
            Role::Admin | Role::Staff => Some(Mover::House),
            Role::Customer => Some(Mover::Customer),
            Role::Supplier => None,
        }
    }
}

/// Who may move an order from `from` to `to`; empty when that is no transition.
pub fn movers(from: OrderStatus, to: OrderStatus) -> &'static [Mover] {
    use Mover::*;
    use OrderStatus::*;
    match (from, to) {
        (Inquiry, Quoted) => &[House],
        // The customer accepts the quote, or sales confirms on their word.
        (Quoted, Confirmed) => &[House, Customer],
        (Confirmed, InProduction) | (InProduction, Ready) => &[House, Progress],
        (Ready, Shipped) => &[House],
        // The customer may confirm receipt.
        (Shipped, Arrived) => &[House, Customer],
        (Arrived, Settled) => &[House],
        (Inquiry | Quoted, Cancelled) => &[House, Customer],
        (Confirmed | InProduction | Ready, Cancelled) => &[House],
        _ => &[],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("An order cannot go from {} to {}.", .from.label(), .to.label())]
    NoSuchStep { from: OrderStatus, to: OrderStatus },
    #[error("You may not move an order from {} to {}.", .from.label(), .to.label())]
    NotYours { from: OrderStatus, to: OrderStatus },
}

impl TransitionError {
    /// Why the step is refused, in `locale` (the statuses by their names
    /// in that language).
    pub fn text(self, locale: crate::i18n::Locale) -> String {
        let (key, from, to) = match self {
            Self::NoSuchStep { from, to } => ("api-error-no-such-step", from, to),
            Self::NotYours { from, to } => ("api-error-not-your-step", from, to),
        };
        let name = |status: OrderStatus| locale.t(&format!("order-status-{}", status.as_str()));
        locale.t_with(key, &[("from", name(from).into()), ("to", name(to).into())])
    }
}

pub fn check_transition(
    from: OrderStatus,
    to: OrderStatus,
    mover: Mover,
) -> Result<(), TransitionError> {
    let allowed = movers(from, to);
    if allowed.is_empty() {
        Err(TransitionError::NoSuchStep { from, to })
    } else if allowed.contains(&mover) {
        Ok(())
    } else {
        Err(TransitionError::NotYours { from, to })
    }
}

/// How far the factories are on the purchase-order lines that fill an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineProgress {
    /// Any progress reported (materials in or later).
    pub started: bool,
    /// Ready to ship.
    pub ready: bool,
}

/// The status an order's production stage should have given its lines'
/// progress: in production once any line started, ready once every line is
/// ready. Only orders in a production stage follow their lines; the result is
/// never behind the current status (a line stepping back does not un-ready an
/// order by itself: staff decide that).
pub fn status_from_progress(current: OrderStatus, lines: &[LineProgress]) -> OrderStatus {
    use OrderStatus::*;
    if !matches!(current, Confirmed | InProduction) || lines.is_empty() {
        return current;
    }
    let derived = if lines.iter().all(|l| l.ready) {
        Ready
    } else if lines.iter().any(|l| l.started || l.ready) {
        InProduction
    } else {
        Confirmed
    };
    derived.max(current)
}

/// A purchase order with a factory is open until every line on it is
/// cancelled; then it is cancelled too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PurchaseOrderStatus {
    Open,
    Cancelled,
}

impl PurchaseOrderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Open, Self::Cancelled]
            .into_iter()
            .find(|s| s.as_str() == raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spellings_round_trip() {
        for status in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(OrderStatus::parse("shipping"), None);
    }

    #[test]
    fn refused_steps_read_in_english_and_in_the_persons_language() {
        use crate::i18n::Locale;
        for from in OrderStatus::ALL {
            for to in OrderStatus::ALL {
                for error in [
                    TransitionError::NoSuchStep { from, to },
                    TransitionError::NotYours { from, to },
                ] {
                    assert_eq!(error.text(Locale::En), error.to_string());
                    assert_ne!(error.text(Locale::De), error.to_string());
                }
            }
        }
    }

    #[test]
    fn an_order_is_delivered_from_shipping_on_and_never_when_cancelled() {
        let shipped = OrderStatus::Shipped.position().unwrap();
        for status in OrderStatus::ALL {
            let past_shipping = status.position().is_some_and(|at| at >= shipped);
            assert_eq!(status.delivered(), past_shipping, "{status:?}");
        }
    }

    #[test]
    fn the_timeline_is_in_order() {
        for (i, status) in OrderStatus::TIMELINE.into_iter().enumerate() {
            assert_eq!(status.position(), Some(i));
        }
        assert_eq!(OrderStatus::Cancelled.position(), None);
    }

    /// The whole table, every pair of states: (from, to, movers).
    #[test]
    fn every_pair_of_states() {
        use Mover::*;
        use OrderStatus::*;
        let expected: &[(OrderStatus, OrderStatus, &[Mover])] = &[
            (Inquiry, Quoted, &[House]),
            (Quoted, Confirmed, &[House, Customer]),
            (Confirmed, InProduction, &[House, Progress]),
            (InProduction, Ready, &[House, Progress]),
            (Ready, Shipped, &[House]),
            (Shipped, Arrived, &[House, Customer]),
            (Arrived, Settled, &[House]),
            (Inquiry, Cancelled, &[House, Customer]),
            (Quoted, Cancelled, &[House, Customer]),
            (Confirmed, Cancelled, &[House]),
            (InProduction, Cancelled, &[House]),
            (Ready, Cancelled, &[House]),
        ];
        for from in OrderStatus::ALL {
            for to in OrderStatus::ALL {
                let want = expected
                    .iter()
                    .find(|(f, t, _)| *f == from && *t == to)
                    .map(|(_, _, m)| *m)
                    .unwrap_or(&[]);
                assert_eq!(movers(from, to), want, "{from:?} -> {to:?}");
                for mover in [House, Customer, Progress] {
                    let result = check_transition(from, to, mover);
                    match (want.is_empty(), want.contains(&mover)) {
                        (true, _) => {
                            assert_eq!(result, Err(TransitionError::NoSuchStep { from, to }))
                        }
                        (false, true) => assert_eq!(result, Ok(())),
                        (false, false) => {
                            assert_eq!(result, Err(TransitionError::NotYours { from, to }))
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn suppliers_never_move_orders_directly() {
        assert_eq!(Mover::for_role(Role::Supplier), None);
        assert_eq!(Mover::for_role(Role::Staff), Some(Mover::House));
        assert_eq!(Mover::for_role(Role::Admin), Some(Mover::House));
        assert_eq!(Mover::for_role(Role::Customer), Some(Mover::Customer));
    }

    #[test]
    fn commitments_freeze_at_confirmation() {
        for status in OrderStatus::ALL {
            let frozen = status.commitments_frozen();
            assert_eq!(
                frozen,
                !matches!(status, OrderStatus::Inquiry | OrderStatus::Quoted)
            );
        }
    }

    #[test]
    fn production_follows_the_purchase_order_lines() {
        use OrderStatus::*;
        let idle = LineProgress {
            started: false,
            ready: false,
        };
        let busy = LineProgress {
            started: true,
            ready: false,
        };
        let done = LineProgress {
            started: true,
            ready: true,
        };
        assert_eq!(status_from_progress(Confirmed, &[idle, idle]), Confirmed);
        assert_eq!(status_from_progress(Confirmed, &[idle, busy]), InProduction);
        assert_eq!(
            status_from_progress(InProduction, &[done, busy]),
            InProduction
        );
        assert_eq!(status_from_progress(InProduction, &[done, done]), Ready);
        assert_eq!(status_from_progress(Confirmed, &[done]), Ready);
        // Not before confirmation, not after shipping, not without lines.
        assert_eq!(status_from_progress(Quoted, &[done]), Quoted);
        assert_eq!(status_from_progress(Shipped, &[busy]), Shipped);
        assert_eq!(status_from_progress(Confirmed, &[]), Confirmed);
    }

    fn any_status() -> impl Strategy<Value = OrderStatus> {
        proptest::sample::select(OrderStatus::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn every_step_moves_forward_or_cancels(from in any_status(), to in any_status()) {
            if !movers(from, to).is_empty() {
                prop_assert!(!from.is_final());
                prop_assert!(to == OrderStatus::Cancelled || to.position() == from.position().map(|p| p + 1));
            }
        }

        #[test]
        fn nothing_ever_leaves_a_final_status(from in any_status(), to in any_status()) {
            if from.is_final() {
                prop_assert!(movers(from, to).is_empty());
            }
        }

        #[test]
        fn progress_never_moves_an_order_back(
            current in any_status(),
            lines in proptest::collection::vec((any::<bool>(), any::<bool>()), 0..6),
        ) {
            let lines: Vec<_> = lines.into_iter().map(|(started, ready)| LineProgress { started, ready }).collect();
            let next = status_from_progress(current, &lines);
            prop_assert!(next >= current);
            if next != current {
                // And only along a step the portal itself may take.
                prop_assert!(movers(current, next).contains(&Mover::Progress)
                    || (current == OrderStatus::Confirmed && next == OrderStatus::Ready));
            }
        }
    }
}
