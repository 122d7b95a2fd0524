//! Change requests: a customer asks for an order to change (a line's
//! quantity, description or requested date, the ship-to address, a line added
//! or cancelled), staff approve, reject or counter-propose, and an approved
//! change is applied to the order and passed on to the factories. The request
//! keeps a field-level diff (old → new) against the order as it was when the
//! request was made; applying it checks every "old" against the order as it
//! is now, so a change made in between shows up as a conflict instead of
//! being overwritten. Committed dates move here and nowhere else.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::LineDates;
use super::order_status::OrderStatus;

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeStatus {
    /// Waiting for the trading house.
    Open,
    Approved,
    Rejected,
    /// The house proposed something else; waiting for the customer.
    Countered,
    /// The customer accepted the counter-proposal (and it was applied).
    Accepted,
    /// The customer declined the counter-proposal; nothing changed.
    Declined,
    Withdrawn,
}

impl ChangeStatus {
    pub const ALL: [ChangeStatus; 7] = [
        Self::Open,
        Self::Approved,
        Self::Rejected,
        Self::Countered,
        Self::Accepted,
        Self::Declined,
        Self::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Countered => "countered",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Waiting for a decision",
            Self::Approved => "Approved",
            Self::Rejected => "Rejected",
            Self::Countered => "Counter-proposal to answer",
            Self::Accepted => "Counter-proposal accepted",
            Self::Declined => "Counter-proposal declined",
            Self::Withdrawn => "Withdrawn",
        }
    }

    /// Still waiting for someone (the house or the customer).
    pub fn is_pending(self) -> bool {
        matches!(self, Self::Open | Self::Countered)
    }
}

/// Who takes a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Party {
    Customer,
    House,
}

/// What someone does with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Approve,
    Reject,
    Counter,
    Accept,
    Decline,
    Withdraw,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Self::Approve,
        Self::Reject,
        Self::Counter,
        Self::Accept,
        Self::Decline,
        Self::Withdraw,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Counter => "counter",
            Self::Accept => "accept",
            Self::Decline => "decline",
            Self::Withdraw => "withdraw",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    fn party(self) -> Party {
        match self {
            Self::Approve | Self::Reject | Self::Counter => Party::House,
            Self::Accept | Self::Decline | Self::Withdraw => Party::Customer,
        }
    }

    /// The step changes the order (the request or the counter-proposal).
    pub fn applies(self) -> bool {
        matches!(self, Self::Approve | Self::Accept)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepError {
    /// The other side takes this step.
    NotYours,
    /// The request is not in a state that allows it (e.g. already decided).
    Closed(ChangeStatus),
}

impl StepError {
    pub fn message(self) -> String {
        match self {
            Self::NotYours => "That is not yours to decide.".to_string(),
            Self::Closed(status) => format!(
                "This change request is no longer open ({}).",
                status.label().to_lowercase()
            ),
        }
    }
}

/// The request state machine: open → approved / rejected / countered (the
/// house) or withdrawn (the customer); countered → accepted / declined /
/// withdrawn (the customer). Everything else is final.
pub fn next_status(
    status: ChangeStatus,
    step: Step,
    party: Party,
) -> Result<ChangeStatus, StepError> {
    use ChangeStatus::*;
    if step.party() != party {
        return Err(StepError::NotYours);
    }
    match (status, step) {
        (Open, Step::Approve) => Ok(Approved),
        (Open, Step::Reject) => Ok(Rejected),
        (Open, Step::Counter) => Ok(Countered),
        (Open | Countered, Step::Withdraw) => Ok(Withdrawn),
        (Countered, Step::Accept) => Ok(Accepted),
        (Countered, Step::Decline) => Ok(Declined),
        (status, _) => Err(StepError::Closed(status)),
    }
}

/// One field-level change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeItem {
    Quantity {
        line_no: i32,
        from: i64,
        to: i64,
    },
    Description {
        line_no: i32,
        from: String,
        to: String,
    },
    RequestedDate {
        line_no: i32,
        from: NaiveDate,
        to: NaiveDate,
    },
    ShipTo {
        from: String,
        to: String,
    },
    AddLine(NewLine),
    CancelLine {
        line_no: i32,
        product_code: String,
        quantity: i64,
    },
}

/// A line the customer asks to add. The house sets its price when it
/// approves or counters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLine {
    pub product_code: String,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    pub requested: NaiveDate,
    #[serde(default)]
    pub unit_price_minor: Option<i64>,
    /// Set by the house with the price (customs needs it on every line).
    #[serde(default)]
    pub hs_code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Quantity,
    Description,
    RequestedDate,
    ShipTo,
    AddLine,
    CancelLine,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 6] = [
        Self::Quantity,
        Self::Description,
        Self::RequestedDate,
        Self::ShipTo,
        Self::AddLine,
        Self::CancelLine,
    ];

    /// Why the change is closed in a status where [`allowed`] says no.
    fn closed_reason(self) -> &'static str {
        match self {
            Self::Quantity => "Quantities cannot change once the goods are made.",
            Self::Description => "The specification cannot change once the goods are made.",
            Self::RequestedDate => "Delivery dates cannot change once the goods have shipped.",
            Self::ShipTo => "The ship-to address cannot change once the goods have shipped.",
            Self::AddLine => "Lines cannot be added once production is over.",
            Self::CancelLine => "Lines cannot be cancelled once the goods are made.",
        }
    }
}

impl ChangeItem {
    pub fn kind(&self) -> ChangeKind {
        match self {
            Self::Quantity { .. } => ChangeKind::Quantity,
            Self::Description { .. } => ChangeKind::Description,
            Self::RequestedDate { .. } => ChangeKind::RequestedDate,
            Self::ShipTo { .. } => ChangeKind::ShipTo,
            Self::AddLine(_) => ChangeKind::AddLine,
            Self::CancelLine { .. } => ChangeKind::CancelLine,
        }
    }

    /// The existing line the item changes.
    pub fn line_no(&self) -> Option<i32> {
        match self {
            Self::Quantity { line_no, .. }
            | Self::Description { line_no, .. }
            | Self::RequestedDate { line_no, .. }
            | Self::CancelLine { line_no, .. } => Some(*line_no),
            Self::ShipTo { .. } | Self::AddLine(_) => None,
        }
    }

    /// What changes, from what, to what, in words for the timeline and pages.
    pub fn describe(&self) -> (String, String, String) {
        match self {
            Self::Quantity { line_no, from, to } => (
                format!("Line {line_no} quantity"),
                from.to_string(),
                to.to_string(),
            ),
            Self::Description { line_no, from, to } => (
                format!("Line {line_no} description"),
                from.clone(),
                to.clone(),
            ),
            Self::RequestedDate { line_no, from, to } => (
                format!("Line {line_no} delivery date"),
                from.to_string(),
                to.to_string(),
            ),
            Self::ShipTo { from, to } => ("Ship-to".to_string(), from.clone(), to.clone()),
            Self::AddLine(new) => (
                "New line".to_string(),
                String::new(),
                match new.unit_price_minor {
                    Some(price) => format!(
                        "{} × {} {}, by {}, at {} each",
                        new.product_code,
                        new.quantity,
                        new.unit,
                        new.requested,
                        super::order_input::format_minor(price)
                    ),
                    None => format!(
                        "{} × {} {}, by {}",
                        new.product_code, new.quantity, new.unit, new.requested
                    ),
                },
            ),
            Self::CancelLine {
                line_no,
                product_code,
                quantity,
            } => (
                format!("Line {line_no} cancelled"),
                format!("{product_code} × {quantity}"),
                String::new(),
            ),
        }
    }
}

/// Which changes may be asked for in which order status: quantity and
/// specification while the goods are still to be made, delivery date and
/// ship-to until they leave; nothing once shipped or cancelled.
pub fn allowed(kind: ChangeKind, status: OrderStatus) -> bool {
    use OrderStatus::*;
    let making = matches!(status, Inquiry | Quoted | Confirmed | InProduction);
    match kind {
        ChangeKind::Quantity
        | ChangeKind::Description
        | ChangeKind::AddLine
        | ChangeKind::CancelLine => making,
        ChangeKind::RequestedDate | ChangeKind::ShipTo => making || status == Ready,
    }
}

/// The changes a customer may ask for now: those [`allowed`] in the order's
/// status, and none while one of the order's requests is still waiting.
pub fn askable(status: OrderStatus, waiting: bool) -> Vec<ChangeKind> {
    if waiting {
        return Vec::new();
    }
    ChangeKind::ALL
        .into_iter()
        .filter(|k| allowed(*k, status))
        .collect()
}

/// The order as the change rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderState {
    pub status: OrderStatus,
    pub ship_to: String,
    pub lines: Vec<LineState>,
    /// The highest line number the order ever had (cancelled lines are
    /// gone, but their numbers stay taken).
    pub last_line_no: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineState {
    pub line_no: i32,
    pub product_code: String,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    pub unit_price_minor: i64,
    pub hs_code: String,
    pub requested: NaiveDate,
    pub committed: Option<NaiveDate>,
    pub forecast: Option<NaiveDate>,
}

/// What the customer filled in for one existing line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProposal {
    pub line_no: i32,
    pub quantity: i64,
    pub description: String,
    pub requested: NaiveDate,
    pub cancel: bool,
}

/// The customer's whole proposal, already parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Proposal {
    pub lines: Vec<LineProposal>,
    pub ship_to: String,
    pub added: Vec<NewLine>,
}

/// The field-level diff between the order and the proposal. Lines the
/// proposal does not mention stay as they are; a cancelled line carries no
/// other change.
pub fn diff(order: &OrderState, proposal: &Proposal) -> Vec<ChangeItem> {
    let mut items = Vec::new();
    for wanted in &proposal.lines {
        let Some(line) = order.lines.iter().find(|l| l.line_no == wanted.line_no) else {
            continue;
        };
        if wanted.cancel {
            items.push(ChangeItem::CancelLine {
                line_no: line.line_no,
                product_code: line.product_code.clone(),
                quantity: line.quantity,
            });
            continue;
        }
        if wanted.quantity != line.quantity {
            items.push(ChangeItem::Quantity {
                line_no: line.line_no,
                from: line.quantity,
                to: wanted.quantity,
            });
        }
        if wanted.description.trim() != line.description.trim() {
            items.push(ChangeItem::Description {
                line_no: line.line_no,
                from: line.description.clone(),
                to: wanted.description.trim().to_string(),
            });
        }
        if wanted.requested != line.requested {
            items.push(ChangeItem::RequestedDate {
                line_no: line.line_no,
                from: line.requested,
                to: wanted.requested,
            });
        }
    }
    if proposal.ship_to.trim() != order.ship_to.trim() {
        items.push(ChangeItem::ShipTo {
            from: order.ship_to.clone(),
            to: proposal.ship_to.trim().to_string(),
        });
    }
    items.extend(proposal.added.iter().cloned().map(ChangeItem::AddLine));
    items
}

/// A reason a request cannot be made as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line_no: Option<i32>,
    pub kind: Option<ChangeKind>,
    pub message: String,
}

/// Checks a new request against the order: something must change (or a note
/// be written), each change must be open in the order's status, a new date
/// not in the past, and the order must keep at least one line.
pub fn check_request(
    order: &OrderState,
    items: &[ChangeItem],
    note: &str,
    today: NaiveDate,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !ChangeKind::ALL.iter().any(|k| allowed(*k, order.status)) {
        problems.push(Problem {
            line_no: None,
            kind: None,
            message: format!(
                "The order is {}; it can no longer change.",
                order.status.label().to_lowercase()
            ),
        });
        return problems;
    }
    if items.is_empty() && note.trim().is_empty() {
        problems.push(Problem {
            line_no: None,
            kind: None,
            message: "Change at least one value or write a note for the trading house.".into(),
        });
    }
    for item in items {
        let kind = item.kind();
        if !allowed(kind, order.status) {
            problems.push(Problem {
                line_no: item.line_no(),
                kind: Some(kind),
                message: kind.closed_reason().to_string(),
            });
            continue;
        }
        let date = match item {
            ChangeItem::RequestedDate { to, .. } => Some(*to),
            ChangeItem::AddLine(new) => Some(new.requested),
            _ => None,
        };
        if date.is_some_and(|d| d < today) {
            problems.push(Problem {
                line_no: item.line_no(),
                kind: Some(kind),
                message: "The new date cannot be in the past.".into(),
            });
        }
    }
    let cancelled = items
        .iter()
        .filter(|i| i.kind() == ChangeKind::CancelLine)
        .count();
    let added = items
        .iter()
        .filter(|i| i.kind() == ChangeKind::AddLine)
        .count();
    if cancelled > 0 && order.lines.len() + added <= cancelled {
        problems.push(Problem {
            line_no: None,
            kind: Some(ChangeKind::CancelLine),
            message: "An order keeps at least one line; to stop the whole order, write to the trading house.".into(),
        });
    }
    problems
}

/// Applies the items to the order as it is now. Each item's "from" must still
/// be what the order holds, and the change must still be open in the order's
/// status; otherwise the conflicts are returned and nothing is applied. A new
/// delivery date on a line whose commitment is frozen moves the commitment
/// with it (the only way a commitment moves).
pub fn apply(
    order: &OrderState,
    items: &[ChangeItem],
    today: NaiveDate,
) -> Result<OrderState, Vec<String>> {
    let mut next = order.clone();
    let mut conflicts = Vec::new();
    let mut added = Vec::new();
    for item in items {
        let kind = item.kind();
        if !allowed(kind, order.status) {
            conflicts.push(format!(
                "{} (the order is now {}.)",
                kind.closed_reason(),
                order.status.label().to_lowercase()
            ));
            continue;
        }
        if let ChangeItem::ShipTo { from, to } = item {
            if from.trim() != next.ship_to.trim() {
                conflicts.push(format!(
                    "The ship-to address has changed since the request was made (now: {}).",
                    next.ship_to
                ));
            } else {
                next.ship_to = to.clone();
            }
            continue;
        }
        if let ChangeItem::AddLine(new) = item {
            if new.requested < today {
                conflicts.push(format!("The new line's date {} has passed.", new.requested));
            }
            match (new.unit_price_minor, &new.hs_code) {
                (Some(price), Some(_)) => added.push((new.clone(), price)),
                _ => conflicts.push(format!(
                    "The new line {} needs a unit price and an HS code.",
                    new.product_code
                )),
            }
            continue;
        }
        let Some(line_no) = item.line_no() else {
            continue;
        };
        let Some(line) = next.lines.iter_mut().find(|l| l.line_no == line_no) else {
            conflicts.push(format!("Line {line_no} is no longer on the order."));
            continue;
        };
        match item {
            ChangeItem::Quantity { from, to, .. } => {
                if line.quantity != *from {
                    conflicts.push(format!(
                        "Line {line_no} quantity is now {}, not {from} as when the request was made.",
                        line.quantity
                    ));
                } else {
                    line.quantity = *to;
                }
            }
            ChangeItem::Description { from, to, .. } => {
                if line.description.trim() != from.trim() {
                    conflicts.push(format!(
                        "Line {line_no} description has changed since the request was made."
                    ));
                } else {
                    line.description = to.clone();
                }
            }
            ChangeItem::RequestedDate { from, to, .. } => {
                if line.requested != *from {
                    conflicts.push(format!(
                        "Line {line_no} delivery date is now {}, not {from} as when the request was made.",
                        line.requested
                    ));
                } else if *to < today {
                    conflicts.push(format!("Line {line_no}'s new date {to} has passed."));
                } else {
                    let dates = LineDates {
                        requested: *to,
                        committed: line.committed,
                        forecast: line.forecast,
                    };
                    let dates = if order.status.commitments_frozen() {
                        dates.apply_approved_change(*to)
                    } else {
                        dates
                    };
                    line.requested = dates.requested;
                    line.committed = dates.committed;
                }
            }
            ChangeItem::CancelLine {
                product_code,
                quantity,
                ..
            } => {
                if line.product_code != *product_code || line.quantity != *quantity {
                    conflicts.push(format!(
                        "Line {line_no} has changed since the request was made."
                    ));
                } else {
                    // Marked here, dropped below, so a later item on the same
                    // line still finds it and reports a clear conflict.
                    line.quantity = 0;
                }
            }
            ChangeItem::ShipTo { .. } | ChangeItem::AddLine(_) => {}
        }
    }
    let cancelled: Vec<i32> = items
        .iter()
        .filter_map(|i| match i {
            ChangeItem::CancelLine { line_no, .. } => Some(*line_no),
            _ => None,
        })
        .collect();
    next.lines.retain(|l| !cancelled.contains(&l.line_no));
    // New lines are numbered after the highest number the order ever had,
    // so a cancelled line's number is not reused.
    let last = order
        .lines
        .iter()
        .map(|l| l.line_no)
        .max()
        .unwrap_or(0)
        .max(order.last_line_no);
    for (line_no, (new, price)) in (last + 1..).zip(added) {
        let requested = new.requested;
        next.lines.push(LineState {
            line_no,
            product_code: new.product_code,
            description: new.description,
            quantity: new.quantity,
            unit: new.unit,
            unit_price_minor: price,
            hs_code: new.hs_code.unwrap_or_default(),
            requested,
            committed: order.status.commitments_frozen().then_some(requested),
            forecast: None,
        });
    }
    if next.lines.is_empty() {
        conflicts.push("An order keeps at least one line.".to_string());
    }
    if conflicts.is_empty() {
        Ok(next)
    } else {
        Err(conflicts)
    }
}

/// A factory line as the change rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoLineState {
    pub id: i32,
    /// The customer line it fills.
    pub order_line_no: i32,
    pub quantity: i64,
    pub quantity_done: i64,
    pub description: String,
    pub committed_ready: NaiveDate,
    pub forecast_ready: Option<NaiveDate>,
}

/// What a factory must acknowledge on one of its lines. Each field is
/// `(before, after)` when it changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PoLineChange {
    pub po_line_id: i32,
    pub quantity: Option<(i64, i64)>,
    pub description: Option<(String, String)>,
    pub ready_by: Option<(NaiveDate, NaiveDate)>,
    pub cancelled: bool,
}

impl PoLineChange {
    fn is_empty(&self) -> bool {
        self.quantity.is_none()
            && self.description.is_none()
            && self.ready_by.is_none()
            && !self.cancelled
    }
}

/// A change the factory behind a line can no longer take: it has already
/// made more than the new quantity. The house may know how many; the
/// customer never sees a factory's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactoryProblem {
    pub line_no: i32,
    pub made: i64,
}

impl FactoryProblem {
    /// The problem for `party`: the house reads the factory's figure, the
    /// customer only that production has gone too far.
    pub fn text_for(&self, party: Party) -> String {
        match party {
            Party::House => format!(
                "Line {}: the factory has already made {}; the quantity cannot go below that.",
                self.line_no, self.made
            ),
            Party::Customer => format!(
                "Line {}: production has gone too far to take this quantity; the house will come back to you.",
                self.line_no
            ),
        }
    }
}

/// What the factories behind the order must change: a quantity moves their
/// line by the same amount (never below what is already made), a new
/// description replaces theirs, an earlier delivery date pulls their ready
/// date in (a later one leaves it: more slack), and a cancelled line is
/// cancelled at the factory.
pub fn factory_changes(
    items: &[ChangeItem],
    po_lines: &[PoLineState],
) -> Result<Vec<PoLineChange>, Vec<FactoryProblem>> {
    let mut changes: Vec<PoLineChange> = Vec::new();
    let mut problems = Vec::new();
    for po in po_lines {
        let mut change = PoLineChange {
            po_line_id: po.id,
            ..PoLineChange::default()
        };
        for item in items
            .iter()
            .filter(|i| i.line_no() == Some(po.order_line_no))
        {
            match item {
                ChangeItem::Quantity { from, to, .. } => {
                    let wanted = po.quantity.saturating_add(to - from);
                    if wanted < po.quantity_done.max(1) {
                        problems.push(FactoryProblem {
                            line_no: po.order_line_no,
                            made: po.quantity_done,
                        });
                    } else {
                        change.quantity = Some((po.quantity, wanted));
                    }
                }
                ChangeItem::Description { to, .. } => {
                    if po.description.trim() != to.trim() {
                        change.description = Some((po.description.clone(), to.clone()));
                    }
                }
                ChangeItem::RequestedDate { to, .. } => {
                    if po.committed_ready > *to {
                        change.ready_by = Some((po.committed_ready, *to));
                    }
                }
                ChangeItem::CancelLine { .. } => change.cancelled = true,
                ChangeItem::ShipTo { .. } | ChangeItem::AddLine(_) => {}
            }
        }
        if !change.is_empty() {
            changes.push(change);
        }
    }
    if problems.is_empty() {
        Ok(changes)
    } else {
        Err(problems)
    }
}

/// What a change means for the commitments, for the house deciding it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactNote {
    pub line_no: Option<i32>,
    /// `Some(false)` when the change cannot hold as things stand, `None`
    /// when only the factory can tell.
    pub holds: Option<bool>,
    pub message: String,
}

/// The impact of each item given the factories' current forecasts.
pub fn impact(
    order: &OrderState,
    items: &[ChangeItem],
    po_lines: &[PoLineState],
) -> Vec<ImpactNote> {
    let mut notes = Vec::new();
    for item in items {
        let line_no = item.line_no();
        let behind: Vec<&PoLineState> = po_lines
            .iter()
            .filter(|p| Some(p.order_line_no) == line_no)
            .collect();
        let forecast = behind
            .iter()
            .filter_map(|p| p.forecast_ready)
            .max()
            .or_else(|| {
                order
                    .lines
                    .iter()
                    .find(|l| Some(l.line_no) == line_no)
                    .and_then(|l| l.forecast)
            });
        let note = |holds: Option<bool>, message: String| ImpactNote {
            line_no,
            holds,
            message,
        };
        match item {
            ChangeItem::RequestedDate { to, .. } => notes.push(match forecast {
                Some(f) if f > *to => note(
                    Some(false),
                    format!(
                        "The factory forecasts {f}, {} days after the new date {to}: the new commitment would start late.",
                        (f - *to).num_days()
                    ),
                ),
                Some(f) => note(
                    Some(true),
                    format!("The factory forecasts {f}, which fits the new date {to}."),
                ),
                None if behind.is_empty() => note(
                    Some(true),
                    "No factory has this line yet; the new date applies when it is placed."
                        .to_string(),
                ),
                None => note(
                    None,
                    "The factory has not given a forecast yet.".to_string(),
                ),
            }),
            ChangeItem::Quantity { from, to, .. } if !behind.is_empty() => {
                let made: i64 = behind.iter().map(|p| p.quantity_done).sum();
                if *to < made {
                    notes.push(note(
                        Some(false),
                        format!("The factory has already made {made}; fewer than that is not possible."),
                    ));
                } else if to > from {
                    notes.push(note(
                        None,
                        format!(
                            "The factory must make {} more; it acknowledges the change and can give a new forecast.",
                            to - from
                        ),
                    ));
                } else {
                    notes.push(note(Some(true), "The factory makes fewer.".to_string()));
                }
            }
            ChangeItem::Description { .. } if !behind.is_empty() => notes.push(note(
                None,
                "The factory must acknowledge the new specification.".to_string(),
            )),
            ChangeItem::CancelLine { .. } if !behind.is_empty() => {
                let made: i64 = behind.iter().map(|p| p.quantity_done).sum();
                notes.push(note(
                    if made > 0 { None } else { Some(true) },
                    if made > 0 {
                        format!("The factory has already made {made}; they are cancelled too.")
                    } else {
                        "The factory line is cancelled.".to_string()
                    },
                ));
            }
            _ => {}
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
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

    fn order(status: OrderStatus) -> OrderState {
        OrderState {
            status,
            ship_to: "Hamburg".into(),
            lines: vec![line(1, 100), line(2, 200)],
            last_line_no: 2,
        }
    }

    fn same(order: &OrderState) -> Proposal {
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

    fn po(id: i32, line_no: i32, qty: i64, done: i64) -> PoLineState {
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

    #[test]
    fn every_pair_of_status_and_step() {
        use ChangeStatus::*;
        for status in ChangeStatus::ALL {
            for step in Step::ALL {
                for party in [Party::Customer, Party::House] {
                    let got = next_status(status, step, party);
                    let expected = match (status, step, party) {
                        (_, s, p) if s.party() != p => Err(StepError::NotYours),
                        (Open, Step::Approve, _) => Ok(Approved),
                        (Open, Step::Reject, _) => Ok(Rejected),
                        (Open, Step::Counter, _) => Ok(Countered),
                        (Open | Countered, Step::Withdraw, _) => Ok(Withdrawn),
                        (Countered, Step::Accept, _) => Ok(Accepted),
                        (Countered, Step::Decline, _) => Ok(Declined),
                        (s, _, _) => Err(StepError::Closed(s)),
                    };
                    assert_eq!(got, expected, "{status:?} {step:?} {party:?}");
                }
            }
        }
        // Final states take no step at all.
        for status in [Approved, Rejected, Accepted, Declined, Withdrawn] {
            assert!(!status.is_pending());
            for step in Step::ALL {
                assert!(next_status(status, step, step.party()).is_err());
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for status in ChangeStatus::ALL {
            assert_eq!(ChangeStatus::parse(status.as_str()), Some(status));
        }
        for step in Step::ALL {
            let name = serde_json::to_value(step).unwrap();
            assert_eq!(name.as_str(), Some(step.as_str()));
            assert_eq!(Step::parse(step.as_str()), Some(step));
        }
        assert_eq!(Step::parse("delete"), None);
    }

    #[test]
    fn fields_close_as_the_order_advances() {
        use OrderStatus::*;
        for kind in [
            ChangeKind::Quantity,
            ChangeKind::Description,
            ChangeKind::AddLine,
            ChangeKind::CancelLine,
        ] {
            assert!(allowed(kind, InProduction));
            assert!(!allowed(kind, Ready), "{kind:?}");
        }
        for kind in [ChangeKind::RequestedDate, ChangeKind::ShipTo] {
            assert!(allowed(kind, Ready));
            assert!(!allowed(kind, Shipped));
        }
        for status in [Shipped, Arrived, Settled, Cancelled] {
            for kind in [
                ChangeKind::Quantity,
                ChangeKind::Description,
                ChangeKind::RequestedDate,
                ChangeKind::ShipTo,
                ChangeKind::AddLine,
                ChangeKind::CancelLine,
            ] {
                assert!(!allowed(kind, status), "{kind:?} in {status:?}");
            }
        }
    }

    #[test]
    fn diff_lists_only_what_changed() {
        let order = order(OrderStatus::Confirmed);
        assert!(diff(&order, &same(&order)).is_empty());
        let mut wanted = same(&order);
        wanted.lines[0].quantity = 150;
        wanted.lines[0].requested = day(25);
        wanted.lines[1].cancel = true;
        wanted.lines[1].quantity = 5; // ignored: the line is cancelled
        wanted.ship_to = "  Rotterdam ".into();
        let items = diff(&order, &wanted);
        assert_eq!(
            items,
            vec![
                ChangeItem::Quantity {
                    line_no: 1,
                    from: 100,
                    to: 150
                },
                ChangeItem::RequestedDate {
                    line_no: 1,
                    from: day(20),
                    to: day(25)
                },
                ChangeItem::CancelLine {
                    line_no: 2,
                    product_code: "P-2".into(),
                    quantity: 200
                },
                ChangeItem::ShipTo {
                    from: "Hamburg".into(),
                    to: "Rotterdam".into()
                },
            ]
        );
    }

    #[test]
    fn requests_are_checked_against_status_dates_and_lines() {
        let confirmed = order(OrderStatus::Confirmed);
        assert_eq!(check_request(&confirmed, &[], "", day(1)).len(), 1);
        assert!(check_request(&confirmed, &[], "Please use blue boxes", day(1)).is_empty());
        let past = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(2),
        }];
        assert_eq!(
            check_request(&confirmed, &past, "", day(3))[0].line_no,
            Some(1)
        );
        let qty = [ChangeItem::Quantity {
            line_no: 1,
            from: 100,
            to: 120,
        }];
        let ready = order(OrderStatus::Ready);
        let problems = check_request(&ready, &qty, "", day(1));
        assert_eq!(problems[0].kind, Some(ChangeKind::Quantity));
        let both = [
            ChangeItem::CancelLine {
                line_no: 1,
                product_code: "P-1".into(),
                quantity: 100,
            },
            ChangeItem::CancelLine {
                line_no: 2,
                product_code: "P-2".into(),
                quantity: 200,
            },
        ];
        assert_eq!(check_request(&confirmed, &both, "", day(1)).len(), 1);
        // A shipped order takes no request at all, not even a note.
        let shipped = order(OrderStatus::Shipped);
        assert_eq!(
            check_request(&shipped, &[], "Please hurry", day(1)).len(),
            1
        );
    }

    #[test]
    fn an_approved_date_moves_the_commitment_only_when_frozen() {
        let item = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(27),
        }];
        let confirmed = apply(&order(OrderStatus::Confirmed), &item, day(1)).unwrap();
        assert_eq!(confirmed.lines[0].requested, day(27));
        assert_eq!(confirmed.lines[0].committed, Some(day(27)));
        assert_eq!(confirmed.lines[0].forecast, Some(day(18)));
        let mut quoted = order(OrderStatus::Quoted);
        quoted.lines[0].committed = None;
        let quoted = apply(&quoted, &item, day(1)).unwrap();
        assert_eq!(quoted.lines[0].requested, day(27));
        assert_eq!(quoted.lines[0].committed, None);
    }

    #[test]
    fn a_changed_order_is_a_conflict_not_an_overwrite() {
        let items = [
            ChangeItem::Quantity {
                line_no: 1,
                from: 100,
                to: 150,
            },
            ChangeItem::ShipTo {
                from: "Hamburg".into(),
                to: "Rotterdam".into(),
            },
        ];
        let mut moved = order(OrderStatus::Confirmed);
        moved.lines[0].quantity = 120;
        let conflicts = apply(&moved, &items, day(1)).unwrap_err();
        assert_eq!(conflicts.len(), 1);
        assert!(conflicts[0].contains("120"), "{conflicts:?}");
        let mut ready = order(OrderStatus::Ready);
        ready.ship_to = "Hamburg".into();
        assert!(apply(&ready, &items, day(1)).is_err());
        let mut gone = order(OrderStatus::Confirmed);
        gone.lines.remove(0);
        assert!(apply(&gone, &items, day(1)).unwrap_err()[0].contains("no longer"));
    }

    #[test]
    fn lines_are_added_with_a_price_and_cancelled() {
        let new = NewLine {
            product_code: "P-9".into(),
            description: "Lid".into(),
            quantity: 50,
            unit: "pcs".into(),
            requested: day(28),
            unit_price_minor: None,
            hs_code: None,
        };
        let cancel = ChangeItem::CancelLine {
            line_no: 2,
            product_code: "P-2".into(),
            quantity: 200,
        };
        let base = order(OrderStatus::InProduction);
        let unpriced = [ChangeItem::AddLine(new.clone()), cancel.clone()];
        assert!(apply(&base, &unpriced, day(1)).unwrap_err()[0].contains("price"));
        let priced = [
            ChangeItem::AddLine(NewLine {
                unit_price_minor: Some(300),
                hs_code: Some("851671".into()),
                ..new
            }),
            cancel,
        ];
        let next = apply(&base, &priced, day(1)).unwrap();
        let numbers: Vec<i32> = next.lines.iter().map(|l| l.line_no).collect();
        assert_eq!(numbers, [1, 3]);
        assert_eq!(next.lines[1].committed, Some(day(28)));
        assert_eq!(next.lines[1].unit_price_minor, 300);
        assert_eq!(next.lines[1].hs_code, "851671");
        // A number once cancelled stays taken.
        let after_cancels = OrderState {
            last_line_no: 5,
            ..base.clone()
        };
        let next = apply(&after_cancels, &priced, day(1)).unwrap();
        assert_eq!(next.lines.last().unwrap().line_no, 6);
    }

    #[test]
    fn factories_get_the_changes_of_their_lines() {
        let items = [
            ChangeItem::Quantity {
                line_no: 1,
                from: 100,
                to: 130,
            },
            ChangeItem::RequestedDate {
                line_no: 1,
                from: day(20),
                to: day(10),
            },
            ChangeItem::Description {
                line_no: 2,
                from: "Product 2".into(),
                to: "Blue".into(),
            },
            ChangeItem::ShipTo {
                from: "Hamburg".into(),
                to: "Rotterdam".into(),
            },
        ];
        let lines = [po(7, 1, 100, 40), po(8, 2, 200, 0), po(9, 3, 10, 0)];
        let changes = factory_changes(&items, &lines).unwrap();
        assert_eq!(
            changes,
            vec![
                PoLineChange {
                    po_line_id: 7,
                    quantity: Some((100, 130)),
                    ready_by: Some((day(15), day(10))),
                    ..Default::default()
                },
                PoLineChange {
                    po_line_id: 8,
                    description: Some(("Product 2".into(), "Blue".into())),
                    ..Default::default()
                },
            ]
        );
        // A later date leaves the factory's date alone.
        let later = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(30),
        }];
        assert!(factory_changes(&later, &lines).unwrap().is_empty());
        let below = [ChangeItem::Quantity {
            line_no: 1,
            from: 100,
            to: 30,
        }];
        let problems = factory_changes(&below, &lines).unwrap_err();
        assert_eq!(problems.len(), 1);
        let made = problems[0].made.to_string();
        assert!(problems[0].text_for(Party::House).contains(&made));
        let told = problems[0].text_for(Party::Customer);
        assert!(!told.contains(&made) && !told.contains("factory"), "{told}");
    }

    #[test]
    fn impact_says_whether_the_new_date_holds() {
        let base = order(OrderStatus::InProduction);
        let lines = [po(7, 1, 100, 40)];
        let early = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(12),
        }];
        assert_eq!(impact(&base, &early, &lines)[0].holds, Some(false));
        let late = [ChangeItem::RequestedDate {
            line_no: 1,
            from: day(20),
            to: day(25),
        }];
        assert_eq!(impact(&base, &late, &lines)[0].holds, Some(true));
        let more = [ChangeItem::Quantity {
            line_no: 1,
            from: 100,
            to: 150,
        }];
        assert_eq!(impact(&base, &more, &lines)[0].holds, None);
        let fewer = [ChangeItem::Quantity {
            line_no: 1,
            from: 100,
            to: 20,
        }];
        assert_eq!(impact(&base, &fewer, &lines)[0].holds, Some(false));
    }

    #[test]
    fn items_survive_storage() {
        let items = vec![
            ChangeItem::Quantity {
                line_no: 1,
                from: 1,
                to: 2,
            },
            ChangeItem::AddLine(NewLine {
                product_code: "P-9".into(),
                description: "盖子 \"lid\"".into(),
                quantity: 5,
                unit: "pcs".into(),
                requested: day(9),
                unit_price_minor: None,
                hs_code: None,
            }),
        ];
        let stored = serde_json::to_string(&items).unwrap();
        assert_eq!(
            serde_json::from_str::<Vec<ChangeItem>>(&stored).unwrap(),
            items
        );
    }

    #[test]
    fn customers_ask_for_one_change_at_a_time() {
        use OrderStatus::*;
        assert_eq!(askable(Inquiry, false), ChangeKind::ALL.to_vec());
        assert!(askable(Inquiry, true).is_empty(), "one is waiting");
        assert_eq!(
            askable(Ready, false),
            vec![ChangeKind::RequestedDate, ChangeKind::ShipTo]
        );
        assert!(askable(Shipped, false).is_empty());
        assert!(askable(Cancelled, false).is_empty());
    }

    fn any_status() -> impl Strategy<Value = OrderStatus> {
        proptest::sample::select(OrderStatus::ALL.to_vec())
    }

    proptest! {
        /// Applying the diff of a proposal to the order it was made on gives
        /// the proposal back (where the status allows it), and the commitment
        /// of a frozen order always equals its new delivery date.
        #[test]
        fn applying_a_diff_gives_the_proposal(
            status in any_status(),
            quantities in proptest::collection::vec(1i64..10_000, 2),
            shifts in proptest::collection::vec(-5i64..30, 2),
            cancel_first in any::<bool>(),
            ship_to in "[A-Za-z ]{1,20}",
        ) {
            let base = order(status);
            let mut wanted = same(&base);
            for (i, line) in wanted.lines.iter_mut().enumerate() {
                line.quantity = quantities[i];
                line.requested = base.lines[i].requested + chrono::Duration::days(shifts[i]);
            }
            wanted.lines[0].cancel = cancel_first;
            wanted.ship_to = ship_to;
            let items = diff(&base, &wanted);
            let today = day(1);
            match apply(&base, &items, today) {
                Ok(next) => {
                    prop_assert!(check_request(&base, &items, "n", today).is_empty());
                    for want in &wanted.lines {
                        let got = next.lines.iter().find(|l| l.line_no == want.line_no);
                        if want.cancel {
                            prop_assert!(got.is_none());
                            continue;
                        }
                        let got = got.unwrap();
                        prop_assert_eq!(got.quantity, want.quantity);
                        prop_assert_eq!(got.requested, want.requested);
                        if status.commitments_frozen() {
                            prop_assert_eq!(got.committed, Some(want.requested));
                        }
                    }
                    prop_assert_eq!(next.ship_to.trim(), wanted.ship_to.trim());
                }
                Err(conflicts) => {
                    // Only a closed status refuses the diff of a fresh order.
                    prop_assert!(!conflicts.is_empty());
                    prop_assert!(items.iter().any(|i| !allowed(i.kind(), status)));
                }
            }
            // A second application finds the order changed.
            if let Ok(next) = apply(&base, &items, today)
                && !items.is_empty()
            {
                prop_assert!(apply(&next, &items, today).is_err());
            }
        }
    }
}
