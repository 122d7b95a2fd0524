//! Golden tests of the trade documents: a commercial invoice and a packing
//! list are built from fixed inputs, rendered to PDF, and the PDF's text, as
//! a PDF reader extracts it, is compared with `tests/golden/*.txt`. The
//! golden files hold the documents' `text_lines`, so the test also proves
//! that the PDF says exactly what the document model says.
//!
//! To accept a deliberate change, run the tests with `PORTAL_BLESS=1`: each
//! golden test then rewrites its file from the rendered PDF instead of
//! comparing; review the difference before committing it.
//!
//! How lopdf reads the text (`Document::extract_text`): for each page it
//! decodes the `Tj` strings through the font's encoding (WinAnsi here, so
//! `³` comes back as `³`), concatenates them in content-stream order
//! ignoring positions, and ends a line at each `ET` (end of a text object)
//! or `T*`. The renderer writes every printed line as one text object, with
//! a space after each piece but the last, so each extracted line is one
//! printed line; spacing may differ, so lines are compared with their
//! whitespace normalised. The page numbers ("Page 1 of 1") are page
//! furniture, not document content: they are checked, then set aside.

use app::domain::trade_documents::{
    InvoiceInput, InvoiceLine, PackingInput, PackingLine, Party, ShipmentFacts, TradeDocument,
    commercial_invoice, packing_list,
};
use app::ssr::pdf::render;
use chrono::NaiveDate;
use std::path::PathBuf;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn house() -> Party {
    Party {
        name: "Harbour Lane Trading Ltd".into(),
        address: vec!["12 Quay Street".into(), "Ningbo 315000, China".into()],
    }
}

fn buyer() -> Party {
    Party {
        name: "Nordic Home Supplies AB".into(),
        address: vec!["Hamngatan 4".into(), "411 06 Gothenburg, Sweden".into()],
    }
}

fn shipment() -> ShipmentFacts {
    ShipmentFacts {
        vessel: Some("MSC Aurora".into()),
        voyage: Some("612E".into()),
        bill_of_lading: Some("MEDUNB123456".into()),
        port_of_loading: Some("Ningbo".into()),
        port_of_discharge: Some("Gothenburg".into()),
        containers: vec!["MSCU1234567".into(), "MSCU7654321".into()],
        marks: Some("NHS GOTHENBURG".into()),
        country_of_origin: Some("China".into()),
        etd: Some(day(2026, 12, 5)),
    }
}

fn invoice_line(
    line_no: u32,
    code: &str,
    description: &str,
    hs_code: &str,
    quantity: i64,
    unit: &str,
    unit_price_minor: i64,
) -> InvoiceLine {
    InvoiceLine {
        line_no,
        product_code: code.into(),
        description: description.into(),
        hs_code: hs_code.into(),
        quantity,
        unit: unit.into(),
        unit_price_minor,
        amount_minor: quantity * unit_price_minor,
    }
}

fn invoice() -> TradeDocument {
    commercial_invoice(&InvoiceInput {
        number: "CI-2026-0042".into(),
        issued_on: day(2026, 12, 1),
        house: house(),
        buyer: buyer(),
        order_number: "SO-2026-0117".into(),
        currency: "USD".into(),
        incoterm: "FOB".into(),
        port: "Ningbo".into(),
        payment_terms: "30% deposit, 70% against B/L copy".into(),
        shipment: shipment(),
        lines: vec![
            invoice_line(
                1,
                "CB-100",
                "Ceramic bowl, 15 cm",
                "6912.00",
                1200,
                "pcs",
                125,
            ),
            invoice_line(
                2,
                "MT-220",
                "Bamboo serving tray",
                "4419.19",
                400,
                "pcs",
                350,
            ),
            invoice_line(
                3,
                "GS-040",
                "Glass storage jar set",
                "7013.49",
                40,
                "sets",
                2350,
            ),
        ],
    })
}

fn packing() -> TradeDocument {
    let line = |line_no, code: &str, description: &str, quantity, unit: &str| PackingLine {
        line_no,
        product_code: code.into(),
        description: description.into(),
        quantity,
        unit: unit.into(),
        cartons: 0,
        net_weight_g: 0,
        gross_weight_g: 0,
        volume_cm3: 0,
    };
    packing_list(&PackingInput {
        number: "PL-2026-0042".into(),
        issued_on: day(2026, 12, 1),
        house: house(),
        buyer: buyer(),
        order_number: "SO-2026-0117".into(),
        incoterm: "FOB".into(),
        port: "Ningbo".into(),
        shipment: shipment(),
        lines: vec![
            PackingLine {
                cartons: 50,
                net_weight_g: 540_000,
                gross_weight_g: 585_500,
                volume_cm3: 1_250_000,
                ..line(1, "CB-100", "Ceramic bowl, 15 cm", 1200, "pcs")
            },
            PackingLine {
                cartons: 20,
                net_weight_g: 248_000,
                gross_weight_g: 262_350,
                volume_cm3: 960_000,
                ..line(2, "MT-220", "Bamboo serving tray", 400, "pcs")
            },
            PackingLine {
                cartons: 10,
                net_weight_g: 96_400,
                gross_weight_g: 104_125,
                volume_cm3: 415_500,
                ..line(3, "GS-040", "Glass storage jar set", 40, "sets")
            },
        ],
    })
}

/// Each line with its whitespace collapsed; empty lines dropped.
fn normalised<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    lines
        .into_iter()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect()
}

/// "Page 3 of 4".
fn is_page_number(line: &str) -> bool {
    line.strip_prefix("Page ")
        .and_then(|rest| rest.split_once(" of "))
        .is_some_and(|(page, pages)| page.parse::<u32>().is_ok() && pages.parse::<u32>().is_ok())
}

/// The PDF's text as lopdf extracts it, normalised, and its page count.
fn pdf_text(pdf: &[u8]) -> (Vec<String>, usize) {
    let document = lopdf::Document::load_mem(pdf).expect("lopdf reads the PDF");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document
        .extract_text(&pages)
        .expect("lopdf extracts the text");
    (normalised(text.lines()), pages.len())
}

fn check_golden(name: &str, document: &TradeDocument) {
    let pdf = render(document);
    assert!(pdf.starts_with(b"%PDF-"));
    let (extracted, pages) = pdf_text(&pdf);
    assert_eq!(pages, 1, "the {name} fits on one page");
    let page_numbers: Vec<&String> = extracted.iter().filter(|l| is_page_number(l)).collect();
    assert_eq!(page_numbers, ["Page 1 of 1"], "{extracted:#?}");
    let content: Vec<String> = extracted
        .into_iter()
        .filter(|line| !is_page_number(line))
        .collect();

    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("golden")
        .join(format!("{name}.txt"));
    if std::env::var("PORTAL_BLESS").as_deref() == Ok("1") {
        std::fs::write(&path, content.join("\n") + "\n").expect("write the golden file");
        return;
    }
    let golden_text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (PORTAL_BLESS=1 writes it)", path.display()));
    let golden = normalised(golden_text.lines());

    let model_lines = document.text_lines();
    assert_eq!(
        normalised(model_lines.iter().map(String::as_str)),
        golden,
        "the {name}'s text_lines differ from {}",
        path.display()
    );
    assert_eq!(
        content,
        golden,
        "the {name}'s PDF text differs from {}",
        path.display()
    );
}

#[test]
fn the_commercial_invoice_reads_as_its_golden_text() {
    check_golden("commercial_invoice", &invoice());
}

#[test]
fn the_packing_list_reads_as_its_golden_text() {
    check_golden("packing_list", &packing());
}
