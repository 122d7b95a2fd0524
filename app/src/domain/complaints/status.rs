//! A complaint's life: where it stands, who takes which step, and the state
//! machine between them.
//!
//! Open → acknowledged → investigating → remedy proposed → accepted →
//! closed, all moved on by the house except the customer's answer to the
//! remedy: accepting it, or declining it (back to investigating). The
//! customer may reopen a closed complaint; a reopened complaint is
//! investigated again, so reopening leads back to investigating and is
//! counted ([`ComplaintState::reopened`]) rather than being a state of its
//! own, which would need every step of investigating a second time.
//!
//! The house may pass a complaint to the factory while acknowledging or
//! investigating it; that does not move the complaint on, but marks it as
//! waiting for the factory's answer ([`ComplaintState::with_factory`]).

use serde::{Deserialize, Serialize};

/// Who takes a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The trading house (its staff).
    House,
    Customer,
    Factory,
}

impl Side {
    pub const ALL: [Side; 3] = [Self::House, Self::Customer, Self::Factory];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::House => "house",
            Self::Customer => "customer",
            Self::Factory => "factory",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    /// The message-catalogue key of the side's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::House => "complaint-side-house",
            Self::Customer => "complaint-side-customer",
            Self::Factory => "complaint-side-factory",
        }
    }
}

/// Where a complaint stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintStatus {
    /// Made by the customer; waiting for the house to acknowledge it.
    Open,
    Acknowledged,
    Investigating,
    /// Waiting for the customer to accept or decline the remedy.
    RemedyProposed,
    /// The customer accepted the remedy; the house closes the complaint
    /// once it is carried out.
    Accepted,
    Closed,
}

impl ComplaintStatus {
    pub const ALL: [ComplaintStatus; 6] = [
        Self::Open,
        Self::Acknowledged,
        Self::Investigating,
        Self::RemedyProposed,
        Self::Accepted,
        Self::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Acknowledged => "acknowledged",
            Self::Investigating => "investigating",
            Self::RemedyProposed => "remedy_proposed",
            Self::Accepted => "accepted",
            Self::Closed => "closed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    /// The message-catalogue key of the status's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "complaint-status-open",
            Self::Acknowledged => "complaint-status-acknowledged",
            Self::Investigating => "complaint-status-investigating",
            Self::RemedyProposed => "complaint-status-remedy_proposed",
            Self::Accepted => "complaint-status-accepted",
            Self::Closed => "complaint-status-closed",
        }
    }

    /// Who has to move the complaint on: the customer while a remedy waits
    /// for an answer, the house otherwise, nobody once it is closed (only
    /// the customer may reopen it).
    pub fn waiting_for(self) -> Option<Side> {
        match self {
            Self::RemedyProposed => Some(Side::Customer),
            Self::Closed => None,
            _ => Some(Side::House),
        }
    }

    /// The status after `actor` takes `step`:
    ///
    /// | step                | side     | from                     | to              |
    /// |---------------------|----------|--------------------------|-----------------|
    /// | acknowledge         | house    | open                     | acknowledged    |
    /// | start investigation | house    | acknowledged             | investigating   |
    /// | propose remedy      | house    | investigating            | remedy proposed |
    /// | accept              | customer | remedy proposed          | accepted        |
    /// | decline             | customer | remedy proposed          | investigating   |
    /// | close               | house    | accepted                 | closed          |
    /// | reopen              | customer | closed                   | investigating   |
    /// | pass to factory     | house    | acknowledged, investig.  | (unchanged)     |
    /// | factory answer      | factory  | any but open and closed  | (unchanged)     |
    ///
    /// A step of another side fails with [`ComplaintError::NotYourStep`],
    /// one the status does not allow with [`ComplaintError::NotNow`].
    /// Whether the complaint was passed to the factory is not part of the
    /// status: [`ComplaintState::apply`] checks it.
    pub fn next(self, step: Step, actor: Side) -> Result<ComplaintStatus, ComplaintError> {
        use ComplaintStatus::*;
        if step.side() != actor {
            return Err(ComplaintError::NotYourStep { step, side: actor });
        }
        match (self, step) {
            (Open, Step::Acknowledge) => Ok(Acknowledged),
            (Acknowledged, Step::StartInvestigation) => Ok(Investigating),
            (Investigating, Step::ProposeRemedy) => Ok(RemedyProposed),
            (RemedyProposed, Step::Accept) => Ok(Accepted),
            (RemedyProposed, Step::Decline) => Ok(Investigating),
            (Accepted, Step::Close) => Ok(Closed),
            (Closed, Step::Reopen) => Ok(Investigating),
            (Acknowledged | Investigating, Step::PassToFactory) => Ok(self),
            (Acknowledged | Investigating | RemedyProposed | Accepted, Step::FactoryAnswer) => {
                Ok(self)
            }
            (status, step) => Err(ComplaintError::NotNow { status, step }),
        }
    }
}

/// What someone does with a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Acknowledge,
    StartInvestigation,
    ProposeRemedy,
    Accept,
    Decline,
    Close,
    Reopen,
    PassToFactory,
    FactoryAnswer,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Self::Acknowledge,
        Self::StartInvestigation,
        Self::ProposeRemedy,
        Self::Accept,
        Self::Decline,
        Self::Close,
        Self::Reopen,
        Self::PassToFactory,
        Self::FactoryAnswer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Acknowledge => "acknowledge",
            Self::StartInvestigation => "start_investigation",
            Self::ProposeRemedy => "propose_remedy",
            Self::Accept => "accept",
            Self::Decline => "decline",
            Self::Close => "close",
            Self::Reopen => "reopen",
            Self::PassToFactory => "pass_to_factory",
            Self::FactoryAnswer => "factory_answer",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    /// The message-catalogue key of the step (its button).
    pub fn key(self) -> &'static str {
        match self {
            Self::Acknowledge => "complaint-step-acknowledge",
            Self::StartInvestigation => "complaint-step-start_investigation",
            Self::ProposeRemedy => "complaint-step-propose_remedy",
            Self::Accept => "complaint-step-accept",
            Self::Decline => "complaint-step-decline",
            Self::Close => "complaint-step-close",
            Self::Reopen => "complaint-step-reopen",
            Self::PassToFactory => "complaint-step-pass_to_factory",
            Self::FactoryAnswer => "complaint-step-factory_answer",
        }
    }

    /// The side that takes this step.
    pub fn side(self) -> Side {
        match self {
            Self::Acknowledge
            | Self::StartInvestigation
            | Self::ProposeRemedy
            | Self::Close
            | Self::PassToFactory => Side::House,
            Self::Accept | Self::Decline | Self::Reopen => Side::Customer,
            Self::FactoryAnswer => Side::Factory,
        }
    }
}

/// Why a step cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ComplaintError {
    /// `step` belongs to another side than `side`, who tried it.
    NotYourStep { step: Step, side: Side },
    /// The complaint's `status` does not allow `step`.
    NotNow { status: ComplaintStatus, step: Step },
    /// The factory answers only a complaint passed to it.
    NotWithFactory,
    /// The complaint waits for the factory's answer already.
    AlreadyWithFactory,
}

impl ComplaintError {
    /// The message-catalogue key; `NotNow` takes `$status` (the status's
    /// name, from [`ComplaintStatus::key`]).
    pub fn key(&self) -> &'static str {
        match self {
            Self::NotYourStep { .. } => "complaint-error-not-your-step",
            Self::NotNow { .. } => "complaint-error-not-now",
            Self::NotWithFactory => "complaint-error-not-with-factory",
            Self::AlreadyWithFactory => "complaint-error-already-with-factory",
        }
    }
}

/// Everything the state machine needs to know about a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ComplaintState {
    pub status: ComplaintStatus,
    /// Passed to the factory and waiting for its answer.
    pub with_factory: bool,
    /// How often the customer reopened the complaint.
    pub reopened: u32,
}

impl Default for ComplaintState {
    fn default() -> Self {
        Self::NEW
    }
}

impl ComplaintState {
    /// A complaint just made.
    pub const NEW: ComplaintState = ComplaintState {
        status: ComplaintStatus::Open,
        with_factory: false,
        reopened: 0,
    };

    /// The complaint after `actor` takes `step`: the status from
    /// [`ComplaintStatus::next`], and besides
    ///
    /// - passing to the factory marks it as waiting for the factory, which
    ///   fails with [`ComplaintError::AlreadyWithFactory`] while it waits;
    /// - the factory's answer ends the wait, and fails with
    ///   [`ComplaintError::NotWithFactory`] when there is none (the house may
    ///   pass the complaint again after an answer);
    /// - closing ends any wait for the factory;
    /// - reopening is counted.
    pub fn apply(self, step: Step, actor: Side) -> Result<ComplaintState, ComplaintError> {
        let status = self.status.next(step, actor)?;
        let mut next = ComplaintState { status, ..self };
        match step {
            Step::PassToFactory if self.with_factory => {
                return Err(ComplaintError::AlreadyWithFactory);
            }
            Step::PassToFactory => next.with_factory = true,
            Step::FactoryAnswer if !self.with_factory => {
                return Err(ComplaintError::NotWithFactory);
            }
            Step::FactoryAnswer | Step::Close => next.with_factory = false,
            Step::Reopen => next.reopened = self.reopened.saturating_add(1),
            _ => {}
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests;
