//! Orders, proposals and factory lines the tests of every part share.

use chrono::NaiveDate;

use super::{LineProposal, LineState, OrderState, PoLineState, Proposal};
use crate::domain::order_status::OrderStatus;

pub(super) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
}

fn line(no: i32, qty: i64) -> LineState {
    LineState {
        line_no: no,
        product_code: format!("P-{no}"),
        description: format!("Product {no}"),
        quantity: qty,
        unit: "pcs".into(),
        unit_price_minor: 1250,
        hs_code: "732393".into(),
        requested: day(20),
        committed: Some(day(20)),
        forecast: Some(day(18)),
    }
}

pub(super) fn order(status: OrderStatus) -> OrderState {
    OrderState {
        status,
        ship_to: "Hamburg".into(),
        lines: vec![line(1, 100), line(2, 200)],
        last_line_no: 2,
    }
}

pub(super) fn same(order: &OrderState) -> Proposal {
    Proposal {
        lines: order
            .lines
            .iter()
            .map(|l| LineProposal {
                line_no: l.line_no,
                quantity: l.quantity,
                description: l.description.clone(),
                requested: l.requested,
                cancel: false,
            })
            .collect(),
        ship_to: order.ship_to.clone(),
        added: vec![],
    }
}

pub(super) fn po(id: i32, line_no: i32, qty: i64, done: i64) -> PoLineState {
    PoLineState {
        id,
        order_line_no: line_no,
        quantity: qty,
        quantity_done: done,
        description: format!("Product {line_no}"),
        committed_ready: day(15),
        forecast_ready: Some(day(16)),
    }
}
