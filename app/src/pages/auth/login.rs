use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::auth::Login;
use crate::components::forms::{FieldMessage, FormMessage, go_to, latest_error};
use crate::components::guard::{use_locale, use_user};

#[component]
pub fn LoginPage() -> impl IntoView {
    let login = FormAction::<Login>::new();
    let error = latest_error(login.value());
    let next = move || use_query_map().read().get("next").unwrap_or_default();
    Effect::new(move |_| {
        if let Some(Ok(path)) = login.value().get() {
            go_to(&path);
        }
    });
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("login-title") />
        <section class="panel narrow">
            <h1>{locale.t("login-title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    use_user().await.ok().flatten().map(|user| view! {
                        <p class="notice">
                            {locale.t_with("login-signed-in-as", &[("name", user.display_name.clone().into())])} " "
                            <A href=user.role.home_path()>{locale.t("login-go-to-area")}</A>
                            " " {locale.t("login-someone-else")}
                        </p>
                    })
                })}
            </Transition>
            <PostForm action=login attr:class="stack-form" attr:id="login-form">
                <input type="hidden" name="next" prop:value=next />
                <label>
                    {locale.t("login-email")}
                    <input type="email" name="email" autocomplete="username" required />
                </label>
                <FieldMessage error field="email" />
                <label>
                    {locale.t("login-password")}
                    <input type="password" name="password" autocomplete="current-password" required />
                </label>
                <FieldMessage error field="password" />
                <FormMessage error fields=&["email", "password"] />
                <button type="submit" class="button" disabled=move || login.pending().get()>
                    {move || locale.t(if login.pending().get() { "login-signing-in" } else { "login-submit" })}
                </button>
            </PostForm>
            <p class="muted"><A href="/reset-password">{locale.t("login-forgot")}</A></p>
        </section>
    }
}
