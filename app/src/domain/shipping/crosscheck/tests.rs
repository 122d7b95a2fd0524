use super::*;
use proptest::prelude::*;

use super::DocumentKind::{CommercialInvoice, PackingList};

fn order_line(line_no: i32, description: &str, hs_code: &str, price: i64) -> OrderLineFacts {
    OrderLineFacts {
        line_no,
        description: description.to_string(),
        hs_code: hs_code.to_string(),
        unit_price_minor: price,
        ordered: 100,
        already_shipped: 0,
    }
}

fn ship(line_no: i32, quantity: i64) -> ShipmentLineFacts {
    ShipmentLineFacts { line_no, quantity }
}

fn row(
    line_no: i32,
    description: &str,
    hs_code: &str,
    quantity: i64,
    amount: Option<i64>,
) -> DocumentLine {
    DocumentLine {
        line_no,
        description: description.to_string(),
        hs_code: hs_code.to_string(),
        quantity,
        amount_minor: amount,
    }
}

fn order() -> Vec<OrderLineFacts> {
    vec![
        order_line(1, "Cotton T-shirt, white", "6109.10.00", 250),
        order_line(2, "Ceramic mug 350 ml", "6912.00", 120),
    ]
}

fn invoice() -> DocumentFigures {
    DocumentFigures {
        lines: vec![
            row(1, "COTTON  T-SHIRT, White ", "61091000", 40, Some(10_000)),
            row(2, "Ceramic mug 350 ml", "6912 00", 10, Some(1_200)),
        ],
        total_minor: Some(11_200),
    }
}

fn packing_list() -> DocumentFigures {
    DocumentFigures {
        lines: vec![
            row(1, "Cotton T-shirt, white", "", 25, None),
            row(1, "Cotton T-shirt, white", "", 15, None),
            row(2, "ceramic mug 350 ml", "6912.00", 10, None),
        ],
        total_minor: None,
    }
}

#[test]
fn consistent_papers_pass() {
    let shipment = [ship(1, 40), ship(2, 10)];
    let found = cross_check(&order(), &shipment, Some(&invoice()), Some(&packing_list()));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_shipment_itself() {
    let mut lines = order();
    lines[0].hs_code = "7701.10".to_string();
    lines[1].already_shipped = 95;
    let shipment = [ship(1, 40), ship(2, 10), ship(3, 5), ship(4, 0)];
    let found = cross_check(&lines, &shipment, None, None);
    assert_eq!(
        found,
        vec![
            Mismatch::BadHsCode {
                line_no: 1,
                code: "7701.10".to_string(),
                error: HsCodeError::ReservedChapter,
            },
            Mismatch::ShipsMoreThanOrdered {
                line_no: 2,
                ordered_left: 5,
                shipping: 10,
            },
            Mismatch::NotOnOrder { line_no: 3 },
            Mismatch::BadQuantity {
                line_no: 4,
                quantity: 0,
            },
            Mismatch::InvoiceMissing,
            Mismatch::PackingListMissing,
        ]
    );
    assert_eq!(
        cross_check(&lines, &[], None, None)[0],
        Mismatch::NothingShipped
    );
}

#[test]
fn each_disagreement_is_named() {
    let shipment = [ship(1, 40)];
    let mut invoice = invoice();
    invoice.lines[0].hs_code = "6109.90".to_string();
    invoice.lines[0].amount_minor = Some(9_000);
    invoice.total_minor = Some(20_000);
    let mut packing = packing_list();
    packing.lines[0].description = "Cotton T-shirt, black".to_string();
    packing.lines[1].quantity = 20;
    let found = cross_check(&order(), &shipment, Some(&invoice), Some(&packing));
    assert_eq!(
        found,
        vec![
            Mismatch::HsCodeDiffers {
                line_no: 1,
                document: CommercialInvoice,
                document_code: "6109.90".to_string(),
                order_code: "6109.10.00".to_string(),
            },
            Mismatch::AmountDiffers {
                line_no: 1,
                invoice_amount: 9_000,
                expected: 10_000,
            },
            Mismatch::LineNotShipped {
                line_no: 2,
                document: CommercialInvoice,
            },
            Mismatch::TotalDiffers {
                invoice_total: 20_000,
                sum_of_lines: 10_200,
            },
            Mismatch::QuantityDiffers {
                line_no: 1,
                document: PackingList,
                document_qty: 45,
                shipment_qty: 40,
            },
            Mismatch::DescriptionDiffers {
                line_no: 1,
                document: PackingList,
                document_text: "Cotton T-shirt, black".to_string(),
                order_text: "Cotton T-shirt, white".to_string(),
            },
            Mismatch::LineNotShipped {
                line_no: 2,
                document: PackingList,
            },
        ]
    );
    assert!(found.iter().all(|m| m.key().starts_with("check-")));
}

#[test]
fn the_invoice_states_codes_amounts_and_total() {
    let shipment = [ship(1, 40), ship(2, 10)];
    let mut invoice = invoice();
    invoice.lines[1].hs_code = " ".to_string();
    invoice.lines[1].amount_minor = None;
    invoice.lines.remove(0);
    invoice.total_minor = None;
    let found = cross_check(&order(), &shipment, Some(&invoice), Some(&packing_list()));
    assert_eq!(
        found,
        vec![
            Mismatch::LineMissingFrom {
                line_no: 1,
                document: CommercialInvoice,
            },
            Mismatch::HsCodeDiffers {
                line_no: 2,
                document: CommercialInvoice,
                document_code: String::new(),
                order_code: "6912.00".to_string(),
            },
            Mismatch::AmountMissing { line_no: 2 },
            Mismatch::TotalMissing,
        ]
    );
    assert_eq!(found[0].line_no(), Some(1));
    assert_eq!(found[3].line_no(), None);
}

/// An order line with what this shipment carries of it.
fn any_line() -> impl Strategy<Value = (OrderLineFacts, i64)> {
    (
        "[A-Za-z][A-Za-z ,]{0,24}",
        (1u8..=97, "[0-9]{4}", "([0-9]{2}){0,2}"),
        0i64..1_000_000,
        1i64..100_000,
        0i64..100,
        0i64..=100,
    )
        .prop_map(
            |(description, (chapter, rest, national), price, ordered, already_pct, ship_pct)| {
                let chapter = if chapter == 77 { 76 } else { chapter };
                let already_shipped = ordered * already_pct / 100;
                let left = ordered - already_shipped;
                let quantity = 1 + (left - 1) * ship_pct / 100;
                let line = OrderLineFacts {
                    line_no: 0,
                    description,
                    hs_code: format!("{chapter:02}{rest}{national}"),
                    unit_price_minor: price,
                    ordered,
                    already_shipped,
                };
                (line, quantity)
            },
        )
}

/// An order, the shipment of some of its lines, and the invoice and packing
/// list drawn up from them.
type Case = (
    Vec<OrderLineFacts>,
    Vec<ShipmentLineFacts>,
    DocumentFigures,
    DocumentFigures,
);

fn consistent() -> impl Strategy<Value = Case> {
    (
        proptest::collection::vec((any_line(), any::<bool>()), 1..6),
        any::<bool>(),
    )
        .prop_map(|(lines, packing_codes)| {
            let mut order = Vec::new();
            let mut shipment = Vec::new();
            let mut invoice = DocumentFigures {
                lines: Vec::new(),
                total_minor: Some(0),
            };
            let mut packing = DocumentFigures {
                lines: Vec::new(),
                total_minor: None,
            };
            for (index, ((mut line, quantity), ships)) in lines.into_iter().enumerate() {
                line.line_no = index as i32 + 1;
                // The first line always ships.
                if ships || index == 0 {
                    shipment.push(ship(line.line_no, quantity));
                    let code = HsCode::parse(&line.hs_code).unwrap().to_string();
                    let amount = quantity * line.unit_price_minor;
                    invoice.lines.push(row(
                        line.line_no,
                        &format!(" {} ", line.description.to_uppercase().replace(' ', "  ")),
                        &code,
                        quantity,
                        Some(amount),
                    ));
                    invoice.total_minor = invoice.total_minor.map(|t| t + amount);
                    packing.lines.push(row(
                        line.line_no,
                        &line.description,
                        if packing_codes {
                            line.hs_code.as_str()
                        } else {
                            ""
                        },
                        quantity,
                        None,
                    ));
                }
                order.push(line);
            }
            (order, shipment, invoice, packing)
        })
}

proptest! {
    /// Papers drawn up from the order and the shipment pass.
    #[test]
    fn consistent_figures_pass((order, shipment, invoice, packing) in consistent()) {
        let found = cross_check(&order, &shipment, Some(&invoice), Some(&packing));
        prop_assert!(found.is_empty(), "{:?}", found);
    }

    /// Changing one quantity on one document names that line on that
    /// document, and nothing else.
    #[test]
    fn one_changed_quantity_names_its_line(
        (order, shipment, mut invoice, mut packing) in consistent(),
        pick in any::<prop::sample::Index>(),
        delta in prop_oneof![-1_000i64..0, 1i64..1_000],
        on_invoice in any::<bool>(),
    ) {
        let at = pick.index(shipment.len());
        let line_no = shipment[at].line_no;
        let document = if on_invoice { CommercialInvoice } else { PackingList };
        let figures = if on_invoice { &mut invoice } else { &mut packing };
        let shipment_qty = figures.lines[at].quantity;
        figures.lines[at].quantity += delta;
        let document_qty = figures.lines[at].quantity;
        let found = cross_check(&order, &shipment, Some(&invoice), Some(&packing));
        let mut expected = vec![Mismatch::QuantityDiffers { line_no, document, document_qty, shipment_qty }];
        let price = order[line_no as usize - 1].unit_price_minor;
        if on_invoice && price != 0 {
            expected.push(Mismatch::AmountDiffers {
                line_no,
                invoice_amount: shipment_qty * price,
                expected: document_qty * price,
            });
        }
        prop_assert_eq!(found, expected);
    }

    /// Changing the quantity shipped of one line names that line on both
    /// documents (and, when it is now too much, on the shipment).
    #[test]
    fn one_changed_shipment_names_its_line(
        (order, mut shipment, invoice, packing) in consistent(),
        pick in any::<prop::sample::Index>(),
        quantity in 1i64..200_000,
    ) {
        let at = pick.index(shipment.len());
        prop_assume!(shipment[at].quantity != quantity);
        shipment[at].quantity = quantity;
        let line_no = shipment[at].line_no;
        let found = cross_check(&order, &shipment, Some(&invoice), Some(&packing));
        prop_assert!(found.iter().all(|m| m.line_no() == Some(line_no)), "{:?}", found);
        for document in [CommercialInvoice, PackingList] {
            let named = found.iter().any(|m| matches!(
                m,
                Mismatch::QuantityDiffers { document: d, shipment_qty, .. } if *d == document && *shipment_qty == quantity
            ));
            prop_assert!(named, "{:?}", found);
        }
    }

    /// Whatever the figures, the checks answer without panicking, and a
    /// mismatch about a line names a line that appears somewhere.
    #[test]
    fn odd_figures_never_panic(
        shipped in proptest::collection::vec((any::<i32>(), any::<i64>()), 0..4),
        rows in proptest::collection::vec((any::<i32>(), "\\PC{0,12}", any::<i64>(), any::<Option<i64>>()), 0..4),
        total in any::<Option<i64>>(),
        price in any::<i64>(),
        ordered in any::<i64>(),
        already in any::<i64>(),
    ) {
        let order = vec![OrderLineFacts {
            line_no: 1,
            description: "Mug".to_string(),
            hs_code: "6912.00".to_string(),
            unit_price_minor: price,
            ordered,
            already_shipped: already,
        }];
        let shipment: Vec<_> = shipped.iter().map(|(n, q)| ship(*n, *q)).collect();
        let figures = DocumentFigures {
            lines: rows.iter().map(|(n, code, q, a)| row(*n, "Mug", code, *q, *a)).collect(),
            total_minor: total,
        };
        let found = cross_check(&order, &shipment, Some(&figures), Some(&figures));
        for mismatch in &found {
            if let Some(line_no) = mismatch.line_no() {
                let known = line_no == 1
                    || shipped.iter().any(|(n, _)| *n == line_no)
                    || rows.iter().any(|(n, ..)| *n == line_no);
                prop_assert!(known);
            }
        }
    }
}
