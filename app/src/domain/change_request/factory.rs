//! What an approved change asks of the factories behind the order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::items::ChangeItem;
use super::status::Party;

/// A factory line as the change rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoLineState {
    pub id: i32,
    /// The customer line it fills.
    pub order_line_no: i32,
    pub quantity: i64,
    pub quantity_done: i64,
    pub description: String,
    pub committed_ready: NaiveDate,
    pub forecast_ready: Option<NaiveDate>,
}

/// What a factory must acknowledge on one of its lines. Each field is
/// `(before, after)` when it changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PoLineChange {
    pub po_line_id: i32,
    pub quantity: Option<(i64, i64)>,
    pub description: Option<(String, String)>,
    #[serde(with = "crate::compact_dates")]
    pub ready_by: Option<(NaiveDate, NaiveDate)>,
    pub cancelled: bool,
}

impl PoLineChange {
    fn is_empty(&self) -> bool {
        self.quantity.is_none()
            && self.description.is_none()
            && self.ready_by.is_none()
            && !self.cancelled
    }
}

/// A change the factory behind a line can no longer take: it has already
/// made more than the new quantity. The house may know how many; the
/// customer never sees a factory's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactoryProblem {
    pub line_no: i32,
    pub made: i64,
}

impl FactoryProblem {
    /// The message-catalogue key for `party`. The house's message takes
    /// `$line` and `$done` (the factory's figure); the customer's takes
    /// `$line` only and says no more than that production has gone too far.
    pub fn key_for(&self, party: Party) -> &'static str {
        match party {
            Party::House => "change-factory-made",
            Party::Customer => "change-production-too-far",
        }
    }
}

/// What the factories behind the order must change: a quantity moves their
/// line by the same amount (never below what is already made), a new
/// description replaces theirs, an earlier delivery date pulls their ready
/// date in (a later one leaves it: more slack), and a cancelled line is
/// cancelled at the factory.
pub fn factory_changes(
    items: &[ChangeItem],
    po_lines: &[PoLineState],
) -> Result<Vec<PoLineChange>, Vec<FactoryProblem>> {
    let mut changes: Vec<PoLineChange> = Vec::new();
    let mut problems = Vec::new();
    for po in po_lines {
        let mut change = PoLineChange {
            po_line_id: po.id,
            ..PoLineChange::default()
        };
        for item in items
            .iter()
            .filter(|i| i.line_no() == Some(po.order_line_no))
        {
            match item {
                ChangeItem::Quantity { from, to, .. } => {
                    let wanted = po.quantity.saturating_add(to - from);
                    if wanted < po.quantity_done.max(1) {
                        problems.push(FactoryProblem {
                            line_no: po.order_line_no,
                            made: po.quantity_done,
                        });
                    } else {
                        change.quantity = Some((po.quantity, wanted));
                    }
                }
                ChangeItem::Description { to, .. } => {
                    if po.description.trim() != to.trim() {
                        change.description = Some((po.description.clone(), to.clone()));
                    }
                }
                ChangeItem::RequestedDate { to, .. } => {
                    if po.committed_ready > *to {
                        change.ready_by = Some((po.committed_ready, *to));
                    }
                }
                ChangeItem::CancelLine { .. } => change.cancelled = true,
                ChangeItem::ShipTo { .. } | ChangeItem::AddLine(_) => {}
            }
        }
        if !change.is_empty() {
            changes.push(change);
        }
    }
    if problems.is_empty() {
        Ok(changes)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change_request::test_support::{day, po};
    use crate::i18n::Locale;
    use fluent_bundle::FluentValue;

    #[test]
    fn factories_get_the_changes_of_their_lines() {
        let items = [
            ChangeItem::Quantity {
                line_no: 1,
                from: 100,
                to: 130,
            },
            ChangeItem::RequestedDate {
                line_no: 1,
                from: day(20),
                to: day(10),
            },
            ChangeItem::Description {
                line_no: 2,
                from: "Product 2".into(),
                to: "Blue".into(),
            },
            ChangeItem::ShipTo {
                from: "Hamburg".into(),
                to: "Rotterdam".into(),
            },
        ];
        let lines = [po(7, 1, 100, 40), po(8, 2, 200, 0), po(9, 3, 10, 0)];
        let changes = factory_changes(&items, &lines).unwrap();
        assert_eq!(
            changes,
            vec![
                PoLineChange {
                    po_line_id: 7,
                    quantity: Some((100, 130)),
                    ready_by: Some((day(15), day(10))),
                    ..Default::default()
                },
                PoLineChange {
                    po_line_id: 8,
                    description: Some(("Product 2".into(), "Blue".into())),
                    ..Default::default()
                },
            ]
        );
        // A later date leaves the factory's date alone.
        let later = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(30),
        }];
        assert!(factory_changes(&later, &lines).unwrap().is_empty());
        let below = [ChangeItem::Quantity {
            line_no: 1,
            from: 100,
            to: 30,
        }];
        let problems = factory_changes(&below, &lines).unwrap_err();
        assert_eq!(problems.len(), 1);
        let problem = problems[0];
        let made = problem.made.to_string();
        for locale in Locale::ALL {
            let args: [(&str, FluentValue); 2] = [
                ("line", problem.line_no.into()),
                ("done", problem.made.into()),
            ];
            let house = locale.t_with(problem.key_for(Party::House), &args);
            assert!(house.contains(&made), "{house}");
            // Even handed the figure, the customer's message leaves it out.
            let told = locale.t_with(problem.key_for(Party::Customer), &args);
            assert!(!told.contains(&made), "{told}");
            assert!(
                !told.contains("factory") && !told.contains("工厂"),
                "{told}"
            );
        }
    }
}
