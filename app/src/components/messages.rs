//! A conversation on a page: an order's (its customer and the house) or a
//! purchase order's (the house and its factory). `section#messages` holds
//! the messages (`ol#message-list`, one `li[data-side]` each, oldest first)
//! and `form#message-form` (`textarea[name=body]`, `button#send-message`).
//!
//! The form sits outside the list's reactive part, so a refresh (the live
//! tick, a message of the other side) never rebuilds it and what is being
//! typed stays; a message that went through empties it. The page makes the
//! data with `thread_data`, outside any closure that renders, like its other
//! data, and hands it to `MessageThread`.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::api::messages::PostMessage;
use crate::components::data::{Data, load};
use crate::components::forms::{FieldMessage, FormMessage, latest_error};
use crate::components::guard::use_locale;
use crate::components::later::later;
use crate::components::local_time::LocalTime;
use crate::domain::messages::{MAX_BODY_CHARS, ThreadKind};
use crate::i18n::Locale;
use crate::wire::ApiError;
use crate::wire::messages::{MessageView, MessagesView};

/// A thread's messages and the action that posts to it.
#[derive(Clone, Copy)]
pub struct ThreadData {
    pub messages: Data<Result<MessagesView, ApiError>>,
    pub send: FormAction<PostMessage>,
    /// Moved by "check for new messages", where no live stream does it.
    pub again: RwSignal<u64>,
}

/// Loads the thread `fetch(key())` gives, again after each message the
/// viewer sends and whenever `tick` (the page's live updates) moves.
pub fn thread_data<Fut>(
    key: impl Fn() -> i32 + Send + Sync + 'static,
    tick: Option<ReadSignal<u64>>,
    fetch: impl Fn(i32) -> Fut + Send + Sync + 'static,
) -> ThreadData
where
    Fut: Future<Output = Result<MessagesView, ApiError>> + Send + 'static,
{
    let send = FormAction::<PostMessage>::new();
    let again = RwSignal::new(0u64);
    let messages = load(
        move || {
            (
                key(),
                tick.map(|t| t.get()).unwrap_or_default(),
                send.version().get(),
                again.get(),
            )
        },
        move |(key, _, _, _)| fetch(key),
    );
    ThreadData {
        messages,
        send,
        again,
    }
}

/// `section#messages`: the thread and the form to write in it.
#[component]
pub fn MessageThread(
    data: ThreadData,
    kind: ThreadKind,
    /// The viewer is in the house (else the order's customer or the
    /// purchase order's factory).
    house: bool,
    /// The page hears of new messages by itself (else a button checks).
    live: bool,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let ThreadData {
        messages,
        send,
        again,
    } = data;
    let error = latest_error(send.value());
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if matches!(send.value().get(), Some(Ok(()))) {
            empty(form);
        }
    });
    // The server renders the form; the browser hides it once the thread
    // turns out not to be the viewer's to write in (or not to be found).
    let open = RwSignal::new(true);
    Effect::new(move |_| {
        if let Some(loaded) = messages.get() {
            open.set(loaded.is_ok_and(|view| view.can_post));
        }
    });
    let hint = locale.t(match (kind, house) {
        (ThreadKind::Order, true) => "messages-hint-order-house",
        (ThreadKind::Order, false) => "messages-hint-order-customer",
        (ThreadKind::PurchaseOrder, true) => "messages-hint-po-house",
        (ThreadKind::PurchaseOrder, false) => "messages-hint-po-factory",
    });
    view! {
        <section class="panel messages" id="messages">
            <h2>{locale.t("messages-title")}</h2>
            <p class="muted">{hint}</p>
            <Transition fallback=move || view! { <p class="muted">{locale.t("messages-loading")}</p> }>
                {move || Suspend::new(async move {
                    match messages.await {
                        Ok(thread) => later(move || view! { <MessageList messages=thread.messages locale /> }).into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
            {(!live).then(|| view! {
                <p>
                    <button type="button" class="button secondary" id="refresh-messages" on:click=move |_| again.update(|n| *n += 1)>
                        {locale.t("messages-refresh")}
                    </button>
                </p>
            })}
            <div class="message-compose" hidden=move || !open.get()>
                <PostForm action=send node_ref=form attr:class="stack-form" attr:id="message-form">
                    // What a reply names; rebuilding these loses nothing typed.
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            messages.await.ok().map(|thread| view! {
                                <input type="hidden" name="kind" value=thread.kind />
                                <input type="hidden" name="id" value=thread.id.to_string() />
                            })
                        })}
                    </Transition>
                    <label>
                        {locale.t("messages-body-label")}
                        <textarea name="body" rows="3" maxlength=MAX_BODY_CHARS.to_string()></textarea>
                    </label>
                    <FieldMessage error field="body" />
                    <FormMessage error fields=&["body"] />
                    <button type="submit" class="button" id="send-message">{locale.t("messages-send")}</button>
                </PostForm>
            </div>
        </section>
    }
}

/// `ol#message-list`, oldest first.
#[component]
fn MessageList(messages: Vec<MessageView>, locale: Locale) -> impl IntoView {
    let none = messages.is_empty();
    view! {
        <ol class="timeline message-list" id="message-list">
            {messages.into_iter().map(|message| view! { <MessageItem message locale /> }).collect_view()}
        </ol>
        {none.then(|| view! { <p class="muted" id="no-messages">{locale.t("messages-empty")}</p> })}
    }
}

#[component]
fn MessageItem(message: MessageView, locale: Locale) -> impl IntoView {
    let MessageView {
        id,
        side,
        author,
        body,
        at,
        mine,
    } = message;
    let side_label = locale.t(&format!("messages-side-{side}"));
    let who = if mine {
        locale.t("messages-you")
    } else {
        author
    };
    view! {
        <li data-side=side data-message=id.to_string() class:mine=mine>
            <LocalTime at=at />
            " " <strong class="message-author">{who}</strong>
            <span class="muted message-side">{format!(" · {side_label}")}</span>
            <p class="message-body">{body}</p>
        </li>
    }
}

/// Empties the text for the next message (in the browser: the server
/// renders it empty anyway).
fn empty(form: NodeRef<leptos::html::Form>) {
    #[cfg(feature = "hydrate")]
    if let Some(form) = form.get_untracked() {
        form.reset();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = form;
}
