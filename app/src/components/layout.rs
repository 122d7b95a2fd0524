//! The frame around every page: brand, navigation, footer.

use leptos::prelude::*;
use leptos_router::components::A;

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
                    <A href="/" exact=true>"Overview"</A>
                    <a href="/#customers">"Customers"</a>
                    <a href="/#suppliers">"Suppliers"</a>
                    <a href="/#staff">"Sales team"</a>
                </nav>
            </header>
            <main class="site-main">{children()}</main>
            <footer class="site-footer">
                <p>"Trade Portal · self-hosted order visibility for export trading companies"</p>
            </footer>
        </div>
    }
}
