//! The signed-in person's notifications: the events they were told of by
//! mail, newest first, unread ones marked. Opening one marks it read; all
//! can be marked read at once.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::notifications::{OpenNotification, ReadAllNotifications, list_notifications};
use crate::components::data::load;
use crate::components::forms::go_to;
use crate::components::guard::{AreaGuard, use_locale};
use crate::components::local_time::LocalTime;
use crate::i18n::Locale;
use crate::wire::notifications::NotificationView;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("notifications-title") />
        <AreaGuard area=None>
            <Notifications />
        </AreaGuard>
    }
}

/// The list, as an island.
#[cfg_attr(account_islands, island)]
#[cfg_attr(not(account_islands), component)]
fn Notifications() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! { <NotificationList locale /> }
}

#[component]
fn NotificationList(locale: Locale) -> impl IntoView {
    let read_all = FormAction::<ReadAllNotifications>::new();
    let open = ServerAction::<OpenNotification>::new();
    let list = load(move || read_all.version().get(), |_| list_notifications());
    Effect::new(move |_| {
        if let Some(Ok(path)) = open.value().get() {
            go_to(&path);
        }
    });
    view! {
        <section class="panel notifications">
            <h1>{locale.t("notifications-title")}</h1>
            <Transition fallback=move || view! { <p class="muted">{locale.t("notifications-loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(view) if view.items.is_empty() => view! {
                            <p class="muted" id="notifications-empty">{locale.t("notifications-none")}</p>
                        }.into_any(),
                        Ok(view) => view! {
                            <p class="lead" id="notifications-unread">
                                {locale.t_with("notifications-unread", &[("count", view.unread.into())])}
                            </p>
                            {(view.unread > 0).then(|| view! {
                                <PostForm action=read_all attr:class="inline-form">
                                    <button type="submit" id="notifications-read-all">
                                        {locale.t("notifications-read-all")}
                                    </button>
                                </PostForm>
                            })}
                            <ul class="notification-list">
                                {view.items.into_iter().map(|item| view! { <Item item open /> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <p class="form-error">{error.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One notification: a link to its page that marks it read on the way
/// (without the app's script the link still leads there).
#[component]
fn Item(item: NotificationView, open: ServerAction<OpenNotification>) -> impl IntoView {
    let id = item.id;
    let class = if item.read {
        "notification"
    } else {
        "notification unread"
    };
    view! {
        <li class=class data-kind=item.kind.clone()>
            <a
                href=item.path.clone()
                on:click=move |ev| {
                    ev.prevent_default();
                    open.dispatch(OpenNotification { id });
                }
            >
                {item.title.clone()}
            </a>
            " "
            <small class="muted"><LocalTime at=item.at /></small>
        </li>
    }
}
