//! Files on an order, a shipment, a purchase-order line or a complaint: the
//! list with download links (and, for the house, who uploaded them and
//! whether the customer sees them), and the plain upload form. Uploads are
//! ordinary multipart posts to `/files`, which answer with a redirect back
//! to `return_to` (a complaint's to its page in the person's own area),
//! adding `?file_error=<catalogue key>` when the file was refused.

use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;

use crate::api::shipping::ShareFile;
use crate::components::data::Data;
use crate::components::forms::{FormMessage, latest_error};
use crate::components::islands::{page_path, page_query};
use crate::components::local_time::LocalTime;
use crate::i18n::Locale;
use crate::wire::ApiError;
use crate::wire::shipping::FileView;

/// Where a file downloads from.
pub(crate) fn file_href(file: &FileView) -> String {
    if file.url.is_empty() {
        format!("/files/{}", file.id)
    } else {
        file.url.clone()
    }
}

/// The files, newest as given; the house may share each with the customer
/// (`share`) or stop sharing it.
#[component]
pub fn FileList(
    files: Vec<FileView>,
    house: bool,
    share: FormAction<ShareFile>,
    locale: Locale,
) -> impl IntoView {
    let error = latest_error(share.value());
    if files.is_empty() {
        return view! { <p class="muted no-files">{locale.t("attach-none")}</p> }.into_any();
    }
    view! {
        <ul class="files">
            {files.into_iter().map(|f| {
                let href = file_href(&f);
                // The house reads a name; the others, on a complaint's
                // files, only which side uploaded it.
                let who = match (f.uploaded_by.clone().filter(|_| house), f.uploaded_by_key.clone()) {
                    (Some(name), _) => Some(locale.t_with("shipping-by", &[("name", name.into())])),
                    (None, Some(key)) => Some(locale.t(&key)),
                    (None, None) => None,
                };
                view! {
                    <li data-file=f.id.to_string() class:shared=f.shared_with_customer>
                        <a class="download" href=href rel="external">{f.name.clone()}</a>
                        <span class="file-size">{f.size.clone()}</span>
                        <LocalTime at=f.uploaded_at />
                        {who.map(|text| view! { <span class="muted uploaded-by">{text}</span> })}
                        {(house && f.shared_with_customer).then(|| view! {
                            <span class="badge badge-ok shared-badge">{locale.t("attach-shared")}</span>
                        })}
                        {(house && f.shared_with_factory).then(|| view! {
                            <span class="badge badge-muted factory-badge">{locale.t("attach-shared-factory")}</span>
                        })}
                        {house.then(|| view! {
                            <PostForm action=share attr:class="inline-form">
                                <input type="hidden" name="file_id" value=f.id.to_string() />
                                <input type="hidden" name="shared" value=(!f.shared_with_customer).to_string() />
                                <button type="submit" class="link-button share-file" data-shared=f.shared_with_customer.to_string()>
                                    {locale.t(if f.shared_with_customer { "attach-unshare" } else { "attach-share" })}
                                </button>
                            </PostForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <FormMessage error fields=&[] />
    }
    .into_any()
}

/// Uploads one file for an owner (`order`, `shipment`, `po_line` or
/// `complaint`), optionally as the file of a checklist document.
#[component]
pub fn UploadForm(
    owner_kind: &'static str,
    owner_id: i32,
    /// The checklist document the file is, if any.
    #[prop(optional)]
    document_id: Option<i32>,
    /// Offer to share the file with the customer at once.
    #[prop(optional)]
    can_share: bool,
    /// The file types the browser's picker offers, if limited.
    #[prop(optional)]
    accept: Option<&'static str>,
    locale: Locale,
) -> impl IntoView {
    let return_to = page_path();
    // In the shipping panel, a chosen file holds the panel still until it
    // is sent, as typing into its forms does: a rebuilt form has no file.
    let held = use_context::<super::ShippingData>().map(|shipping| shipping.held);
    let label = if document_id.is_some() {
        "attach-document"
    } else {
        "attach-choose"
    };
    view! {
        <form
            class="upload-form"
            method="post"
            action="/files"
            enctype="multipart/form-data"
            data-owner=owner_kind
            on:change=move |_| {
                if let Some(held) = held {
                    held.mark((owner_kind, owner_id));
                }
            }
        >
            <input type="hidden" name="owner_kind" value=owner_kind />
            <input type="hidden" name="owner_id" value=owner_id.to_string() />
            {document_id.map(|id| view! { <input type="hidden" name="document_id" value=id.to_string() /> })}
            <input type="hidden" name="return_to" value=return_to />
            {can_share.then(|| view! {
                <label class="checkbox">
                    <input type="checkbox" name="shared_with_customer" value="true" />
                    {locale.t("attach-share")}
                </label>
            })}
            <label class="file-pick">
                <span>{locale.t(label)}</span>
                <input type="file" name="file" required accept=accept />
            </label>
            <button type="submit" class="button secondary">{locale.t("attach-upload")}</button>
        </form>
    }
}

/// Why the last upload was refused, from the address the upload came back to.
#[component]
pub fn UploadError(locale: Locale) -> impl IntoView {
    // Each upload comes back as a new page, so the page's query is read once.
    page_query("file_error").map(|key| {
        let text = super::t_or(locale, &key, &locale.t("shipping-upload-failed"));
        view! { <p class="form-error upload-error" role="alert">{text}</p> }
    })
}

/// QC photos and inspection reports on the line: the factory uploads them
/// from its phone, the house reads them (and may share them with the
/// customer).
#[component]
pub fn LineFiles(
    line_id: i32,
    files: Data<Result<Vec<FileView>, ApiError>>,
    share: FormAction<ShareFile>,
    house: bool,
    locale: Locale,
) -> impl IntoView {
    view! {
        <section class="panel supplier-area line-files" id="line-files">
            <h2>{locale.t("qc-files-title")}</h2>
            <UploadError locale />
            <Transition fallback=move || view! { <p class="muted">{locale.t("supplier-loading")}</p> }>
                {move || Suspend::new(async move {
                    match files.await {
                        Ok(list) => view! { <FileList files=list house share locale /> }.into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <p class="muted">{locale.t("qc-files-hint")}</p>
            <UploadForm owner_kind="po_line" owner_id=line_id accept="image/*,application/pdf" locale />
        </section>
    }
}
