//! Who may do what. One pure function, `authorize`, decides every access on
//! the portal; anything it does not explicitly allow is denied. Records of
//! another tenant are denied as "not found", so a refusal never confirms that
//! they exist.

use serde::{Deserialize, Serialize};

use super::account::Role;
use super::company::CompanyKind;
use super::messages::{self, Side, Thread};

/// The signed-in person a request acts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: i32,
    pub company_id: i32,
    pub role: Role,
}

impl Actor {
    /// Trading-house people (admins, staff) work across all companies.
    pub fn is_house(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Staff)
    }
}

/// A company as far as the policy needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompanyRef {
    pub id: i32,
    pub kind: CompanyKind,
}

/// The role-separated areas of the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Customer,
    Supplier,
    Staff,
    Admin,
}

impl Area {
    pub const ALL: [Area; 4] = [Self::Customer, Self::Supplier, Self::Staff, Self::Admin];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    EnterArea(Area),
    /// See the people of a company.
    ListUsers {
        company: CompanyRef,
    },
    /// Invite a person with `role` into `company`.
    InviteUser {
        company: CompanyRef,
        role: Role,
    },
    /// Deactivate a user of `company` with `role`.
    DeactivateUser {
        company: CompanyRef,
        role: Role,
    },
    /// Read the security audit log.
    ReadAuditLog,
    /// Change one's own password.
    ChangeOwnPassword,
    /// See a purchase-order line placed with the factory `supplier` (a
    /// company id); with `report`, post progress on it.
    PoLine {
        supplier: i32,
        report: bool,
    },
    /// Ask for a change to an order of the customer company `customer`,
    /// withdraw the request, or answer the house's counter-proposal.
    AskChange {
        customer: i32,
    },
    /// Approve, reject or counter a change request on an order of `customer`.
    DecideChange {
        customer: i32,
    },
    /// Read the scorecard of the factory `supplier` (a company id).
    Scorecard {
        supplier: i32,
    },
    /// Start an inquiry for the customer company `customer`, or accept or
    /// decline a quotation sent to it: the customer's own word.
    AskQuote {
        customer: i32,
    },
    /// See the inquiries of `customer` and the quotations sent to it, never
    /// their costs.
    SeeQuotes {
        customer: i32,
    },
    /// Cost, submit, send, revise or withdraw a quotation for `customer`, and
    /// see its costs, margins, approvals and the customer's credit standing.
    Quote {
        customer: i32,
    },
    /// Decide an approval step of a quotation; which level a person may
    /// decide is the approval rules' question (`domain::approval::can_act`).
    ApproveQuote,
    /// Set the house's rules (approval levels, credit policy, the complaint
    /// clocks and the working hours they count in, the root causes a
    /// factory chooses from) and its people's staff levels.
    ConfigureHouse,
    /// Read the messages of `thread`, whose outside company (the order's
    /// customer, the purchase order's factory) is `company`; with `write`,
    /// post one. The rule is `domain::messages::may_read` / `may_write`.
    Converse {
        thread: Thread,
        company: i32,
        write: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Signed in but not allowed (HTTP 403).
    Forbidden,
    /// Outside the actor's tenant: answer as if it did not exist (HTTP 404).
    NotFound,
    /// The request itself makes no sense (e.g. a supplier role in a customer company).
    Invalid(&'static str),
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }
}

/// Decides whether `actor` may perform `action`. Deny by default.
pub fn authorize(actor: &Actor, action: &Action) -> Decision {
    use Decision::*;
    match *action {
        Action::EnterArea(area) => match (area, actor.role) {
            (Area::Customer, Role::Customer)
            | (Area::Supplier, Role::Supplier)
            | (Area::Staff, Role::Staff | Role::Admin)
            | (Area::Admin, Role::Admin) => Allow,
            _ => Forbidden,
        },
        Action::ListUsers { company } => match actor.role {
            Role::Admin | Role::Staff => Allow,
            _ if company.id == actor.company_id => Forbidden,
            _ => NotFound,
        },
        Action::InviteUser { company, role } => {
            if !actor.is_house() {
                return if company.id == actor.company_id {
                    Forbidden
                } else {
                    NotFound
                };
            }
            if role.company_kind() != company.kind {
                return Invalid("That role does not fit this kind of company.");
            }
            match (actor.role, role) {
                (Role::Admin, _) => Allow,
                // Staff bring in customers and suppliers, not colleagues.
                (Role::Staff, Role::Customer | Role::Supplier) => Allow,
                _ => Forbidden,
            }
        }
        Action::DeactivateUser { company, .. } => match actor.role {
            Role::Admin => Allow,
            Role::Staff => Forbidden,
            _ if company.id == actor.company_id => Forbidden,
            _ => NotFound,
        },
        Action::ReadAuditLog => match actor.role {
            Role::Admin => Allow,
            _ => Forbidden,
        },
        Action::ChangeOwnPassword => Allow,
        Action::PoLine { supplier, report } => match actor.role {
            Role::Supplier if supplier == actor.company_id => Allow,
            // The house follows every factory, but progress is the factory's word.
            Role::Admin | Role::Staff if !report => Allow,
            Role::Admin | Role::Staff => Forbidden,
            // Customers never learn which factory makes their goods.
            Role::Supplier | Role::Customer => NotFound,
        },
        Action::AskChange { customer } => match actor.role {
            Role::Customer if customer == actor.company_id => Allow,
            // The customer's word: the house decides, it does not ask.
            Role::Admin | Role::Staff => Forbidden,
            Role::Customer | Role::Supplier => NotFound,
        },
        Action::DecideChange { customer } => match actor.role {
            Role::Admin | Role::Staff => Allow,
            Role::Customer if customer == actor.company_id => Forbidden,
            Role::Customer | Role::Supplier => NotFound,
        },
        Action::AskQuote { customer } => match actor.role {
            Role::Customer if customer == actor.company_id => Allow,
            Role::Admin | Role::Staff => Forbidden,
            Role::Customer | Role::Supplier => NotFound,
        },
        Action::SeeQuotes { customer } => match actor.role {
            Role::Admin | Role::Staff => Allow,
            Role::Customer if customer == actor.company_id => Allow,
            Role::Customer | Role::Supplier => NotFound,
        },
        Action::Quote { customer } => match actor.role {
            Role::Admin | Role::Staff => Allow,
            // Costs and margins are the house's alone.
            Role::Customer if customer == actor.company_id => Forbidden,
            Role::Customer | Role::Supplier => NotFound,
        },
        Action::ApproveQuote => match actor.role {
            Role::Admin | Role::Staff => Allow,
            Role::Customer | Role::Supplier => NotFound,
        },
        Action::ConfigureHouse => match actor.role {
            Role::Admin => Allow,
            Role::Staff => Forbidden,
            Role::Customer | Role::Supplier => NotFound,
        },
        Action::Scorecard { supplier } => match actor.role {
            Role::Admin | Role::Staff => Allow,
            Role::Supplier if supplier == actor.company_id => Allow,
            // Another factory's record, or any factory's for a customer.
            Role::Supplier | Role::Customer => NotFound,
        },
        Action::Converse {
            thread,
            company,
            write,
        } => {
            let side = Side::of(actor.role);
            if !messages::may_read(side, actor.company_id, thread, company) {
                // The other side's conversation, or another tenant's.
                NotFound
            } else if write && !messages::may_write(side, actor.company_id, thread, company) {
                Forbidden
            } else {
                Allow
            }
        }
    }
}

/// Whose scorecard a request means: the factory it names, or a factory's
/// own when it names none. The house must say which (`None`).
pub fn scorecard_supplier(actor: &Actor, named: Option<i32>) -> Option<i32> {
    match (actor.role, named) {
        (_, Some(id)) => Some(id),
        (Role::Supplier, None) => Some(actor.company_id),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
