//! The frame around every page: brand, navigation for the viewer's role, footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::auth::{Logout, SessionUser};
use crate::components::forms::go_to;
use crate::components::guard::use_user;
use crate::domain::account::Role;

#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    // Effects run only in the browser, so this flips once the page has hydrated;
    // tests and styles can rely on the attribute meaning "the app is live".
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));

    view! {
        <div class="site" data-hydrated=move || hydrated.get().to_string()>
            <header class="site-header">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"TP"</span>
                    <span class="brand-name">"Trade Portal"</span>
                </A>
                <nav class="site-nav" aria-label="Main">
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            match use_user().await {
                                Ok(Some(user)) => view! { <SignedInNav user /> }.into_any(),
                                _ => view! {
                                    <A href="/" exact=true>"Overview"</A>
                                    <A href="/login" attr:class="nav-signin">"Sign in"</A>
                                }
                                .into_any(),
                            }
                        })}
                    </Transition>
                </nav>
            </header>
            <main class="site-main">{children()}</main>
            <footer class="site-footer">
                <p>"Trade Portal · self-hosted order visibility for export trading companies"</p>
            </footer>
        </div>
    }
}

/// Links for the areas the role may use, and nothing else (label keys).
fn area_links(role: Role) -> Vec<(&'static str, &'static str)> {
    match role {
        Role::Customer => vec![("/customer", "nav-my-orders")],
        Role::Supplier => vec![("/supplier", "nav-my-purchase-orders")],
        Role::Staff => vec![
            ("/staff", "nav-sales-desk"),
            ("/staff/orders", "nav-orders"),
            ("/staff/production", "nav-production"),
            ("/staff/people", "nav-people"),
        ],
        Role::Admin => vec![
            ("/admin", "nav-people"),
            ("/staff", "nav-sales-desk"),
            ("/staff/orders", "nav-orders"),
            ("/staff/production", "nav-production"),
        ],
    }
}

#[component]
fn SignedInNav(user: SessionUser) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            go_to("/");
        }
    });
    let locale = user.locale;
    view! {
        {area_links(user.role)
            .into_iter()
            .map(|(href, label)| view! { <A href=href>{locale.t(label)}</A> })
            .collect_view()}
        <A href="/account">{locale.t("nav-account")}</A>
        <span class="nav-user" title=user.email.clone()>
            {user.display_name.clone()}
            <small>{format!(" · {}", user.company_name)}</small>
        </span>
        <ActionForm action=logout attr:class="inline-form">
            <button type="submit" class="link-button" id="sign-out">{locale.t("nav-sign-out")}</button>
        </ActionForm>
    }
}
