//! How a change bears on the commitments, given the factories' forecasts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::apply::OrderState;
use super::factory::PoLineState;
use super::items::ChangeItem;
use crate::i18n::Locale;

/// What a change means for the commitments, for the house deciding it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactNote {
    pub line_no: Option<i32>,
    /// `Some(false)` when the change cannot hold as things stand, `None`
    /// when only the factory can tell.
    pub holds: Option<bool>,
    /// The note in the reader's language.
    pub message: String,
}

/// The impact of each item given the factories' current forecasts, in
/// `locale`.
pub fn impact(
    order: &OrderState,
    items: &[ChangeItem],
    po_lines: &[PoLineState],
    locale: Locale,
) -> Vec<ImpactNote> {
    items
        .iter()
        .filter_map(|item| item_impact(order, item, po_lines, locale))
        .collect()
}

/// The note on one item, if it touches what the factories make or when.
fn item_impact(
    order: &OrderState,
    item: &ChangeItem,
    po_lines: &[PoLineState],
    locale: Locale,
) -> Option<ImpactNote> {
    let line_no = item.line_no();
    let behind: Vec<&PoLineState> = po_lines
        .iter()
        .filter(|p| Some(p.order_line_no) == line_no)
        .collect();
    let (holds, message) = match item {
        ChangeItem::RequestedDate { to, .. } => date_impact(
            *to,
            line_forecast(order, line_no, &behind),
            behind.is_empty(),
            locale,
        ),
        ChangeItem::Quantity { from, to, .. } if !behind.is_empty() => {
            quantity_impact(*from, *to, made(&behind), locale)
        }
        ChangeItem::Description { .. } if !behind.is_empty() => {
            (None, locale.t("cr-words-impact-new-specification"))
        }
        ChangeItem::CancelLine { .. } if !behind.is_empty() => cancel_impact(made(&behind), locale),
        _ => return None,
    };
    Some(ImpactNote {
        line_no,
        holds,
        message,
    })
}

/// The latest forecast of the factory lines `behind` the order line, else
/// the order line's own.
fn line_forecast(
    order: &OrderState,
    line_no: Option<i32>,
    behind: &[&PoLineState],
) -> Option<NaiveDate> {
    behind
        .iter()
        .filter_map(|p| p.forecast_ready)
        .max()
        .or_else(|| {
            order
                .lines
                .iter()
                .find(|l| Some(l.line_no) == line_no)
                .and_then(|l| l.forecast)
        })
}

/// How much the factory lines `behind` the order line have made.
fn made(behind: &[&PoLineState]) -> i64 {
    behind.iter().map(|p| p.quantity_done).sum()
}

/// A new delivery date against the forecast; `unplaced` when no factory has
/// the line yet.
fn date_impact(
    to: NaiveDate,
    forecast: Option<NaiveDate>,
    unplaced: bool,
    locale: Locale,
) -> (Option<bool>, String) {
    match forecast {
        Some(f) if f > to => (
            Some(false),
            locale.t_with(
                "cr-words-impact-date-late",
                &[
                    ("date", locale.date(f).into()),
                    ("days", (f - to).num_days().into()),
                    ("to", locale.date(to).into()),
                ],
            ),
        ),
        Some(f) => (
            Some(true),
            locale.t_with(
                "cr-words-impact-date-fits",
                &[
                    ("date", locale.date(f).into()),
                    ("to", locale.date(to).into()),
                ],
            ),
        ),
        None if unplaced => (Some(true), locale.t("cr-words-impact-unplaced")),
        None => (None, locale.t("cr-words-impact-no-forecast")),
    }
}

/// A new quantity against what the factory has already made.
fn quantity_impact(from: i64, to: i64, made: i64, locale: Locale) -> (Option<bool>, String) {
    if to < made {
        (
            Some(false),
            locale.t_with("cr-words-impact-below-made", &[("done", made.into())]),
        )
    } else if to > from {
        (
            None,
            locale.t_with("cr-words-impact-more", &[("count", (to - from).into())]),
        )
    } else {
        (Some(true), locale.t("cr-words-impact-fewer"))
    }
}

/// A cancelled line, with what the factory has made of it.
fn cancel_impact(made: i64, locale: Locale) -> (Option<bool>, String) {
    if made > 0 {
        (
            None,
            locale.t_with("cr-words-impact-cancel-made", &[("done", made.into())]),
        )
    } else {
        (Some(true), locale.t("cr-words-impact-cancelled"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change_request::test_support::{day, order, po};
    use crate::domain::order_status::OrderStatus;

    #[test]
    fn impact_says_whether_the_new_date_holds() {
        let base = order(OrderStatus::InProduction);
        let lines = [po(7, 1, 100, 40)];
        let early = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(12),
        }];
        assert_eq!(
            impact(&base, &early, &lines, Locale::En)[0].holds,
            Some(false)
        );
        let late = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(25),
        }];
        assert_eq!(
            impact(&base, &late, &lines, Locale::En)[0].holds,
            Some(true)
        );
        let more = [ChangeItem::Quantity {
            line_no: 1,
            from: 100,
            to: 150,
        }];
        assert_eq!(impact(&base, &more, &lines, Locale::En)[0].holds, None);
        let fewer = [ChangeItem::Quantity {
            line_no: 1,
            from: 100,
            to: 20,
        }];
        assert_eq!(
            impact(&base, &fewer, &lines, Locale::En)[0].holds,
            Some(false)
        );
    }
}
