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
    /// goes from its list to a line to report progress, a customer from its
    /// orders to one of them.
    pub fn next(self) -> Option<Bundle> {
        match self {
            Self::FactoryIslands => Some(Self::LineIslands),
            Self::CustomerIslands => Some(Self::OrderIslands),
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
/// quotations', and the factory's list not the line page's (each fetched
/// once the first works, see [`Bundle::next`]). A page with no island of its own
/// (the order confirmation, made for print, and the order's whole timeline)
/// comes with the smallest bundle that wakes the shell's.
pub const ISLAND_PAGES: [(&str, Role, Bundle); 18] = [
    ("/customer", Role::Customer, Bundle::CustomerIslands),
    (
        "/customer/orders/*/confirmation",
        Role::Customer,
        Bundle::CustomerIslands,
    ),
    (
        "/customer/orders/*/timeline",
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
mod tests;
