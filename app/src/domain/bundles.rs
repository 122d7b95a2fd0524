//! Which browser bundle a page is sent with. The whole bundle carries every
//! page; the partners' bundle leaves out the house's own pages (everything
//! under `/staff` and `/admin`), so customers, factories and visitors
//! download a sixth less before their page works.
//!
//! A page is hydrated by the bundle the server named in it, and that bundle
//! must know the page's route. So the partners' bundle is named only for
//! pages outside the house's area, and never to the house's own people, who
//! move from their account page into their area without a new page load.

use super::account::Role;

/// One of the browser bundles the portal builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// Every page.
    Whole,
    /// Every page but the house's own.
    Partners,
}

impl Bundle {
    /// The name of its files under `/pkg/` (`<name>.js`, `<name>.wasm`).
    pub fn output_name(self) -> &'static str {
        match self {
            Self::Whole => "portal",
            Self::Partners => "portal-partners",
        }
    }
}

/// Whether an address is one of the house's own pages.
pub fn house_area(path: &str) -> bool {
    ["/staff", "/admin"].into_iter().any(|area| {
        path.strip_prefix(area)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The bundle a page at `path` is sent with, for the signed-in person's role
/// (`None`: nobody is signed in), when the partners' bundle was built.
pub fn bundle_for(path: &str, viewer: Option<Role>) -> Bundle {
    let house_person = matches!(viewer, Some(Role::Admin | Role::Staff));
    if house_person || house_area(path) {
        Bundle::Whole
    } else {
        Bundle::Partners
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
            assert_eq!(bundle_for("/customer/orders/3", viewer), Bundle::Partners);
            assert_eq!(bundle_for("/login", viewer), Bundle::Partners);
            assert_eq!(bundle_for("/staff/orders", viewer), Bundle::Whole);
            assert_eq!(bundle_for("/admin", viewer), Bundle::Whole);
        }
    }

    #[test]
    fn the_house_gets_the_whole_bundle_everywhere() {
        for viewer in [Role::Admin, Role::Staff] {
            for path in ["/", "/login", "/account", "/notifications", "/staff"] {
                assert_eq!(bundle_for(path, Some(viewer)), Bundle::Whole, "{path}");
            }
        }
    }

    #[test]
    fn the_bundles_have_files_of_their_own() {
        assert_ne!(Bundle::Whole.output_name(), Bundle::Partners.output_name());
    }

    proptest! {
        /// Whatever lies under the house's area, and whoever asks, its
        /// pages are never sent with the bundle that cannot hydrate them.
        #[test]
        fn no_house_page_is_sent_with_the_partners_bundle(
            area in proptest::sample::select(vec!["/staff", "/admin"]),
            rest in "(/[a-z0-9-]{0,8}){0,4}",
            viewer in proptest::option::of(proptest::sample::select(Role::ALL.to_vec())),
        ) {
            prop_assert_eq!(bundle_for(&format!("{area}{rest}"), viewer), Bundle::Whole);
        }

        /// The house's own people get the whole bundle on any page.
        #[test]
        fn the_house_never_gets_the_partners_bundle(
            path in "(/[a-z0-9-]{0,8}){1,4}",
            viewer in proptest::sample::select(vec![Role::Admin, Role::Staff]),
        ) {
            prop_assert_eq!(bundle_for(&path, Some(viewer)), Bundle::Whole);
        }
    }
}
