//! `#complaint-files`: the complaint's photos and reports. The customer
//! shows the problem, the factory its root cause or corrective action, the
//! house whatever helps; each sees the files the rules let it see, and the
//! upload form while it may add one. An upload is a plain form post that
//! comes back to this page in the viewer's own area.

use crate::components::form_action::FormAction;
use leptos::prelude::*;

use super::Viewer;
use crate::api::shipping::ShareFile;
use crate::i18n::Locale;
use crate::pages::shipping::{FileList, UploadError, UploadForm};
use crate::wire::shipping::FileView;

#[component]
pub(crate) fn ComplaintFiles(
    id: i32,
    files: Vec<FileView>,
    can_attach: bool,
    viewer: Viewer,
    /// The house shares a file with the customer, or stops sharing it.
    share: FormAction<ShareFile>,
    locale: Locale,
) -> impl IntoView {
    let house = viewer == Viewer::House;
    let hint = match viewer {
        Viewer::Customer => "complaint-files-hint-customer",
        Viewer::House => "complaint-files-hint-house",
        Viewer::Factory => "complaint-files-hint-factory",
    };
    view! {
        <section class="panel complaint-files" id="complaint-files">
            <h2>{locale.t("complaint-files-title")}</h2>
            <UploadError locale />
            <FileList files house share locale />
            {can_attach.then(|| view! {
                <p class="muted">{locale.t(hint)}</p>
                <UploadForm owner_kind="complaint" owner_id=id can_share=house accept="image/*,application/pdf" locale />
            })}
        </section>
    }
}
