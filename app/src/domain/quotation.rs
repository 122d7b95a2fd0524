//! Costed quotations: the answer to a customer's inquiry. Each line carries
//! what the factory charges the house (purchase price) and what the house asks
//! of the customer (selling price); the difference is the house's margin,
//! which decides who must approve the quotation before it goes out.
//!
//! A quotation moves draft → in approval → approved → sent, and the customer
//! accepts or declines the sent revision before its validity ends. A
//! rejection in approval, or a change after approval, opens a new revision;
//! only the revision currently sent can be accepted, so a customer can never
//! accept prices the house has already replaced.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::refusal::Refusal;

/// One costed line of a quotation. Money is in minor units (cents) of the
/// quotation's currency, per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    /// Units quoted to the customer.
    pub quantity: i64,
    /// What the factory charges the house per unit.
    pub purchase_price_minor: i64,
    /// What the house asks of the customer per unit.
    pub selling_price_minor: i64,
    /// Days the factory needs from the order to ready goods.
    pub lead_time_days: u32,
}

/// What the customer pays for a line: quantity × selling price.
pub fn line_revenue(line: &QuoteLine) -> Result<i64, QuoteError> {
    line.quantity
        .checked_mul(line.selling_price_minor)
        .ok_or(QuoteError::Overflow)
}

/// What the house pays the factory for a line: quantity × purchase price.
pub fn line_cost(line: &QuoteLine) -> Result<i64, QuoteError> {
    line.quantity
        .checked_mul(line.purchase_price_minor)
        .ok_or(QuoteError::Overflow)
}

/// What the house keeps on a line: revenue − cost (negative when it sells
/// below cost).
pub fn line_margin(line: &QuoteLine) -> Result<i64, QuoteError> {
    line_revenue(line)?
        .checked_sub(line_cost(line)?)
        .ok_or(QuoteError::Overflow)
}

/// The margin as a share of revenue in basis points (1 bp = 0.01 %, so
/// 1 500 = 15 %): margin / revenue × 10 000. `None` when there is no revenue
/// (a share of nothing is no share). Rounded down, so a margin just under an
/// approval threshold never reads as reaching it; saturates at the ends of
/// the `i64` range instead of overflowing.
pub fn margin_bp(margin_minor: i64, revenue_minor: i64) -> Option<i64> {
    if revenue_minor == 0 {
        return None;
    }
    let scaled = i128::from(margin_minor) * 10_000;
    let revenue = i128::from(revenue_minor);
    let mut bp = scaled / revenue;
    if scaled % revenue != 0 && ((scaled < 0) != (revenue < 0)) {
        bp -= 1;
    }
    Some(i64::try_from(bp).unwrap_or(if bp < 0 { i64::MIN } else { i64::MAX }))
}

/// The figures of a whole quotation, as approvers see them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteTotals {
    pub revenue_minor: i64,
    pub cost_minor: i64,
    pub margin_minor: i64,
    /// See [`margin_bp`]; `None` for a quotation without revenue.
    pub margin_bp: Option<i64>,
    /// The longest lead time of any line: the earliest the whole quotation
    /// can be ready, which its delivery promise must cover.
    pub lead_time_days: u32,
}

/// Adds up all lines. An amount that does not fit in `i64` is
/// [`QuoteError::Overflow`], never a wrong total.
pub fn totals(lines: &[QuoteLine]) -> Result<QuoteTotals, QuoteError> {
    let mut revenue: i64 = 0;
    let mut cost: i64 = 0;
    let mut lead_time_days = 0;
    for line in lines {
        revenue = revenue
            .checked_add(line_revenue(line)?)
            .ok_or(QuoteError::Overflow)?;
        cost = cost
            .checked_add(line_cost(line)?)
            .ok_or(QuoteError::Overflow)?;
        lead_time_days = lead_time_days.max(line.lead_time_days);
    }
    let margin = revenue.checked_sub(cost).ok_or(QuoteError::Overflow)?;
    Ok(QuoteTotals {
        revenue_minor: revenue,
        cost_minor: cost,
        margin_minor: margin,
        margin_bp: margin_bp(margin, revenue),
        lead_time_days,
    })
}

/// Where a customer's inquiry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InquiryStatus {
    /// Waiting for the house's quotation.
    Open,
    /// A quotation answers it.
    Quoted,
    /// Its quotation was accepted, declined, withdrawn or expired.
    Closed,
}

impl InquiryStatus {
    pub const ALL: [InquiryStatus; 3] = [Self::Open, Self::Quoted, Self::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Quoted => "quoted",
            Self::Closed => "closed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }
}

/// Where a quotation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotationStatus {
    /// Being costed by sales; may change freely.
    Draft,
    /// Waiting for the approvals its figures need.
    InApproval,
    /// Approved, not yet sent to the customer.
    Approved,
    /// With the customer, who may accept or decline until it expires.
    Sent,
    /// The customer accepted: the basis of the contract.
    Accepted,
    /// The customer said no.
    Declined,
    /// The validity passed without an answer.
    Expired,
    /// The house took it back.
    Withdrawn,
    /// A later revision replaced it (after a rejection or a revision).
    Superseded,
}

impl QuotationStatus {
    pub const ALL: [QuotationStatus; 9] = [
        Self::Draft,
        Self::InApproval,
        Self::Approved,
        Self::Sent,
        Self::Accepted,
        Self::Declined,
        Self::Expired,
        Self::Withdrawn,
        Self::Superseded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InApproval => "in_approval",
            Self::Approved => "approved",
            Self::Sent => "sent",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Expired => "expired",
            Self::Withdrawn => "withdrawn",
            Self::Superseded => "superseded",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::InApproval => "In approval",
            Self::Approved => "Approved",
            Self::Sent => "Sent to the customer",
            Self::Accepted => "Accepted",
            Self::Declined => "Declined",
            Self::Expired => "Expired",
            Self::Withdrawn => "Withdrawn",
            Self::Superseded => "Replaced by a later revision",
        }
    }

    /// The status as in "The quotation is … now" (`input-quote-is-…`).
    fn state_key(self) -> &'static str {
        match self {
            Self::Draft => "input-quote-is-draft",
            Self::InApproval => "input-quote-is-in_approval",
            Self::Approved => "input-quote-is-approved",
            Self::Sent => "input-quote-is-sent",
            Self::Accepted => "input-quote-is-accepted",
            Self::Declined => "input-quote-is-declined",
            Self::Expired => "input-quote-is-expired",
            Self::Withdrawn => "input-quote-is-withdrawn",
            Self::Superseded => "input-quote-is-superseded",
        }
    }

    /// Nothing happens to the quotation any more.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Accepted | Self::Declined | Self::Expired | Self::Withdrawn | Self::Superseded
        )
    }
}

/// What someone does with a quotation. The customer accepts or declines;
/// every other step is the house's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStep {
    /// Sales hands the draft in; without any approval needed it is approved
    /// at once.
    Submit {
        needs_approval: bool,
    },
    /// The last approval needed was given.
    ApprovalsDone,
    /// An approver said no; the quotation goes back to draft as a new
    /// revision.
    Rejected,
    /// The approved quotation goes to the customer.
    Send,
    Accept,
    Decline,
    /// The house takes the quotation back, at any point before it is final.
    Withdraw,
    /// The house changes an approved or sent quotation (new prices, a new
    /// validity): back to draft as a new revision, approved again before it
    /// goes out. The revision the customer holds can no longer be accepted.
    Revise,
}

impl QuoteStep {
    pub const ALL: [QuoteStep; 9] = [
        Self::Submit {
            needs_approval: true,
        },
        Self::Submit {
            needs_approval: false,
        },
        Self::ApprovalsDone,
        Self::Rejected,
        Self::Send,
        Self::Accept,
        Self::Decline,
        Self::Withdraw,
        Self::Revise,
    ];

    /// The customer takes this step; the house takes all others.
    pub fn by_customer(self) -> bool {
        matches!(self, Self::Accept | Self::Decline)
    }

    /// The step opens a new revision (see [`revision_after`]).
    pub fn opens_revision(self) -> bool {
        matches!(self, Self::Rejected | Self::Revise)
    }

    /// The step in words, as in "it cannot be … now".
    fn done_label(self) -> &'static str {
        match self {
            Self::Submit { .. } => "submitted",
            Self::ApprovalsDone => "approved",
            Self::Rejected => "sent back",
            Self::Send => "sent",
            Self::Accept => "accepted",
            Self::Decline => "declined",
            Self::Withdraw => "withdrawn",
            Self::Revise => "revised",
        }
    }

    /// [`Self::done_label`] in the catalogue (`input-quote-step-…`).
    fn done_key(self) -> &'static str {
        match self {
            Self::Submit { .. } => "input-quote-step-submitted",
            Self::ApprovalsDone => "input-quote-step-approved",
            Self::Rejected => "input-quote-step-sent-back",
            Self::Send => "input-quote-step-sent",
            Self::Accept => "input-quote-step-accepted",
            Self::Decline => "input-quote-step-declined",
            Self::Withdraw => "input-quote-step-withdrawn",
            Self::Revise => "input-quote-step-revised",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QuoteError {
    #[error("The amounts are too large to calculate; check the quantities and prices.")]
    Overflow,
    #[error(
        "The quotation is {}; it cannot be {} now.",
        .status.label().to_lowercase(),
        .step.done_label()
    )]
    NotAllowed {
        status: QuotationStatus,
        step: QuoteStep,
    },
    #[error("The quotation was valid until {valid_until}; it can no longer be accepted or sent.")]
    Expired { valid_until: NaiveDate },
    #[error(
        "Revision {accepted} was replaced by revision {current}; only the latest revision can be accepted."
    )]
    StaleRevision { accepted: u32, current: u32 },
    #[error("This quotation has no revision {revision}.")]
    UnknownRevision { revision: u32 },
}

impl QuoteError {
    /// The error as the catalogue says it, for the reader's language; its
    /// English is the error's own, and a test keeps the two the same.
    pub fn refusal(&self) -> Refusal {
        match *self {
            Self::Overflow => Refusal::new("input-quote-overflow"),
            Self::NotAllowed { status, step } => Refusal::new("input-quote-not-allowed")
                .with_message("status", status.state_key())
                .with_message("step", step.done_key()),
            Self::Expired { valid_until } => {
                Refusal::new("input-quote-expired").with("date", valid_until)
            }
            Self::StaleRevision { accepted, current } => Refusal::new("input-quote-stale-revision")
                .with("revision", accepted)
                .with("current", current),
            Self::UnknownRevision { revision } => {
                Refusal::new("input-quote-unknown-revision").with("revision", revision)
            }
        }
    }
}

/// The quotation state machine:
///
/// - draft → in approval (submit), or → approved when no approval is needed;
/// - in approval → approved (all approvals done) or → draft (rejected);
/// - approved → sent, while the validity lasts;
/// - sent → accepted (on or before `valid_until`) or declined, by the
///   customer;
/// - approved or sent → draft (revise);
/// - any state that is not final → withdrawn, by the house.
///
/// Accepted, declined, expired and withdrawn are final. Sending or accepting
/// after `valid_until` is [`QuoteError::Expired`]: the offer no longer
/// stands, and the house revises it with a new validity.
pub fn next(
    status: QuotationStatus,
    step: QuoteStep,
    today: NaiveDate,
    valid_until: NaiveDate,
) -> Result<QuotationStatus, QuoteError> {
    use QuotationStatus::*;
    let lapsed = today > valid_until;
    match (status, step) {
        (Draft, QuoteStep::Submit { needs_approval }) => {
            Ok(if needs_approval { InApproval } else { Approved })
        }
        (InApproval, QuoteStep::ApprovalsDone) => Ok(Approved),
        (InApproval, QuoteStep::Rejected) => Ok(Draft),
        (Approved, QuoteStep::Send) | (Sent, QuoteStep::Accept) if lapsed => {
            Err(QuoteError::Expired { valid_until })
        }
        (Approved, QuoteStep::Send) => Ok(Sent),
        (Sent, QuoteStep::Accept) => Ok(Accepted),
        (Sent, QuoteStep::Decline) => Ok(Declined),
        (Approved | Sent, QuoteStep::Revise) => Ok(Draft),
        (status, QuoteStep::Withdraw) if !status.is_final() => Ok(Withdrawn),
        (status, step) => Err(QuoteError::NotAllowed { status, step }),
    }
}

/// For the daily sweep: a sent quotation whose validity has passed becomes
/// expired (`None`: nothing to do). An approved quotation that was never
/// sent does not expire; it cannot be sent either, and the house revises it.
pub fn lapse(
    status: QuotationStatus,
    today: NaiveDate,
    valid_until: NaiveDate,
) -> Option<QuotationStatus> {
    (status == QuotationStatus::Sent && today > valid_until).then_some(QuotationStatus::Expired)
}

/// The revision number after a step: a rejection or a revision opens the
/// next one; every other step keeps it.
pub fn revision_after(revision: u32, step: QuoteStep) -> u32 {
    if step.opens_revision() {
        revision.saturating_add(1)
    } else {
        revision
    }
}

/// Whether the customer may accept `accepted`, the revision they hold, when
/// the quotation is at revision `current` in `status`. Only the current
/// revision, and only while it is sent, can be accepted: an older revision is
/// [`QuoteError::StaleRevision`] even while the new one is still being
/// prepared, because the house has already replaced its prices.
pub fn check_acceptance(
    accepted: u32,
    current: u32,
    status: QuotationStatus,
) -> Result<(), QuoteError> {
    match accepted.cmp(&current) {
        Ordering::Less => Err(QuoteError::StaleRevision { accepted, current }),
        Ordering::Greater => Err(QuoteError::UnknownRevision { revision: accepted }),
        Ordering::Equal if status != QuotationStatus::Sent => Err(QuoteError::NotAllowed {
            status,
            step: QuoteStep::Accept,
        }),
        Ordering::Equal => Ok(()),
    }
}

/// A quotation line as the submit check sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineReadiness {
    pub line_no: i32,
    pub has_factory: bool,
    pub purchase_price_minor: i64,
    pub selling_price_minor: i64,
}

/// What keeps a draft from going to approval: no lines, or a line without
/// its factory or either price. Each problem names its line.
pub fn submit_problems(lines: &[LineReadiness]) -> Vec<Refusal> {
    if lines.is_empty() {
        return vec![Refusal::new("err-quote-no-lines")];
    }
    let mut problems = Vec::new();
    for line in lines {
        let unready = [
            (!line.has_factory, "input-quote-line-factory"),
            (line.purchase_price_minor <= 0, "input-quote-line-purchase"),
            (line.selling_price_minor <= 0, "input-quote-line-selling"),
        ];
        for (_, key) in unready.into_iter().filter(|(lacking, _)| *lacking) {
            problems.push(Refusal::new(key).with("line", line.line_no));
        }
    }
    problems
}

/// The date the house commits to for a line when the customer accepts on
/// `accepted_on`: the customer's requested date, unless the factory's lead
/// time cannot make it, then the day the lead time reaches.
pub fn committed_date(
    requested: Option<NaiveDate>,
    lead_time_days: u32,
    accepted_on: NaiveDate,
) -> NaiveDate {
    let earliest = accepted_on
        .checked_add_days(chrono::Days::new(u64::from(lead_time_days)))
        .unwrap_or(NaiveDate::MAX);
    requested.map_or(earliest, |day| day.max(earliest))
}

#[cfg(test)]
mod tests;
