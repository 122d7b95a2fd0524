//! Applying a decided request to the order as it is now.

use chrono::NaiveDate;

use super::items::{ChangeItem, NewLine, allowed};
use crate::domain::dates::LineDates;
use crate::domain::order_status::OrderStatus;
use crate::i18n::Locale;

/// The order as the change rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderState {
    pub status: OrderStatus,
    pub ship_to: String,
    pub lines: Vec<LineState>,
    /// The highest line number the order ever had (cancelled lines are
    /// gone, but their numbers stay taken).
    pub last_line_no: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineState {
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    pub unit_price_minor: i64,
    pub hs_code: String,
    pub requested: NaiveDate,
    pub committed: Option<NaiveDate>,
    pub forecast: Option<NaiveDate>,
}

/// Applies the items to the order as it is now. Each item's "from" must still
/// be what the order holds, and the change must still be open in the order's
/// status; otherwise the conflicts are returned and nothing is applied. A new
/// delivery date on a line whose commitment is frozen moves the commitment
/// with it (the only way a commitment moves). The conflicts are worded in
/// `locale`.
pub fn apply(
    order: &OrderState,
    items: &[ChangeItem],
    today: NaiveDate,
    locale: Locale,
) -> Result<OrderState, Vec<String>> {
    let mut next = order.clone();
    let mut conflicts = Vec::new();
    let mut added = Vec::new();
    for item in items {
        let kind = item.kind();
        if !allowed(kind, order.status) {
            conflicts.push(locale.t_with(
                "cr-words-closed-now",
                &[
                    ("problem", kind.closed_reason(locale).into()),
                    ("status", order.status.as_str().into()),
                ],
            ));
            continue;
        }
        match item {
            ChangeItem::ShipTo { from, to } => {
                conflicts.extend(change_ship_to(&mut next, from, to, locale).err());
            }
            ChangeItem::AddLine(new) => {
                take_new_line(new, today, locale, &mut added, &mut conflicts);
            }
            _ => conflicts.extend(change_line(&mut next, order.status, item, today, locale).err()),
        }
    }
    drop_cancelled(&mut next, items);
    add_new_lines(order, &mut next, added);
    if next.lines.is_empty() {
        conflicts.push(locale.t("cr-words-keeps-a-line"));
    }
    if conflicts.is_empty() {
        Ok(next)
    } else {
        Err(conflicts)
    }
}

/// A new ship-to address, if the order still has the one the request saw.
fn change_ship_to(
    next: &mut OrderState,
    from: &str,
    to: &str,
    locale: Locale,
) -> Result<(), String> {
    if from.trim() != next.ship_to.trim() {
        return Err(locale.t_with(
            "cr-words-ship-to-moved",
            &[("address", next.ship_to.as_str().into())],
        ));
    }
    next.ship_to = to.to_string();
    Ok(())
}

/// Takes a line to add into `added` once the house has set its price and HS
/// code; a date already past or a missing price is a conflict.
fn take_new_line(
    new: &NewLine,
    today: NaiveDate,
    locale: Locale,
    added: &mut Vec<(NewLine, i64)>,
    conflicts: &mut Vec<String>,
) {
    if new.requested < today {
        conflicts.push(locale.t_with(
            "cr-words-new-line-date-passed",
            &[("date", locale.date(new.requested).into())],
        ));
    }
    match (new.unit_price_minor, &new.hs_code) {
        (Some(price), Some(_)) => added.push((new.clone(), price)),
        _ => conflicts.push(locale.t_with(
            "cr-words-new-line-needs-price",
            &[("product", new.product_code.as_str().into())],
        )),
    }
}

/// Applies an item to the existing line it names, if that line is still on
/// the order.
fn change_line(
    next: &mut OrderState,
    status: OrderStatus,
    item: &ChangeItem,
    today: NaiveDate,
    locale: Locale,
) -> Result<(), String> {
    let Some(line_no) = item.line_no() else {
        return Ok(());
    };
    let Some(line) = next.lines.iter_mut().find(|l| l.line_no == line_no) else {
        return Err(locale.t_with("cr-words-line-gone", &[("line", line_no.into())]));
    };
    match item {
        ChangeItem::Quantity { from, to, .. } => change_quantity(line, *from, *to, locale),
        ChangeItem::Description { from, to, .. } => change_description(line, from, to, locale),
        ChangeItem::RequestedDate { from, to, .. } => {
            let frozen = status.commitments_frozen();
            change_date(line, (*from, *to), today, frozen, locale)
        }
        ChangeItem::CancelLine {
            product_code,
            quantity,
            ..
        } => mark_cancelled(line, product_code, *quantity, locale),
        ChangeItem::ShipTo { .. } | ChangeItem::AddLine(_) => Ok(()),
    }
}

fn change_quantity(line: &mut LineState, from: i64, to: i64, locale: Locale) -> Result<(), String> {
    if line.quantity != from {
        return Err(locale.t_with(
            "cr-words-quantity-moved",
            &[
                ("line", line.line_no.into()),
                ("quantity", line.quantity.into()),
                ("was", from.into()),
            ],
        ));
    }
    line.quantity = to;
    Ok(())
}

fn change_description(
    line: &mut LineState,
    from: &str,
    to: &str,
    locale: Locale,
) -> Result<(), String> {
    if line.description.trim() != from.trim() {
        return Err(locale.t_with(
            "cr-words-description-moved",
            &[("line", line.line_no.into())],
        ));
    }
    line.description = to.to_string();
    Ok(())
}

/// A new delivery date (`from` → `to`); where the commitments are
/// `frozen` the commitment moves with it.
fn change_date(
    line: &mut LineState,
    (from, to): (NaiveDate, NaiveDate),
    today: NaiveDate,
    frozen: bool,
    locale: Locale,
) -> Result<(), String> {
    let line_no = line.line_no;
    if line.requested != from {
        return Err(locale.t_with(
            "cr-words-date-moved",
            &[
                ("line", line_no.into()),
                ("date", locale.date(line.requested).into()),
                ("was", locale.date(from).into()),
            ],
        ));
    }
    if to < today {
        return Err(locale.t_with(
            "cr-words-date-passed",
            &[("line", line_no.into()), ("date", locale.date(to).into())],
        ));
    }
    let dates = LineDates {
        requested: to,
        committed: line.committed,
        forecast: line.forecast,
    };
    let dates = if frozen {
        dates.apply_approved_change(to)
    } else {
        dates
    };
    line.requested = dates.requested;
    line.committed = dates.committed;
    Ok(())
}

fn mark_cancelled(
    line: &mut LineState,
    product_code: &str,
    quantity: i64,
    locale: Locale,
) -> Result<(), String> {
    if line.product_code != product_code || line.quantity != quantity {
        return Err(locale.t_with("cr-words-line-moved", &[("line", line.line_no.into())]));
    }
    // Marked here, dropped by `drop_cancelled`, so a later item on the same
    // line still finds it and reports a clear conflict.
    line.quantity = 0;
    Ok(())
}

/// Drops the lines the items cancel.
fn drop_cancelled(next: &mut OrderState, items: &[ChangeItem]) {
    let cancelled: Vec<i32> = items
        .iter()
        .filter_map(|i| match i {
            ChangeItem::CancelLine { line_no, .. } => Some(*line_no),
            _ => None,
        })
        .collect();
    next.lines.retain(|l| !cancelled.contains(&l.line_no));
}

/// Adds the priced new lines to `next`; on a frozen order each is committed
/// to its requested date.
fn add_new_lines(order: &OrderState, next: &mut OrderState, added: Vec<(NewLine, i64)>) {
    // New lines are numbered after the highest number the order ever had,
    // so a cancelled line's number is not reused.
    let last = order
        .lines
        .iter()
        .map(|l| l.line_no)
        .max()
        .unwrap_or(0)
        .max(order.last_line_no);
    for (line_no, (new, price)) in (last + 1..).zip(added) {
        let requested = new.requested;
        next.lines.push(LineState {
            line_no,
            product_code: new.product_code,
            description: new.description,
            quantity: new.quantity,
            unit: new.unit,
            unit_price_minor: price,
            hs_code: new.hs_code.unwrap_or_default(),
            requested,
            committed: order.status.commitments_frozen().then_some(requested),
            forecast: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change_request::request::{check_request, diff};
    use crate::domain::change_request::test_support::{day, order, same};
    use proptest::prelude::*;

    #[test]
    fn an_approved_date_moves_the_commitment_only_when_frozen() {
        let item = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(27),
        }];
        let confirmed = apply(&order(OrderStatus::Confirmed), &item, day(1), Locale::En).unwrap();
        assert_eq!(confirmed.lines[0].requested, day(27));
        assert_eq!(confirmed.lines[0].committed, Some(day(27)));
        assert_eq!(confirmed.lines[0].forecast, Some(day(18)));
        let mut quoted = order(OrderStatus::Quoted);
        quoted.lines[0].committed = None;
        let quoted = apply(&quoted, &item, day(1), Locale::En).unwrap();
        assert_eq!(quoted.lines[0].requested, day(27));
        assert_eq!(quoted.lines[0].committed, None);
    }

    #[test]
    fn a_changed_order_is_a_conflict_not_an_overwrite() {
        let items = [
            ChangeItem::Quantity {
                line_no: 1,
                from: 100,
                to: 150,
            },
            ChangeItem::ShipTo {
                from: "Hamburg".into(),
                to: "Rotterdam".into(),
            },
        ];
        let mut moved = order(OrderStatus::Confirmed);
        moved.lines[0].quantity = 120;
        let conflicts = apply(&moved, &items, day(1), Locale::En).unwrap_err();
        assert_eq!(conflicts.len(), 1);
        assert!(conflicts[0].contains("120"), "{conflicts:?}");
        let mut ready = order(OrderStatus::Ready);
        ready.ship_to = "Hamburg".into();
        assert!(apply(&ready, &items, day(1), Locale::En).is_err());
        let mut gone = order(OrderStatus::Confirmed);
        gone.lines.remove(0);
        assert!(apply(&gone, &items, day(1), Locale::En).unwrap_err()[0].contains("no longer"));
    }

    #[test]
    fn lines_are_added_with_a_price_and_cancelled() {
        let new = NewLine {
            product_code: "P-9".into(),
            description: "Lid".into(),
            quantity: 50,
            unit: "pcs".into(),
            requested: day(28),
            unit_price_minor: None,
            hs_code: None,
        };
        let cancel = ChangeItem::CancelLine {
            line_no: 2,
            product_code: "P-2".into(),
            quantity: 200,
        };
        let base = order(OrderStatus::InProduction);
        let unpriced = [ChangeItem::AddLine(new.clone()), cancel.clone()];
        assert!(apply(&base, &unpriced, day(1), Locale::En).unwrap_err()[0].contains("price"));
        let priced = [
            ChangeItem::AddLine(NewLine {
                unit_price_minor: Some(300),
                hs_code: Some("851671".into()),
                ..new
            }),
            cancel,
        ];
        let next = apply(&base, &priced, day(1), Locale::En).unwrap();
        let numbers: Vec<i32> = next.lines.iter().map(|l| l.line_no).collect();
        assert_eq!(numbers, [1, 3]);
        assert_eq!(next.lines[1].committed, Some(day(28)));
        assert_eq!(next.lines[1].unit_price_minor, 300);
        assert_eq!(next.lines[1].hs_code, "851671");
        // A number once cancelled stays taken.
        let after_cancels = OrderState {
            last_line_no: 5,
            ..base.clone()
        };
        let next = apply(&after_cancels, &priced, day(1), Locale::En).unwrap();
        assert_eq!(next.lines.last().unwrap().line_no, 6);
    }

    fn any_status() -> impl Strategy<Value = OrderStatus> {
        proptest::sample::select(OrderStatus::ALL.to_vec())
    }

    proptest! {
        /// Applying the diff of a proposal to the order it was made on gives
        /// the proposal back (where the status allows it), and the commitment
        /// of a frozen order always equals its new delivery date.
        #[test]
        fn applying_a_diff_gives_the_proposal(
            status in any_status(),
            quantities in proptest::collection::vec(1i64..10_000, 2),
            shifts in proptest::collection::vec(-5i64..30, 2),
            cancel_first in any::<bool>(),
            ship_to in "[A-Za-z ]{1,20}",
        ) {
            let base = order(status);
            let mut wanted = same(&base);
            for (i, line) in wanted.lines.iter_mut().enumerate() {
                line.quantity = quantities[i];
                line.requested = base.lines[i].requested + chrono::Duration::days(shifts[i]);
            }
            wanted.lines[0].cancel = cancel_first;
            wanted.ship_to = ship_to;
            let items = diff(&base, &wanted);
            let today = day(1);
            match apply(&base, &items, today, Locale::En) {
                Ok(next) => {
                    prop_assert!(check_request(&base, &items, "n", today).is_empty());
                    for want in &wanted.lines {
                        let got = next.lines.iter().find(|l| l.line_no == want.line_no);
                        if want.cancel {
                            prop_assert!(got.is_none());
                            continue;
                        }
                        let got = got.unwrap();
                        prop_assert_eq!(got.quantity, want.quantity);
                        prop_assert_eq!(got.requested, want.requested);
                        if status.commitments_frozen() {
                            prop_assert_eq!(got.committed, Some(want.requested));
                        }
                    }
                    prop_assert_eq!(next.ship_to.trim(), wanted.ship_to.trim());
                }
                Err(conflicts) => {
                    // Only a closed status refuses the diff of a fresh order.
                    prop_assert!(!conflicts.is_empty());
                    prop_assert!(items.iter().any(|i| !allowed(i.kind(), status)));
                }
            }
            // A second application finds the order changed.
            if let Ok(next) = apply(&base, &items, today, Locale::En)
                && !items.is_empty()
            {
                prop_assert!(apply(&next, &items, today, Locale::En).is_err());
            }
        }
    }
}
