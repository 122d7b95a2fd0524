//! Who must approve a quotation before it goes to the customer, and the
//! approval steps themselves. The route follows from the quotation's figures:
//! the sales manager always looks at it, the cost accountant when the margin
//! is thin, the commercial director when the amount is large or the customer
//! offers less deposit than their credit requires. Steps are taken one after
//! the other in a fixed order; one rejection sends the quotation back to
//! sales for a new revision.
//!
//! Each step has a target time. An approver who lets it pass is reminded;
//! at twice the target the step is escalated.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::credit::DepositCheck;
use super::quotation::QuoteStep;

/// The levels of the house's staff that take part in approvals, in the
/// order their steps are taken. Administrators are no level: they may act
/// on any step (see [`can_act`]), to cover for an absent approver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffLevel {
    Sales,
    SalesManager,
    CostAccountant,
    CommercialDirector,
}

impl StaffLevel {
    pub const ALL: [StaffLevel; 4] = [
        Self::Sales,
        Self::SalesManager,
        Self::CostAccountant,
        Self::CommercialDirector,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sales => "sales",
            Self::SalesManager => "sales_manager",
            Self::CostAccountant => "cost_accountant",
            Self::CommercialDirector => "commercial_director",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == raw.trim())
    }
}

/// The house's approval rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalRules {
    /// Levels that approve every quotation.
    pub always: Vec<StaffLevel>,
    /// The cost accountant approves a margin below this (in basis points of
    /// revenue), and any quotation whose margin cannot be worked out.
    pub cost_accountant_below_margin_bp: Option<u32>,
    /// The commercial director approves a total above this (in minor
    /// units).
    pub director_above_amount_minor: Option<i64>,
    /// The commercial director approves a deposit below what the customer's
    /// credit requires.
    pub director_when_deposit_short: bool,
    /// The time each step should take; see [`overdue`].
    pub step_target_minutes: u32,
}

impl Default for ApprovalRules {
    /// The sales manager always; the cost accountant below 15 % margin; the
    /// commercial director when the deposit is short; four hours per step.
    /// No amount limit: an amount means something only in a currency, so
    /// the house sets it.
    fn default() -> Self {
        Self {
            always: vec![StaffLevel::SalesManager],
            cost_accountant_below_margin_bp: Some(1_500),
            director_above_amount_minor: None,
            director_when_deposit_short: true,
            step_target_minutes: 240,
        }
    }
}

/// What the route looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteFacts {
    pub total_minor: i64,
    /// The margin in basis points of revenue; `None` without revenue.
    pub margin_bp: Option<i64>,
    pub deposit: DepositCheck,
}

/// Why a level must approve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RouteReason {
    /// The level approves every quotation.
    Always,
    /// The margin is below the limit.
    LowMargin { margin_bp: i64, limit_bp: u32 },
    /// There is no revenue, so no margin to judge.
    NoMargin,
    /// The total is above the limit.
    LargeAmount { total_minor: i64, limit_minor: i64 },
    /// The deposit offered is below what the customer's credit requires.
    DepositShort { short_by_bp: u32 },
}

/// One level on the route, with every reason it is there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteEntry {
    pub level: StaffLevel,
    pub reasons: Vec<RouteReason>,
}

/// The levels that must approve a quotation with these facts, each once, in
/// the order of [`StaffLevel`]. Empty when no approval is needed.
pub fn route(rules: &ApprovalRules, facts: &QuoteFacts) -> Vec<RouteEntry> {
    let mut needed: Vec<(StaffLevel, RouteReason)> = rules
        .always
        .iter()
        .map(|level| (*level, RouteReason::Always))
        .collect();
    if let Some(limit_bp) = rules.cost_accountant_below_margin_bp {
        match facts.margin_bp {
            Some(margin_bp) if margin_bp < i64::from(limit_bp) => needed.push((
                StaffLevel::CostAccountant,
                RouteReason::LowMargin {
                    margin_bp,
                    limit_bp,
                },
            )),
            Some(_) => {}
            None => needed.push((StaffLevel::CostAccountant, RouteReason::NoMargin)),
        }
    }
    if let Some(limit_minor) = rules.director_above_amount_minor
        && facts.total_minor > limit_minor
    {
        needed.push((
            StaffLevel::CommercialDirector,
            RouteReason::LargeAmount {
                total_minor: facts.total_minor,
                limit_minor,
            },
        ));
    }
    if rules.director_when_deposit_short
        && let DepositCheck::NeedsDirector { short_by_bp } = facts.deposit
    {
        needed.push((
            StaffLevel::CommercialDirector,
            RouteReason::DepositShort { short_by_bp },
        ));
    }
    StaffLevel::ALL
        .into_iter()
        .filter_map(|level| {
            let mut reasons: Vec<RouteReason> = needed
                .iter()
                .filter(|(l, _)| *l == level)
                .map(|(_, reason)| *reason)
                .collect();
            reasons.dedup();
            (!reasons.is_empty()).then_some(RouteEntry { level, reasons })
        })
        .collect()
}

/// An approver's decision on a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub approve: bool,
    /// The user who decided.
    pub by: i32,
    #[serde(with = "crate::compact_dates")]
    pub at: DateTime<Utc>,
    /// Required when rejecting: sales needs to know what to change.
    pub comment: String,
}

/// One approval a quotation needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalStep {
    pub level: StaffLevel,
    pub decision: Option<Decision>,
    /// When the decision should be made. Provisional for steps after the
    /// current one: approving a step moves the later steps' times so each
    /// keeps its full target from then on.
    #[serde(with = "crate::compact_dates")]
    pub due: DateTime<Utc>,
}

/// The steps for a route submitted at `now`, each due one target after the
/// one before.
pub fn plan(
    route: &[RouteEntry],
    now: DateTime<Utc>,
    step_target_minutes: u32,
) -> Vec<ApprovalStep> {
    let mut due = now;
    route
        .iter()
        .map(|entry| {
            due = after_minutes(due, step_target_minutes);
            ApprovalStep {
                level: entry.level,
                decision: None,
                due,
            }
        })
        .collect()
}

/// Where a sequence of steps stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ApprovalOutcome {
    /// Waiting for the decision at `step`.
    Pending { step: usize },
    /// Every step approved (also when there were no steps).
    Approved,
    /// Rejected at `step`; the steps after it will not be taken.
    Rejected { step: usize },
}

impl ApprovalOutcome {
    /// The quotation step this outcome calls for, once there is one.
    pub fn quote_step(self) -> Option<QuoteStep> {
        match self {
            Self::Pending { .. } => None,
            Self::Approved => Some(QuoteStep::ApprovalsDone),
            Self::Rejected { .. } => Some(QuoteStep::Rejected),
        }
    }
}

pub fn outcome(steps: &[ApprovalStep]) -> ApprovalOutcome {
    let rejected = steps
        .iter()
        .position(|s| s.decision.as_ref().is_some_and(|d| !d.approve));
    if let Some(step) = rejected {
        return ApprovalOutcome::Rejected { step };
    }
    match steps.iter().position(|s| s.decision.is_none()) {
        Some(step) => ApprovalOutcome::Pending { step },
        None => ApprovalOutcome::Approved,
    }
}

/// The step waiting for a decision: the first undecided one; `None` once
/// any step was rejected or all were approved.
pub fn current_step(steps: &[ApprovalStep]) -> Option<usize> {
    match outcome(steps) {
        ApprovalOutcome::Pending { step } => Some(step),
        ApprovalOutcome::Approved | ApprovalOutcome::Rejected { .. } => None,
    }
}

/// Whether a person may decide `step`: it is undecided, and they are of its
/// level or an administrator. Administrators may act for any level so that
/// an absent approver never blocks a quotation; the decision records who
/// took it. A higher level does not stand in for a lower one: each step is
/// a different check.
pub fn can_act(level: Option<StaffLevel>, is_admin: bool, step: &ApprovalStep) -> bool {
    step.decision.is_none() && (is_admin || level == Some(step.level))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ApprovalError {
    #[error("There is no such approval step.")]
    NoSuchStep,
    #[error("This step was already decided.")]
    AlreadyDecided,
    #[error("This quotation was already sent back; it needs a new revision.")]
    Closed,
    #[error("An earlier approval is still open; this step comes after it.")]
    NotCurrent,
    #[error("Say why you reject it, so sales knows what to change.")]
    CommentNeeded,
}

impl ApprovalError {
    /// The message-catalogue key; its English is the error's own, and a
    /// test keeps the two the same.
    pub fn key(self) -> &'static str {
        match self {
            Self::NoSuchStep => "input-approval-no-step",
            Self::AlreadyDecided => "input-approval-decided",
            Self::Closed => "input-approval-closed",
            Self::NotCurrent => "input-approval-not-current",
            Self::CommentNeeded => "input-approval-comment-needed",
        }
    }
}

/// Records a decision on step `idx`, which must be the current step. Of two
/// approvers deciding at once only the first succeeds; the second finds the
/// step decided. Approving moves the provisional due times of the later
/// steps (see [`ApprovalStep::due`]). Returns where the sequence stands now.
pub fn decide(
    steps: &mut [ApprovalStep],
    idx: usize,
    decision: Decision,
) -> Result<ApprovalOutcome, ApprovalError> {
    let step = steps.get(idx).ok_or(ApprovalError::NoSuchStep)?;
    if step.decision.is_some() {
        return Err(ApprovalError::AlreadyDecided);
    }
    match outcome(steps) {
        ApprovalOutcome::Rejected { .. } => return Err(ApprovalError::Closed),
        ApprovalOutcome::Pending { step } if step != idx => return Err(ApprovalError::NotCurrent),
        _ => {}
    }
    if !decision.approve && decision.comment.trim().is_empty() {
        return Err(ApprovalError::CommentNeeded);
    }
    if decision.approve {
        let shift = decision.at - steps[idx].due;
        for later in &mut steps[idx + 1..] {
            if let Some(due) = later.due.checked_add_signed(shift) {
                later.due = due;
            }
        }
    }
    steps[idx].decision = Some(decision);
    Ok(outcome(steps))
}

/// What a step that is taking long calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reminder {
    Nothing,
    /// The target time passed: remind the approvers of the level.
    Remind,
    /// Twice the target passed: tell the level above (and administrators).
    Escalate,
}

/// What the current step calls for at `now`: a reminder once its due time
/// (one target after it became current) has passed, an escalation once
/// twice the target has. A decided step calls for nothing. Ask only about
/// the current step; later steps' due times are provisional.
pub fn overdue(step: &ApprovalStep, now: DateTime<Utc>, step_target_minutes: u32) -> Reminder {
    if step.decision.is_some() {
        Reminder::Nothing
    } else if now >= after_minutes(step.due, step_target_minutes) {
        Reminder::Escalate
    } else if now >= step.due {
        Reminder::Remind
    } else {
        Reminder::Nothing
    }
}

/// For the reminder job: the current step and the reminder to send for it,
/// given the one already sent for it. Each is sent once; an escalation
/// needs no reminder before it.
pub fn reminder_to_send(
    steps: &[ApprovalStep],
    now: DateTime<Utc>,
    step_target_minutes: u32,
    already_sent: Reminder,
) -> Option<(usize, Reminder)> {
    let idx = current_step(steps)?;
    let due = overdue(&steps[idx], now, step_target_minutes);
    (due > already_sent).then_some((idx, due))
}

/// `start` plus `minutes`, staying at chrono's last instant instead of
/// overflowing.
fn after_minutes(start: DateTime<Utc>, minutes: u32) -> DateTime<Utc> {
    Duration::try_minutes(i64::from(minutes))
        .and_then(|d| start.checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

#[cfg(test)]
mod tests;
