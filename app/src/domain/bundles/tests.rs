use super::*;
use proptest::prelude::*;

const ALL_BUILT: Built = Built {
    partners: true,
    factory_islands: true,
    line_islands: true,
    complaint_islands: true,
    customer_islands: true,
    order_islands: true,
    quote_islands: true,
    account_islands: true,
};

#[test]
fn the_house_area_is_staff_and_admin_and_what_lies_under_them() {
    for path in ["/staff", "/staff/", "/staff/orders/7", "/admin", "/admin/x"] {
        assert!(house_area(path), "{path}");
    }
    for path in [
        "/",
        "/staffing",
        "/administration",
        "/customer/staff",
        "/login",
    ] {
        assert!(!house_area(path), "{path}");
    }
}

#[test]
fn partners_and_visitors_get_the_partners_bundle_outside_the_house_area() {
    for viewer in [None, Some(Role::Customer), Some(Role::Supplier)] {
        for path in ["/login", "/reset-password", "/", "/account/x"] {
            assert_eq!(bundle_for(path, viewer, ALL_BUILT), Bundle::Partners);
        }
        assert_eq!(
            bundle_for("/staff/orders", viewer, ALL_BUILT),
            Bundle::Whole
        );
        assert_eq!(bundle_for("/admin", viewer, ALL_BUILT), Bundle::Whole);
    }
}

#[test]
fn a_factory_gets_the_islands_on_its_list_its_line_and_complaint_pages() {
    let factory = Some(Role::Supplier);
    for (path, bundle) in [
        ("/supplier", Bundle::FactoryIslands),
        ("/supplier/", Bundle::FactoryIslands),
        ("/supplier/lines/7", Bundle::LineIslands),
        ("/supplier/lines/7/", Bundle::LineIslands),
        ("/supplier/complaints", Bundle::ComplaintIslands),
        ("/supplier/complaints/2", Bundle::ComplaintIslands),
    ] {
        assert_eq!(bundle_for(path, factory, ALL_BUILT), bundle, "{path}");
    }
    for path in [
        "/supplier/lines",
        "/supplier/lines/7/x",
        "/supplier/complaints/2/x",
        "/supplier-x",
        "/notifications/x",
    ] {
        assert_eq!(
            bundle_for(path, factory, ALL_BUILT),
            Bundle::Partners,
            "{path}"
        );
    }
    // Nobody else: what they see there is a refusal or a sign-in form.
    for viewer in [
        None,
        Some(Role::Customer),
        Some(Role::Staff),
        Some(Role::Admin),
    ] {
        assert!(!bundle_for("/supplier", viewer, ALL_BUILT).islands());
        for path in [
            "/supplier/lines/7",
            "/supplier/complaints",
            "/supplier/complaints/2",
        ] {
            assert!(!bundle_for(path, viewer, ALL_BUILT).islands(), "{path}");
        }
    }
}

#[test]
fn a_customer_gets_the_islands_on_its_first_page_its_orders_and_complaints() {
    let customer = Some(Role::Customer);
    for (path, bundle) in [
        ("/customer", Bundle::CustomerIslands),
        ("/customer/", Bundle::CustomerIslands),
        ("/customer/orders/7", Bundle::OrderIslands),
        ("/customer/orders/7/", Bundle::OrderIslands),
        ("/customer/inquiries", Bundle::QuoteIslands),
        ("/customer/inquiries/", Bundle::QuoteIslands),
        ("/customer/quotations/12", Bundle::QuoteIslands),
        ("/customer/orders/7/confirmation", Bundle::CustomerIslands),
        ("/customer/orders/7/confirmation/", Bundle::CustomerIslands),
        ("/customer/orders/7/timeline", Bundle::CustomerIslands),
        ("/customer/complaints", Bundle::ComplaintIslands),
        ("/customer/complaints/4", Bundle::ComplaintIslands),
    ] {
        assert_eq!(bundle_for(path, customer, ALL_BUILT), bundle, "{path}");
    }
    for path in [
        "/customer/orders",
        "/customer/orders//confirmation",
        "/customer/orders/7/confirmation/x",
        "/customer/orders/7/x",
        "/customer/inquiries/3",
        "/customer/quotations",
        "/customer/complaints/4/x",
        "/customers",
    ] {
        assert_eq!(
            bundle_for(path, customer, ALL_BUILT),
            Bundle::Partners,
            "{path}"
        );
    }
    for viewer in [
        None,
        Some(Role::Supplier),
        Some(Role::Staff),
        Some(Role::Admin),
    ] {
        for path in [
            "/customer",
            "/customer/orders/7",
            "/customer/inquiries",
            "/customer/quotations/12",
            "/customer/orders/7/confirmation",
            "/customer/complaints",
            "/customer/complaints/4",
        ] {
            assert!(!bundle_for(path, viewer, ALL_BUILT).islands(), "{path}");
        }
    }
}

#[test]
fn partners_get_the_islands_on_their_account_and_notification_pages() {
    for viewer in [Some(Role::Customer), Some(Role::Supplier)] {
        for path in [
            "/account",
            "/account/",
            "/account/two-factor",
            "/notifications",
            "/notifications/",
        ] {
            assert_eq!(
                bundle_for(path, viewer, ALL_BUILT),
                Bundle::AccountIslands,
                "{path}"
            );
        }
    }
    // A visitor is sent to sign in; the house hydrates them as a whole.
    for viewer in [None, Some(Role::Staff), Some(Role::Admin)] {
        for path in ["/account", "/account/two-factor", "/notifications"] {
            assert!(!bundle_for(path, viewer, ALL_BUILT).islands(), "{path}");
        }
    }
    let others = Built {
        account_islands: false,
        ..ALL_BUILT
    };
    assert_eq!(
        bundle_for("/account", Some(Role::Customer), others),
        Bundle::Partners
    );
}

/// A site that holds `bundle`'s files and no others (but the whole's).
fn only(bundle: Bundle) -> Built {
    let mut built = Built::default();
    let held = match bundle {
        Bundle::Whole => return built,
        Bundle::Partners => &mut built.partners,
        Bundle::FactoryIslands => &mut built.factory_islands,
        Bundle::LineIslands => &mut built.line_islands,
        Bundle::ComplaintIslands => &mut built.complaint_islands,
        Bundle::CustomerIslands => &mut built.customer_islands,
        Bundle::OrderIslands => &mut built.order_islands,
        Bundle::QuoteIslands => &mut built.quote_islands,
        Bundle::AccountIslands => &mut built.account_islands,
    };
    *held = true;
    built
}

#[test]
fn a_bundle_not_built_is_never_named() {
    use Bundle::*;
    let factory = Some(Role::Supplier);
    let customer = Some(Role::Customer);
    // Each page with a site that holds one bundle: its own is named only if
    // that is the one held (the list's and the line page's apart, the
    // customer's first page's and the order page's apart), and neither
    // role's islands wake the other's pages.
    for (path, viewer, held, named) in [
        ("/supplier", factory, Partners, Partners),
        ("/supplier", factory, FactoryIslands, FactoryIslands),
        ("/supplier/lines/7", factory, FactoryIslands, Whole),
        ("/supplier/lines/7", factory, LineIslands, LineIslands),
        ("/supplier", factory, LineIslands, Whole),
        (
            "/supplier/complaints/2",
            factory,
            ComplaintIslands,
            ComplaintIslands,
        ),
        ("/supplier/complaints/2", factory, LineIslands, Whole),
        ("/customer", customer, FactoryIslands, Whole),
        ("/customer", customer, CustomerIslands, CustomerIslands),
        ("/supplier", factory, CustomerIslands, Whole),
        ("/customer/orders/7", customer, CustomerIslands, Whole),
        ("/customer/orders/7", customer, OrderIslands, OrderIslands),
        ("/customer", customer, OrderIslands, Whole),
    ] {
        assert_eq!(
            bundle_for(path, viewer, only(held)),
            named,
            "{path} with only {held:?}"
        );
    }
    for path in ["/supplier", "/customer", "/login", "/staff"] {
        for viewer in [factory, customer] {
            assert_eq!(
                bundle_for(path, viewer, Built::default()),
                Bundle::Whole,
                "{path}"
            );
        }
    }
}

#[test]
fn the_house_gets_the_whole_bundle_everywhere() {
    for viewer in [Role::Admin, Role::Staff] {
        for path in [
            "/",
            "/login",
            "/account",
            "/notifications",
            "/staff",
            "/supplier",
        ] {
            assert_eq!(
                bundle_for(path, Some(viewer), ALL_BUILT),
                Bundle::Whole,
                "{path}"
            );
        }
    }
}

#[test]
fn the_bundles_have_files_of_their_own() {
    let names = Bundle::ALL.map(Bundle::output_name);
    for (i, name) in names.iter().enumerate() {
        assert!(!names[i + 1..].contains(name), "{name}");
    }
    assert!(
        [
            Bundle::FactoryIslands,
            Bundle::LineIslands,
            Bundle::ComplaintIslands,
            Bundle::CustomerIslands,
            Bundle::OrderIslands,
            Bundle::QuoteIslands,
            Bundle::AccountIslands
        ]
        .iter()
        .all(|b| b.islands())
    );
    assert!(!Bundle::Partners.islands() && !Bundle::Whole.islands());
}

#[test]
fn a_list_fetches_the_bundle_of_the_page_it_leads_to_next() {
    assert_eq!(Bundle::FactoryIslands.next(), Some(Bundle::LineIslands));
    assert_eq!(Bundle::CustomerIslands.next(), Some(Bundle::OrderIslands));
    for bundle in Bundle::ALL {
        // Only an islands' bundle names another, never itself.
        if let Some(next) = bundle.next() {
            assert!(bundle.islands() && next.islands() && next != bundle);
        }
    }
    // Each is the bundle of the page its list links to.
    let bundle_of = |address: &str| {
        ISLAND_PAGES
            .iter()
            .find(|&&(page, _, _)| page == address)
            .map(|&(_, _, bundle)| bundle)
    };
    for (list, next) in [
        ("/supplier", "/supplier/lines/*"),
        ("/customer", "/customer/orders/*"),
    ] {
        assert_eq!(bundle_of(list).and_then(Bundle::next), bundle_of(next));
    }
}

proptest! {
    /// Whatever lies under the house's area, and whoever asks, its
    /// pages are never sent with a bundle that cannot hydrate them.
    #[test]
    fn no_house_page_is_sent_with_a_smaller_bundle(
        area in proptest::sample::select(vec!["/staff", "/admin"]),
        rest in "(/[a-z0-9-]{0,8}){0,4}",
        viewer in proptest::option::of(proptest::sample::select(Role::ALL.to_vec())),
        partners: bool,
        factory_islands: bool,
        line_islands: bool,
        complaint_islands: bool,
        customer_islands: bool,
        order_islands: bool,
        quote_islands: bool,
        account_islands: bool,
    ) {
        let built = Built { partners, factory_islands, line_islands, complaint_islands, customer_islands, order_islands, quote_islands, account_islands };
        prop_assert_eq!(bundle_for(&format!("{area}{rest}"), viewer, built), Bundle::Whole);
    }

    /// The house's own people get the whole bundle on any page.
    #[test]
    fn the_house_never_gets_a_smaller_bundle(
        path in "(/[a-z0-9-]{0,8}){1,4}",
        viewer in proptest::sample::select(vec![Role::Admin, Role::Staff]),
    ) {
        prop_assert_eq!(bundle_for(&path, Some(viewer), ALL_BUILT), Bundle::Whole);
    }

    /// The islands' bundle is named only for the pages written as
    /// islands, to the role they are written for.
    #[test]
    fn the_islands_are_named_only_for_their_pages(
        path in "(/(supplier|lines|complaints|customer|orders|inquiries|quotations|confirmation|account|two-factor|notifications|[0-9]{1,3})){0,5}/?",
        viewer in proptest::option::of(proptest::sample::select(Role::ALL.to_vec())),
    ) {
        let named = bundle_for(&path, viewer, ALL_BUILT);
        let bare = path.trim_end_matches('/');
        let one_record = |prefix: &str| {
            bare.strip_prefix(prefix)
                .is_some_and(|id| !id.is_empty() && !id.contains('/'))
        };
        let confirmation = bare
            .strip_prefix("/customer/orders/")
            .and_then(|rest| rest.strip_suffix("/confirmation"))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'));
        let expected = match viewer {
            Some(Role::Customer) if bare == "/customer" || confirmation => {
                Some(Bundle::CustomerIslands)
            }
            Some(Role::Customer) if one_record("/customer/orders/") => {
                Some(Bundle::OrderIslands)
            }
            Some(Role::Customer)
                if bare == "/customer/inquiries" || one_record("/customer/quotations/") =>
            {
                Some(Bundle::QuoteIslands)
            }
            Some(Role::Customer)
                if bare == "/customer/complaints" || one_record("/customer/complaints/") =>
            {
                Some(Bundle::ComplaintIslands)
            }
            Some(Role::Supplier) if bare == "/supplier" => Some(Bundle::FactoryIslands),
            Some(Role::Supplier) if one_record("/supplier/lines/") => Some(Bundle::LineIslands),
            Some(Role::Supplier)
                if bare == "/supplier/complaints" || one_record("/supplier/complaints/") =>
            {
                Some(Bundle::ComplaintIslands)
            }
            Some(Role::Customer | Role::Supplier)
                if ["/account", "/account/two-factor", "/notifications"].contains(&bare) =>
            {
                Some(Bundle::AccountIslands)
            }
            _ => None,
        };
        prop_assert_eq!(named.islands().then_some(named), expected, "{}", path);
    }
}
