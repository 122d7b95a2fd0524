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

    pub fn label(self) -> &'static str {
        match self {
            Self::Sales => "Sales",
            Self::SalesManager => "Sales manager",
            Self::CostAccountant => "Cost accountant",
            Self::CommercialDirector => "Commercial director",
        }
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(minutes)
    }

    fn facts(total_minor: i64, margin_bp: Option<i64>, deposit: DepositCheck) -> QuoteFacts {
        QuoteFacts {
            total_minor,
            margin_bp,
            deposit,
        }
    }

    fn levels(route: &[RouteEntry]) -> Vec<StaffLevel> {
        route.iter().map(|e| e.level).collect()
    }

    fn yes(by: i32, at: i64) -> Decision {
        Decision {
            approve: true,
            by,
            at: t(at),
            comment: String::new(),
        }
    }

    fn no(by: i32, at: i64, comment: &str) -> Decision {
        Decision {
            approve: false,
            by,
            at: t(at),
            comment: comment.to_string(),
        }
    }

    #[test]
    fn levels_round_trip_in_order() {
        for level in StaffLevel::ALL {
            assert_eq!(StaffLevel::parse(level.as_str()), Some(level));
            assert!(!level.label().is_empty());
        }
        assert_eq!(StaffLevel::parse("admin"), None);
        assert!(StaffLevel::SalesManager < StaffLevel::CostAccountant);
        assert!(StaffLevel::CostAccountant < StaffLevel::CommercialDirector);
        let stored = serde_json::to_string(&StaffLevel::CommercialDirector).unwrap();
        assert_eq!(stored, "\"commercial_director\"");
    }

    #[test]
    fn the_default_route() {
        use StaffLevel::*;
        let rules = ApprovalRules::default();
        let healthy = route(&rules, &facts(1_000_000, Some(2_500), DepositCheck::Enough));
        assert_eq!(
            healthy,
            [RouteEntry {
                level: SalesManager,
                reasons: vec![RouteReason::Always]
            }]
        );
        // 15 % exactly is enough; below it the cost accountant checks.
        let at_limit = route(&rules, &facts(1_000_000, Some(1_500), DepositCheck::Enough));
        assert_eq!(levels(&at_limit), [SalesManager]);
        let thin = route(&rules, &facts(1_000_000, Some(1_499), DepositCheck::Enough));
        assert_eq!(levels(&thin), [SalesManager, CostAccountant]);
        assert_eq!(
            thin[1].reasons,
            [RouteReason::LowMargin {
                margin_bp: 1_499,
                limit_bp: 1_500
            }]
        );
        let unknown = route(&rules, &facts(0, None, DepositCheck::Enough));
        assert_eq!(unknown[1].reasons, [RouteReason::NoMargin]);
        // Without an amount limit, only a short deposit calls the director.
        let short = DepositCheck::NeedsDirector { short_by_bp: 2_000 };
        let big_short = route(&rules, &facts(i64::MAX, Some(2_500), short));
        assert_eq!(levels(&big_short), [SalesManager, CommercialDirector]);
    }

    #[test]
    fn one_entry_per_level_with_every_reason() {
        use StaffLevel::*;
        let rules = ApprovalRules {
            always: vec![CommercialDirector, SalesManager, SalesManager],
            director_above_amount_minor: Some(10_000_000),
            ..ApprovalRules::default()
        };
        let short = DepositCheck::NeedsDirector { short_by_bp: 2_000 };
        let got = route(&rules, &facts(10_000_001, Some(900), short));
        assert_eq!(
            levels(&got),
            [SalesManager, CostAccountant, CommercialDirector]
        );
        assert_eq!(got[0].reasons, [RouteReason::Always]);
        assert_eq!(
            got[2].reasons,
            [
                RouteReason::Always,
                RouteReason::LargeAmount {
                    total_minor: 10_000_001,
                    limit_minor: 10_000_000
                },
                RouteReason::DepositShort { short_by_bp: 2_000 },
            ]
        );
        // At the limit is not above it.
        let at = route(
            &rules,
            &facts(10_000_000, Some(9_000), DepositCheck::Enough),
        );
        assert_eq!(at[1].reasons, [RouteReason::Always]);
        // No rules, no route: the quotation needs no approval.
        let none = ApprovalRules {
            always: Vec::new(),
            cost_accountant_below_margin_bp: None,
            director_above_amount_minor: None,
            director_when_deposit_short: false,
            step_target_minutes: 240,
        };
        assert!(route(&none, &facts(i64::MAX, None, short)).is_empty());
    }

    fn steps_for(levels: &[StaffLevel]) -> Vec<ApprovalStep> {
        let entries: Vec<RouteEntry> = levels
            .iter()
            .map(|level| RouteEntry {
                level: *level,
                reasons: vec![RouteReason::Always],
            })
            .collect();
        plan(&entries, t(0), 240)
    }

    #[test]
    fn steps_are_taken_in_order() {
        use StaffLevel::*;
        let mut steps = steps_for(&[SalesManager, CostAccountant, CommercialDirector]);
        assert_eq!(steps[0].due, t(240));
        assert_eq!(steps[2].due, t(720));
        assert_eq!(current_step(&steps), Some(0));
        assert_eq!(
            decide(&mut steps, 1, yes(2, 10)),
            Err(ApprovalError::NotCurrent)
        );
        assert_eq!(
            decide(&mut steps, 3, yes(2, 10)),
            Err(ApprovalError::NoSuchStep)
        );
        // Approved early: the next step gets its full four hours from now.
        assert_eq!(
            decide(&mut steps, 0, yes(1, 60)),
            Ok(ApprovalOutcome::Pending { step: 1 })
        );
        assert_eq!(steps[1].due, t(300));
        assert_eq!(steps[2].due, t(540));
        // The second of two approvers at once finds the step decided.
        assert_eq!(
            decide(&mut steps, 0, yes(9, 61)),
            Err(ApprovalError::AlreadyDecided)
        );
        assert_eq!(
            decide(&mut steps, 1, yes(2, 400)),
            Ok(ApprovalOutcome::Pending { step: 2 })
        );
        assert_eq!(steps[2].due, t(640));
        let done = decide(&mut steps, 2, yes(3, 500)).unwrap();
        assert_eq!(done, ApprovalOutcome::Approved);
        assert_eq!(done.quote_step(), Some(QuoteStep::ApprovalsDone));
        assert_eq!(current_step(&steps), None);
    }

    #[test]
    fn one_rejection_ends_the_sequence() {
        use StaffLevel::*;
        let mut steps = steps_for(&[SalesManager, CostAccountant]);
        assert_eq!(
            decide(&mut steps, 0, no(1, 5, "  ")),
            Err(ApprovalError::CommentNeeded)
        );
        let sent_back = decide(&mut steps, 0, no(1, 5, "Freight is missing.")).unwrap();
        assert_eq!(sent_back, ApprovalOutcome::Rejected { step: 0 });
        assert_eq!(sent_back.quote_step(), Some(QuoteStep::Rejected));
        assert_eq!(current_step(&steps), None);
        assert_eq!(decide(&mut steps, 1, yes(2, 6)), Err(ApprovalError::Closed));
        // No steps at all: approved.
        assert_eq!(outcome(&[]), ApprovalOutcome::Approved);
        assert_eq!(current_step(&[]), None);
    }

    #[test]
    fn who_may_act() {
        use StaffLevel::*;
        let mut steps = steps_for(&[CostAccountant]);
        assert!(can_act(Some(CostAccountant), false, &steps[0]));
        assert!(!can_act(Some(CommercialDirector), false, &steps[0]));
        assert!(!can_act(Some(SalesManager), false, &steps[0]));
        assert!(!can_act(None, false, &steps[0]));
        assert!(can_act(None, true, &steps[0]));
        assert!(can_act(Some(Sales), true, &steps[0]));
        decide(&mut steps, 0, yes(1, 1)).unwrap();
        assert!(!can_act(Some(CostAccountant), false, &steps[0]));
        assert!(!can_act(None, true, &steps[0]));
    }

    #[test]
    fn reminders_then_escalation_each_once() {
        let mut steps = steps_for(&[StaffLevel::SalesManager]);
        let step = &steps[0];
        assert_eq!(overdue(step, t(239), 240), Reminder::Nothing);
        assert_eq!(overdue(step, t(240), 240), Reminder::Remind);
        assert_eq!(overdue(step, t(479), 240), Reminder::Remind);
        assert_eq!(overdue(step, t(480), 240), Reminder::Escalate);
        assert_eq!(
            reminder_to_send(&steps, t(100), 240, Reminder::Nothing),
            None
        );
        assert_eq!(
            reminder_to_send(&steps, t(300), 240, Reminder::Nothing),
            Some((0, Reminder::Remind))
        );
        assert_eq!(
            reminder_to_send(&steps, t(300), 240, Reminder::Remind),
            None
        );
        assert_eq!(
            reminder_to_send(&steps, t(500), 240, Reminder::Remind),
            Some((0, Reminder::Escalate))
        );
        assert_eq!(
            reminder_to_send(&steps, t(900), 240, Reminder::Escalate),
            None
        );
        // A job that slept through the reminder escalates straight away.
        assert_eq!(
            reminder_to_send(&steps, t(900), 240, Reminder::Nothing),
            Some((0, Reminder::Escalate))
        );
        decide(&mut steps, 0, yes(1, 1_000)).unwrap();
        assert_eq!(overdue(&steps[0], t(2_000), 240), Reminder::Nothing);
        assert_eq!(
            reminder_to_send(&steps, t(2_000), 240, Reminder::Nothing),
            None
        );
    }

    fn any_level() -> impl Strategy<Value = StaffLevel> {
        proptest::sample::select(StaffLevel::ALL.to_vec())
    }

    fn any_deposit() -> impl Strategy<Value = DepositCheck> {
        prop_oneof![
            Just(DepositCheck::Enough),
            (1u32..=10_000).prop_map(|short_by_bp| DepositCheck::NeedsDirector { short_by_bp }),
        ]
    }

    fn any_rules() -> impl Strategy<Value = ApprovalRules> {
        (
            proptest::collection::vec(any_level(), 0..5),
            proptest::option::of(0u32..5_000),
            proptest::option::of(any::<i64>()),
            any::<bool>(),
        )
            .prop_map(|(always, margin, amount, short)| ApprovalRules {
                always,
                cost_accountant_below_margin_bp: margin,
                director_above_amount_minor: amount,
                director_when_deposit_short: short,
                step_target_minutes: 240,
            })
    }

    fn has(route: &[RouteEntry], level: StaffLevel) -> bool {
        route.iter().any(|e| e.level == level)
    }

    proptest! {
        /// The route names each level once, in order, each with a reason.
        #[test]
        fn routes_are_ordered_and_unique(
            rules in any_rules(),
            total in any::<i64>(),
            margin in proptest::option::of(any::<i64>()),
            deposit in any_deposit(),
        ) {
            let got = route(&rules, &facts(total, margin, deposit));
            prop_assert!(got.windows(2).all(|w| w[0].level < w[1].level));
            prop_assert!(got.iter().all(|e| !e.reasons.is_empty()));
            for level in &rules.always {
                prop_assert!(has(&got, *level));
            }
        }

        /// A better margin never calls the cost accountant in; a larger
        /// amount never lets the director off.
        #[test]
        fn routes_are_monotonic(
            rules in any_rules(),
            totals in (any::<i64>(), any::<i64>()),
            margins in (-20_000i64..20_000, -20_000i64..20_000),
            deposit in any_deposit(),
        ) {
            let (small, large) = (totals.0.min(totals.1), totals.0.max(totals.1));
            let (thin, fat) = (margins.0.min(margins.1), margins.0.max(margins.1));
            let fat_route = route(&rules, &facts(small, Some(fat), deposit));
            let thin_route = route(&rules, &facts(small, Some(thin), deposit));
            if has(&fat_route, StaffLevel::CostAccountant) {
                prop_assert!(has(&thin_route, StaffLevel::CostAccountant));
            }
            let large_route = route(&rules, &facts(large, Some(fat), deposit));
            if has(&fat_route, StaffLevel::CommercialDirector) {
                prop_assert!(has(&large_route, StaffLevel::CommercialDirector));
            }
        }

        /// Whatever approvers try in whatever order, the sequence ends
        /// approved only when every step was approved, and only the current
        /// step ever takes a decision.
        #[test]
        fn approved_means_every_step_approved(
            levels in proptest::collection::vec(any_level(), 0..5),
            attempts in proptest::collection::vec((0usize..6, any::<bool>()), 0..20),
        ) {
            let mut steps = steps_for(&levels);
            for (n, (idx, approve)) in attempts.into_iter().enumerate() {
                let before = current_step(&steps);
                let minute = i64::try_from(n).unwrap();
                let decision = if approve { yes(1, minute) } else { no(1, minute, "No.") };
                match decide(&mut steps, idx, decision) {
                    Ok(_) => prop_assert_eq!(before, Some(idx)),
                    Err(_) => prop_assert_ne!(before, Some(idx)),
                }
            }
            if outcome(&steps) == ApprovalOutcome::Approved {
                prop_assert!(steps.iter().all(|s| s.decision.as_ref().is_some_and(|d| d.approve)));
            }
            if let ApprovalOutcome::Rejected { step } = outcome(&steps) {
                prop_assert!(steps[step + 1..].iter().all(|s| s.decision.is_none()));
            }
        }

        /// Reminders only grow with time, and a decided step needs none.
        #[test]
        fn reminders_grow_with_time(
            target in 0u32..10_000,
            a in -20_000i64..20_000,
            b in -20_000i64..20_000,
        ) {
            let step = ApprovalStep {
                level: StaffLevel::SalesManager,
                decision: None,
                due: t(0),
            };
            let (early, late) = (a.min(b), a.max(b));
            prop_assert!(overdue(&step, t(early), target) <= overdue(&step, t(late), target));
            let decided = ApprovalStep {
                decision: Some(yes(1, 0)),
                ..step
            };
            prop_assert_eq!(overdue(&decided, t(late), target), Reminder::Nothing);
        }
    }
}
