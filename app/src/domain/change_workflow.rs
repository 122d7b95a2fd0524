//! The change-request rules around the order's own fields (those are in
//! `change_request`): what the house's decision must hold, and what an applied change does behind the order's
//! lines — to a line's forecast and to the factories' purchase orders.

use chrono::NaiveDate;

use super::change_request::ChangeItem;

/// The items of a request as the house checks them before deciding: prices
/// and HS codes are given with the decision, so an added line still waiting
/// for them counts as priced (at zero, with an empty code) and its missing
/// price is not a conflict yet.
pub fn as_if_priced(items: &[ChangeItem]) -> Vec<ChangeItem> {
    items
        .iter()
        .cloned()
        .map(|item| match item {
            ChangeItem::AddLine(mut new) => {
                new.unit_price_minor.get_or_insert(0);
                new.hs_code.get_or_insert_with(String::new);
                ChangeItem::AddLine(new)
            }
            other => other,
        })
        .collect()
}

/// A counter-proposal changes at least one value of the request (to agree
/// as asked, the house approves). An added line's price and HS code are the
/// house's to set in any decision, so of an added line only the quantity
/// counts.
pub fn counter_changes_something(decided: &[ChangeItem], asked: &[ChangeItem]) -> bool {
    decided.iter().zip(asked).any(|(d, a)| match (d, a) {
        (ChangeItem::AddLine(d), ChangeItem::AddLine(a)) => d.quantity != a.quantity,
        (d, a) => d != a,
    })
}

/// The forecast a line takes when an applied change moves its commitment.
/// Without a factory behind the line, nothing but the commitment informs
/// its forecast, so the forecast follows the commitment; with one, the
/// factories' dates are followed instead. `None` leaves the forecast as it
/// is.
pub fn forecast_after_change(
    has_factory: bool,
    committed_before: Option<NaiveDate>,
    committed_after: Option<NaiveDate>,
) -> Option<Option<NaiveDate>> {
    (!has_factory && committed_before != committed_after).then_some(committed_after)
}

/// A factory's purchase-order line as the emptied-order rule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactoryLine {
    pub id: i32,
    pub purchase_order_id: i32,
    pub cancelled: bool,
}

/// A purchase order whose every line is cancelled is cancelled too. Of the
/// purchase orders with a line in `cancelled_now` (the lines a change has
/// just cancelled), those whose lines in `lines` are all cancelled, counting
/// the ones cancelled now; `lines` holds every line of those orders. Each
/// order once, in ascending id.
pub fn emptied_purchase_orders(lines: &[FactoryLine], cancelled_now: &[i32]) -> Vec<i32> {
    let mut touched: Vec<i32> = lines
        .iter()
        .filter(|l| cancelled_now.contains(&l.id))
        .map(|l| l.purchase_order_id)
        .collect();
    touched.sort_unstable();
    touched.dedup();
    touched.retain(|po| {
        lines
            .iter()
            .filter(|l| l.purchase_order_id == *po)
            .all(|l| l.cancelled || cancelled_now.contains(&l.id))
    });
    touched
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change_request::NewLine;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    fn added(quantity: i64, price: Option<i64>) -> ChangeItem {
        ChangeItem::AddLine(NewLine {
            product_code: "P-9".into(),
            description: "Lid".into(),
            quantity,
            unit: "pcs".into(),
            requested: day(20),
            unit_price_minor: price,
            hs_code: price.map(|_| "732393".to_string()),
        })
    }

    #[test]
    fn unpriced_lines_are_checked_as_if_priced() {
        let items = vec![
            added(5, None),
            added(7, Some(1250)),
            ChangeItem::ShipTo {
                from: "Hamburg".into(),
                to: "Bremen".into(),
            },
        ];
        let priced = as_if_priced(&items);
        let ChangeItem::AddLine(first) = &priced[0] else {
            panic!("an added line stays an added line");
        };
        assert_eq!(first.unit_price_minor, Some(0));
        assert_eq!(first.hs_code.as_deref(), Some(""));
        assert_eq!(priced[1..], items[1..]);
    }

    #[test]
    fn a_counter_must_change_a_value_not_only_a_price() {
        let asked = vec![
            added(5, None),
            ChangeItem::Quantity {
                line_no: 1,
                from: 100,
                to: 120,
            },
        ];
        let priced = vec![added(5, Some(990)), asked[1].clone()];
        assert!(!counter_changes_something(&priced, &asked));
        let more = vec![added(6, Some(990)), asked[1].clone()];
        assert!(counter_changes_something(&more, &asked));
        let fewer = vec![
            added(5, Some(990)),
            ChangeItem::Quantity {
                line_no: 1,
                from: 100,
                to: 110,
            },
        ];
        assert!(counter_changes_something(&fewer, &asked));
    }

    #[test]
    fn only_a_line_without_a_factory_forecasts_its_commitment() {
        assert_eq!(
            forecast_after_change(false, Some(day(10)), Some(day(20))),
            Some(Some(day(20)))
        );
        assert_eq!(
            forecast_after_change(false, Some(day(10)), None),
            Some(None)
        );
        assert_eq!(
            forecast_after_change(false, Some(day(10)), Some(day(10))),
            None
        );
        assert_eq!(
            forecast_after_change(true, Some(day(10)), Some(day(20))),
            None
        );
    }

    #[test]
    fn a_purchase_order_with_every_line_cancelled_is_emptied() {
        let line = |id, purchase_order_id, cancelled| FactoryLine {
            id,
            purchase_order_id,
            cancelled,
        };
        let lines = [
            // PO 1: one line cancelled before, one now.
            line(10, 1, true),
            line(11, 1, false),
            // PO 2: one line cancelled now, one still open.
            line(20, 2, false),
            line(21, 2, false),
            // PO 3: its only line, cancelled now (already marked so).
            line(30, 3, true),
            // PO 4: every line cancelled before, none now.
            line(40, 4, true),
        ];
        assert_eq!(emptied_purchase_orders(&lines, &[11, 20, 30]), vec![1, 3]);
        assert_eq!(emptied_purchase_orders(&lines, &[20, 21]), vec![2]);
        assert!(emptied_purchase_orders(&lines, &[]).is_empty());
    }
}
