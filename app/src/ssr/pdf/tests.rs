use super::*;
use crate::domain::trade_documents::{
    InvoiceInput, InvoiceLine, Party, ShipmentFacts, commercial_invoice,
};
use chrono::NaiveDate;

fn invoice_with(rows: u32, description: &str) -> TradeDocument {
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    commercial_invoice(&InvoiceInput {
        number: "CI-2026-0001".into(),
        issued_on: day,
        house: Party {
            name: "Harbour Lane Trading Ltd".into(),
            address: vec!["12 Quay Street".into(), "Ningbo".into()],
        },
        buyer: Party {
            name: "Nordic Home Supplies AB".into(),
            address: vec!["Hamngatan 4".into()],
        },
        order_number: "SO-2026-0001".into(),
        currency: "EUR".into(),
        incoterm: "FOB".into(),
        port: "Ningbo".into(),
        payment_terms: "30% deposit, 70% against B/L copy".into(),
        shipment: ShipmentFacts {
            etd: Some(day),
            ..ShipmentFacts::default()
        },
        lines: (1..=rows)
            .map(|no| InvoiceLine {
                line_no: no,
                product_code: format!("CB-{no:03}"),
                description: description.into(),
                hs_code: "6912.00".into(),
                quantity: i64::from(no) * 10,
                unit: "pcs".into(),
                unit_price_minor: 125,
                amount_minor: i64::from(no) * 1250,
            })
            .collect(),
    })
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

#[test]
fn a_long_table_runs_onto_more_pages_with_numbers() {
    let pdf = render(&invoice_with(80, "Ceramic bowl, 15 cm"));
    assert!(pdf.starts_with(b"%PDF-"));
    // Content streams are uncompressed, so the text is there to find.
    assert_eq!(count(&pdf, b"(Page 1 of "), 1);
    assert_eq!(count(&pdf, b"(Page 2 of "), 1, "a second page is numbered");
    // The header row is repeated on every page the table runs onto.
    let headers = count(&pdf, b"(Description ");
    assert!(headers >= 2, "{headers} table headers");
    assert!(count(&pdf, b"(continued)") >= 1);
    // Every row is there, once.
    assert_eq!(count(&pdf, b"(CB-080 "), 1);
    assert_eq!(count(&pdf, b"(CB-001 "), 1);
}

#[test]
fn long_cells_wrap_and_unknown_characters_become_question_marks() {
    let description = "Stoneware dinner plate with reactive glaze, dishwasher and \
                       microwave safe, packed in sets of six with dividers — 雪";
    let pdf = render(&invoice_with(3, description));
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(count(&pdf, b"(Page 1 of 1)"), 1);
    let lines = wrap(description, Font::Regular, TABLE_SIZE, 160.0);
    assert!(lines.len() > 1, "{lines:?}");
    assert!(
        lines
            .iter()
            .all(|l| text_width(l, Font::Regular, TABLE_SIZE) <= 160.0)
    );
    assert_eq!(lines.join(" "), description);
    assert_eq!(win_ansi("— 雪 m³ é"), b"\x97 ? m\xb3 \xe9");
}

#[test]
fn numbers_are_right_aligned_by_digit_widths() {
    // Digits are all 556/1000 em, so equal-length figures end and start
    // at the same place.
    let a = Run::ending_at(Font::Regular, 8.0, 500.0, "1500.00");
    let b = Run::ending_at(Font::Regular, 8.0, 500.0, "9999.99");
    assert!((a.x - b.x).abs() < 0.001);
    assert!((text_width("10", Font::Bold, 10.0) - 11.12).abs() < 0.001);
}

#[test]
fn a_word_wider_than_the_line_is_broken() {
    let lines = wrap(
        "MSCU1234567MSCU7654321MSCU0000000",
        Font::Regular,
        8.0,
        40.0,
    );
    assert!(lines.len() > 2, "{lines:?}");
    assert_eq!(lines.concat(), "MSCU1234567MSCU7654321MSCU0000000");
    assert_eq!(wrap("", Font::Regular, 8.0, 40.0), [""]);
}
