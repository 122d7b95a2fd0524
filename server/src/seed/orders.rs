//! Demo sales orders: thirteen orders over every stage, some on time and
//! some slipping, with purchase orders at both factories and the progress
//! the factories reported.

use sea_orm::{DatabaseTransaction, DbErr};

use super::{Demo, SHIP_TO, shipping};

/// How many days in a row the kitchenware factory reported on one order in
/// production: more than its page shows.
const DAILY_REPORTS: i64 = 25;

/// Thirteen orders over every stage, some on time and some slipping (one
/// a container of sixty lines), with purchase-order lines at both
/// factories linked to the customer lines.
pub(super) async fn seed_orders(
    tx: &DatabaseTransaction,
    demo: &mut Demo,
) -> Result<String, DbErr> {
    use app::domain::order_status::OrderStatus::{self, *};
    use app::domain::progress::Milestone;
    use app::ssr::repo::orders::{self, NewEvent, NewLine, NewOrder};
    use app::ssr::repo::purchase_orders::{self, NewPoLine};
    use app::ssr::repo::{fulfilment, progress};
    use chrono::Duration;

    let today = demo.now.date_naive();
    let day = |offset: i64| today + Duration::days(offset);
    // (status, customer index, [(product, description, hs, qty, unit, price, requested offset, forecast slip)])
    type Line<'a> = (
        &'a str,
        &'a str,
        &'static str,
        i64,
        &'static str,
        i64,
        i64,
        i64,
    );
    // A mixed container of enamelware, six items in ten colours, with the
    // factory a day behind on every line: more lines slip than the at-risk
    // board shows at once.
    let colours = [
        "cream", "sage", "navy", "red", "black", "white", "mustard", "teal", "grey", "blush",
    ];
    let items = [
        ("PN", "Enamel casserole 24 cm", 1290),
        ("PN", "Enamel saucepan 16 cm", 780),
        ("PN", "Enamel milk pot 12 cm", 640),
        ("KT", "Enamel kettle 2.5 l", 1150),
        ("KT", "Enamel tea kettle 1.2 l", 890),
        ("PN", "Enamel roasting pan 38 cm", 1040),
    ];
    let container_texts: Vec<(String, String, i64)> = items
        .iter()
        .enumerate()
        .flat_map(|(i, (prefix, name, price))| {
            colours.iter().enumerate().map(move |(c, colour)| {
                (
                    format!("{prefix}-3{i}{c:02}"),
                    format!("{name}, {colour}"),
                    *price,
                )
            })
        })
        .collect();
    let container: Vec<Line> = container_texts
        .iter()
        .map(|(code, description, price)| {
            (
                code.as_str(),
                description.as_str(),
                "732394",
                300,
                "pcs",
                *price,
                50,
                1,
            )
        })
        .collect();
    let book: [(OrderStatus, usize, &[Line]); 13] = [
        (
            Inquiry,
            0,
            &[(
                "KT-2201",
                "Stainless steel kettle 1.7 l, brushed",
                "851671",
                1200,
                "pcs",
                1450,
                75,
                0,
            )],
        ),
        (
            Quoted,
            1,
            &[(
                "CR-0410",
                "Stoneware dinner plate 27 cm, matte sage",
                "691200",
                3000,
                "pcs",
                310,
                80,
                0,
            )],
        ),
        (
            Confirmed,
            0,
            &[
                (
                    "KT-2201",
                    "Stainless steel kettle 1.7 l, brushed",
                    "851671",
                    800,
                    "pcs",
                    1450,
                    60,
                    0,
                ),
                (
                    "KT-3300",
                    "Tea infuser, 304 steel",
                    "732393",
                    2000,
                    "pcs",
                    95,
                    60,
                    0,
                ),
            ],
        ),
        (
            Confirmed,
            1,
            &[(
                "CR-0520",
                "Stoneware bowl 15 cm, speckled",
                "691200",
                4000,
                "pcs",
                220,
                55,
                0,
            )],
        ),
        (
            InProduction,
            0,
            &[
                (
                    "PN-1002",
                    "Non-stick frying pan 28 cm",
                    "732393",
                    1500,
                    "pcs",
                    680,
                    30,
                    0,
                ),
                (
                    "PN-1003",
                    "Non-stick frying pan 24 cm",
                    "732393",
                    1500,
                    "pcs",
                    590,
                    30,
                    1,
                ),
            ],
        ),
        (
            InProduction,
            1,
            &[(
                "CR-0410",
                "Stoneware dinner plate 27 cm, matte sage",
                "691200",
                6000,
                "pcs",
                300,
                21,
                4,
            )],
        ),
        (
            InProduction,
            0,
            &[
                (
                    "KT-3300",
                    "Tea infuser, 304 steel",
                    "732393",
                    5000,
                    "pcs",
                    90,
                    18,
                    0,
                ),
                (
                    "CR-0520",
                    "Stoneware bowl 15 cm, speckled",
                    "691200",
                    2400,
                    "pcs",
                    230,
                    18,
                    2,
                ),
            ],
        ),
        (
            Ready,
            1,
            &[(
                "PN-1002",
                "Non-stick frying pan 28 cm",
                "732393",
                900,
                "pcs",
                690,
                7,
                0,
            )],
        ),
        (
            Shipped,
            0,
            &[(
                "CR-0410",
                "Stoneware dinner plate 27 cm, matte sage",
                "691200",
                2500,
                "pcs",
                305,
                -5,
                0,
            )],
        ),
        (
            Arrived,
            1,
            &[(
                "KT-2201",
                "Stainless steel kettle 1.7 l, brushed",
                "851671",
                600,
                "pcs",
                1480,
                -20,
                0,
            )],
        ),
        (
            Settled,
            0,
            &[(
                "PN-1003",
                "Non-stick frying pan 24 cm",
                "732393",
                1000,
                "pcs",
                600,
                -60,
                0,
            )],
        ),
        (
            Cancelled,
            1,
            &[(
                "CR-0520",
                "Stoneware bowl 15 cm, speckled",
                "691200",
                1000,
                "pcs",
                225,
                40,
                0,
            )],
        ),
        (InProduction, 0, &container),
    ];
    let currency = ["EUR", "CAD"];
    let mut po_count = 0;
    // One order in production from the kitchenware factory was reported on
    // every day for weeks: its page shows the newest reports and says so.
    let mut reported_daily = false;
    for (index, (status, customer, lines)) in book.iter().enumerate() {
        let number = format!("SO-{}-{:04}", today.format("%Y"), index + 1);
        let order = orders::insert_order(
            tx,
            NewOrder {
                number: &number,
                customer_company_id: demo.customers[*customer],
                sales_owner_id: demo.sales_owner,
                currency: currency[*customer],
                incoterm: "FOB",
                payment_terms: "30% deposit, 70% against B/L copy",
                ship_to: SHIP_TO[*customer],
                status: *status,
            },
            demo.now,
        )
        .await?;
        let committed = status.commitments_frozen() && *status != Cancelled;
        let mut created_lines = Vec::new();
        for (line_no, (product, description, hs, qty, unit, price, requested, slip)) in
            lines.iter().enumerate()
        {
            let requested = day(*requested);
            let line = orders::insert_line(
                tx,
                NewLine {
                    order_id: order.id,
                    line_no: line_no as i32 + 1,
                    product_code: product,
                    description,
                    hs_code: hs,
                    quantity: *qty,
                    unit,
                    unit_price_minor: *price,
                    requested,
                    committed: committed.then_some(requested),
                    forecast: committed.then(|| requested + Duration::days(*slip)),
                },
            )
            .await?;
            created_lines.push((line, *slip));
        }
        orders::append_event(
            tx,
            NewEvent {
                order_id: order.id,
                actor_user_id: demo.sales_owner,
                kind: "created",
                summary: "Order created".to_string(),
                before: None,
                after: Some(number.clone()),
            },
            demo.now - Duration::days(30),
        )
        .await?;
        if *status != Inquiry {
            orders::append_event(
                tx,
                NewEvent {
                    order_id: order.id,
                    actor_user_id: demo.sales_owner,
                    kind: "status",
                    summary: format!("Status changed to {}", status.label()),
                    before: None,
                    after: Some(status.label().to_string()),
                },
                demo.now - Duration::days(1),
            )
            .await?;
        }
        if !committed {
            continue;
        }
        // Each line the factory is behind on had its forecast moved, as the
        // timeline recorded it: the container's sixty lines fill more than
        // its page shows, which leads to the whole timeline.
        let moved = created_lines.iter().filter(|(_, slip)| *slip != 0);
        for (n, (line, _)) in moved.enumerate() {
            orders::append_event(
                tx,
                NewEvent {
                    order_id: order.id,
                    actor_user_id: None,
                    kind: "forecast",
                    summary: format!("Forecast for line {} moved", line.line_no),
                    before: line.committed_date.map(|d| d.to_string()),
                    after: line.forecast_date.map(|d| d.to_string()),
                },
                demo.now - Duration::hours(20) + Duration::minutes(n as i64),
            )
            .await?;
        }
        // A 30 % deposit on confirmation, the balance once settled; goods
        // that left the factory travel on a recorded shipment.
        let value: i64 = created_lines
            .iter()
            .map(|(l, _)| l.quantity * l.unit_price_minor)
            .sum();
        let deposit = value * 3 / 10;
        fulfilment::insert_payment(tx, order.id, day(-25), deposit, "TT deposit", demo.now).await?;
        if *status == Settled {
            fulfilment::insert_payment(
                tx,
                order.id,
                day(-2),
                value - deposit,
                "TT balance",
                demo.now,
            )
            .await?;
        }
        // Confirmed five weeks ago; shipped on the sailing date below.
        let sailing = created_lines[0].0.requested_date - Duration::days(28);
        let shipped = matches!(status, Shipped | Arrived | Settled);
        // Shipped orders took three to six weeks from confirmation.
        let confirmed = if shipped {
            sailing - Duration::days(21 + 7 * (index as i64 % 4))
        } else {
            day(-35)
        };
        orders::set_history(tx, order.id, Some(confirmed), shipped.then_some(sailing)).await?;
        if matches!(status, Shipped | Arrived | Settled) {
            let lines: Vec<_> = created_lines.iter().map(|(l, _)| l.clone()).collect();
            shipping::departed(
                tx,
                &order,
                &lines,
                sailing,
                matches!(status, Arrived | Settled),
                demo.now,
            )
            .await?;
        }
        // Kitchenware from the Ningbo factory, ceramics from Foshan.
        for (supplier_index, prefix) in [(0usize, ["KT", "PN"]), (1, ["CR", "CR"])] {
            let mine: Vec<_> = created_lines
                .iter()
                .filter(|(l, _)| prefix.iter().any(|p| l.product_code.starts_with(p)))
                .collect();
            if mine.is_empty() {
                continue;
            }
            po_count += 1;
            let po = purchase_orders::insert_po(
                tx,
                &format!("PO-{}-{:04}", today.format("%Y"), po_count),
                demo.suppliers[supplier_index],
                demo.now,
            )
            .await?;
            for (po_line_no, (line, slip)) in mine.iter().enumerate() {
                let ready_by = line.requested_date - Duration::days(10);
                let (milestone, done) = match status {
                    Confirmed => (Milestone::NotStarted, 0),
                    InProduction => (Milestone::InProduction, line.quantity / 2),
                    Ready => (Milestone::ReadyToShip, line.quantity),
                    _ => (Milestone::Shipped, line.quantity),
                };
                let po_line = purchase_orders::insert_po_line(
                    tx,
                    NewPoLine::filling(po.id, po_line_no as i32 + 1, line, ready_by),
                    &[line.id],
                )
                .await?;
                if milestone.ready() {
                    // Ready on the day the factory forecast, not the day of
                    // the last report.
                    purchase_orders::set_ready_on(tx, po_line.id, ready_by + Duration::days(*slip))
                        .await?;
                }
                if milestone != Milestone::NotStarted {
                    // The ceramics factory has gone quiet on what it is
                    // producing, so the demo shows stale lines next to fresh ones.
                    let quiet = if supplier_index == 1 && *status == InProduction {
                        9
                    } else {
                        2
                    };
                    let daily = supplier_index == 0 && *status == InProduction && !reported_daily;
                    let days_back: Vec<i64> = if daily {
                        (quiet..quiet + DAILY_REPORTS).rev().collect()
                    } else {
                        vec![quiet]
                    };
                    let reports = days_back.len() as i64;
                    for (n, back) in (1..).zip(days_back) {
                        let at = demo.now - Duration::days(back);
                        progress::record(
                            tx,
                            progress::NewProgress {
                                po_line_id: po_line.id,
                                user_id: None,
                                milestone,
                                // The quantity climbs to what is done today.
                                quantity_done: done * n / reports,
                                lot_quantity: None,
                                forecast_ready: Some(ready_by + Duration::days(*slip)),
                                reason: (*slip > 0).then_some("Raw material delivered late"),
                                note: None,
                            },
                            n as i32,
                            at,
                            at.date_naive(),
                        )
                        .await?;
                    }
                }
            }
            if supplier_index == 0 && *status == InProduction {
                reported_daily = true;
            }
        }
    }
    Ok(format!(
        "orders: {} sales orders over every stage, {po_count} purchase orders",
        book.len()
    ))
}
