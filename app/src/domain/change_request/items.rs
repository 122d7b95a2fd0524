//! What a request changes: the field-level items, their kinds, how they read
//! on a page, and which kinds are open in which order status.

use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use crate::domain::order_input::format_minor;
use crate::domain::order_status::OrderStatus;
use crate::i18n::Locale;

/// One field-level change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeItem {
    Quantity {
        line_no: i32,
        from: i64,
        to: i64,
    },
    Description {
        line_no: i32,
        from: String,
        to: String,
    },
    RequestedDate {
        line_no: i32,
        #[serde(with = "crate::compact_dates")]
        from: NaiveDate,
        #[serde(with = "crate::compact_dates")]
        to: NaiveDate,
    },
    ShipTo {
        from: String,
        to: String,
    },
    AddLine(NewLine),
    CancelLine {
        line_no: i32,
        product_code: String,
        quantity: i64,
    },
}

/// A line the customer asks to add. The house sets its price when it
/// approves or counters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLine {
    pub product_code: String,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    #[serde(with = "crate::compact_dates")]
    pub requested: NaiveDate,
    #[serde(default)]
    pub unit_price_minor: Option<i64>,
    /// Set by the house with the price (customs needs it on every line).
    #[serde(default)]
    pub hs_code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Quantity,
    Description,
    RequestedDate,
    ShipTo,
    AddLine,
    CancelLine,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 6] = [
        Self::Quantity,
        Self::Description,
        Self::RequestedDate,
        Self::ShipTo,
        Self::AddLine,
        Self::CancelLine,
    ];

    /// The message-catalogue key of [`ChangeKind::closed_reason`].
    pub(super) fn closed_key(self) -> &'static str {
        match self {
            Self::Quantity => "err-cr-closed-quantity",
            Self::Description => "err-cr-closed-description",
            Self::RequestedDate => "err-cr-closed-date",
            Self::ShipTo => "err-cr-closed-ship-to",
            Self::AddLine => "err-cr-closed-add-line",
            Self::CancelLine => "err-cr-closed-cancel-line",
        }
    }

    /// Why the change is closed in a status where [`allowed`] says no, in
    /// `locale`.
    pub(super) fn closed_reason(self, locale: Locale) -> String {
        locale.t(self.closed_key())
    }
}

impl ChangeItem {
    pub fn kind(&self) -> ChangeKind {
        match self {
            Self::Quantity { .. } => ChangeKind::Quantity,
            Self::Description { .. } => ChangeKind::Description,
            Self::RequestedDate { .. } => ChangeKind::RequestedDate,
            Self::ShipTo { .. } => ChangeKind::ShipTo,
            Self::AddLine(_) => ChangeKind::AddLine,
            Self::CancelLine { .. } => ChangeKind::CancelLine,
        }
    }

    /// The existing line the item changes.
    pub fn line_no(&self) -> Option<i32> {
        match self {
            Self::Quantity { line_no, .. }
            | Self::Description { line_no, .. }
            | Self::RequestedDate { line_no, .. }
            | Self::CancelLine { line_no, .. } => Some(*line_no),
            Self::ShipTo { .. } | Self::AddLine(_) => None,
        }
    }

    /// What changes, from what, to what, in words for the timeline and pages,
    /// in `locale` (the timeline stores them in English).
    pub fn describe(&self, locale: Locale) -> (String, String, String) {
        let on_line = |key: &str, line_no: i32| locale.t_with(key, &[("line", line_no.into())]);
        match self {
            Self::Quantity { line_no, from, to } => (
                on_line("cr-words-quantity", *line_no),
                from.to_string(),
                to.to_string(),
            ),
            Self::Description { line_no, from, to } => (
                on_line("cr-words-description", *line_no),
                from.clone(),
                to.clone(),
            ),
            Self::RequestedDate { line_no, from, to } => (
                on_line("cr-words-date", *line_no),
                locale.date(*from),
                locale.date(*to),
            ),
            Self::ShipTo { from, to } => (locale.t("cr-words-ship-to"), from.clone(), to.clone()),
            Self::AddLine(new) => (
                locale.t("cr-words-new-line"),
                String::new(),
                new.describe(locale),
            ),
            Self::CancelLine {
                line_no,
                product_code,
                quantity,
            } => (
                on_line("cr-words-cancelled", *line_no),
                format!("{product_code} × {quantity}"),
                String::new(),
            ),
        }
    }
}

impl NewLine {
    /// The line to add in words: product, quantity, date and, once the
    /// house set it, the price.
    fn describe(&self, locale: Locale) -> String {
        let mut args: Vec<(&str, FluentValue<'_>)> = vec![
            ("product", self.product_code.as_str().into()),
            ("quantity", self.quantity.into()),
            ("unit", self.unit.as_str().into()),
            ("date", locale.date(self.requested).into()),
        ];
        match self.unit_price_minor {
            Some(price) => {
                args.push(("amount", format_minor(price).into()));
                locale.t_with("cr-words-new-line-priced", &args)
            }
            None => locale.t_with("cr-words-new-line-unpriced", &args),
        }
    }
}

/// Which changes may be asked for in which order status: quantity and
/// specification while the goods are still to be made, delivery date and
/// ship-to until they leave; nothing once shipped or cancelled.
pub fn allowed(kind: ChangeKind, status: OrderStatus) -> bool {
    use OrderStatus::*;
    let making = matches!(status, Inquiry | Quoted | Confirmed | InProduction);
    match kind {
        ChangeKind::Quantity
        | ChangeKind::Description
        | ChangeKind::AddLine
        | ChangeKind::CancelLine => making,
        ChangeKind::RequestedDate | ChangeKind::ShipTo => making || status == Ready,
    }
}

/// The changes a customer may ask for now: those [`allowed`] in the order's
/// status, and none while one of the order's requests is still waiting.
pub fn askable(status: OrderStatus, waiting: bool) -> Vec<ChangeKind> {
    if waiting {
        return Vec::new();
    }
    ChangeKind::ALL
        .into_iter()
        .filter(|k| allowed(*k, status))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change_request::test_support::day;

    #[test]
    fn fields_close_as_the_order_advances() {
        use OrderStatus::*;
        for kind in [
            ChangeKind::Quantity,
            ChangeKind::Description,
            ChangeKind::AddLine,
            ChangeKind::CancelLine,
        ] {
            assert!(allowed(kind, InProduction));
            assert!(!allowed(kind, Ready), "{kind:?}");
        }
        for kind in [ChangeKind::RequestedDate, ChangeKind::ShipTo] {
            assert!(allowed(kind, Ready));
            assert!(!allowed(kind, Shipped));
        }
        for status in [Shipped, Arrived, Settled, Cancelled] {
            for kind in [
                ChangeKind::Quantity,
                ChangeKind::Description,
                ChangeKind::RequestedDate,
                ChangeKind::ShipTo,
                ChangeKind::AddLine,
                ChangeKind::CancelLine,
            ] {
                assert!(!allowed(kind, status), "{kind:?} in {status:?}");
            }
        }
    }

    #[test]
    fn items_survive_storage() {
        let items = vec![
            ChangeItem::Quantity {
                line_no: 1,
                from: 1,
                to: 2,
            },
            ChangeItem::AddLine(NewLine {
                product_code: "P-9".into(),
                description: "盖子 \"lid\"".into(),
                quantity: 5,
                unit: "pcs".into(),
                requested: day(9),
                unit_price_minor: None,
                hs_code: None,
            }),
        ];
        let stored = serde_json::to_string(&items).unwrap();
        assert_eq!(
            serde_json::from_str::<Vec<ChangeItem>>(&stored).unwrap(),
            items
        );
    }

    #[test]
    fn customers_ask_for_one_change_at_a_time() {
        use OrderStatus::*;
        assert_eq!(askable(Inquiry, false), ChangeKind::ALL.to_vec());
        assert!(askable(Inquiry, true).is_empty(), "one is waiting");
        assert_eq!(
            askable(Ready, false),
            vec![ChangeKind::RequestedDate, ChangeKind::ShipTo]
        );
        assert!(askable(Shipped, false).is_empty());
        assert!(askable(Cancelled, false).is_empty());
    }
}
