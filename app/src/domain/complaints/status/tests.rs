use super::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

use super::ComplaintStatus::*;

/// Every step the machine allows, written out apart from its code.
const ALLOWED: &[(ComplaintStatus, Step, ComplaintStatus)] = &[
    (Open, Step::Acknowledge, Acknowledged),
    (Acknowledged, Step::StartInvestigation, Investigating),
    (Investigating, Step::ProposeRemedy, RemedyProposed),
    (RemedyProposed, Step::Accept, Accepted),
    (RemedyProposed, Step::Decline, Investigating),
    (Accepted, Step::Close, Closed),
    (Closed, Step::Reopen, Investigating),
    (Acknowledged, Step::PassToFactory, Acknowledged),
    (Investigating, Step::PassToFactory, Investigating),
    (Acknowledged, Step::FactoryAnswer, Acknowledged),
    (Investigating, Step::FactoryAnswer, Investigating),
    (RemedyProposed, Step::FactoryAnswer, RemedyProposed),
    (Accepted, Step::FactoryAnswer, Accepted),
];

fn side_of(step: Step) -> Side {
    match step {
        Step::Accept | Step::Decline | Step::Reopen => Side::Customer,
        Step::FactoryAnswer => Side::Factory,
        _ => Side::House,
    }
}

#[test]
fn every_status_step_and_side() {
    let mut allowed = 0;
    for status in ComplaintStatus::ALL {
        for step in Step::ALL {
            for side in Side::ALL {
                let got = status.next(step, side);
                let listed = ALLOWED
                    .iter()
                    .find(|(from, s, _)| *from == status && *s == step)
                    .map(|(_, _, to)| *to);
                let expected = if side != side_of(step) {
                    Err(ComplaintError::NotYourStep { step, side })
                } else if let Some(to) = listed {
                    allowed += 1;
                    Ok(to)
                } else {
                    Err(ComplaintError::NotNow { status, step })
                };
                assert_eq!(got, expected, "{status:?} {step:?} {side:?}");
            }
        }
    }
    assert_eq!(allowed, ALLOWED.len());
}

#[test]
fn names_are_stored_and_keyed() {
    for status in ComplaintStatus::ALL {
        assert_eq!(ComplaintStatus::parse(status.as_str()), Some(status));
        assert!(status.key().ends_with(status.as_str()));
    }
    for step in Step::ALL {
        assert_eq!(Step::parse(step.as_str()), Some(step));
        assert!(step.key().ends_with(step.as_str()));
        assert_eq!(step.side(), side_of(step));
    }
    for side in Side::ALL {
        assert_eq!(Side::parse(side.as_str()), Some(side));
        assert!(side.key().ends_with(side.as_str()));
    }
    assert_eq!(
        ComplaintStatus::parse(" remedy_proposed "),
        Some(RemedyProposed)
    );
    assert_eq!(ComplaintStatus::parse("reopened"), None);
    assert_eq!(
        serde_json::to_string(&RemedyProposed).unwrap(),
        r#""remedy_proposed""#
    );
    assert_eq!(
        ComplaintError::NotNow {
            status: Closed,
            step: Step::Close
        }
        .key(),
        "complaint-error-not-now"
    );
}

#[test]
fn who_is_waited_for() {
    assert_eq!(Open.waiting_for(), Some(Side::House));
    assert_eq!(Accepted.waiting_for(), Some(Side::House));
    assert_eq!(RemedyProposed.waiting_for(), Some(Side::Customer));
    assert_eq!(Closed.waiting_for(), None);
}

#[test]
fn the_factory_answers_only_when_asked_and_once() {
    let house = Side::House;
    let state = ComplaintState::NEW.apply(Step::Acknowledge, house).unwrap();
    assert_eq!(
        state.apply(Step::FactoryAnswer, Side::Factory),
        Err(ComplaintError::NotWithFactory)
    );
    let passed = state.apply(Step::PassToFactory, house).unwrap();
    assert_eq!(passed.status, Acknowledged);
    assert!(passed.with_factory);
    assert_eq!(
        passed.apply(Step::PassToFactory, house),
        Err(ComplaintError::AlreadyWithFactory)
    );
    // The house investigates and proposes meanwhile; the answer may come late.
    let proposed = passed
        .apply(Step::StartInvestigation, house)
        .and_then(|s| s.apply(Step::ProposeRemedy, house))
        .unwrap();
    assert!(proposed.with_factory);
    let answered = proposed.apply(Step::FactoryAnswer, Side::Factory).unwrap();
    assert_eq!(answered.status, RemedyProposed);
    assert!(!answered.with_factory);
    assert_eq!(
        answered.apply(Step::FactoryAnswer, Side::Factory),
        Err(ComplaintError::NotWithFactory)
    );
}

#[test]
fn reopening_investigates_again_and_counts() {
    let mut state = ComplaintState {
        status: Accepted,
        with_factory: true,
        reopened: 0,
    };
    state = state.apply(Step::Close, Side::House).unwrap();
    assert_eq!(state.status, Closed);
    assert!(!state.with_factory, "closing ends the wait for the factory");
    assert_eq!(
        state.apply(Step::Reopen, Side::House),
        Err(ComplaintError::NotYourStep {
            step: Step::Reopen,
            side: Side::House
        })
    );
    state = state.apply(Step::Reopen, Side::Customer).unwrap();
    assert_eq!(
        state,
        ComplaintState {
            status: Investigating,
            with_factory: false,
            reopened: 1
        }
    );
    assert_eq!(ComplaintState::default(), ComplaintState::NEW);
}

/// The statuses reachable from a new complaint by any allowed step.
fn reachable() -> BTreeSet<ComplaintStatus> {
    let mut seen = BTreeSet::from([Open]);
    let mut todo = vec![Open];
    while let Some(status) = todo.pop() {
        for step in Step::ALL {
            for side in Side::ALL {
                if let Ok(next) = status.next(step, side)
                    && seen.insert(next)
                {
                    todo.push(next);
                }
            }
        }
    }
    seen
}

#[test]
fn every_status_can_be_reached() {
    assert_eq!(
        reachable(),
        ComplaintStatus::ALL.into_iter().collect::<BTreeSet<_>>()
    );
}

proptest! {
    /// Whatever anyone tries in whatever order, the complaint stays in a
    /// reachable status, only the customer brings it to accepted, the
    /// factory flag is only set while the complaint is in progress, and
    /// every reopening is counted.
    #[test]
    fn random_steps_stay_in_the_machine(
        tries in proptest::collection::vec((0usize..9, 0usize..4), 0..60),
    ) {
        // Side 3 stands for the step's own side, so that complaints get far.
        let reachable = reachable();
        let mut state = ComplaintState::NEW;
        let mut reopens = 0;
        for (step, side) in tries {
            let step = Step::ALL[step];
            let side = Side::ALL.get(side).copied().unwrap_or(step.side());
            match state.apply(step, side) {
                Ok(next) => {
                    prop_assert!(reachable.contains(&next.status));
                    if next.status == Accepted && state.status != Accepted {
                        prop_assert_eq!(side, Side::Customer);
                        prop_assert_eq!(step, Step::Accept);
                    }
                    if step == Step::Reopen {
                        reopens += 1;
                    }
                    state = next;
                }
                Err(error) => {
                    prop_assert!(!error.key().is_empty());
                }
            }
            prop_assert_eq!(state.reopened, reopens);
            if state.with_factory {
                prop_assert!(
                    matches!(state.status, Acknowledged | Investigating | RemedyProposed | Accepted),
                    "waiting for the factory while {:?}", state.status
                );
            }
        }
    }
}
