//! Which browser bundle a page is sent with. The whole bundle carries every
//! page; the partners' bundle leaves out the house's own pages (everything
//! under `/staff` and `/admin`), so customers, factories and visitors
//! download a sixth less before their page works.
//!
//! A page is hydrated by the bundle the server named in it, and that bundle
//! must know the page's route. So the partners' bundle is named only for
//! pages outside the house's area, and never to the house's own people, who
//! move from their account page into their area without a new page load.
//!
//! The islands' bundles know no route at all: they wake only the parts of a
//! page written as islands (`#[island]`), and the server renders the rest
//! as plain HTML whose links load the next page anew. Each is named for the
//! pages written that way ([`ISLAND_PAGES`]), to the people those pages are
//! for: the factory's list of lines and its line pages, opened by a
//! factory; the customer's first page (and its order confirmation, made for
//! print, which has no island of its own), its order pages, and its inquiry
//! and quotation pages, opened by a customer; and the complaint, account and
//! notification pages of both. Each holds only its own pages' islands and
//! the sign-out button.

use super::account::Role;

/// One of the browser bundles the portal builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// Every page.
    Whole,
    /// Every page but the house's own.
    Partners,
    /// No page: the islands of the factory's list.
    FactoryIslands,
    /// No page: the island of the factory's line page.
    LineIslands,
    /// No page: the islands of a customer's or a factory's complaint pages.
    ComplaintIslands,
    /// No page: the islands of the customer's first page.
    CustomerIslands,
    /// No page: the island of the customer's order page.
    OrderIslands,
    /// No page: the islands of the customer's inquiry and quotation pages.
    QuoteIslands,
    /// No page: the islands of a customer's or a factory's account,
    /// two-factor and notification pages.
    AccountIslands,
}

impl Bundle {
    /// Every bundle the portal builds.
    pub const ALL: [Bundle; 9] = [
        Self::Whole,
        Self::Partners,
        Self::FactoryIslands,
        Self::LineIslands,
        Self::ComplaintIslands,
        Self::CustomerIslands,
        Self::OrderIslands,
        Self::QuoteIslands,
        Self::AccountIslands,
    ];

    /// The name of its files under `/pkg/` (`<name>.js`, `<name>.wasm`).
    pub fn output_name(self) -> &'static str {
        match self {
            Self::Whole => "portal",
            Self::Partners => "portal-partners",
            Self::FactoryIslands => "portal-factory",
            Self::LineIslands => "portal-factory-line",
            Self::ComplaintIslands => "portal-complaints",
            Self::CustomerIslands => "portal-customer",
            Self::OrderIslands => "portal-order",
            Self::QuoteIslands => "portal-quotes",
            Self::AccountIslands => "portal-account",
        }
    }

    /// Whether the page is woken island by island (the rest of it stays as
    /// the server rendered it), not hydrated as a whole.
    pub fn islands(self) -> bool {
        matches!(
            self,
            Self::FactoryIslands
                | Self::LineIslands
                | Self::ComplaintIslands
                | Self::CustomerIslands
                | Self::OrderIslands
                | Self::QuoteIslands
                | Self::AccountIslands
        )
    }

    /// The bundle of the page its readers most likely open next, which the
    /// browser may fetch at leisure once this one's page works: a factory
    /// goes from its list to a line to report progress.
    pub fn next(self) -> Option<Bundle> {
        match self {
            Self::FactoryIslands => Some(Self::LineIslands),
            _ => None,
        }
    }
}

/// The pages written as islands: an address, where `*` stands for a
/// record's id (`/supplier/lines/*`), the role they are written for and the
/// bundle that wakes their islands. A page's islands come in a bundle of
/// their own where another page's would weigh on it: neither role downloads
/// the other's pages (but for the complaint pages, which both roles share),
/// the customer's first page not the order page's, the order page not the
/// quotations', and the factory's list not the line page's (fetched once
/// the list works, see [`Bundle::next`]). A page with no island of its own (the order
/// confirmation, made for print) comes with the smallest bundle that wakes
/// the shell's.
pub const ISLAND_PAGES: [(&str, Role, Bundle); 17] = [
    ("/customer", Role::Customer, Bundle::CustomerIslands),
    (
        "/customer/orders/*/confirmation",
        Role::Customer,
        Bundle::CustomerIslands,
    ),
    ("/customer/orders/*", Role::Customer, Bundle::OrderIslands),
    ("/customer/inquiries", Role::Customer, Bundle::QuoteIslands),
    (
        "/customer/quotations/*",
        Role::Customer,
        Bundle::QuoteIslands,
    ),
    (
        "/customer/complaints",
        Role::Customer,
        Bundle::ComplaintIslands,
    ),
    (
        "/customer/complaints/*",
        Role::Customer,
        Bundle::ComplaintIslands,
    ),
    ("/supplier", Role::Supplier, Bundle::FactoryIslands),
    ("/supplier/lines/*", Role::Supplier, Bundle::LineIslands),
    (
        "/supplier/complaints",
        Role::Supplier,
        Bundle::ComplaintIslands,
    ),
    (
        "/supplier/complaints/*",
        Role::Supplier,
        Bundle::ComplaintIslands,
    ),
    ("/account", Role::Customer, Bundle::AccountIslands),
    ("/account", Role::Supplier, Bundle::AccountIslands),
    (
        "/account/two-factor",
        Role::Customer,
        Bundle::AccountIslands,
    ),
    (
        "/account/two-factor",
        Role::Supplier,
        Bundle::AccountIslands,
    ),
    ("/notifications", Role::Customer, Bundle::AccountIslands),
    ("/notifications", Role::Supplier, Bundle::AccountIslands),
];

/// Whether `path` (without a trailing slash) is an address of `pattern`:
/// segment by segment the same, a `*` standing for any one non-empty
/// segment.
fn matches_page(pattern: &str, path: &str) -> bool {
    let mut wanted = pattern.split('/');
    let mut given = path.split('/');
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (Some("*"), Some(segment)) if !segment.is_empty() => {}
            (Some(w), Some(g)) if w == g && w != "*" => {}
            _ => return false,
        }
    }
}

/// The bundle that wakes the page at `path`, if it is written as islands
/// for `viewer`.
pub fn island_page(path: &str, viewer: Option<Role>) -> Option<Bundle> {
    let path = match path.strip_suffix('/') {
        Some(bare) if !bare.is_empty() => bare,
        _ => path,
    };
    ISLAND_PAGES
        .iter()
        .find(|&&(page, role, _)| viewer == Some(role) && matches_page(page, path))
        .map(|&(_, _, bundle)| bundle)
}

/// Whether an address is one of the house's own pages.
pub fn house_area(path: &str) -> bool {
    ["/staff", "/admin"].into_iter().any(|area| {
        path.strip_prefix(area)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The bundles a site holds beside the whole one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Built {
    pub partners: bool,
    pub factory_islands: bool,
    pub line_islands: bool,
    pub complaint_islands: bool,
    pub customer_islands: bool,
    pub order_islands: bool,
    pub quote_islands: bool,
    pub account_islands: bool,
}

impl Built {
    /// Whether the site holds `bundle` (the whole one it always holds).
    pub fn holds(self, bundle: Bundle) -> bool {
        match bundle {
            Bundle::Whole => true,
            Bundle::Partners => self.partners,
            Bundle::FactoryIslands => self.factory_islands,
            Bundle::LineIslands => self.line_islands,
            Bundle::ComplaintIslands => self.complaint_islands,
            Bundle::CustomerIslands => self.customer_islands,
            Bundle::OrderIslands => self.order_islands,
            Bundle::QuoteIslands => self.quote_islands,
            Bundle::AccountIslands => self.account_islands,
        }
    }
}

/// The bundle a page at `path` is sent with, for the signed-in person's role
/// (`None`: nobody is signed in), from the bundles the site holds.
pub fn bundle_for(path: &str, viewer: Option<Role>, built: Built) -> Bundle {
    let house_person = matches!(viewer, Some(Role::Admin | Role::Staff));
    let islands = island_page(path, viewer).filter(|&bundle| built.holds(bundle));
    if house_person || house_area(path) {
        Bundle::Whole
    } else if let Some(islands) = islands {
        islands
    } else if built.partners {
        Bundle::Partners
    } else {
        Bundle::Whole
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn a_bundle_not_built_is_never_named() {
        let factory = Some(Role::Supplier);
        let customer = Some(Role::Customer);
        let partners_only = Built {
            partners: true,
            ..Built::default()
        };
        assert_eq!(
            bundle_for("/supplier", factory, partners_only),
            Bundle::Partners
        );
        // Each role's islands are named only if that role's bundle is built.
        let factory_islands = Built {
            factory_islands: true,
            ..Built::default()
        };
        assert_eq!(
            bundle_for("/supplier", factory, factory_islands),
            Bundle::FactoryIslands
        );
        // The list's and the line page's bundles are named apart.
        assert_eq!(
            bundle_for("/supplier/lines/7", factory, factory_islands),
            Bundle::Whole
        );
        let line_islands = Built {
            line_islands: true,
            ..Built::default()
        };
        assert_eq!(
            bundle_for("/supplier/lines/7", factory, line_islands),
            Bundle::LineIslands
        );
        assert_eq!(
            bundle_for("/supplier", factory, line_islands),
            Bundle::Whole
        );
        let complaint_islands = Built {
            complaint_islands: true,
            ..Built::default()
        };
        assert_eq!(
            bundle_for("/supplier/complaints/2", factory, complaint_islands),
            Bundle::ComplaintIslands
        );
        assert_eq!(
            bundle_for("/supplier/complaints/2", factory, line_islands),
            Bundle::Whole
        );
        assert_eq!(
            bundle_for("/customer", customer, factory_islands),
            Bundle::Whole
        );
        let customer_islands = Built {
            customer_islands: true,
            ..Built::default()
        };
        assert_eq!(
            bundle_for("/customer", customer, customer_islands),
            Bundle::CustomerIslands
        );
        assert_eq!(
            bundle_for("/supplier", factory, customer_islands),
            Bundle::Whole
        );
        assert_eq!(
            bundle_for("/customer/orders/7", customer, customer_islands),
            Bundle::Whole
        );
        let order_islands = Built {
            order_islands: true,
            ..Built::default()
        };
        assert_eq!(
            bundle_for("/customer/orders/7", customer, order_islands),
            Bundle::OrderIslands
        );
        assert_eq!(
            bundle_for("/customer", customer, order_islands),
            Bundle::Whole
        );
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
    fn a_factorys_list_fetches_the_line_pages_bundle_next() {
        assert_eq!(Bundle::FactoryIslands.next(), Some(Bundle::LineIslands));
        for bundle in Bundle::ALL {
            // Only an islands' bundle names another, never itself.
            if let Some(next) = bundle.next() {
                assert!(bundle.islands() && next.islands() && next != bundle);
            }
        }
        let line_page = ISLAND_PAGES
            .iter()
            .find(|&&(page, _, _)| page == "/supplier/lines/*");
        assert_eq!(
            line_page.map(|&(_, _, bundle)| bundle),
            Bundle::FactoryIslands.next()
        );
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
}
