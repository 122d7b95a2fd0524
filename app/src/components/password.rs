//! The strength hint under a new-password field, in the reader's language,
//! updated as the person types. It judges only the password's shape (runs,
//! repeats, the kinds of character): the list of common passwords stays on
//! the server, which refuses those and personal ones on submit.

use leptos::prelude::*;

use crate::components::guard::use_locale;
use crate::domain::passwords::strength;

/// The hint for what `typed` holds; nothing while it is empty.
#[component]
pub fn PasswordHint(typed: ReadSignal<String>) -> impl IntoView {
    let locale = use_locale().get_untracked();
    move || {
        let password = typed.get();
        (!password.is_empty()).then(|| {
            let judged = strength(&password);
            view! {
                <p class="password-hint" data-strength=judged.as_str() aria-live="polite">
                    {locale.t(judged.key())}
                </p>
            }
        })
    }
}
