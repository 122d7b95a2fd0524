//! Which pages may be kept whole between writes: the ones customers and
//! factories open all day, whose HTML depends only on the data, the viewer
//! and the day (no clock on them ticks by the minute, nothing on them is
//! about the request beyond its address). Everything else is rendered anew
//! every time.
//!
//! A kept page (or read) names the part of the book it shows, its
//! [`Scope`]s: a write that says which parts it touched (a factory's
//! progress report) leaves everything showing other parts kept. A write
//! that does not say drops everything.
//!
//! A kept page also shows its viewer's own part, [`Scope::Person`]: the
//! count of unread notifications in its navigation. A write that puts
//! something on people's lists (an alert) names them, so only their pages
//! are rendered again.

/// A part of the book a kept page or read shows.
///
/// An order has parts of its own: a read names the ones it shows, a write
/// the ones it touched ([`Scope::dropped`]). A write to any part of an
/// order drops what shows the order whole ([`Scope::Order`]); only a write
/// of the whole order drops what shows its shipping or its conversation.
/// So a factory's report, which writes the order's production alone, leaves
/// the order page's shipping panel and conversation kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// One order: its lines, dates, status, timeline and panels. Written,
    /// anything of it, its shipping and conversation included.
    Order(i32),
    /// One order's back half as the book holds it: its shipments with
    /// their documents and files, its own documents and files, its payment
    /// schedule and letter of credit.
    Shipping(i32),
    /// One order's conversation.
    Talk(i32),
    /// One order's production: its lines' dates, its status and timeline,
    /// as a factory's report moves them. Only written: nothing is read
    /// that shows it alone.
    Production(i32),
    /// Everything a customer company sees across its orders (its list, its
    /// glance).
    Customer(i32),
    /// Everything a factory sees across its purchase-order lines.
    Factory(i32),
    /// What one person (a user id) sees of their own on every page: who
    /// they are signed in as (their session, language and zone) and the
    /// unread count of their notifications.
    Person(i32),
}

impl Scope {
    /// The scope as a write announces it to other instances (`o12`).
    pub fn tag(self) -> String {
        match self {
            Scope::Order(id) => format!("o{id}"),
            Scope::Shipping(id) => format!("s{id}"),
            Scope::Talk(id) => format!("t{id}"),
            Scope::Production(id) => format!("l{id}"),
            Scope::Customer(id) => format!("c{id}"),
            Scope::Factory(id) => format!("f{id}"),
            Scope::Person(id) => format!("p{id}"),
        }
    }

    /// The scope a [`Scope::tag`] names; `None` for anything else.
    pub fn parse(tag: &str) -> Option<Self> {
        let id: i32 = tag.get(1..)?.parse().ok()?;
        let scope = match tag.get(..1)? {
            "o" => Scope::Order(id),
            "s" => Scope::Shipping(id),
            "t" => Scope::Talk(id),
            "l" => Scope::Production(id),
            "c" => Scope::Customer(id),
            "f" => Scope::Factory(id),
            "p" => Scope::Person(id),
            _ => return None,
        };
        // One spelling only (no "+5", no "05").
        (scope.tag() == tag).then_some(scope)
    }

    /// The parts whose kept reads a write naming this part drops: itself
    /// and, for a part of an order, the order whole; for the order whole,
    /// every part of it.
    pub fn dropped(self) -> impl Iterator<Item = Scope> {
        let parts = match self {
            Scope::Order(id) => [
                Some(Scope::Order(id)),
                Some(Scope::Shipping(id)),
                Some(Scope::Talk(id)),
            ],
            Scope::Shipping(id) | Scope::Talk(id) => [Some(self), Some(Scope::Order(id)), None],
            Scope::Production(id) => [Some(Scope::Order(id)), None, None],
            Scope::Customer(_) | Scope::Factory(_) | Scope::Person(_) => [Some(self), None, None],
        };
        parts.into_iter().flatten()
    }
}

/// The part of the book that is a person's whole view, by their role and
/// company: their customer's or factory's; `None` for the house, which
/// sees it all. It also holds what their first page says of their company
/// (how many colleagues are on the portal).
pub fn own_part(role: crate::domain::account::Role, company: i32) -> Option<Scope> {
    use crate::domain::account::Role;
    match role {
        Role::Customer => Some(Scope::Customer(company)),
        Role::Supplier => Some(Scope::Factory(company)),
        Role::Staff | Role::Admin => None,
    }
}

/// Whether the page at `path` may be kept: a customer's first page and
/// order pages, a factory's line list.
pub fn kept_page(path: &str) -> bool {
    match path {
        "/customer" | "/supplier" => true,
        _ => path.strip_prefix("/customer/orders/").is_some_and(|id| {
            !id.is_empty() && id.len() <= 10 && id.bytes().all(|b| b.is_ascii_digit())
        }),
    }
}

/// What the kept page at `path` shows to a viewer of `company`: its order,
/// or all of the customer's or the factory's; `None` for a page that is not
/// kept or whose part cannot be named (it is then dropped at every write).
pub fn page_scope(path: &str, company: i32) -> Option<Scope> {
    if !kept_page(path) {
        return None;
    }
    match path {
        "/customer" => Some(Scope::Customer(company)),
        "/supplier" => Some(Scope::Factory(company)),
        _ => path
            .strip_prefix("/customer/orders/")?
            .parse()
            .ok()
            .map(Scope::Order),
    }
}

/// Everything the kept page at `path` shows to `person` of `company`: its
/// part of the book and the person's own (the unread count in its
/// navigation); `None` when its part cannot be named (it is then dropped at
/// every write).
pub fn page_parts(path: &str, company: i32, person: i32) -> Option<[Scope; 2]> {
    page_scope(path, company).map(|part| [part, Scope::Person(person)])
}

/// The parts a write to one order shows in: the order, its customer's
/// whole view and the whole views of the factories filling it, each once.
pub fn order_and_around(order: i32, customer: i32, factories: &[i32]) -> Vec<Scope> {
    each_once(
        [Scope::Order(order), Scope::Customer(customer)]
            .into_iter()
            .chain(factories.iter().map(|f| Scope::Factory(*f))),
    )
}

/// The parts a write names, each once, in the order first named.
pub fn each_once(parts: impl IntoIterator<Item = Scope>) -> Vec<Scope> {
    let mut once: Vec<Scope> = Vec::new();
    for part in parts {
        if !once.contains(&part) {
            once.push(part);
        }
    }
    once
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_pages_opened_all_day_are_kept_and_nothing_else() {
        assert!(kept_page("/customer"));
        assert!(kept_page("/customer/orders/12497"));
        assert!(kept_page("/supplier"));
        for other in [
            "/customer/",
            "/customer/orders",
            "/customer/orders/",
            "/customer/orders/12/confirmation",
            "/customer/orders/x1",
            "/customer/complaints",
            "/supplier/lines/3",
            "/staff",
            "/staff/orders/3",
            "/account",
            "/",
        ] {
            assert!(!kept_page(other), "{other}");
        }
    }

    #[test]
    fn a_kept_page_shows_its_order_or_the_viewer_s_company() {
        assert_eq!(page_scope("/customer", 4), Some(Scope::Customer(4)));
        assert_eq!(page_scope("/supplier", 9), Some(Scope::Factory(9)));
        assert_eq!(page_scope("/customer/orders/12", 4), Some(Scope::Order(12)));
        // Kept, but beyond any order id: dropped at every write.
        assert_eq!(page_scope("/customer/orders/9999999999", 4), None);
        assert_eq!(page_scope("/staff", 4), None);
    }

    #[test]
    fn a_partner_s_whole_view_is_its_company_s_and_the_house_s_is_none() {
        use crate::domain::account::Role;
        assert_eq!(own_part(Role::Customer, 4), Some(Scope::Customer(4)));
        assert_eq!(own_part(Role::Supplier, 9), Some(Scope::Factory(9)));
        assert_eq!(own_part(Role::Staff, 1), None);
        assert_eq!(own_part(Role::Admin, 1), None);
        // The company's part is the one its first page is kept under.
        assert_eq!(own_part(Role::Customer, 4), page_scope("/customer", 4));
        assert_eq!(own_part(Role::Supplier, 9), page_scope("/supplier", 9));
    }

    #[test]
    fn a_kept_page_also_shows_its_viewer_s_own_part() {
        assert_eq!(
            page_parts("/customer/orders/12", 4, 31),
            Some([Scope::Order(12), Scope::Person(31)])
        );
        assert_eq!(
            page_parts("/supplier", 9, 5),
            Some([Scope::Factory(9), Scope::Person(5)])
        );
        assert_eq!(page_parts("/customer/orders/9999999999", 4, 31), None);
        assert_eq!(page_parts("/account", 4, 31), None);
    }

    fn any_scope(id: i32, kind: u8) -> Scope {
        match kind {
            0 => Scope::Order(id),
            1 => Scope::Customer(id),
            2 => Scope::Factory(id),
            3 => Scope::Shipping(id),
            4 => Scope::Talk(id),
            5 => Scope::Production(id),
            _ => Scope::Person(id),
        }
    }

    fn scope_id(scope: Scope) -> i32 {
        match scope {
            Scope::Order(id)
            | Scope::Shipping(id)
            | Scope::Talk(id)
            | Scope::Production(id)
            | Scope::Customer(id)
            | Scope::Factory(id)
            | Scope::Person(id) => id,
        }
    }

    #[test]
    fn a_report_drops_the_order_and_keeps_its_shipping_and_conversation() {
        let dropped: Vec<Scope> = Scope::Production(7).dropped().collect();
        assert_eq!(dropped, [Scope::Order(7)]);
        let whole: Vec<Scope> = Scope::Order(7).dropped().collect();
        assert_eq!(whole, [Scope::Order(7), Scope::Shipping(7), Scope::Talk(7)]);
        let talk: Vec<Scope> = Scope::Talk(7).dropped().collect();
        assert_eq!(talk, [Scope::Talk(7), Scope::Order(7)]);
        let customer: Vec<Scope> = Scope::Customer(7).dropped().collect();
        assert_eq!(customer, [Scope::Customer(7)]);
    }

    proptest! {
        #[test]
        fn a_write_to_an_order_names_it_its_customer_and_each_factory_once(
            order in any::<i32>(),
            customer in any::<i32>(),
            factories in proptest::collection::vec(0i32..6, 0..10),
        ) {
            let parts = order_and_around(order, customer, &factories);
            prop_assert_eq!(&parts[..2], &[Scope::Order(order), Scope::Customer(customer)]);
            for factory in &factories {
                prop_assert_eq!(
                    parts.iter().filter(|p| **p == Scope::Factory(*factory)).count(),
                    1
                );
            }
            prop_assert_eq!(parts.len(), 2 + {
                let mut distinct = factories.clone();
                distinct.sort_unstable();
                distinct.dedup();
                distinct.len()
            });
        }

        #[test]
        fn a_scope_reads_back_from_its_tag(id in any::<i32>(), kind in 0u8..7) {
            let scope = any_scope(id, kind);
            prop_assert_eq!(Scope::parse(&scope.tag()), Some(scope));
        }

        #[test]
        fn a_write_to_any_part_of_an_order_drops_the_order_whole(
            id in any::<i32>(),
            kind in 0u8..7,
        ) {
            let part = any_scope(id, kind);
            let dropped: Vec<Scope> = part.dropped().collect();
            let of_order = matches!(
                part,
                Scope::Order(_) | Scope::Shipping(_) | Scope::Talk(_) | Scope::Production(_)
            );
            prop_assert_eq!(dropped.contains(&Scope::Order(id)), of_order);
            // What is read under a part goes when the part is written.
            if !matches!(part, Scope::Production(_)) {
                prop_assert!(dropped.contains(&part));
            }
            // Nothing of another order or company, each once.
            prop_assert!(dropped.iter().all(|p| scope_id(*p) == id));
            prop_assert_eq!(each_once(dropped.clone()), dropped);
        }

        #[test]
        fn any_text_is_a_scope_or_nothing(tag in ".{0,14}") {
            if let Some(scope) = Scope::parse(&tag) {
                prop_assert_eq!(scope.tag(), tag);
            }
        }

        #[test]
        fn only_the_three_shapes_are_kept(path in ".{0,40}") {
            let shape = path == "/customer"
                || path == "/supplier"
                || path
                    .strip_prefix("/customer/orders/")
                    .is_some_and(|id| (1..=10).contains(&id.len()) && id.chars().all(|c| c.is_ascii_digit()));
            prop_assert_eq!(kept_page(&path), shape);
        }
    }
}
