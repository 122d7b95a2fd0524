//! The frame around every page: brand, navigation for the viewer's role, footer.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api::auth::{Logout, SessionUser};
use crate::api::notifications::unread_notifications;
use crate::components::forms::go_to;
use crate::components::guard::{use_locale, use_user};
use crate::domain::account::Role;

#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    // Effects run only in the browser, so this flips once the page has hydrated;
    // tests and styles can rely on the attribute meaning "the app is live".
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    // Made here, once per page, not in the navigation's closures: server
    // rendering walks those more than once, and a resource made inside one
    // is made anew on each walk and may never be awaited. Asked again on
    // every move to another page (opening a notification marks it read).
    let location = use_location();
    let unread =
        crate::components::data::load(move || location.pathname.get(), |_| unread_notifications());
    let locale = use_locale().get_untracked();

    view! {
        <div class="site" data-hydrated=move || hydrated.get().to_string()>
            <header class="site-header">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">{locale.t("layout-brand-mark")}</span>
                    <span class="brand-name">{locale.t("layout-brand")}</span>
                </A>
                <nav class="site-nav" aria-label=locale.t("layout-nav-label")>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            match use_user().await {
                                Ok(Some(user)) => view! { <SignedInNav user unread /> }.into_any(),
                                _ => view! {
                                    <A href="/" exact=true>{locale.t("layout-overview")}</A>
                                    <A href="/login" attr:class="nav-signin">{locale.t("layout-sign-in")}</A>
                                }
                                .into_any(),
                            }
                        })}
                    </Transition>
                </nav>
            </header>
            <main class="site-main">{children()}</main>
            <footer class="site-footer">
                <p>{locale.t("layout-footer")}</p>
            </footer>
        </div>
    }
}

/// Links for the areas the role may use, and nothing else (label keys).
fn area_links(role: Role) -> Vec<(&'static str, &'static str)> {
    match role {
        Role::Customer => vec![
            ("/customer", "nav-my-orders"),
            ("/customer/inquiries", "nav-inquiries"),
            ("/customer/complaints", "nav-complaints"),
        ],
        Role::Supplier => vec![
            ("/supplier", "nav-my-purchase-orders"),
            ("/supplier/complaints", "nav-complaints"),
        ],
        Role::Staff => vec![
            ("/staff", "nav-sales-desk"),
            ("/staff/orders", "nav-orders"),
            ("/staff/inquiries", "nav-quotations"),
            ("/staff/approvals", "nav-approvals"),
            ("/staff/production", "nav-production"),
            ("/staff/complaints", "nav-complaints"),
            ("/staff/people", "nav-people"),
        ],
        Role::Admin => vec![
            ("/admin", "nav-people"),
            ("/staff", "nav-sales-desk"),
            ("/staff/orders", "nav-orders"),
            ("/staff/inquiries", "nav-quotations"),
            ("/staff/approvals", "nav-approvals"),
            ("/staff/production", "nav-production"),
            ("/staff/complaints", "nav-complaints"),
        ],
    }
}

/// The one link among `hrefs` that the page at `path` belongs to: the
/// longest whose path segments begin `path` (`/staff` for `/staff/changes/3`,
/// but `/staff/orders` alone for `/staff/orders/7`).
pub fn current_link<'a>(path: &str, hrefs: &[&'a str]) -> Option<&'a str> {
    let within = |href: &str| {
        path == href
            || path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/') || href.ends_with('/'))
    };
    hrefs
        .iter()
        .copied()
        .filter(|href| within(href))
        .max_by_key(|href| href.len())
}

#[component]
fn SignedInNav(
    user: SessionUser,
    unread: crate::components::data::Data<Result<u64, crate::wire::ApiError>>,
) -> impl IntoView {
    let locale = user.locale;
    let location = use_location();
    let hrefs: Vec<&'static str> = area_links(user.role).iter().map(|(h, _)| *h).collect();
    view! {
        {area_links(user.role)
            .into_iter()
            .map(|(href, label)| {
                let hrefs = hrefs.clone();
                let current = move || {
                    let path = location.pathname.get();
                    (current_link(&path, &hrefs) == Some(href)).then_some("page")
                };
                view! { <a href=href aria-current=current>{locale.t(label)}</a> }
            })
            .collect_view()}
        <UnreadLink locale unread />
        <A href="/account">{locale.t("nav-account")}</A>
        <span class="nav-user" title=user.email.clone()>
            {user.display_name.clone()}
            <small>{format!(" · {}", user.company_name)}</small>
        </span>
        <SignOut locale />
    }
}

/// Signs out and goes to the front page; an island, so that it works on
/// the pages written as islands too.
#[island]
fn SignOut(locale: crate::i18n::Locale) -> impl IntoView {
    let logout = FormAction::<Logout>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            go_to("/");
        }
    });
    view! {
        <PostForm action=logout attr:class="inline-form">
            <button type="submit" class="link-button" id="sign-out">{locale.t("nav-sign-out")}</button>
        </PostForm>
    }
}

/// The link to the notification list with the unread count, fetched again
/// on every move to another page (opening one marks it read).
#[component]
fn UnreadLink(
    locale: crate::i18n::Locale,
    unread: crate::components::data::Data<Result<u64, crate::wire::ApiError>>,
) -> impl IntoView {
    view! {
        <A href="/notifications" attr:id="nav-notifications">
            {locale.t("nav-notifications")}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let count = unread.await.unwrap_or(0);
                    (count > 0).then(|| view! {
                        <span class="unread-count" id="unread-count"
                            aria-label=locale.t_with("nav-unread", &[("count", count.into())])>
                            {count.to_string()}
                        </span>
                    })
                })}
            </Transition>
        </A>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const STAFF: [&str; 6] = [
        "/staff",
        "/staff/orders",
        "/staff/inquiries",
        "/staff/approvals",
        "/staff/production",
        "/staff/people",
    ];

    #[test]
    fn one_link_is_current_the_longest_that_holds_the_page() {
        assert_eq!(current_link("/staff", &STAFF), Some("/staff"));
        assert_eq!(current_link("/staff/changes/4", &STAFF), Some("/staff"));
        assert_eq!(current_link("/staff/orders", &STAFF), Some("/staff/orders"));
        assert_eq!(
            current_link("/staff/orders/7", &STAFF),
            Some("/staff/orders")
        );
        assert_eq!(current_link("/staff/ordersx", &STAFF), Some("/staff"));
        assert_eq!(current_link("/account", &STAFF), None);
        assert_eq!(current_link("/customer", &["/customer"]), Some("/customer"));
        assert_eq!(current_link("/customers", &["/customer"]), None);
    }

    proptest! {
        #[test]
        fn the_current_link_is_a_prefix_of_the_page_and_no_longer_one_is(
            base in prop::sample::select(vec!["", "/staff", "/staff/orders", "/account"]),
            rest in "(/?[a-z]{0,6}){0,3}",
        ) {
            let path = format!("{base}{rest}");
            let holds = |href: &str| path == href || path.starts_with(&format!("{href}/"));
            match current_link(&path, &STAFF) {
                Some(href) => {
                    prop_assert!(holds(href));
                    for other in STAFF.iter().filter(|h| h.len() > href.len()) {
                        prop_assert!(!holds(other));
                    }
                }
                None => prop_assert!(STAFF.iter().all(|h| !holds(h))),
            }
        }
    }
}
