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

use super::refusal::Refusal;

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
pub fn parse_balance(kind: &str, usance_days: &str) -> Result<BalanceDue, Refusal> {
    match kind.trim() {
        "before_shipment" => Ok(BalanceDue::BeforeShipment),
        "against_bl_copy" => Ok(BalanceDue::AgainstBlCopy),
        "lc_at_sight" => Ok(BalanceDue::LcAtSight),
        "lc_usance" => {
            let bad = || Refusal::new("input-usance-days").with("max", MAX_USANCE_DAYS);
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
        _ => Err(Refusal::new("input-balance-choose")),
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
    OnDate(#[serde(with = "crate::compact_dates")] NaiveDate),
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
    #[serde(with = "crate::compact_dates")]
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
pub fn parse_deposit_percent(raw: &str) -> Result<u32, Refusal> {
    let bad = || Refusal::new("input-deposit-unreadable");
    if raw.len() > 32 {
        return Err(bad());
    }
    let text = raw.trim();
    let text = text.strip_suffix('%').map_or(text, str::trim_end);
    if text.starts_with('-') {
        return Err(Refusal::new("input-deposit-negative"));
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    if fraction.len() > 2 {
        return Err(Refusal::new("input-deposit-decimals"));
    }
    let too_much = || Refusal::new("input-deposit-too-high");
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
mod tests;
