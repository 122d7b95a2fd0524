use super::*;
use proptest::prelude::*;

const SHIPPED: i64 = 500;
const LIMIT: i64 = 1_000_000;

fn form() -> ComplaintForm<'static> {
    ComplaintForm {
        category: "damage",
        description: "  Twelve cartons arrived crushed, the mugs inside broken.  ",
        quantity_affected: " 144 ",
        remedy: "credit_note",
        amount: "120.50",
    }
}

fn errors_of(form: &ComplaintForm<'_>) -> ComplaintFieldErrors {
    new_complaint(form, SHIPPED, LIMIT).unwrap_err()
}

#[test]
fn a_good_complaint() {
    assert_eq!(
        new_complaint(&form(), SHIPPED, LIMIT),
        Ok(ComplaintDraft {
            category: ComplaintCategory::Damage,
            description: "Twelve cartons arrived crushed, the mugs inside broken.".to_string(),
            quantity_affected: 144,
            remedy: Remedy::CreditNote,
            amount_minor: Some(12_050),
        })
    );
    let rework = ComplaintForm {
        remedy: "rework",
        amount: "  ",
        quantity_affected: "500",
        ..form()
    };
    let draft = new_complaint(&rework, SHIPPED, LIMIT).unwrap();
    assert_eq!(draft.amount_minor, None);
    assert_eq!(draft.quantity_affected, SHIPPED);
}

#[test]
fn every_problem_against_its_field() {
    let bad = ComplaintForm {
        category: "broken",
        description: " too short ",
        quantity_affected: "1.5",
        remedy: "refund",
        amount: "abc",
    };
    assert_eq!(
        errors_of(&bad),
        vec![
            ("category", ComplaintFieldError::UnknownCategory),
            ("description", ComplaintFieldError::TooShort { min: 10 }),
            ("quantity_affected", ComplaintFieldError::QuantityNotWhole),
            ("remedy", ComplaintFieldError::UnknownRemedy),
        ],
        "the amount waits for a remedy"
    );
    let long = "x".repeat(MAX_DESCRIPTION_CHARS + 1);
    let cases: Vec<(ComplaintForm<'_>, (&str, ComplaintFieldError))> = vec![
        (
            ComplaintForm {
                description: "   ",
                ..form()
            },
            ("description", ComplaintFieldError::Required),
        ),
        (
            ComplaintForm {
                description: &long,
                ..form()
            },
            ("description", ComplaintFieldError::TooLong { max: 4000 }),
        ),
        (
            ComplaintForm {
                quantity_affected: "0",
                ..form()
            },
            ("quantity_affected", ComplaintFieldError::QuantityBelowOne),
        ),
        (
            ComplaintForm {
                quantity_affected: "-3",
                ..form()
            },
            ("quantity_affected", ComplaintFieldError::QuantityBelowOne),
        ),
        (
            ComplaintForm {
                quantity_affected: "501",
                ..form()
            },
            (
                "quantity_affected",
                ComplaintFieldError::QuantityAboveShipped { shipped: 500 },
            ),
        ),
        (
            ComplaintForm {
                quantity_affected: "99999999999999999999999",
                ..form()
            },
            (
                "quantity_affected",
                ComplaintFieldError::QuantityAboveShipped { shipped: 500 },
            ),
        ),
        (
            ComplaintForm {
                quantity_affected: "",
                ..form()
            },
            ("quantity_affected", ComplaintFieldError::QuantityNotWhole),
        ),
        (
            ComplaintForm {
                amount: "",
                ..form()
            },
            ("amount", ComplaintFieldError::AmountRequired),
        ),
        (
            ComplaintForm {
                remedy: "discount",
                amount: "12,50",
                ..form()
            },
            ("amount", ComplaintFieldError::AmountNotMoney),
        ),
        (
            ComplaintForm {
                amount: "0.00",
                ..form()
            },
            ("amount", ComplaintFieldError::AmountNotPositive),
        ),
        (
            ComplaintForm {
                amount: "10000.01",
                ..form()
            },
            (
                "amount",
                ComplaintFieldError::AmountAboveLimit { limit_minor: LIMIT },
            ),
        ),
        (
            ComplaintForm {
                remedy: "replacement",
                ..form()
            },
            ("amount", ComplaintFieldError::AmountNotForRemedy),
        ),
    ];
    for (form, expected) in cases {
        assert_eq!(errors_of(&form), vec![expected], "{form:?}");
    }
    // Exactly the limit is fine.
    let at_limit = ComplaintForm {
        amount: "10000",
        ..form()
    };
    assert!(new_complaint(&at_limit, SHIPPED, LIMIT).is_ok());
}

#[test]
fn error_keys() {
    assert_eq!(
        ComplaintFieldError::TooShort { min: 10 }.key(),
        "complaint-field-too-short"
    );
    assert_eq!(
        ComplaintFieldError::AmountAboveLimit { limit_minor: 1 }.key(),
        "complaint-field-amount-above-limit"
    );
    assert!(
        ComplaintFieldError::AmountNotForRemedy
            .key()
            .starts_with("complaint-field-")
    );
}

#[test]
fn labels_of_the_house_causes() {
    assert_eq!(cause_label("  Dye lot  "), Ok("Dye lot".to_string()));
    assert_eq!(cause_label(" "), Err(ComplaintFieldError::Required));
    assert_eq!(
        cause_label("Dye\nlot"),
        Err(ComplaintFieldError::BadCharacters)
    );
    assert_eq!(
        cause_label(&"é".repeat(61)),
        Err(ComplaintFieldError::TooLong { max: 60 })
    );
    assert!(cause_label(&"é".repeat(60)).is_ok());
}

#[test]
fn a_cause_named_twice_is_one_cause() {
    let known = ["material", "Material", "材料", "Mould wear"];
    for same in [
        "Mould wear",
        "mould wear",
        " MOULD   wear ",
        "material",
        "材料",
    ] {
        assert!(cause_label_taken(same, &known), "{same:?}");
    }
    for other in ["Mould", "Mould wear 2", "Kiln temperature"] {
        assert!(!cause_label_taken(other, &known), "{other:?}");
    }
    let none: [&str; 0] = [];
    assert!(!cause_label_taken("Anything", &none));
}

proptest! {
    /// Whatever is typed, checking never panics, and a draft that passes
    /// keeps to every rule.
    #[test]
    fn arbitrary_forms_never_panic(
        category in "\\PC{0,20}",
        description in "\\PC{0,40}",
        quantity in "\\PC{0,12}",
        remedy in "\\PC{0,14}",
        amount in "\\PC{0,14}",
        shipped in -5i64..2_000,
        limit in -5i64..2_000_000,
    ) {
        let form = ComplaintForm {
            category: &category,
            description: &description,
            quantity_affected: &quantity,
            remedy: &remedy,
            amount: &amount,
        };
        match new_complaint(&form, shipped, limit) {
            Ok(draft) => {
                prop_assert!((1..=shipped).contains(&draft.quantity_affected));
                let chars = draft.description.chars().count();
                prop_assert!((MIN_DESCRIPTION_CHARS..=MAX_DESCRIPTION_CHARS).contains(&chars));
                prop_assert_eq!(draft.amount_minor.is_some(), draft.remedy.is_money());
                if let Some(minor) = draft.amount_minor {
                    prop_assert!(minor > 0 && minor <= limit);
                }
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for (field, error) in errors {
                    prop_assert!(!field.is_empty() && !error.key().is_empty());
                }
            }
        }
        let _ = cause_label(&description);
    }

    /// Forms that are almost right: only the typed numbers vary.
    #[test]
    fn numbers_are_whole_and_money(
        quantity in "[-+0-9. ]{0,8}",
        amount in "[-0-9.,]{0,8}",
        remedy in 0usize..4,
    ) {
        let remedy = Remedy::ALL[remedy];
        let form = ComplaintForm {
            quantity_affected: &quantity,
            amount: &amount,
            remedy: remedy.as_str(),
            ..form()
        };
        if let Ok(draft) = new_complaint(&form, SHIPPED, LIMIT) {
            prop_assert_eq!(Some(draft.quantity_affected), quantity.trim().parse::<i64>().ok());
            if remedy.is_money() {
                prop_assert_eq!(draft.amount_minor, parse_unit_price(&amount).ok());
            }
        }
    }
}
