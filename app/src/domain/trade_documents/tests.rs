use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn party(name: &str, address: &[&str]) -> Party {
    Party {
        name: name.into(),
        address: address.iter().map(|l| l.to_string()).collect(),
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

fn invoice_line(no: u32, quantity: i64, unit: &str, price: i64) -> InvoiceLine {
    InvoiceLine {
        line_no: no,
        product_code: format!("P-{no}"),
        description: format!("Product {no}"),
        hs_code: "6912.00".into(),
        quantity,
        unit: unit.into(),
        unit_price_minor: price,
        amount_minor: quantity * price,
    }
}

fn invoice_input() -> InvoiceInput {
    InvoiceInput {
        number: "CI-2026-0042".into(),
        issued_on: day(2026, 12, 1),
        house: party("Harbour Lane Trading Ltd", &["12 Quay Street", "Ningbo"]),
        buyer: party("Nordic Home Supplies AB", &["Hamngatan 4", "Gothenburg"]),
        order_number: "SO-2026-0117".into(),
        currency: "USD".into(),
        incoterm: "FOB".into(),
        port: "Ningbo".into(),
        payment_terms: "30% deposit, 70% against B/L copy".into(),
        shipment: shipment(),
        lines: vec![
            invoice_line(1, 1200, "pcs", 125),
            invoice_line(2, 400, "pcs", 350),
            invoice_line(3, 40, "sets", 2350),
        ],
    }
}

fn packing_line(no: u32, cartons: u32, net: i64, gross: i64, volume: i64) -> PackingLine {
    PackingLine {
        line_no: no,
        product_code: format!("P-{no}"),
        description: format!("Product {no}"),
        quantity: 10,
        unit: "pcs".into(),
        cartons,
        net_weight_g: net,
        gross_weight_g: gross,
        volume_cm3: volume,
    }
}

fn packing_input() -> PackingInput {
    PackingInput {
        number: "PL-2026-0042".into(),
        issued_on: day(2026, 12, 1),
        house: party("Harbour Lane Trading Ltd", &["12 Quay Street"]),
        buyer: party("Nordic Home Supplies AB", &["Hamngatan 4"]),
        order_number: "SO-2026-0117".into(),
        incoterm: "FOB".into(),
        port: "Ningbo".into(),
        shipment: shipment(),
        lines: vec![
            packing_line(1, 50, 540_000, 585_500, 1_250_000),
            packing_line(2, 20, 248_000, 262_350, 960_000),
            packing_line(3, 10, 96_400, 104_125, 415_500),
        ],
    }
}

fn fact<'d>(document: &'d TradeDocument, label: &str) -> Option<&'d str> {
    document
        .facts
        .iter()
        .find(|(l, _)| l == label)
        .map(|(_, v)| v.as_str())
}

#[test]
fn invoice_totals_sum_amounts_and_quantities_per_unit() {
    let document = commercial_invoice(&invoice_input());
    assert_eq!(
        document.totals,
        vec![
            (
                "Total quantity".to_string(),
                "1600 pcs, 40 sets".to_string()
            ),
            ("Total amount (USD)".to_string(), "3840.00".to_string()),
        ]
    );
    assert_eq!(
        document.rows[0],
        [
            "1",
            "P-1",
            "Product 1",
            "6912.00",
            "1200",
            "pcs",
            "1.25",
            "1500.00"
        ]
    );
    assert_eq!(document.columns.len(), document.rows[0].len());
    assert_eq!(document.columns[6].title, "Unit price (USD)");
    assert_eq!(document.columns[7].align, Align::Right);
    let width: f32 = document.columns.iter().map(|c| c.width_pt).sum();
    assert!((width - 515.0).abs() < 0.01, "{width}");
}

#[test]
fn the_commercial_invoice_carries_the_shipment_and_the_proforma_does_not() {
    let input = invoice_input();
    let invoice = commercial_invoice(&input);
    assert_eq!(invoice.kind.title(), "COMMERCIAL INVOICE");
    assert_eq!(fact(&invoice, "Vessel / voyage"), Some("MSC Aurora / 612E"));
    assert_eq!(fact(&invoice, "B/L no."), Some("MEDUNB123456"));
    assert_eq!(
        fact(&invoice, "Containers"),
        Some("MSCU1234567, MSCU7654321")
    );
    assert_eq!(fact(&invoice, "Terms of delivery"), Some("FOB Ningbo"));
    assert_eq!(fact(&invoice, "ETD"), Some("5 December 2026"));

    let proforma = proforma_invoice(&input);
    assert_eq!(proforma.kind.title(), "PROFORMA INVOICE");
    for label in ["Vessel / voyage", "B/L no.", "Containers", "Shipping marks"] {
        assert_eq!(fact(&proforma, label), None, "{label}");
    }
    assert_eq!(fact(&proforma, "Port of discharge"), Some("Gothenburg"));
    assert_eq!(proforma.totals, invoice.totals);
}

#[test]
fn unknown_facts_are_left_out() {
    let mut input = invoice_input();
    input.shipment = ShipmentFacts {
        vessel: Some("  ".into()),
        voyage: Some("612E".into()),
        ..ShipmentFacts::default()
    };
    let document = commercial_invoice(&input);
    let labels: Vec<&str> = document.facts.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["Order no.", "Terms of delivery", "Payment terms"]);
}

#[test]
fn packing_totals_are_summed_exactly_then_rounded() {
    let document = packing_list(&packing_input());
    assert_eq!(document.kind.party_labels(), ("Shipper", "Consignee"));
    assert_eq!(
        document.rows[2],
        [
            "3",
            "P-3",
            "Product 3",
            "10",
            "pcs",
            "10",
            "96.40",
            "104.13",
            "0.416"
        ]
    );
    assert_eq!(
        document.totals,
        vec![
            ("Total cartons".to_string(), "80".to_string()),
            ("Total net weight (kg)".to_string(), "884.40".to_string()),
            ("Total gross weight (kg)".to_string(), "951.98".to_string()),
            ("Total volume (m³)".to_string(), "2.626".to_string()),
        ]
    );
    assert_eq!(fact(&document, "Payment terms"), None);
    assert!(document.columns.iter().all(|c| !c.title.contains("USD")));
}

#[test]
fn weights_and_volumes_round_half_away_from_zero() {
    assert_eq!(format_kg(12_345), "12.35");
    assert_eq!(format_kg(12_344), "12.34");
    assert_eq!(format_kg(5), "0.01");
    assert_eq!(format_kg(4), "0.00");
    assert_eq!(format_kg(0), "0.00");
    assert_eq!(format_kg(-2), "0.00");
    assert_eq!(format_kg(-1_005), "-1.01");
    assert_eq!(format_m3(1_234_567), "1.235");
    assert_eq!(format_m3(499), "0.000");
    assert_eq!(format_m3(500), "0.001");
    assert_eq!(format_m3(12_000_000), "12.000");
    assert_eq!(format_date(day(2027, 3, 9)), "9 March 2027");
    assert_eq!(page_label(2, 3), "Page 2 of 3");
}

#[test]
fn text_lines_follow_the_reading_order() {
    let document = commercial_invoice(&invoice_input());
    let lines = document.text_lines();
    let expected_start = [
        "Harbour Lane Trading Ltd",
        "12 Quay Street",
        "Ningbo",
        "COMMERCIAL INVOICE",
        "No. CI-2026-0042",
        "Date 1 December 2026",
        "Seller",
        "Harbour Lane Trading Ltd",
        "12 Quay Street",
        "Ningbo",
        "Buyer",
        "Nordic Home Supplies AB",
        "Hamngatan 4",
        "Gothenburg",
        "Order no. SO-2026-0117",
    ];
    assert_eq!(lines[..expected_start.len()], expected_start);
    assert!(lines.contains(
        &"No. Code Description HS code Qty Unit Unit price (USD) Amount (USD)".to_string()
    ));
    assert!(lines.contains(&"3 P-3 Product 3 6912.00 40 sets 23.50 940.00".to_string()));
    assert_eq!(
        lines[lines.len() - 4..],
        [
            "Total quantity 1600 pcs, 40 sets",
            "Total amount (USD) 3840.00",
            "We certify that this invoice is true and correct.",
            "For and on behalf of Harbour Lane Trading Ltd",
        ]
    );
    assert_eq!(
        document.continued_caption(),
        "COMMERCIAL INVOICE No. CI-2026-0042 (continued)"
    );
}
