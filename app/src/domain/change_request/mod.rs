//! Change requests: a customer asks for an order to change (a line's
//! quantity, description or requested date, the ship-to address, a line added
//! or cancelled), staff approve, reject or counter-propose, and an approved
//! change is applied to the order and passed on to the factories. The request
//! keeps a field-level diff (old → new) against the order as it was when the
//! request was made; applying it checks every "old" against the order as it
//! is now, so a change made in between shows up as a conflict instead of
//! being overwritten. Committed dates move here and nowhere else.

mod apply;
mod factory;
mod impact;
mod items;
mod request;
mod status;
#[cfg(test)]
mod test_support;

pub use apply::{LineState, OrderState, apply};
pub use factory::{FactoryProblem, PoLineChange, PoLineState, factory_changes};
pub use impact::{ImpactNote, impact};
pub use items::{ChangeItem, ChangeKind, NewLine, allowed, askable};
pub use request::{LineProposal, Problem, Proposal, check_request, diff};
pub use status::{ChangeStatus, Party, Step, StepError, next_status};
