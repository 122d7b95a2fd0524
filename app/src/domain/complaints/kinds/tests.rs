use super::*;

#[test]
fn lists_are_stored_by_name() {
    for category in ComplaintCategory::ALL {
        assert_eq!(ComplaintCategory::parse(category.as_str()), Some(category));
        assert!(category.key().ends_with(category.as_str()));
    }
    for remedy in Remedy::ALL {
        assert_eq!(Remedy::parse(remedy.as_str()), Some(remedy));
        assert!(remedy.key().ends_with(remedy.as_str()));
    }
    for cause in RootCause::ALL {
        assert_eq!(RootCause::parse(cause.as_str()), Some(cause));
        assert!(cause.key().ends_with(cause.as_str()));
        assert!(!cause.as_str().contains(':'));
    }
    assert_eq!(
        ComplaintCategory::parse(" short_quantity "),
        Some(ComplaintCategory::ShortQuantity)
    );
    assert_eq!(ComplaintCategory::parse("Quality"), None);
    assert_eq!(
        serde_json::to_string(&RootCause::FactorySupplier).unwrap(),
        r#""factory_supplier""#
    );
}

#[test]
fn money_remedies() {
    let money: Vec<Remedy> = Remedy::ALL.into_iter().filter(|r| r.is_money()).collect();
    assert_eq!(money, vec![Remedy::CreditNote, Remedy::Discount]);
}

#[test]
fn causes_of_the_house_and_built_in() {
    let house = [(7, "Dye lot".to_string()), (9, "Pallet wrap".to_string())];
    let dye = RootCauseRef::resolve("custom:7", &house).unwrap();
    assert_eq!(
        dye,
        RootCauseRef::Custom {
            id: 7,
            label: "Dye lot".to_string()
        }
    );
    assert_eq!(dye.stored(), "custom:7");
    assert_eq!(dye.key(), None);
    assert_eq!(dye.label(), Some("Dye lot"));

    let transport = RootCauseRef::resolve(" transport ", &house).unwrap();
    assert_eq!(transport, RootCauseRef::BuiltIn(RootCause::Transport));
    assert_eq!(transport.stored(), "transport");
    assert_eq!(transport.key(), Some("complaint-cause-transport"));
    assert_eq!(transport.label(), None);

    for unknown in [
        "custom:8",
        "custom:",
        "custom:x",
        "custom:-",
        "7",
        "Transport",
        "",
    ] {
        assert_eq!(RootCauseRef::resolve(unknown, &house), None, "{unknown}");
    }
    let none: [(i32, &str); 0] = [];
    assert_eq!(RootCauseRef::resolve("custom:7", &none), None);
    for cause in RootCause::ALL {
        let built_in = RootCauseRef::BuiltIn(cause);
        assert_eq!(
            RootCauseRef::resolve(&built_in.stored(), &none),
            Some(built_in)
        );
    }
}
