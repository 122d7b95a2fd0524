//! Forms that call a server function by posting what they hold, encoded as
//! the browser encodes a form sent without script.
//!
//! Leptos's `ActionForm` reads the form into the server function's argument
//! type in the browser and writes it out again before sending it. Both steps
//! go through `serde_qs`, compiled once per argument type, which made up much
//! of every bundle that has a form (`BENCHMARKS.md`). The server reads the
//! same encoding either way, so a `PostForm` sends the form's own encoding and
//! leaves the reading to the server alone: a form then sends the same bytes
//! with script and without, and a field the server cannot read is answered
//! by the server in both cases.

use std::ops::Deref;

use leptos::html::Form;
use leptos::prelude::*;
use leptos::server::ServerActionError;
use leptos::server_fn::client::Client;
use leptos::server_fn::codec::{Encoding, FromRes, PostUrl};
use leptos::server_fn::error::{FromServerFnError, ServerFnUrlError};
use leptos::server_fn::request::ClientReq;
use leptos::server_fn::response::ClientRes;
use leptos::server_fn::{ContentType, Http, ServerFn};

/// The client of a server function, its request and its response.
type ClientOf<S> = <S as ServerFn>::Client;
type RequestOf<S> = <ClientOf<S> as Client<
    <S as ServerFn>::Error,
    <S as ServerFn>::InputStreamError,
    <S as ServerFn>::OutputStreamError,
>>::Request;
type ResponseOf<S> = <ClientOf<S> as Client<
    <S as ServerFn>::Error,
    <S as ServerFn>::InputStreamError,
    <S as ServerFn>::OutputStreamError,
>>::Response;

/// A server function called from a form: like a `ServerAction`, with the
/// form's encoded fields as its input instead of the function's arguments.
pub struct FormAction<S>
where
    S: ServerFn + 'static,
    S::Output: 'static,
{
    inner: Action<String, Result<S::Output, S::Error>>,
}

impl<S> Clone for FormAction<S>
where
    S: ServerFn + 'static,
    S::Output: 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for FormAction<S>
where
    S: ServerFn + 'static,
    S::Output: 'static,
{
}

impl<S> Deref for FormAction<S>
where
    S: ServerFn + 'static,
    S::Output: 'static,
{
    type Target = Action<String, Result<S::Output, S::Error>>;

    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

impl<S, Out> FormAction<S>
where
    S: ServerFn<Protocol = Http<PostUrl, Out>> + 'static,
    S::Output: FromRes<Out, ResponseOf<S>, S::Error> + Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
    Out: Encoding + 'static,
{
    /// A new action. After a form was sent without script and refused, the
    /// server renders the page again with the refusal, which the action
    /// starts with, as a `ServerAction` does.
    pub fn new() -> Self {
        let refused = use_context::<ServerActionError>().and_then(|error| {
            (error.path() == S::PATH)
                .then(|| ServerFnUrlError::<S::Error>::decode_err(error.err()))
                .map(Err)
        });
        Self {
            inner: Action::new_with_value(refused, |fields: &String| {
                post::<S, Out>(fields.clone())
            }),
        }
    }

    /// The value of the field `name` in the form sent last, while it is on
    /// its way (`None` in between and on the server).
    pub fn sent_field(&self, name: &str) -> Option<String> {
        self.inner
            .input()
            .with(|input| input.as_deref().and_then(|fields| field(fields, name)))
    }
}

impl<S, Out> Default for FormAction<S>
where
    S: ServerFn<Protocol = Http<PostUrl, Out>> + 'static,
    S::Output: FromRes<Out, ResponseOf<S>, S::Error> + Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
    Out: Encoding + 'static,
{
    fn default() -> Self {
        Self::new()
    }
}

/// Sends a form's encoded fields to the server function and reads its
/// answer, as the function's own client does with its arguments.
async fn post<S, Out>(fields: String) -> Result<S::Output, S::Error>
where
    S: ServerFn<Protocol = Http<PostUrl, Out>>,
    S::Output: FromRes<Out, ResponseOf<S>, S::Error>,
    Out: Encoding + 'static,
{
    let request =
        RequestOf::<S>::try_new_post(S::PATH, PostUrl::CONTENT_TYPE, Out::CONTENT_TYPE, fields)?;
    let response = ClientOf::<S>::send(request).await?;
    let status = response.status();
    let location = response.location();
    let redirected = (300..=399).contains(&status) || response.has_redirect();
    let answer = if (400..=599).contains(&status) {
        Err(S::Error::de(response.try_into_bytes().await?))
    } else {
        Ok(S::Output::from_res(response).await?)
    }?;
    if redirected {
        leptos::server_fn::redirect::call_redirect_hook(&location);
    }
    Ok(answer)
}

/// The value of `name` in form-encoded `fields`: a form's, or an address's
/// query (a leading `?` is skipped).
pub fn field(fields: &str, name: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        web_sys::UrlSearchParams::new_with_str(fields)
            .ok()?
            .get(name)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (fields, name);
        None
    }
}

/// A form sent to a server function: with script, through `action`, its
/// answer shown in place; without, by the browser, the server sending it
/// back to the page.
#[component]
pub fn PostForm<S>(
    /// The action the form's fields go to.
    action: FormAction<S>,
    /// Where to keep the `<form>` element.
    #[prop(optional)]
    node_ref: Option<NodeRef<Form>>,
    children: Children,
) -> impl IntoView
where
    S: ServerFn + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        if ev.default_prevented() {
            return;
        }
        // A form that cannot be read here is left to the browser to send.
        if let Some(fields) = encoded(&ev) {
            ev.prevent_default();
            action.dispatch(fields);
        }
    };
    view! {
        <form node_ref=node_ref.unwrap_or_default() action=S::url() method="post" on:submit=on_submit>
            {children()}
        </form>
    }
}

/// The fields of the submitted form, with the button that sent it, encoded
/// as `application/x-www-form-urlencoded`.
#[cfg(feature = "hydrate")]
fn encoded(ev: &leptos::ev::SubmitEvent) -> Option<String> {
    let data = leptos::form::form_data_from_event(ev).ok()?;
    let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    params.to_string().as_string()
}

#[cfg(not(feature = "hydrate"))]
fn encoded(_: &leptos::ev::SubmitEvent) -> Option<String> {
    None
}
