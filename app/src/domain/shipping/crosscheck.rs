//! The checks a shipment's papers pass before the goods are declared to
//! customs. Customs holds goods whose invoice, packing list and cargo
//! disagree, so before declaring:
//!
//! - every order line shipped has a valid HS code, and no line ships more
//!   than is left to ship on it;
//! - the commercial invoice and the packing list both exist, list exactly
//!   the lines shipped, each with the quantity shipped and the order line's
//!   description and HS code (the packing list may leave the HS code out);
//! - each invoice row costs its quantity at the order's unit price, and the
//!   invoice total is the sum of its rows.
//!
//! A document may split one line over several rows (by carton, by lot);
//! their quantities are added up. Descriptions match when they read the same
//! after trimming, collapsing spaces and ignoring letter case; HS codes match
//! when they are the same digits, however grouped.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::checklist::DocumentKind;
use crate::domain::hs_code::{HsCode, HsCodeError};

/// An order line as the checks need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineFacts {
    pub line_no: i32,
    pub description: String,
    pub hs_code: String,
    pub unit_price_minor: i64,
    pub ordered: i64,
    /// Shipped on earlier shipments.
    pub already_shipped: i64,
}

/// How much of an order line this shipment carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentLineFacts {
    pub line_no: i32,
    pub quantity: i64,
}

/// One row of an invoice or packing list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentLine {
    pub line_no: i32,
    pub description: String,
    pub hs_code: String,
    pub quantity: i64,
    /// The row's amount; a packing list has none.
    pub amount_minor: Option<i64>,
}

/// The figures of an invoice or packing list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentFigures {
    pub lines: Vec<DocumentLine>,
    /// The total the document states; a packing list has none.
    pub total_minor: Option<i64>,
}

/// One thing that disagrees, with the figures on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Mismatch {
    /// The order line's HS code is not one customs accepts.
    BadHsCode {
        line_no: i32,
        code: String,
        error: HsCodeError,
    },
    /// The shipment carries nothing.
    NothingShipped,
    /// The shipment carries a line the order does not have.
    NotOnOrder {
        line_no: i32,
    },
    /// The shipment's quantity of a line is zero or less.
    BadQuantity {
        line_no: i32,
        quantity: i64,
    },
    ShipsMoreThanOrdered {
        line_no: i32,
        ordered_left: i64,
        shipping: i64,
    },
    InvoiceMissing,
    PackingListMissing,
    /// A line shipped is not on the document.
    LineMissingFrom {
        line_no: i32,
        document: DocumentKind,
    },
    /// The document lists a line that is not shipped.
    LineNotShipped {
        line_no: i32,
        document: DocumentKind,
    },
    QuantityDiffers {
        line_no: i32,
        document: DocumentKind,
        document_qty: i64,
        shipment_qty: i64,
    },
    DescriptionDiffers {
        line_no: i32,
        document: DocumentKind,
        document_text: String,
        order_text: String,
    },
    /// The document's HS code is not the order line's (`order_code` in
    /// dotted form; `document_code` as the document writes it, possibly
    /// empty on an invoice).
    HsCodeDiffers {
        line_no: i32,
        document: DocumentKind,
        document_code: String,
        order_code: String,
    },
    /// An invoice row without an amount.
    AmountMissing {
        line_no: i32,
    },
    /// An invoice row's amount is not its quantity at the order's price.
    AmountDiffers {
        line_no: i32,
        invoice_amount: i64,
        expected: i64,
    },
    /// The invoice states no total.
    TotalMissing,
    TotalDiffers {
        invoice_total: i64,
        sum_of_lines: i64,
    },
}

impl Mismatch {
    /// The message-catalogue key. Its message takes the variant's fields
    /// as variables: `$line` (line_no), `$code`, `$problem` (the HS code
    /// error's message), `$quantity`, `$left`, `$shipping`, `$document`
    /// (the document's name, from [`DocumentKind::key`]), `$document_qty`,
    /// `$shipment_qty`, `$document_text`, `$order_text`, `$document_code`,
    /// `$order_code`, `$amount`, `$expected`, `$total`, `$sum` (money
    /// formatted by the caller).
    pub fn key(&self) -> &'static str {
        match self {
            Self::BadHsCode { .. } => "check-bad-hs-code",
            Self::NothingShipped => "check-nothing-shipped",
            Self::NotOnOrder { .. } => "check-not-on-order",
            Self::BadQuantity { .. } => "check-bad-quantity",
            Self::ShipsMoreThanOrdered { .. } => "check-ships-more-than-ordered",
            Self::InvoiceMissing => "check-invoice-missing",
            Self::PackingListMissing => "check-packing-list-missing",
            Self::LineMissingFrom { .. } => "check-line-missing-from",
            Self::LineNotShipped { .. } => "check-line-not-shipped",
            Self::QuantityDiffers { .. } => "check-qty-differs",
            Self::DescriptionDiffers { .. } => "check-description-differs",
            Self::HsCodeDiffers { .. } => "check-hs-code-differs",
            Self::AmountMissing { .. } => "check-amount-missing",
            Self::AmountDiffers { .. } => "check-amount-differs",
            Self::TotalMissing => "check-total-missing",
            Self::TotalDiffers { .. } => "check-total-differs",
        }
    }

    /// The order line the mismatch is about, if it is about one.
    pub fn line_no(&self) -> Option<i32> {
        match self {
            Self::BadHsCode { line_no, .. }
            | Self::NotOnOrder { line_no }
            | Self::BadQuantity { line_no, .. }
            | Self::ShipsMoreThanOrdered { line_no, .. }
            | Self::LineMissingFrom { line_no, .. }
            | Self::LineNotShipped { line_no, .. }
            | Self::QuantityDiffers { line_no, .. }
            | Self::DescriptionDiffers { line_no, .. }
            | Self::HsCodeDiffers { line_no, .. }
            | Self::AmountMissing { line_no }
            | Self::AmountDiffers { line_no, .. } => Some(*line_no),
            Self::NothingShipped
            | Self::InvoiceMissing
            | Self::PackingListMissing
            | Self::TotalMissing
            | Self::TotalDiffers { .. } => None,
        }
    }
}

/// Text as customs reads it: words separated by single spaces, letter case
/// ignored.
pub fn normalise_text(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Everything that disagrees between the order, the shipment and its
/// invoice and packing list (see the module notes for the rules). An empty
/// list means the papers are ready for customs. The order: the shipment's
/// own problems by line, then the invoice's, then the packing list's.
pub fn cross_check(
    order: &[OrderLineFacts],
    shipment: &[ShipmentLineFacts],
    invoice: Option<&DocumentFigures>,
    packing_list: Option<&DocumentFigures>,
) -> Vec<Mismatch> {
    let mut found = Vec::new();
    let order_lines: BTreeMap<i32, &OrderLineFacts> =
        order.iter().map(|line| (line.line_no, line)).collect();

    let mut per_line: BTreeMap<i32, i64> = BTreeMap::new();
    for line in shipment {
        let quantity = per_line.entry(line.line_no).or_insert(0);
        *quantity = quantity.saturating_add(line.quantity);
    }
    if !per_line.values().any(|quantity| *quantity > 0) {
        found.push(Mismatch::NothingShipped);
    }
    let mut shipping: BTreeMap<i32, i64> = BTreeMap::new();
    for (&line_no, &quantity) in &per_line {
        if quantity <= 0 {
            found.push(Mismatch::BadQuantity { line_no, quantity });
            continue;
        }
        shipping.insert(line_no, quantity);
        let Some(line) = order_lines.get(&line_no) else {
            found.push(Mismatch::NotOnOrder { line_no });
            continue;
        };
        if let Err(error) = HsCode::parse(&line.hs_code) {
            found.push(Mismatch::BadHsCode {
                line_no,
                code: line.hs_code.trim().to_string(),
                error,
            });
        }
        let ordered_left = line
            .ordered
            .saturating_sub(line.already_shipped.max(0))
            .max(0);
        if quantity > ordered_left {
            found.push(Mismatch::ShipsMoreThanOrdered {
                line_no,
                ordered_left,
                shipping: quantity,
            });
        }
    }

    for (document, figures) in [
        (DocumentKind::CommercialInvoice, invoice),
        (DocumentKind::PackingList, packing_list),
    ] {
        match figures {
            Some(figures) => check_document(document, figures, &order_lines, &shipping, &mut found),
            None if document == DocumentKind::CommercialInvoice => {
                found.push(Mismatch::InvoiceMissing);
            }
            None => found.push(Mismatch::PackingListMissing),
        }
    }
    found
}

/// One document against the lines shipped and the order.
fn check_document(
    document: DocumentKind,
    figures: &DocumentFigures,
    order: &BTreeMap<i32, &OrderLineFacts>,
    shipping: &BTreeMap<i32, i64>,
    found: &mut Vec<Mismatch>,
) {
    let invoice = document == DocumentKind::CommercialInvoice;
    let mut rows: BTreeMap<i32, Vec<&DocumentLine>> = BTreeMap::new();
    for row in &figures.lines {
        rows.entry(row.line_no).or_default().push(row);
    }
    for &line_no in shipping.keys() {
        if !rows.contains_key(&line_no) {
            found.push(Mismatch::LineMissingFrom { line_no, document });
        }
    }
    for (&line_no, line_rows) in &rows {
        let Some(&shipment_qty) = shipping.get(&line_no) else {
            found.push(Mismatch::LineNotShipped { line_no, document });
            continue;
        };
        let document_qty = line_rows
            .iter()
            .fold(0i64, |sum, row| sum.saturating_add(row.quantity));
        if document_qty != shipment_qty {
            found.push(Mismatch::QuantityDiffers {
                line_no,
                document,
                document_qty,
                shipment_qty,
            });
        }
        // A line not on the order was reported with the shipment.
        let Some(ordered) = order.get(&line_no) else {
            continue;
        };
        let order_code = HsCode::parse(&ordered.hs_code).ok();
        let order_text = normalise_text(&ordered.description);
        for row in line_rows {
            if normalise_text(&row.description) != order_text {
                found.push(Mismatch::DescriptionDiffers {
                    line_no,
                    document,
                    document_text: row.description.trim().to_string(),
                    order_text: ordered.description.trim().to_string(),
                });
            }
            let code = row.hs_code.trim();
            // A bad order code was reported with the shipment; the packing
            // list may leave the code out.
            if let Some(order_code) = &order_code
                && (invoice || !code.is_empty())
                && !matches!(HsCode::parse(code), Ok(c) if c == *order_code)
            {
                found.push(Mismatch::HsCodeDiffers {
                    line_no,
                    document,
                    document_code: code.to_string(),
                    order_code: order_code.to_string(),
                });
            }
            if invoice {
                let expected = row.quantity.saturating_mul(ordered.unit_price_minor);
                match row.amount_minor {
                    None => found.push(Mismatch::AmountMissing { line_no }),
                    Some(amount) if amount != expected => found.push(Mismatch::AmountDiffers {
                        line_no,
                        invoice_amount: amount,
                        expected,
                    }),
                    Some(_) => {}
                }
            }
        }
    }
    if invoice {
        let sum: i128 = figures
            .lines
            .iter()
            .filter_map(|row| row.amount_minor)
            .map(i128::from)
            .sum();
        let sum_of_lines = i64::try_from(sum).unwrap_or(if sum > 0 { i64::MAX } else { i64::MIN });
        match figures.total_minor {
            None => found.push(Mismatch::TotalMissing),
            Some(invoice_total) if invoice_total != sum_of_lines => {
                found.push(Mismatch::TotalDiffers {
                    invoice_total,
                    sum_of_lines,
                });
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests;
