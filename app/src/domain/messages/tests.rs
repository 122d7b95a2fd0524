use super::*;
use proptest::prelude::*;

const OWN: i32 = 2;
const OTHER: i32 = 3;

#[test]
fn threads_by_name() {
    assert_eq!(Thread::parse("order", 7), Some(Thread::Order(7)));
    assert_eq!(
        Thread::parse(" purchase_order ", 9),
        Some(Thread::PurchaseOrder(9))
    );
    assert_eq!(Thread::parse("po", 9), None);
    assert_eq!(Thread::parse("", 9), None);
    for kind in ThreadKind::ALL {
        assert_eq!(ThreadKind::parse(kind.as_str()), Some(kind));
        let thread = Thread::new(kind, 5);
        assert_eq!((thread.kind(), thread.id()), (kind, 5));
    }
    for side in Side::ALL {
        assert_eq!(Side::parse(side.as_str()), Some(side));
    }
    assert_eq!(Side::of(Role::Admin), Side::House);
    assert_eq!(Side::of(Role::Staff), Side::House);
    assert_eq!(Side::of(Role::Customer), Side::Customer);
    assert_eq!(Side::of(Role::Supplier), Side::Factory);
}

#[test]
fn who_reads_which_thread() {
    let order = Thread::Order(1);
    let po = Thread::PurchaseOrder(1);
    // (side, own company?, thread) → may read
    let table = [
        (Side::House, OWN, order, true),
        (Side::House, OTHER, order, true),
        (Side::House, OWN, po, true),
        (Side::House, OTHER, po, true),
        (Side::Customer, OWN, order, true),
        (Side::Customer, OTHER, order, false),
        (Side::Customer, OWN, po, false),
        (Side::Customer, OTHER, po, false),
        (Side::Factory, OWN, po, true),
        (Side::Factory, OTHER, po, false),
        (Side::Factory, OWN, order, false),
        (Side::Factory, OTHER, order, false),
    ];
    for (side, company, thread, expected) in table {
        assert_eq!(
            may_read(side, company, thread, OWN),
            expected,
            "{side:?} of {company} on {thread:?}"
        );
        assert_eq!(
            may_write(side, company, thread, OWN),
            expected,
            "{side:?} of {company} on {thread:?}"
        );
    }
}

#[test]
fn a_body_is_kept_trimmed_with_plain_line_breaks() {
    assert_eq!(
        check_body("  Hello,\r\nthe cartons?\rThanks.\n\n "),
        Ok("Hello,\nthe cartons?\nThanks.".to_string())
    );
    assert_eq!(check_body("好的，谢谢"), Ok("好的，谢谢".to_string()));
    assert_eq!(check_body(""), Err(BodyError::Empty));
    assert_eq!(check_body(" \r\n\t \n"), Err(BodyError::Empty));
    for bad in [
        "a\tb",
        "a\u{0}b",
        "\u{1b}[31mred",
        "del\u{7f}",
        "next\u{85}line",
    ] {
        assert_eq!(
            check_body(bad),
            Err(BodyError::ControlCharacters),
            "{bad:?}"
        );
    }
}

#[test]
fn a_body_holds_up_to_4000_characters() {
    let longest = "a".repeat(MAX_BODY_CHARS);
    assert_eq!(check_body(&longest), Ok(longest.clone()));
    assert_eq!(check_body(&format!("  {longest}\n ")), Ok(longest));
    // Characters, not bytes.
    let chinese = "订".repeat(MAX_BODY_CHARS);
    assert_eq!(check_body(&chinese), Ok(chinese.clone()));
    assert_eq!(
        check_body(&"a".repeat(MAX_BODY_CHARS + 1)),
        Err(BodyError::TooLong {
            max: MAX_BODY_CHARS
        })
    );
}

#[test]
fn every_error_has_its_own_key() {
    let keys = [
        BodyError::Empty.key(),
        BodyError::TooLong { max: 1 }.key(),
        BodyError::ControlCharacters.key(),
    ];
    assert_eq!(
        keys,
        [
            "message-body-empty",
            "message-body-too-long",
            "message-body-control"
        ]
    );
}

fn any_side() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::House), Just(Side::Customer), Just(Side::Factory)]
}

fn any_thread() -> impl Strategy<Value = Thread> {
    (any::<bool>(), 1i32..1000).prop_map(|(order, id)| {
        if order {
            Thread::Order(id)
        } else {
            Thread::PurchaseOrder(id)
        }
    })
}

proptest! {
    /// A customer never reads a purchase order's thread, whoever's it is.
    #[test]
    fn a_customer_never_reads_a_factory_thread(
        company in 1i32..20,
        owner in 1i32..20,
        id in 1i32..1000,
    ) {
        let thread = Thread::PurchaseOrder(id);
        prop_assert!(!may_read(Side::Customer, company, thread, owner), "customer {} read {:?}", company, thread);
        prop_assert!(!may_write(Side::Customer, company, thread, owner), "customer {} wrote {:?}", company, thread);
    }

    /// A factory never reads an order's thread, whoever's it is.
    #[test]
    fn a_factory_never_reads_a_customer_thread(
        company in 1i32..20,
        owner in 1i32..20,
        id in 1i32..1000,
    ) {
        let thread = Thread::Order(id);
        prop_assert!(!may_read(Side::Factory, company, thread, owner), "factory {} read {:?}", company, thread);
        prop_assert!(!may_write(Side::Factory, company, thread, owner), "factory {} wrote {:?}", company, thread);
    }

    /// Outside the house, only the thread's own company takes part, and a
    /// thread never has both a customer and a factory.
    #[test]
    fn outsiders_read_only_their_own_companys_threads(
        side in any_side(),
        company in 1i32..20,
        owner in 1i32..20,
        thread in any_thread(),
    ) {
        let read = may_read(side, company, thread, owner);
        prop_assert_eq!(may_write(side, company, thread, owner), read);
        if side == Side::House {
            prop_assert!(read, "the house reads {:?}", thread);
        } else {
            prop_assert_eq!(read, company == owner && thread.kind().outside() == side);
        }
        let both = may_read(Side::Customer, company, thread, owner)
            && may_read(Side::Factory, company, thread, owner);
        prop_assert!(!both, "a customer and a factory share {:?}", thread);
    }

    /// Whatever is typed, a kept body is trimmed, fits, and has no control
    /// character but the line break; keeping it again changes nothing.
    #[test]
    fn a_kept_body_is_clean(raw in any::<String>()) {
        if let Ok(body) = check_body(&raw) {
            prop_assert!(!body.is_empty(), "empty body from {:?}", raw);
            prop_assert_eq!(body.trim(), body.as_str());
            prop_assert!(body.chars().count() <= MAX_BODY_CHARS, "too long: {}", body.chars().count());
            prop_assert!(
                body.chars().all(|c| c == '\n' || !c.is_control()),
                "control character kept in {:?}", body
            );
            prop_assert_eq!(check_body(&body), Ok(body.clone()));
        }
    }

    /// Lines of text are kept as typed (trimmed), with the browser's
    /// `\r\n` line breaks or plain ones alike.
    #[test]
    fn text_with_line_breaks_is_kept(
        text in "[a-z0-9 ,.!?订货]{0,40}(\n[a-z0-9 ,.!?订货]{0,40}){0,4}",
    ) {
        let expected = if text.trim().is_empty() {
            Err(BodyError::Empty)
        } else {
            Ok(text.trim().to_string())
        };
        prop_assert_eq!(check_body(&text), expected.clone());
        prop_assert_eq!(check_body(&text.replace('\n', "\r\n")), expected);
    }
}

#[test]
fn an_order_s_conversation_shows_in_its_order_s_part_only() {
    use crate::domain::kept_pages::{Scope, page_scope};
    assert_eq!(Thread::Order(7).part(), Some(Scope::Order(7)));
    // Read under its conversation, which a message in it drops.
    let read = Thread::Order(7).kept_under().unwrap();
    assert_eq!(read, Scope::Talk(7));
    assert!(Scope::Order(7).dropped().any(|p| p == read));
    assert_eq!(Thread::PurchaseOrder(7).kept_under(), None);
    assert_eq!(Thread::PurchaseOrder(7).part(), None);
    // The part the order's kept page is kept under.
    assert_eq!(
        Thread::Order(12).part(),
        page_scope("/customer/orders/12", 4)
    );
}
