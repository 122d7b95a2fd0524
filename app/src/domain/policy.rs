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
mod tests {
    use super::*;

    const HOUSE: CompanyRef = CompanyRef {
        id: 1,
        kind: CompanyKind::House,
    };
    const CUSTOMER_A: CompanyRef = CompanyRef {
        id: 2,
        kind: CompanyKind::Customer,
    };
    const CUSTOMER_B: CompanyRef = CompanyRef {
        id: 3,
        kind: CompanyKind::Customer,
    };
    const SUPPLIER_A: CompanyRef = CompanyRef {
        id: 4,
        kind: CompanyKind::Supplier,
    };
    const SUPPLIER_B: CompanyRef = CompanyRef {
        id: 5,
        kind: CompanyKind::Supplier,
    };

    fn actor(role: Role) -> Actor {
        let company = match role {
            Role::Admin | Role::Staff => HOUSE,
            Role::Customer => CUSTOMER_A,
            Role::Supplier => SUPPLIER_A,
        };
        Actor {
            user_id: 10,
            company_id: company.id,
            role,
        }
    }

    /// A company of the same kind as the actor's own, but another tenant.
    fn other_company(role: Role) -> CompanyRef {
        match role {
            Role::Admin | Role::Staff => CUSTOMER_B,
            Role::Customer => CUSTOMER_B,
            Role::Supplier => SUPPLIER_B,
        }
    }

    fn own_company(role: Role) -> CompanyRef {
        match role {
            Role::Admin | Role::Staff => HOUSE,
            Role::Customer => CUSTOMER_A,
            Role::Supplier => SUPPLIER_A,
        }
    }

    fn role_fitting(company: CompanyRef) -> Role {
        match company.kind {
            CompanyKind::House => Role::Staff,
            CompanyKind::Customer => Role::Customer,
            CompanyKind::Supplier => Role::Supplier,
        }
    }

    /// Every action for a company, with a role that fits it.
    fn actions_on(company: CompanyRef) -> Vec<Action> {
        let role = role_fitting(company);
        vec![
            Action::ListUsers { company },
            Action::InviteUser { company, role },
            Action::DeactivateUser { company, role },
        ]
    }

    #[test]
    fn quotations_are_the_customers_to_ask_and_answer_and_the_houses_to_cost() {
        let (house, customer, factory) = (
            actor(Role::Staff),
            actor(Role::Customer),
            actor(Role::Supplier),
        );
        let own = CUSTOMER_A.id;
        let other = CUSTOMER_B.id;
        assert_eq!(
            authorize(&customer, &Action::AskQuote { customer: own }),
            Decision::Allow
        );
        assert_eq!(
            authorize(&customer, &Action::AskQuote { customer: other }),
            Decision::NotFound
        );
        assert_eq!(
            authorize(&house, &Action::AskQuote { customer: own }),
            Decision::Forbidden
        );
        assert_eq!(
            authorize(&customer, &Action::SeeQuotes { customer: own }),
            Decision::Allow
        );
        assert_eq!(
            authorize(&customer, &Action::SeeQuotes { customer: other }),
            Decision::NotFound
        );
        assert_eq!(
            authorize(&customer, &Action::Quote { customer: own }),
            Decision::Forbidden
        );
        assert_eq!(
            authorize(&house, &Action::Quote { customer: own }),
            Decision::Allow
        );
        assert_eq!(authorize(&house, &Action::ApproveQuote), Decision::Allow);
        for action in [
            Action::AskQuote { customer: own },
            Action::SeeQuotes { customer: own },
            Action::Quote { customer: own },
            Action::ApproveQuote,
        ] {
            assert_eq!(
                authorize(&factory, &action),
                Decision::NotFound,
                "{action:?}"
            );
            assert_eq!(
                authorize(&customer, &Action::ApproveQuote),
                Decision::NotFound
            );
        }
    }

    #[test]
    fn factories_see_and_report_only_their_own_lines() {
        use Decision::*;
        for role in Role::ALL {
            for supplier in [SUPPLIER_A.id, SUPPLIER_B.id] {
                for report in [false, true] {
                    let expected = match role {
                        Role::Supplier if supplier == SUPPLIER_A.id => Allow,
                        Role::Supplier | Role::Customer => NotFound,
                        Role::Admin | Role::Staff if report => Forbidden,
                        Role::Admin | Role::Staff => Allow,
                    };
                    let decision = authorize(&actor(role), &Action::PoLine { supplier, report });
                    assert_eq!(decision, expected, "{role:?} {supplier} report={report}");
                }
            }
        }
    }

    #[test]
    fn each_role_enters_only_its_own_areas() {
        let expected = |role: Role, area: Area| match role {
            Role::Admin => matches!(area, Area::Admin | Area::Staff),
            Role::Staff => area == Area::Staff,
            Role::Customer => area == Area::Customer,
            Role::Supplier => area == Area::Supplier,
        };
        for role in Role::ALL {
            for area in Area::ALL {
                let decision = authorize(&actor(role), &Action::EnterArea(area));
                assert_eq!(
                    decision.is_allowed(),
                    expected(role, area),
                    "{role:?} {area:?}"
                );
                if !decision.is_allowed() {
                    assert_eq!(decision, Decision::Forbidden);
                }
            }
        }
    }

    #[test]
    fn outside_users_get_not_found_for_other_tenants_and_forbidden_for_their_own() {
        for role in [Role::Customer, Role::Supplier] {
            let me = actor(role);
            for action in actions_on(other_company(role)) {
                assert_eq!(
                    authorize(&me, &action),
                    Decision::NotFound,
                    "{role:?} {action:?}"
                );
            }
            for action in actions_on(own_company(role)) {
                assert_eq!(
                    authorize(&me, &action),
                    Decision::Forbidden,
                    "{role:?} {action:?}"
                );
            }
            // And the trading house's own records are not theirs either.
            for action in actions_on(HOUSE) {
                assert_eq!(
                    authorize(&me, &action),
                    Decision::NotFound,
                    "{role:?} {action:?}"
                );
            }
        }
    }

    #[test]
    fn admins_may_manage_people_of_every_company() {
        let admin = actor(Role::Admin);
        for company in [HOUSE, CUSTOMER_A, CUSTOMER_B, SUPPLIER_A, SUPPLIER_B] {
            for action in actions_on(company) {
                assert_eq!(authorize(&admin, &action), Decision::Allow, "{action:?}");
            }
        }
        assert_eq!(
            authorize(
                &admin,
                &Action::InviteUser {
                    company: HOUSE,
                    role: Role::Admin
                }
            ),
            Decision::Allow
        );
    }

    #[test]
    fn staff_invite_customers_and_suppliers_but_not_colleagues_and_deactivate_nobody() {
        let staff = actor(Role::Staff);
        for company in [CUSTOMER_A, CUSTOMER_B, SUPPLIER_A, SUPPLIER_B] {
            let role = role_fitting(company);
            assert!(authorize(&staff, &Action::ListUsers { company }).is_allowed());
            assert!(authorize(&staff, &Action::InviteUser { company, role }).is_allowed());
            assert_eq!(
                authorize(&staff, &Action::DeactivateUser { company, role }),
                Decision::Forbidden
            );
        }
        for role in [Role::Admin, Role::Staff] {
            assert_eq!(
                authorize(
                    &staff,
                    &Action::InviteUser {
                        company: HOUSE,
                        role
                    }
                ),
                Decision::Forbidden
            );
        }
    }

    #[test]
    fn a_role_must_fit_the_company_kind() {
        let admin = actor(Role::Admin);
        for (company, role) in [
            (CUSTOMER_A, Role::Supplier),
            (CUSTOMER_A, Role::Staff),
            (SUPPLIER_A, Role::Customer),
            (HOUSE, Role::Customer),
        ] {
            assert!(matches!(
                authorize(&admin, &Action::InviteUser { company, role }),
                Decision::Invalid(_)
            ));
        }
    }

    #[test]
    fn only_admins_read_the_audit_log_and_everyone_changes_their_own_password() {
        for role in Role::ALL {
            assert_eq!(
                authorize(&actor(role), &Action::ReadAuditLog).is_allowed(),
                role == Role::Admin
            );
            assert!(authorize(&actor(role), &Action::ChangeOwnPassword).is_allowed());
        }
    }

    #[test]
    fn only_admins_configure_the_house_and_outsiders_never_learn_of_it() {
        use Decision::*;
        for role in Role::ALL {
            let expected = match role {
                Role::Admin => Allow,
                // A colleague may read the rules (the staff area), not set them.
                Role::Staff => Forbidden,
                Role::Customer | Role::Supplier => NotFound,
            };
            assert_eq!(
                authorize(&actor(role), &Action::ConfigureHouse),
                expected,
                "{role:?}"
            );
        }
    }

    #[test]
    fn a_factory_reads_its_own_scorecard_only() {
        use Decision::*;
        let own = Action::Scorecard {
            supplier: SUPPLIER_A.id,
        };
        let other = Action::Scorecard {
            supplier: SUPPLIER_B.id,
        };
        for role in [Role::Admin, Role::Staff, Role::Customer, Role::Supplier] {
            let who = actor(role);
            let expected = match role {
                Role::Admin | Role::Staff => [Allow, Allow],
                Role::Supplier => [Allow, NotFound],
                Role::Customer => [NotFound, NotFound],
            };
            assert_eq!(
                [authorize(&who, &own), authorize(&who, &other)],
                expected,
                "{role:?}"
            );
        }
    }

    #[test]
    fn a_factory_means_its_own_scorecard_and_the_house_must_name_one() {
        for role in Role::ALL {
            let who = actor(role);
            assert_eq!(
                scorecard_supplier(&who, Some(SUPPLIER_B.id)),
                Some(SUPPLIER_B.id),
                "{role:?}"
            );
            let own = (role == Role::Supplier).then_some(SUPPLIER_A.id);
            assert_eq!(scorecard_supplier(&who, None), own, "{role:?}");
        }
    }

    #[test]
    fn each_side_converses_only_in_its_own_threads() {
        use Decision::*;
        let order_of = |company: CompanyRef| Action::Converse {
            thread: Thread::Order(1),
            company: company.id,
            write: true,
        };
        let po_of = |company: CompanyRef| Action::Converse {
            thread: Thread::PurchaseOrder(1),
            company: company.id,
            write: true,
        };
        for role in Role::ALL {
            let expected = match role {
                Role::Admin | Role::Staff => [Allow, Allow, Allow, Allow],
                Role::Customer => [Allow, NotFound, NotFound, NotFound],
                Role::Supplier => [NotFound, NotFound, Allow, NotFound],
            };
            let got = [
                authorize(&actor(role), &order_of(CUSTOMER_A)),
                authorize(&actor(role), &order_of(CUSTOMER_B)),
                authorize(&actor(role), &po_of(SUPPLIER_A)),
                authorize(&actor(role), &po_of(SUPPLIER_B)),
            ];
            assert_eq!(got, expected, "{role:?}");
        }
    }

    #[test]
    fn customers_ask_for_changes_and_the_house_decides() {
        use Decision::*;
        for role in [Role::Admin, Role::Staff, Role::Customer, Role::Supplier] {
            let who = actor(role);
            let own = Action::AskChange {
                customer: CUSTOMER_A.id,
            };
            let other = Action::AskChange {
                customer: CUSTOMER_B.id,
            };
            let decide_own = Action::DecideChange {
                customer: CUSTOMER_A.id,
            };
            let decide_other = Action::DecideChange {
                customer: CUSTOMER_B.id,
            };
            let expected = match role {
                Role::Customer => [Allow, NotFound, Forbidden, NotFound],
                Role::Admin | Role::Staff => [Forbidden, Forbidden, Allow, Allow],
                Role::Supplier => [NotFound, NotFound, NotFound, NotFound],
            };
            let got = [
                authorize(&who, &own),
                authorize(&who, &other),
                authorize(&who, &decide_own),
                authorize(&who, &decide_other),
            ];
            assert_eq!(got, expected, "{role:?}");
        }
    }
}
