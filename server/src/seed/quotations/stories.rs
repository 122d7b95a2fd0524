//! The demo's inquiries and quotations as told: each story an inquiry and
//! one revision of its quotation, its lines and its timeline in hours
//! before now. `super` writes them.

use app::domain::quotation::QuotationStatus;

/// Hours in a day, for the timelines below (counted in hours before now).
pub(super) const DAY: i64 = 24;

/// Every approval step of a quotation was decided.
const ALL_STEPS: usize = usize::MAX;

/// The score the house gave the second customer: below the credit
/// policy's threshold, so it owes the low-credit deposit.
pub(super) const HOUSE_SCORE: u8 = 45;

pub(super) const HOUSE_NOTE: &str = "Balances come about two weeks after the B/L copy. \
     50 % deposit until Maple & Pine pays on time again.";

/// One line of an inquiry and of its quotation. Prices are per unit in
/// minor units of the currency; an inquiry not yet quoted has none.
pub(super) struct Item {
    pub(super) product: &'static str,
    pub(super) description: &'static str,
    pub(super) hs: &'static str,
    pub(super) quantity: i64,
    pub(super) unit: &'static str,
    /// Index into `Demo::suppliers`: 0 the Ningbo kitchenware factory, 1
    /// the Foshan ceramics factory.
    pub(super) factory: usize,
    pub(super) purchase: i64,
    pub(super) selling: i64,
    pub(super) lead_days: i32,
    /// What the customer hopes to pay.
    pub(super) target: Option<i64>,
}

/// An inquiry and one revision of its quotation, with its timeline in hours
/// before now.
pub(super) struct Story {
    /// Index into `Demo::customers`.
    pub(super) customer: usize,
    /// Where this revision stands; `None` for an inquiry not yet quoted.
    pub(super) status: Option<QuotationStatus>,
    /// 1 opens an inquiry and its quotation; 2 revises the story before.
    pub(super) revision: i32,
    pub(super) currency: &'static str,
    pub(super) incoterm: &'static str,
    pub(super) port: &'static str,
    pub(super) deposit_bp: i32,
    pub(super) balance_due: &'static str,
    pub(super) asked: i64,
    pub(super) drafted: i64,
    pub(super) submitted: Option<i64>,
    /// How many approval steps were decided (all approved).
    pub(super) approvals: usize,
    pub(super) sent: Option<i64>,
    /// The customer's answer, the withdrawal, the expiry or the revision.
    pub(super) answered: Option<i64>,
    /// The last day of validity and the latest shipment, in days from today.
    pub(super) valid_days: i64,
    pub(super) ship_days: i64,
    /// The customer's words on the inquiry.
    pub(super) ask: &'static str,
    /// The house's note on the quotation.
    pub(super) note: &'static str,
    pub(super) items: &'static [Item],
}

/// Nordlicht buys in euros, delivered to Hamburg, with the normal deposit.
const NORDLICHT: Story = Story {
    customer: 0,
    status: None,
    revision: 1,
    currency: "EUR",
    incoterm: "CIF",
    port: "Hamburg",
    deposit_bp: 3_000,
    balance_due: "against_bl_copy",
    asked: 0,
    drafted: 0,
    submitted: None,
    approvals: 0,
    sent: None,
    answered: None,
    valid_days: 30,
    ship_days: 60,
    ask: "",
    note: "",
    items: &[],
};

/// Maple & Pine buys in US dollars at the Chinese port, on low credit.
const MAPLE: Story = Story {
    customer: 1,
    currency: "USD",
    incoterm: "FOB",
    port: "Ningbo",
    deposit_bp: 5_000,
    ..NORDLICHT
};

/// An item from (product, description, HS code, (quantity, unit), factory,
/// [purchase, selling, target price], lead days); a target of 0 is none.
const fn item(
    product: &'static str,
    description: &'static str,
    hs: &'static str,
    amount: (i64, &'static str),
    factory: usize,
    prices: [i64; 3],
    lead_days: i32,
) -> Item {
    Item {
        product,
        description,
        hs,
        quantity: amount.0,
        unit: amount.1,
        factory,
        purchase: prices[0],
        selling: prices[1],
        lead_days,
        target: if prices[2] > 0 { Some(prices[2]) } else { None },
    }
}

#[rustfmt::skip]
const PLANTERS: &[Item] = &[
    item("GP-3030", "Glazed stoneware planter 30 cm, ocean blue, with drainage hole", "691390", (1_200, "pcs"), 1, [0, 0, 680], 0),
    item("GP-3040", "Glazed stoneware planter 40 cm, ocean blue, with drainage hole", "691390", (600, "pcs"), 1, [0, 0, 1_150], 0),
];
#[rustfmt::skip]
const WATERING_CANS: &[Item] = &[
    item("WC-5000", "Galvanised steel watering can 5 l, long spout", "732399", (2_400, "pcs"), 0, [310, 425, 395], 45),
    // The factory has not priced the trowels yet.
    item("GT-1200", "Stainless steel hand trowel, ash handle", "820190", (3_000, "pcs"), 0, [0, 145, 140], 0),
];
#[rustfmt::skip]
const PLANT_POTS: &[Item] = &[
    item("CP-2015", "Ceramic plant pot 15 cm with saucer, matte white", "691390", (6_000, "pcs"), 1, [118, 165, 150], 50),
    item("CP-2020", "Ceramic plant pot 20 cm with saucer, matte white", "691390", (4_000, "pcs"), 1, [185, 259, 235], 50),
    item("WC-1500", "Enamel indoor watering can 1.5 l, sage green", "732394", (1_500, "pcs"), 0, [290, 399, 370], 40),
];
/// 11.0 % margin: below the 15 % at which the cost accountant looks.
#[rustfmt::skip]
const MUGS: &[Item] = &[
    item("MG-3501", "Stoneware mug 350 ml, reactive glaze, fjord blue", "691200", (4_800, "pcs"), 1, [178, 200, 195], 55),
    item("MG-3502", "Stoneware mug 350 ml, reactive glaze, sand", "691200", (4_800, "pcs"), 1, [178, 200, 195], 55),
];
#[rustfmt::skip]
const GARDEN_TOOLS: &[Item] = &[
    item("GT-3300", "Garden tool set of 3 (trowel, transplanter, fork), stainless steel", "820190", (2_000, "sets"), 0, [420, 560, 540], 45),
    item("KT-4410", "Stainless steel outdoor ice bucket 5 l with lid", "732393", (1_200, "pcs"), 0, [540, 720, 690], 45),
];
#[rustfmt::skip]
const TABLEWARE: &[Item] = &[
    item("CR-2201", "Stoneware pasta bowl 22 cm, speckled oat", "691200", (3_600, "pcs"), 1, [245, 329, 310], 50),
    item("CR-2002", "Stoneware side plate 20 cm, speckled oat", "691200", (3_600, "pcs"), 1, [190, 259, 240], 50),
];
#[rustfmt::skip]
const GRILL_PANS_FIRST: &[Item] = &[
    item("PN-2800", "Cast aluminium grill pan 28 cm, non-stick", "761510", (1_800, "pcs"), 0, [710, 985, 899], 40),
    item("PN-3226", "Cast aluminium griddle 32 x 26 cm, non-stick", "761510", (1_200, "pcs"), 0, [760, 1_050, 950], 40),
];
/// About 5 % below the first revision, after the customer's counter-offer.
#[rustfmt::skip]
const GRILL_PANS: &[Item] = &[
    item("PN-2800", "Cast aluminium grill pan 28 cm, non-stick", "761510", (1_800, "pcs"), 0, [710, 935, 899], 40),
    item("PN-3226", "Cast aluminium griddle 32 x 26 cm, non-stick", "761510", (1_200, "pcs"), 0, [760, 995, 950], 40),
];
#[rustfmt::skip]
const KETTLES: &[Item] = &[
    item("KT-2205", "Stainless steel kettle 1.7 l, matte black", "851671", (1_000, "pcs"), 0, [1_120, 1_495, 1_450], 45),
    item("CR-1200", "Stoneware teapot 1.2 l, matte black", "691200", (800, "pcs"), 1, [640, 865, 840], 50),
];
#[rustfmt::skip]
const HERB_POTS: &[Item] = &[
    item("CP-3030", "Terracotta herb pot set of 3, 10/12/14 cm", "691390", (5_000, "sets"), 1, [210, 289, 260], 40),
];
#[rustfmt::skip]
const LANTERNS: &[Item] = &[
    item("CL-2500", "Ceramic tealight lantern 25 cm, cut-out pattern, white", "691390", (2_000, "pcs"), 1, [390, 525, 499], 50),
];
#[rustfmt::skip]
const JUGS: &[Item] = &[
    item("JG-2000", "Enamel water jug 2 l, cream with blue rim", "732394", (1_500, "pcs"), 0, [480, 650, 620], 40),
];

/// The demo's inquiries and quotations, oldest state first.
pub(super) const STORIES: [Story; 12] = [
    // Asked yesterday; nobody has quoted yet.
    Story {
        asked: 20,
        ship_days: 95,
        ask: "Spring garden range for 38 stores; matching saucers welcome as an option.",
        items: PLANTERS,
        ..NORDLICHT
    },
    Story {
        status: Some(QuotationStatus::Draft),
        asked: 3 * DAY,
        drafted: 2 * DAY + 2,
        valid_days: 28,
        ship_days: 75,
        ask: "Garden-centre promotion, one 40' container.",
        note: "Waiting for Everbright's price on the trowels; the watering cans are costed.",
        items: WATERING_CANS,
        ..MAPLE
    },
    // The deposit is below what the low credit requires: the director too.
    Story {
        status: Some(QuotationStatus::InApproval),
        port: "Shanghai",
        deposit_bp: 3_000,
        asked: 4 * DAY,
        drafted: DAY + 6,
        submitted: Some(1),
        valid_days: 29,
        ship_days: 80,
        ask: "Indoor gardening table for the autumn catalogue; one shipment for all three items.",
        note: "Maple & Pine asks to keep the 30 % deposit of its earlier orders.",
        items: PLANT_POTS,
        ..MAPLE
    },
    // The sales manager approved; the cost accountant's step is late.
    Story {
        status: Some(QuotationStatus::InApproval),
        asked: 5 * DAY,
        drafted: 2 * DAY,
        submitted: Some(8),
        approvals: 1,
        valid_days: 28,
        ship_days: 85,
        ask: "Autumn mug listing, two glazes; target EUR 1.95 delivered Hamburg.",
        note: "Priced close to Nordlicht's target to win the listing.",
        items: MUGS,
        ..NORDLICHT
    },
    Story {
        status: Some(QuotationStatus::Approved),
        asked: 6 * DAY,
        drafted: 3 * DAY,
        submitted: Some(30),
        approvals: ALL_STEPS,
        valid_days: 27,
        ship_days: 70,
        ask: "Summer outdoor range; tool sets packed in gift boxes.",
        note: "Approved; goes out with the photos of the samples.",
        items: GARDEN_TOOLS,
        ..MAPLE
    },
    Story {
        status: Some(QuotationStatus::Sent),
        asked: 7 * DAY,
        drafted: 5 * DAY,
        submitted: Some(4 * DAY),
        approvals: ALL_STEPS,
        sent: Some(2 * DAY + 2),
        valid_days: 21,
        ship_days: 70,
        ask: "New tableware colour for the winter catalogue.",
        items: TABLEWARE,
        ..NORDLICHT
    },
    // Sent, then revised after the customer's counter-offer...
    Story {
        status: Some(QuotationStatus::Superseded),
        asked: 14 * DAY,
        drafted: 13 * DAY,
        submitted: Some(13 * DAY - 6),
        approvals: ALL_STEPS,
        sent: Some(12 * DAY),
        answered: Some(5 * DAY),
        valid_days: 17,
        ship_days: 60,
        ask: "Grill pans for the barbecue season; please quote your best price.",
        items: GRILL_PANS_FIRST,
        ..MAPLE
    },
    // ...and revision 2 is with the customer now.
    Story {
        status: Some(QuotationStatus::Sent),
        revision: 2,
        drafted: 5 * DAY,
        submitted: Some(5 * DAY - 2),
        approvals: ALL_STEPS,
        sent: Some(4 * DAY),
        valid_days: 25,
        ship_days: 60,
        note: "Revision 2: about 5 % lower after Maple & Pine's counter-offer; quantities unchanged.",
        items: GRILL_PANS,
        ..MAPLE
    },
    // Accepted: the contract is a confirmed order.
    Story {
        status: Some(QuotationStatus::Accepted),
        asked: 30 * DAY,
        drafted: 29 * DAY,
        submitted: Some(29 * DAY - 3),
        approvals: ALL_STEPS,
        sent: Some(28 * DAY),
        answered: Some(20 * DAY),
        valid_days: 1,
        ship_days: 40,
        ask: "Matte black tea set for the spring catalogue.",
        items: KETTLES,
        ..NORDLICHT
    },
    Story {
        status: Some(QuotationStatus::Declined),
        port: "Shanghai",
        asked: 25 * DAY,
        drafted: 24 * DAY,
        submitted: Some(24 * DAY - 4),
        approvals: ALL_STEPS,
        sent: Some(23 * DAY),
        answered: Some(16 * DAY),
        valid_days: 6,
        ship_days: 45,
        ask: "Herb pot sets for the kitchen-garden promotion.",
        items: HERB_POTS,
        ..MAPLE
    },
    // Nobody answered; the daily sweep let it expire.
    Story {
        status: Some(QuotationStatus::Expired),
        asked: 50 * DAY,
        drafted: 48 * DAY,
        submitted: Some(48 * DAY - 5),
        approvals: ALL_STEPS,
        sent: Some(47 * DAY),
        answered: Some(17 * DAY),
        valid_days: -18,
        ship_days: -5,
        ask: "Garden lanterns for the terrace range.",
        items: LANTERNS,
        ..NORDLICHT
    },
    Story {
        status: Some(QuotationStatus::Withdrawn),
        asked: 20 * DAY,
        drafted: 19 * DAY,
        submitted: Some(19 * DAY - 3),
        approvals: ALL_STEPS,
        sent: Some(18 * DAY),
        answered: Some(10 * DAY),
        valid_days: 11,
        ship_days: 50,
        ask: "Enamel jugs in the cream and blue of last year's range.",
        note: "Withdrawn: Everbright no longer makes the 2 l jug; a new quotation follows for the 1.5 l.",
        items: JUGS,
        ..MAPLE
    },
];
