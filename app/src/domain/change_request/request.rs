//! A customer's request: the proposal they fill in, the diff it makes
//! against the order, and the checks before it is sent.

use chrono::NaiveDate;

use super::apply::OrderState;
use super::items::{ChangeItem, ChangeKind, NewLine, allowed};
use crate::domain::order_status::OrderStatus;
use crate::i18n::Locale;

/// What the customer filled in for one existing line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProposal {
    pub line_no: i32,
    pub quantity: i64,
    pub description: String,
    pub requested: NaiveDate,
    pub cancel: bool,
}

/// The customer's whole proposal, already parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Proposal {
    pub lines: Vec<LineProposal>,
    pub ship_to: String,
    pub added: Vec<NewLine>,
}

/// The field-level diff between the order and the proposal. Lines the
/// proposal does not mention stay as they are; a cancelled line carries no
/// other change.
pub fn diff(order: &OrderState, proposal: &Proposal) -> Vec<ChangeItem> {
    let mut items = Vec::new();
    for wanted in &proposal.lines {
        let Some(line) = order.lines.iter().find(|l| l.line_no == wanted.line_no) else {
            continue;
        };
        if wanted.cancel {
            items.push(ChangeItem::CancelLine {
                line_no: line.line_no,
                product_code: line.product_code.clone(),
                quantity: line.quantity,
            });
            continue;
        }
        if wanted.quantity != line.quantity {
            items.push(ChangeItem::Quantity {
                line_no: line.line_no,
                from: line.quantity,
                to: wanted.quantity,
            });
        }
        if wanted.description.trim() != line.description.trim() {
            items.push(ChangeItem::Description {
                line_no: line.line_no,
                from: line.description.clone(),
                to: wanted.description.trim().to_string(),
            });
        }
        if wanted.requested != line.requested {
            items.push(ChangeItem::RequestedDate {
                line_no: line.line_no,
                from: line.requested,
                to: wanted.requested,
            });
        }
    }
    if proposal.ship_to.trim() != order.ship_to.trim() {
        items.push(ChangeItem::ShipTo {
            from: order.ship_to.clone(),
            to: proposal.ship_to.trim().to_string(),
        });
    }
    items.extend(proposal.added.iter().cloned().map(ChangeItem::AddLine));
    items
}

/// A reason a request cannot be made as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line_no: Option<i32>,
    pub kind: Option<ChangeKind>,
    /// The reason's message-catalogue key; [`Problem::text`] reads it in a
    /// language. Its `$status` is the order's status code.
    pub key: &'static str,
    /// The order's status when it was checked.
    pub status: OrderStatus,
}

impl Problem {
    fn new(
        line_no: Option<i32>,
        kind: Option<ChangeKind>,
        key: &'static str,
        status: OrderStatus,
    ) -> Problem {
        Problem {
            line_no,
            kind,
            key,
            status,
        }
    }

    /// The reason in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        locale.t_with(self.key, &[("status", self.status.as_str().into())])
    }
}

/// Checks a new request against the order: something must change (or a note
/// be written), each change must be open in the order's status, a new date
/// not in the past, and the order must keep at least one line.
pub fn check_request(
    order: &OrderState,
    items: &[ChangeItem],
    note: &str,
    today: NaiveDate,
) -> Vec<Problem> {
    let status = order.status;
    let mut problems = Vec::new();
    if !ChangeKind::ALL.iter().any(|k| allowed(*k, status)) {
        problems.push(Problem::new(None, None, "err-cr-order-closed", status));
        return problems;
    }
    if items.is_empty() && note.trim().is_empty() {
        problems.push(Problem::new(None, None, "err-cr-nothing-changed", status));
    }
    for item in items {
        let kind = item.kind();
        if !allowed(kind, status) {
            problems.push(Problem::new(
                item.line_no(),
                Some(kind),
                kind.closed_key(),
                status,
            ));
            continue;
        }
        let date = match item {
            ChangeItem::RequestedDate { to, .. } => Some(*to),
            ChangeItem::AddLine(new) => Some(new.requested),
            _ => None,
        };
        if date.is_some_and(|d| d < today) {
            problems.push(Problem::new(
                item.line_no(),
                Some(kind),
                "err-cr-date-past",
                status,
            ));
        }
    }
    let cancelled = items
        .iter()
        .filter(|i| i.kind() == ChangeKind::CancelLine)
        .count();
    let added = items
        .iter()
        .filter(|i| i.kind() == ChangeKind::AddLine)
        .count();
    if cancelled > 0 && order.lines.len() + added <= cancelled {
        problems.push(Problem::new(
            None,
            Some(ChangeKind::CancelLine),
            "err-cr-last-line",
            status,
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change_request::test_support::{day, order, same};
    use crate::domain::order_status::OrderStatus;

    #[test]
    fn diff_lists_only_what_changed() {
        let order = order(OrderStatus::Confirmed);
        assert!(diff(&order, &same(&order)).is_empty());
        let mut wanted = same(&order);
        wanted.lines[0].quantity = 150;
        wanted.lines[0].requested = day(25);
        wanted.lines[1].cancel = true;
        wanted.lines[1].quantity = 5; // ignored: the line is cancelled
        wanted.ship_to = "  Rotterdam ".into();
        let items = diff(&order, &wanted);
        assert_eq!(
            items,
            vec![
                ChangeItem::Quantity {
                    line_no: 1,
                    from: 100,
                    to: 150
                },
                ChangeItem::RequestedDate {
                    line_no: 1,
                    from: day(20),
                    to: day(25)
                },
                ChangeItem::CancelLine {
                    line_no: 2,
                    product_code: "P-2".into(),
                    quantity: 200
                },
                ChangeItem::ShipTo {
                    from: "Hamburg".into(),
                    to: "Rotterdam".into()
                },
            ]
        );
    }

    #[test]
    fn requests_are_checked_against_status_dates_and_lines() {
        let confirmed = order(OrderStatus::Confirmed);
        assert_eq!(check_request(&confirmed, &[], "", day(1)).len(), 1);
        assert!(check_request(&confirmed, &[], "Please use blue boxes", day(1)).is_empty());
        let past = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(2),
        }];
        assert_eq!(
            check_request(&confirmed, &past, "", day(3))[0].line_no,
            Some(1)
        );
        let qty = [ChangeItem::Quantity {
            line_no: 1,
            from: 100,
            to: 120,
        }];
        let ready = order(OrderStatus::Ready);
        let problems = check_request(&ready, &qty, "", day(1));
        assert_eq!(problems[0].kind, Some(ChangeKind::Quantity));
        let both = [
            ChangeItem::CancelLine {
                line_no: 1,
                product_code: "P-1".into(),
                quantity: 100,
            },
            ChangeItem::CancelLine {
                line_no: 2,
                product_code: "P-2".into(),
                quantity: 200,
            },
        ];
        assert_eq!(check_request(&confirmed, &both, "", day(1)).len(), 1);
        // A shipped order takes no request at all, not even a note.
        let shipped = order(OrderStatus::Shipped);
        assert_eq!(
            check_request(&shipped, &[], "Please hurry", day(1)).len(),
            1
        );
    }

    #[test]
    fn problems_read_in_english_and_in_the_persons_language() {
        let shipped = order(OrderStatus::Shipped);
        let closed = &check_request(&shipped, &[], "", day(1))[0];
        assert_eq!(
            closed.text(Locale::En),
            "The order is shipped; it can no longer change."
        );
        assert_eq!(closed.text(Locale::Zh), "订单已发运，不能再更改。");
        let settled = order(OrderStatus::Settled);
        assert_eq!(
            check_request(&settled, &[], "", day(1))[0].text(Locale::En),
            "The order is settled; it can no longer change."
        );
        let confirmed = order(OrderStatus::Confirmed);
        assert_eq!(
            check_request(&confirmed, &[], "", day(1))[0].text(Locale::En),
            "Change at least one value or write a note for the trading house."
        );
    }
}
