use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::auth::Login;
use crate::components::forms::{FieldMessage, FormMessage, go_to, latest_error};
use crate::components::guard::use_user;

#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    let error = latest_error(login.value());
    let next = move || use_query_map().read().get("next").unwrap_or_default();
    Effect::new(move |_| {
        if let Some(Ok(path)) = login.value().get() {
            go_to(&path);
        }
    });
    view! {
        <Title text="Sign in" />
        <section class="panel narrow">
            <h1>"Sign in"</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    use_user().await.ok().flatten().map(|user| view! {
                        <p class="notice">
                            "You are signed in as " {user.display_name.clone()} ". "
                            <A href=user.role.home_path()>"Go to your area"</A>
                            " or sign in as someone else."
                        </p>
                    })
                })}
            </Transition>
            <ActionForm action=login attr:class="stack-form" attr:id="login-form">
                <input type="hidden" name="next" prop:value=next />
                <label>
                    "E-mail"
                    <input type="email" name="email" autocomplete="username" required />
                </label>
                <FieldMessage error field="email" />
                <label>
                    "Password"
                    <input type="password" name="password" autocomplete="current-password" required />
                </label>
                <FieldMessage error field="password" />
                <FormMessage error fields=&["email", "password"] />
                <button type="submit" class="button" disabled=move || login.pending().get()>
                    {move || if login.pending().get() { "Signing in…" } else { "Sign in" }}
                </button>
            </ActionForm>
            <p class="muted"><A href="/reset-password">"Forgot your password?"</A></p>
        </section>
    }
}
