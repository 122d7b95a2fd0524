//! The request's own life: where it stands, who takes which step, and the
//! state machine between them.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

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
    /// What went wrong, in `locale`.
    pub fn text(self, locale: Locale) -> String {
        match self {
            Self::NotYours => locale.t("cr-words-not-yours"),
            Self::Closed(status) => locale.t_with(
                "cr-words-no-longer-open",
                &[("status", status.as_str().into())],
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn step_errors_read_in_english_and_in_the_persons_language() {
        assert_eq!(
            StepError::NotYours.text(Locale::En),
            "That is not yours to decide."
        );
        for status in ChangeStatus::ALL {
            assert_eq!(
                StepError::Closed(status).text(Locale::En),
                format!(
                    "This change request is no longer open ({}).",
                    status.label().to_lowercase()
                )
            );
            let zh = StepError::Closed(status).text(Locale::Zh);
            assert!(!zh.contains("open"), "{zh}");
        }
    }
}
