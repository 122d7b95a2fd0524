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
pub fn submit_problems(lines: &[LineReadiness]) -> Vec<String> {
    if lines.is_empty() {
        return vec!["A quotation needs at least one line.".to_string()];
    }
    let mut problems = Vec::new();
    for line in lines {
        if !line.has_factory {
            problems.push(format!("Line {}: choose the factory.", line.line_no));
        }
        if line.purchase_price_minor <= 0 {
            problems.push(format!("Line {}: give the factory's price.", line.line_no));
        }
        if line.selling_price_minor <= 0 {
            problems.push(format!("Line {}: give the selling price.", line.line_no));
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_draft_goes_to_approval_only_with_factories_and_prices() {
        assert_eq!(submit_problems(&[]).len(), 1);
        let ready = LineReadiness {
            line_no: 1,
            has_factory: true,
            purchase_price_minor: 800,
            selling_price_minor: 1_000,
        };
        assert!(submit_problems(&[ready]).is_empty());
        let unpriced = LineReadiness {
            line_no: 2,
            has_factory: false,
            purchase_price_minor: 0,
            selling_price_minor: 0,
        };
        let problems = submit_problems(&[ready, unpriced]);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().all(|p| p.starts_with("Line 2")));
    }

    #[test]
    fn the_commitment_is_the_requested_day_unless_the_lead_time_is_longer() {
        let accepted = day(1);
        assert_eq!(committed_date(Some(day(20)), 10, accepted), day(20));
        assert_eq!(committed_date(Some(day(5)), 10, accepted), day(11));
        assert_eq!(committed_date(None, 10, accepted), day(11));
    }

    proptest! {
        #[test]
        fn the_commitment_is_never_before_the_lead_time_nor_the_request(
            lead in 0u32..400,
            offset in 0i64..400,
        ) {
            let accepted = day(1);
            let requested = accepted + chrono::Duration::days(offset);
            let committed = committed_date(Some(requested), lead, accepted);
            prop_assert!(committed >= requested);
            prop_assert!(committed >= accepted + chrono::Duration::days(i64::from(lead)));
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    fn line(quantity: i64, purchase: i64, selling: i64, lead: u32) -> QuoteLine {
        QuoteLine {
            quantity,
            purchase_price_minor: purchase,
            selling_price_minor: selling,
            lead_time_days: lead,
        }
    }

    #[test]
    fn a_line_earns_its_margin() {
        // 1 000 mugs bought at 2.40, sold at 3.20.
        let mugs = line(1_000, 240, 320, 35);
        assert_eq!(line_revenue(&mugs), Ok(320_000));
        assert_eq!(line_cost(&mugs), Ok(240_000));
        assert_eq!(line_margin(&mugs), Ok(80_000));
        assert_eq!(margin_bp(80_000, 320_000), Some(2_500));
        // Sold below cost: a negative margin.
        let loss = line(10, 500, 400, 0);
        assert_eq!(line_margin(&loss), Ok(-1_000));
        assert_eq!(margin_bp(-1_000, 4_000), Some(-2_500));
    }

    #[test]
    fn margins_round_down_and_need_revenue() {
        // 14.999… % is below 15 %.
        assert_eq!(margin_bp(14_999, 100_000), Some(1_499));
        assert_eq!(margin_bp(1, 3), Some(3_333));
        // Down means down for losses too: −0.5 bp reads as −1 bp.
        assert_eq!(margin_bp(-1, 20_000), Some(-1));
        assert_eq!(margin_bp(0, 100), Some(0));
        assert_eq!(margin_bp(100, 0), None);
        assert_eq!(margin_bp(i64::MAX, 1), Some(i64::MAX));
        assert_eq!(margin_bp(i64::MIN, 1), Some(i64::MIN));
    }

    #[test]
    fn amounts_too_large_are_an_error() {
        let huge = line(i64::MAX, 2, 2, 0);
        assert_eq!(line_revenue(&huge), Err(QuoteError::Overflow));
        assert_eq!(line_cost(&huge), Err(QuoteError::Overflow));
        assert_eq!(line_margin(&huge), Err(QuoteError::Overflow));
        // Each line fits, the sum does not.
        let half = line(1, 0, i64::MAX / 2 + 1, 0);
        assert_eq!(totals(&[half, half]), Err(QuoteError::Overflow));
        // Revenue and cost fit, their difference does not.
        let wide = line(1, i64::MIN, i64::MAX, 0);
        assert_eq!(line_margin(&wide), Err(QuoteError::Overflow));
    }

    #[test]
    fn totals_add_up_the_lines() {
        let lines = [line(1_000, 240, 320, 35), line(500, 1_000, 1_100, 50)];
        assert_eq!(
            totals(&lines),
            Ok(QuoteTotals {
                revenue_minor: 870_000,
                cost_minor: 740_000,
                margin_minor: 130_000,
                margin_bp: Some(1_494),
                lead_time_days: 50,
            })
        );
        assert_eq!(totals(&[]), Ok(QuoteTotals::default()));
        assert_eq!(totals(&[]).unwrap().margin_bp, None);
    }

    #[test]
    fn statuses_round_trip() {
        for status in QuotationStatus::ALL {
            assert_eq!(QuotationStatus::parse(status.as_str()), Some(status));
            let stored = serde_json::to_string(&status).unwrap();
            assert_eq!(stored, format!("\"{}\"", status.as_str()));
        }
        assert_eq!(
            QuotationStatus::parse("in_approval"),
            Some(QuotationStatus::InApproval)
        );
        assert_eq!(QuotationStatus::parse("InApproval"), None);
        assert_eq!(QuotationStatus::parse(""), None);
    }

    #[test]
    fn the_usual_way_to_a_contract() {
        use QuotationStatus::*;
        let (today, until) = (day(1), day(31));
        let step = |status, step| next(status, step, today, until);
        let submitted = step(
            Draft,
            QuoteStep::Submit {
                needs_approval: true,
            },
        );
        assert_eq!(submitted, Ok(InApproval));
        assert_eq!(step(InApproval, QuoteStep::ApprovalsDone), Ok(Approved));
        assert_eq!(step(Approved, QuoteStep::Send), Ok(Sent));
        assert_eq!(step(Sent, QuoteStep::Accept), Ok(Accepted));
        assert_eq!(step(Sent, QuoteStep::Decline), Ok(Declined));
        // No approval needed: straight to approved.
        let direct = step(
            Draft,
            QuoteStep::Submit {
                needs_approval: false,
            },
        );
        assert_eq!(direct, Ok(Approved));
        // A rejection and a revision both go back to draft.
        assert_eq!(step(InApproval, QuoteStep::Rejected), Ok(Draft));
        assert_eq!(step(Sent, QuoteStep::Revise), Ok(Draft));
        assert_eq!(step(Approved, QuoteStep::Revise), Ok(Draft));
    }

    #[test]
    fn steps_out_of_turn_are_refused() {
        use QuotationStatus::*;
        let (today, until) = (day(1), day(31));
        let err = next(Draft, QuoteStep::Send, today, until).unwrap_err();
        assert_eq!(
            err,
            QuoteError::NotAllowed {
                status: Draft,
                step: QuoteStep::Send
            }
        );
        assert_eq!(
            err.to_string(),
            "The quotation is draft; it cannot be sent now."
        );
        assert!(next(Approved, QuoteStep::Accept, today, until).is_err());
        assert!(next(InApproval, QuoteStep::Send, today, until).is_err());
        assert!(next(Draft, QuoteStep::Revise, today, until).is_err());
        for status in QuotationStatus::ALL.into_iter().filter(|s| s.is_final()) {
            for step in QuoteStep::ALL {
                assert!(
                    next(status, step, today, until).is_err(),
                    "{status:?} {step:?}"
                );
            }
        }
    }

    #[test]
    fn the_validity_date_is_the_last_day_to_accept() {
        use QuotationStatus::*;
        assert_eq!(
            next(Sent, QuoteStep::Accept, day(31), day(31)),
            Ok(Accepted)
        );
        assert_eq!(
            next(
                Sent,
                QuoteStep::Accept,
                NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
                day(31)
            ),
            Err(QuoteError::Expired {
                valid_until: day(31)
            })
        );
        assert_eq!(
            next(Approved, QuoteStep::Send, day(2), day(1)),
            Err(QuoteError::Expired {
                valid_until: day(1)
            })
        );
        // Declining and withdrawing stay possible after the validity.
        assert_eq!(next(Sent, QuoteStep::Decline, day(2), day(1)), Ok(Declined));
        assert_eq!(
            next(Sent, QuoteStep::Withdraw, day(2), day(1)),
            Ok(Withdrawn)
        );
        assert_eq!(lapse(Sent, day(2), day(1)), Some(Expired));
        assert_eq!(lapse(Sent, day(1), day(1)), None);
        assert_eq!(lapse(Approved, day(2), day(1)), None);
        assert_eq!(lapse(Accepted, day(2), day(1)), None);
    }

    #[test]
    fn the_house_may_withdraw_until_the_end() {
        for status in QuotationStatus::ALL {
            let withdrawn = next(status, QuoteStep::Withdraw, day(1), day(2));
            if status.is_final() {
                assert!(withdrawn.is_err());
            } else {
                assert_eq!(withdrawn, Ok(QuotationStatus::Withdrawn));
            }
        }
        assert!(QuoteStep::Accept.by_customer());
        assert!(QuoteStep::Decline.by_customer());
        assert!(!QuoteStep::Withdraw.by_customer());
    }

    #[test]
    fn only_the_current_sent_revision_can_be_accepted() {
        use QuotationStatus::*;
        assert_eq!(check_acceptance(3, 3, Sent), Ok(()));
        let stale = check_acceptance(2, 3, Sent).unwrap_err();
        assert_eq!(
            stale,
            QuoteError::StaleRevision {
                accepted: 2,
                current: 3
            }
        );
        assert!(stale.to_string().contains("revision 3"));
        // Revision 3 being prepared: revision 2 is gone already.
        assert!(matches!(
            check_acceptance(2, 3, Draft),
            Err(QuoteError::StaleRevision { .. })
        ));
        assert_eq!(
            check_acceptance(4, 3, Sent),
            Err(QuoteError::UnknownRevision { revision: 4 })
        );
        assert!(matches!(
            check_acceptance(3, 3, Approved),
            Err(QuoteError::NotAllowed { .. })
        ));
        assert_eq!(revision_after(1, QuoteStep::Rejected), 2);
        assert_eq!(revision_after(2, QuoteStep::Revise), 3);
        assert_eq!(revision_after(2, QuoteStep::Send), 2);
        assert_eq!(revision_after(u32::MAX, QuoteStep::Revise), u32::MAX);
    }

    fn any_step() -> impl Strategy<Value = QuoteStep> {
        proptest::sample::select(QuoteStep::ALL.to_vec())
    }

    fn any_status() -> impl Strategy<Value = QuotationStatus> {
        proptest::sample::select(QuotationStatus::ALL.to_vec())
    }

    proptest! {
        /// No input makes the arithmetic panic, and whatever it returns is
        /// the exact figure.
        #[test]
        fn line_figures_are_exact_or_an_error(
            quantity in any::<i64>(),
            purchase in any::<i64>(),
            selling in any::<i64>(),
        ) {
            let l = line(quantity, purchase, selling, 0);
            let revenue = i128::from(quantity) * i128::from(selling);
            let cost = i128::from(quantity) * i128::from(purchase);
            match line_revenue(&l) {
                Ok(r) => prop_assert_eq!(i128::from(r), revenue),
                Err(_) => prop_assert!(i64::try_from(revenue).is_err()),
            }
            match line_cost(&l) {
                Ok(c) => prop_assert_eq!(i128::from(c), cost),
                Err(_) => prop_assert!(i64::try_from(cost).is_err()),
            }
            if let Ok(m) = line_margin(&l) {
                prop_assert_eq!(i128::from(m), revenue - cost);
            }
            if let Ok(t) = totals(&[l, l]) {
                prop_assert_eq!(i128::from(t.margin_minor), 2 * (revenue - cost));
            }
        }

        /// The margin in basis points is the largest whole number not above
        /// the exact share.
        #[test]
        fn margin_bp_is_the_floor_of_the_share(
            margin in -1_000_000_000_000i64..1_000_000_000_000,
            revenue in 1i64..1_000_000_000_000,
        ) {
            let bp = i128::from(margin_bp(margin, revenue).unwrap());
            let (m, r) = (i128::from(margin) * 10_000, i128::from(revenue));
            prop_assert!(bp * r <= m);
            prop_assert!((bp + 1) * r > m);
        }

        /// Within realistic sizes the totals always exist, add up exactly,
        /// and a quotation sold at or above cost has a margin of 0–100 %.
        #[test]
        fn realistic_quotations_add_up(
            raw in proptest::collection::vec(
                (1i64..1_000_000, 0i64..1_000_000_000, 0i64..1_000_000_000, 0u32..400),
                0..20,
            ),
        ) {
            let lines: Vec<QuoteLine> = raw.iter().map(|&(q, p, s, d)| line(q, p, s, d)).collect();
            let t = totals(&lines).unwrap();
            let revenue: i64 = lines.iter().map(|l| l.quantity * l.selling_price_minor).sum();
            let cost: i64 = lines.iter().map(|l| l.quantity * l.purchase_price_minor).sum();
            prop_assert_eq!(t.revenue_minor, revenue);
            prop_assert_eq!(t.cost_minor, cost);
            prop_assert_eq!(t.margin_minor, revenue - cost);
            let margins: i64 = lines.iter().map(|l| line_margin(l).unwrap()).sum();
            prop_assert_eq!(t.margin_minor, margins);
            prop_assert_eq!(t.lead_time_days, lines.iter().map(|l| l.lead_time_days).max().unwrap_or(0));
            if revenue > 0 && cost <= revenue {
                let bp = t.margin_bp.unwrap();
                prop_assert!((0..=10_000).contains(&bp));
            }
        }

        /// Any sequence of steps: final states stay final, only a sent
        /// quotation becomes accepted, and never after its validity.
        #[test]
        fn the_state_machine_holds(
            steps in proptest::collection::vec((any_step(), 0u32..60), 0..30),
        ) {
            let until = day(20);
            let mut status = QuotationStatus::Draft;
            for (step, offset) in steps {
                let today = day(1) + chrono::Duration::days(i64::from(offset));
                match next(status, step, today, until) {
                    Ok(after) => {
                        prop_assert!(!status.is_final());
                        if after == QuotationStatus::Accepted {
                            prop_assert_eq!(status, QuotationStatus::Sent);
                            prop_assert!(today <= until);
                        }
                        if after == QuotationStatus::Sent {
                            prop_assert_eq!(status, QuotationStatus::Approved);
                        }
                        status = after;
                    }
                    Err(QuoteError::Expired { .. }) => {
                        prop_assert!(today > until);
                    }
                    Err(_) => {}
                }
            }
        }

        /// Acceptance is valid exactly for the current revision while sent.
        #[test]
        fn acceptance_needs_the_current_sent_revision(
            accepted in any::<u32>(),
            current in any::<u32>(),
            status in any_status(),
        ) {
            let ok = check_acceptance(accepted, current, status).is_ok();
            prop_assert_eq!(ok, accepted == current && status == QuotationStatus::Sent);
        }
    }
}
