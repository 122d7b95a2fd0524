//! Contract terms as data: how the customer pays (a deposit on confirmation,
//! then the balance against a shipping event or a letter of credit), by when
//! the goods must ship, and what shipping late costs. From these the contract
//! gets its payment schedule, whose instalments always add up to the
//! contract total to the cent.
//!
//! Shares are basis points (1 bp = 0.01 %, 10 000 = 100 %); money is in
//! minor units (cents).

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// 100 % in basis points.
pub const FULL_BP: u32 = 10_000;

/// The late-shipment penalty unless the contract says otherwise: 0.5 % of
/// the contract total per day late.
pub const DEFAULT_PENALTY_BP_PER_DAY: u32 = 50;

/// The most a late-shipment penalty can reach unless the contract says
/// otherwise: 10 % of the contract total (20 days at the default rate).
pub const DEFAULT_PENALTY_CAP_BP: u32 = 1_000;

/// The longest usance a letter of credit may give.
pub const MAX_USANCE_DAYS: u16 = 360;

/// When the balance (what is left after the deposit) falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BalanceDue {
    /// Paid before the goods leave: due on the latest shipment date.
    BeforeShipment,
    /// Paid against a copy of the bill of lading: due when the B/L is
    /// issued, i.e. once the goods are on board.
    AgainstBlCopy,
    /// A letter of credit payable at sight: due when the shipping documents
    /// are presented to the bank.
    LcAtSight,
    /// A usance letter of credit: due `days` after the documents are
    /// presented.
    LcUsance { days: u16 },
}

impl BalanceDue {
    /// The kinds as stored and as the form offers them.
    pub const KINDS: [&'static str; 4] = [
        "before_shipment",
        "against_bl_copy",
        "lc_at_sight",
        "lc_usance",
    ];

    pub fn kind(self) -> &'static str {
        match self {
            Self::BeforeShipment => Self::KINDS[0],
            Self::AgainstBlCopy => Self::KINDS[1],
            Self::LcAtSight => Self::KINDS[2],
            Self::LcUsance { .. } => Self::KINDS[3],
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::BeforeShipment => "Before shipment".to_string(),
            Self::AgainstBlCopy => "Against a copy of the bill of lading".to_string(),
            Self::LcAtSight => "Letter of credit at sight".to_string(),
            Self::LcUsance { days } => format!("Letter of credit, {days} days after presentation"),
        }
    }

    /// The terms in `locale`'s words.
    pub fn text(self, locale: crate::i18n::Locale) -> String {
        match self {
            Self::LcUsance { days } => {
                locale.t_with("balance-lc_usance-days", &[("days", days.into())])
            }
            other => locale.t(&format!("balance-{}", other.kind())),
        }
    }

    /// When a balance on these terms falls due.
    pub fn due(self, latest_shipment: NaiveDate) -> DueWhen {
        match self {
            Self::BeforeShipment => DueWhen::OnDate(latest_shipment),
            Self::AgainstBlCopy => DueWhen::OnEvent {
                event: ShipmentEvent::BlIssued,
                days_after: 0,
            },
            Self::LcAtSight => DueWhen::OnEvent {
                event: ShipmentEvent::DocumentsPresented,
                days_after: 0,
            },
            Self::LcUsance { days } => DueWhen::OnEvent {
                event: ShipmentEvent::DocumentsPresented,
                days_after: u32::from(days),
            },
        }
    }
}

/// The balance terms from the form: one of [`BalanceDue::KINDS`], and for a
/// usance letter of credit its days (1 to [`MAX_USANCE_DAYS`]; ignored for
/// the other kinds).
pub fn parse_balance(kind: &str, usance_days: &str) -> Result<BalanceDue, String> {
    match kind.trim() {
        "before_shipment" => Ok(BalanceDue::BeforeShipment),
        "against_bl_copy" => Ok(BalanceDue::AgainstBlCopy),
        "lc_at_sight" => Ok(BalanceDue::LcAtSight),
        "lc_usance" => {
            let bad = || format!("Enter the usance as whole days from 1 to {MAX_USANCE_DAYS}.");
            let text = usance_days.trim();
            if text.is_empty() || text.len() > 3 || !text.chars().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            match text.parse::<u16>() {
                Ok(days) if (1..=MAX_USANCE_DAYS).contains(&days) => {
                    Ok(BalanceDue::LcUsance { days })
                }
                _ => Err(bad()),
            }
        }
        _ => Err("Choose when the balance is due.".to_string()),
    }
}

/// A shipping event a payment can wait for; its date is known only once it
/// happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShipmentEvent {
    /// The bill of lading is issued (the goods are on board); the B/L date.
    BlIssued,
    /// The shipping documents are presented to the bank under the L/C.
    DocumentsPresented,
}

impl ShipmentEvent {
    /// As stored with an instalment that waits for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BlIssued => "bl_issued",
            Self::DocumentsPresented => "documents_presented",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::BlIssued, Self::DocumentsPresented]
            .into_iter()
            .find(|e| e.as_str() == raw)
    }
}

/// When an instalment falls due: on a known date, or a number of days after
/// a shipping event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueWhen {
    OnDate(NaiveDate),
    OnEvent {
        event: ShipmentEvent,
        days_after: u32,
    },
}

impl DueWhen {
    /// The due date given the events that happened so far (`None` while the
    /// event it waits for has not happened).
    pub fn resolve(self, happened: &[(ShipmentEvent, NaiveDate)]) -> Option<NaiveDate> {
        match self {
            Self::OnDate(date) => Some(date),
            Self::OnEvent { event, days_after } => happened
                .iter()
                .find(|(e, _)| *e == event)
                .map(|(_, on)| add_days(*on, days_after)),
        }
    }
}

/// How the customer pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentTerms {
    /// The deposit as basis points of the total (3 000 = 30 %), 0 to 10 000.
    /// A value above 10 000 is read as 100 %.
    pub deposit_bp: u32,
    pub balance: BalanceDue,
}

/// The terms a contract is signed on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractTerms {
    pub payment: PaymentTerms,
    /// The last day the goods may ship without a penalty.
    pub latest_shipment: NaiveDate,
    /// Late-shipment penalty per day late, in basis points of the total.
    pub penalty_bp_per_day: u32,
    /// The most the penalty can reach, in basis points of the total.
    pub penalty_cap_bp: u32,
    /// The Incoterm (FOB, CIF, …) and the port it names.
    pub incoterm: String,
    pub port: String,
}

impl ContractTerms {
    /// Terms with the house's standard penalty ([`DEFAULT_PENALTY_BP_PER_DAY`]
    /// per day, capped at [`DEFAULT_PENALTY_CAP_BP`]).
    pub fn new(
        payment: PaymentTerms,
        latest_shipment: NaiveDate,
        incoterm: impl Into<String>,
        port: impl Into<String>,
    ) -> Self {
        Self {
            payment,
            latest_shipment,
            penalty_bp_per_day: DEFAULT_PENALTY_BP_PER_DAY,
            penalty_cap_bp: DEFAULT_PENALTY_CAP_BP,
            incoterm: incoterm.into(),
            port: port.into(),
        }
    }

    /// The penalty owed on `total_minor` for goods that shipped on `shipped`.
    pub fn penalty(&self, total_minor: i64, shipped: NaiveDate) -> i64 {
        late_penalty(
            total_minor,
            self.penalty_bp_per_day,
            shipment_days_late(self.latest_shipment, shipped),
            self.penalty_cap_bp,
        )
    }
}

/// Which part of the total an instalment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstalmentKind {
    Deposit,
    Balance,
}

impl InstalmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Deposit => "deposit",
            Self::Balance => "balance",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Deposit, Self::Balance]
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
    }
}

/// One payment the customer owes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    pub kind: InstalmentKind,
    pub amount_minor: i64,
    pub due: DueWhen,
}

/// The deposit on a total: `deposit_bp` of it, rounded down to the cent (the
/// rounding stays with the balance). 0 for a total of zero or less.
pub fn deposit_amount(total_minor: i64, deposit_bp: u32) -> i64 {
    if total_minor <= 0 {
        return 0;
    }
    let share = i128::from(total_minor) * i128::from(deposit_bp.min(FULL_BP)) / 10_000;
    // At most the total, so it always fits.
    i64::try_from(share).unwrap_or(total_minor)
}

/// The payment schedule of a contract: the deposit, due `deposit_due_days`
/// after confirmation, then the balance, due as its terms say (see
/// [`BalanceDue::due`]). The instalments add up to the total exactly; an
/// instalment that would be zero is left out (no deposit at 0 %, no balance
/// at 100 %), and a total of zero or less has nothing to pay.
pub fn schedule(
    total_minor: i64,
    terms: &PaymentTerms,
    confirmed: NaiveDate,
    latest_shipment: NaiveDate,
    deposit_due_days: u32,
) -> Vec<Instalment> {
    let total = total_minor.max(0);
    let deposit = deposit_amount(total, terms.deposit_bp);
    let balance = total - deposit;
    let mut instalments = Vec::with_capacity(2);
    if deposit > 0 {
        instalments.push(Instalment {
            kind: InstalmentKind::Deposit,
            amount_minor: deposit,
            due: DueWhen::OnDate(add_days(confirmed, deposit_due_days)),
        });
    }
    if balance > 0 {
        instalments.push(Instalment {
            kind: InstalmentKind::Balance,
            amount_minor: balance,
            due: terms.balance.due(latest_shipment),
        });
    }
    instalments
}

/// Days the goods shipped after the latest shipment date (0 when on time).
pub fn shipment_days_late(latest_shipment: NaiveDate, shipped: NaiveDate) -> i64 {
    (shipped - latest_shipment).num_days().max(0)
}

/// The late-shipment penalty: `penalty_bp_per_day` of the total for each day
/// late, at most `cap_bp` of it, rounded down to the cent. 0 when not late
/// or when there is no total.
pub fn late_penalty(total_minor: i64, penalty_bp_per_day: u32, days_late: i64, cap_bp: u32) -> i64 {
    if total_minor <= 0 || days_late <= 0 {
        return 0;
    }
    let rate_bp = (i128::from(penalty_bp_per_day) * i128::from(days_late)).min(i128::from(cap_bp));
    let penalty = i128::from(total_minor) * rate_bp / 10_000;
    i64::try_from(penalty).unwrap_or(i64::MAX)
}

/// The deposit as typed on the form: a percentage with at most two decimals,
/// with or without a "%" ("30", "30%", "12.5", "12.25 %"), from 0 to 100;
/// the result is in basis points.
pub fn parse_deposit_percent(raw: &str) -> Result<u32, String> {
    let bad = || "Enter the deposit as a percentage, like 30 or 12.5.".to_string();
    if raw.len() > 32 {
        return Err(bad());
    }
    let text = raw.trim();
    let text = text.strip_suffix('%').map_or(text, str::trim_end);
    if text.starts_with('-') {
        return Err("The deposit cannot be negative.".to_string());
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    if fraction.len() > 2 {
        return Err("Use at most two decimals for the deposit, like 12.25.".to_string());
    }
    let too_much = || "The deposit can be at most 100 %.".to_string();
    if whole.trim_start_matches('0').len() > 3 {
        return Err(too_much());
    }
    let whole: u32 = whole.parse().map_err(|_| bad())?;
    let hundredths: u32 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
    let bp = whole * 100 + hundredths;
    if bp > FULL_BP {
        Err(too_much())
    } else {
        Ok(bp)
    }
}

/// Basis points as a percentage for people: 3 000 → "30 %", 1 250 →
/// "12.5 %", 1 225 → "12.25 %". [`parse_deposit_percent`] reads it back.
pub fn format_percent(bp: u32) -> String {
    let (whole, hundredths) = (bp / 100, bp % 100);
    if hundredths == 0 {
        format!("{whole} %")
    } else {
        let decimals = format!("{hundredths:02}");
        format!("{whole}.{} %", decimals.trim_end_matches('0'))
    }
}

/// `date` plus `days`, staying at chrono's last day instead of overflowing.
fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 5, d).unwrap()
    }

    fn terms(deposit_bp: u32, balance: BalanceDue) -> PaymentTerms {
        PaymentTerms {
            deposit_bp,
            balance,
        }
    }

    #[test]
    fn thirty_percent_deposit_and_the_balance_before_shipment() {
        let plan = schedule(
            1_000_001,
            &terms(3_000, BalanceDue::BeforeShipment),
            day(1),
            day(31),
            7,
        );
        assert_eq!(
            plan,
            vec![
                Instalment {
                    kind: InstalmentKind::Deposit,
                    amount_minor: 300_000,
                    due: DueWhen::OnDate(day(8)),
                },
                Instalment {
                    kind: InstalmentKind::Balance,
                    // The odd cent goes to the balance.
                    amount_minor: 700_001,
                    due: DueWhen::OnDate(day(31)),
                },
            ]
        );
    }

    #[test]
    fn balances_wait_for_their_event() {
        let due =
            |balance: BalanceDue| schedule(10_000, &terms(0, balance), day(1), day(31), 7)[0].due;
        assert_eq!(
            due(BalanceDue::AgainstBlCopy),
            DueWhen::OnEvent {
                event: ShipmentEvent::BlIssued,
                days_after: 0
            }
        );
        assert_eq!(
            due(BalanceDue::LcAtSight),
            DueWhen::OnEvent {
                event: ShipmentEvent::DocumentsPresented,
                days_after: 0
            }
        );
        let usance = due(BalanceDue::LcUsance { days: 90 });
        assert_eq!(
            usance,
            DueWhen::OnEvent {
                event: ShipmentEvent::DocumentsPresented,
                days_after: 90
            }
        );
        // Known once the documents are presented.
        assert_eq!(usance.resolve(&[(ShipmentEvent::BlIssued, day(20))]), None);
        let presented = [
            (ShipmentEvent::BlIssued, day(20)),
            (ShipmentEvent::DocumentsPresented, day(25)),
        ];
        assert_eq!(
            usance.resolve(&presented),
            NaiveDate::from_ymd_opt(2027, 8, 23)
        );
        assert_eq!(DueWhen::OnDate(day(3)).resolve(&[]), Some(day(3)));
    }

    #[test]
    fn no_empty_instalments() {
        let lc = BalanceDue::LcAtSight;
        let all_balance = schedule(50_000, &terms(0, lc), day(1), day(31), 7);
        assert_eq!(all_balance.len(), 1);
        assert_eq!(all_balance[0].kind, InstalmentKind::Balance);
        let all_deposit = schedule(50_000, &terms(10_000, lc), day(1), day(31), 7);
        assert_eq!(all_deposit.len(), 1);
        assert_eq!(all_deposit[0].kind, InstalmentKind::Deposit);
        assert_eq!(all_deposit[0].amount_minor, 50_000);
        // Above 100 % reads as 100 %.
        assert_eq!(
            schedule(50_000, &terms(20_000, lc), day(1), day(31), 7),
            all_deposit
        );
        // One cent at 30 %: the deposit rounds to nothing.
        let cent = schedule(1, &terms(3_000, lc), day(1), day(31), 7);
        assert_eq!(cent.len(), 1);
        assert_eq!(cent[0].amount_minor, 1);
        assert!(schedule(0, &terms(3_000, lc), day(1), day(31), 7).is_empty());
        assert!(schedule(-5, &terms(3_000, lc), day(1), day(31), 7).is_empty());
        // The deposit date stays in chrono's range.
        let far = schedule(100, &terms(5_000, lc), NaiveDate::MAX, day(31), u32::MAX);
        assert_eq!(far[0].due, DueWhen::OnDate(NaiveDate::MAX));
    }

    #[test]
    fn penalties_grow_per_day_up_to_the_cap() {
        let total = 1_000_000;
        assert_eq!(late_penalty(total, 50, 0, 1_000), 0);
        assert_eq!(late_penalty(total, 50, -3, 1_000), 0);
        assert_eq!(late_penalty(total, 50, 1, 1_000), 5_000);
        assert_eq!(late_penalty(total, 50, 4, 1_000), 20_000);
        assert_eq!(late_penalty(total, 50, 20, 1_000), 100_000);
        assert_eq!(late_penalty(total, 50, 21, 1_000), 100_000);
        // No overflow, however absurd the figures.
        assert_eq!(late_penalty(total, 50, i64::MAX, u32::MAX), 429_496_729_500);
        assert_eq!(late_penalty(i64::MAX, 50, i64::MAX, u32::MAX), i64::MAX);
        assert_eq!(late_penalty(0, 50, 10, 1_000), 0);
        let contract = ContractTerms::new(
            terms(3_000, BalanceDue::AgainstBlCopy),
            day(10),
            "FOB",
            "Ningbo",
        );
        assert_eq!(contract.penalty_bp_per_day, 50);
        assert_eq!(contract.penalty_cap_bp, 1_000);
        assert_eq!(contract.penalty(total, day(10)), 0);
        assert_eq!(contract.penalty(total, day(13)), 15_000);
        assert_eq!(shipment_days_late(day(10), day(8)), 0);
    }

    #[test]
    fn deposit_percentages_from_the_form() {
        assert_eq!(parse_deposit_percent("30"), Ok(3_000));
        assert_eq!(parse_deposit_percent(" 30% "), Ok(3_000));
        assert_eq!(parse_deposit_percent("30 %"), Ok(3_000));
        assert_eq!(parse_deposit_percent("12.5"), Ok(1_250));
        assert_eq!(parse_deposit_percent("12.25"), Ok(1_225));
        assert_eq!(parse_deposit_percent("0"), Ok(0));
        assert_eq!(parse_deposit_percent("100"), Ok(10_000));
        assert_eq!(parse_deposit_percent("100.00"), Ok(10_000));
        assert_eq!(parse_deposit_percent("0030"), Ok(3_000));
        assert!(
            parse_deposit_percent("-5")
                .unwrap_err()
                .contains("negative")
        );
        assert!(parse_deposit_percent("100.01").unwrap_err().contains("100"));
        assert!(parse_deposit_percent("250").unwrap_err().contains("100"));
        assert!(
            parse_deposit_percent("99999999")
                .unwrap_err()
                .contains("100")
        );
        assert!(
            parse_deposit_percent("12.345")
                .unwrap_err()
                .contains("two decimals")
        );
        for bad in ["", "%", "abc", ".5", "3,5", "30%%", "+30", "1e2", "３０"] {
            assert!(parse_deposit_percent(bad).is_err(), "{bad:?}");
        }
        assert!(parse_deposit_percent(&format!("{}30", " ".repeat(40))).is_err());
        assert_eq!(format_percent(3_000), "30 %");
        assert_eq!(format_percent(1_250), "12.5 %");
        assert_eq!(format_percent(1_225), "12.25 %");
        assert_eq!(format_percent(5), "0.05 %");
    }

    #[test]
    fn balance_terms_from_the_form() {
        assert_eq!(
            parse_balance("before_shipment", ""),
            Ok(BalanceDue::BeforeShipment)
        );
        assert_eq!(
            parse_balance("lc_at_sight", "abc"),
            Ok(BalanceDue::LcAtSight)
        );
        assert_eq!(
            parse_balance("lc_usance", " 90 "),
            Ok(BalanceDue::LcUsance { days: 90 })
        );
        for days in ["", "0", "361", "-30", "9999", "30.5"] {
            assert!(parse_balance("lc_usance", days).is_err(), "{days:?}");
        }
        assert!(parse_balance("cash", "").is_err());
        for kind in BalanceDue::KINDS {
            let parsed = parse_balance(kind, "30").unwrap();
            assert_eq!(parsed.kind(), kind);
            assert!(!parsed.label().is_empty());
        }
        let stored = serde_json::to_string(&BalanceDue::LcUsance { days: 60 }).unwrap();
        assert_eq!(stored, r#"{"kind":"lc_usance","days":60}"#);
        assert_eq!(
            serde_json::from_str::<BalanceDue>(&stored).unwrap(),
            BalanceDue::LcUsance { days: 60 }
        );
        for kind in [InstalmentKind::Deposit, InstalmentKind::Balance] {
            assert_eq!(InstalmentKind::parse(kind.as_str()), Some(kind));
        }
    }

    fn any_balance() -> impl Strategy<Value = BalanceDue> {
        prop_oneof![
            Just(BalanceDue::BeforeShipment),
            Just(BalanceDue::AgainstBlCopy),
            Just(BalanceDue::LcAtSight),
            any::<u16>().prop_map(|days| BalanceDue::LcUsance { days }),
        ]
    }

    proptest! {
        /// The instalments add up to the total, none is zero or negative,
        /// and the deposit, when there is one, comes first.
        #[test]
        fn the_schedule_adds_up(
            total in 0i64..=i64::MAX,
            deposit_bp in 0u32..=10_000,
            balance in any_balance(),
            due_days in any::<u32>(),
        ) {
            let plan = schedule(total, &terms(deposit_bp, balance), day(1), day(31), due_days);
            let sum: i128 = plan.iter().map(|i| i128::from(i.amount_minor)).sum();
            prop_assert_eq!(sum, i128::from(total));
            prop_assert!(plan.len() <= 2);
            prop_assert!(plan.iter().all(|i| i.amount_minor > 0));
            if deposit_bp == 0 {
                prop_assert!(plan.iter().all(|i| i.kind == InstalmentKind::Balance));
            }
            if deposit_bp == FULL_BP {
                prop_assert!(plan.iter().all(|i| i.kind == InstalmentKind::Deposit));
            }
            if plan.len() == 2 {
                prop_assert_eq!(plan[0].kind, InstalmentKind::Deposit);
                prop_assert_eq!(plan[1].kind, InstalmentKind::Balance);
            }
        }

        /// Nonsense in (a negative total, a share above 100 %) never makes
        /// an instalment negative or the schedule panic.
        #[test]
        fn odd_input_never_goes_negative(
            total in any::<i64>(),
            deposit_bp in any::<u32>(),
            due_days in any::<u32>(),
            confirmed in 0i64..200_000,
        ) {
            let confirmed = day(1) + chrono::Duration::days(confirmed);
            let plan = schedule(total, &terms(deposit_bp, BalanceDue::LcAtSight), confirmed, day(31), due_days);
            prop_assert!(plan.iter().all(|i| i.amount_minor > 0));
            let sum: i128 = plan.iter().map(|i| i128::from(i.amount_minor)).sum();
            prop_assert_eq!(sum, i128::from(total.max(0)));
        }

        /// A penalty is never negative, never above its cap, and never falls
        /// as the days late grow.
        #[test]
        fn penalties_are_capped_and_grow(
            total in any::<i64>(),
            per_day in 0u32..=10_000,
            days in any::<i64>(),
            more in 0i64..1_000,
            cap in 0u32..=10_000,
        ) {
            let penalty = late_penalty(total, per_day, days, cap);
            prop_assert!(penalty >= 0);
            prop_assert!(i128::from(penalty) * 10_000 <= i128::from(total.max(0)) * i128::from(cap));
            let later = late_penalty(total, per_day, days.saturating_add(more), cap);
            prop_assert!(later >= penalty);
        }

        /// Whatever is typed, parsing answers without panicking, and an
        /// answer is a share between 0 and 100 %.
        #[test]
        fn typed_terms_never_panic(
            raw in "\\PC{0,40}",
            shaped in "[ -]?[0-9]{0,5}(\\.[0-9]{0,4})? ?%?",
            kind in "[a-z_]{0,20}",
        ) {
            for text in [&raw, &shaped] {
                if let Ok(bp) = parse_deposit_percent(text) {
                    prop_assert!(bp <= FULL_BP);
                }
                let _ = parse_balance(&kind, text);
                for known in BalanceDue::KINDS {
                    if let Ok(BalanceDue::LcUsance { days }) = parse_balance(known, text) {
                        prop_assert!((1..=MAX_USANCE_DAYS).contains(&days));
                    }
                }
            }
        }

        /// Every share the form can hold reads back from how it is shown.
        #[test]
        fn percentages_round_trip(bp in 0u32..=10_000) {
            prop_assert_eq!(parse_deposit_percent(&format_percent(bp)), Ok(bp));
            let plain = format!("{}.{:02}", bp / 100, bp % 100);
            prop_assert_eq!(parse_deposit_percent(&plain), Ok(bp));
        }
    }
}
