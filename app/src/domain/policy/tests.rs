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
