//! Files over plain HTTP: uploads as multipart forms (so a phone's file
//! picker works without the app's script) and downloads that are always
//! attachments. Both go through `app::usecases::files`, which decides what
//! the person may attach to and see.

use app::ssr::AppState;
use app::ssr::auth::CurrentUser;
use app::usecases::files::{Owner, Upload};
use app::wire::ApiError;
use axum::extract::{Multipart, Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

/// What the form sends besides the file.
#[derive(Default)]
struct Form {
    owner_kind: String,
    owner_id: Option<i32>,
    document_id: Option<i32>,
    return_to: String,
    shared_with_customer: bool,
    name: String,
    bytes: Option<Vec<u8>>,
    too_large: bool,
}

/// Where to go back to: a path of this portal, never another site.
fn safe_return(raw: &str) -> String {
    let ok = raw.starts_with('/')
        && !raw.starts_with("//")
        && raw.len() <= 300
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c));
    if ok { raw.to_string() } else { "/".to_string() }
}

/// Where an upload goes back to: the record's page in the person's own
/// area when it has one there (a complaint: the customer, the house and
/// the factory each open it under their own address), else the page the
/// form came from; and the part of the page that lists the files.
fn return_to(user: &CurrentUser, owner: Owner, asked: &str) -> Back {
    Back {
        to: owner
            .page_for(user.role)
            .unwrap_or_else(|| safe_return(asked)),
        anchor: owner.anchor(),
    }
}

struct Back {
    to: String,
    anchor: &'static str,
}

fn back(place: &Back, error: Option<&str>) -> Response {
    let Back { to, anchor } = place;
    match error {
        None => Redirect::to(&format!("{to}#{anchor}")).into_response(),
        Some(key) => Redirect::to(&format!("{to}?file_error={key}#{anchor}")).into_response(),
    }
}

fn refused(error: ApiError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, format!("{error}\n")).into_response()
}

/// Reads the form, keeping at most `max` bytes of the file: a larger one is
/// noted, not held in memory.
async fn read_form(mut multipart: Multipart, max: u64) -> Result<Form, ()> {
    let mut form = Form::default();
    while let Some(mut field) = multipart.next_field().await.map_err(|_| ())? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            form.name = field
                .file_name()
                .unwrap_or_default()
                .chars()
                .take(300)
                .collect();
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|_| ())? {
                if bytes.len() as u64 + chunk.len() as u64 > max {
                    form.too_large = true;
                    bytes.clear();
                    // Drain the rest without keeping it.
                    while field.chunk().await.map_err(|_| ())?.is_some() {}
                    break;
                }
                bytes.extend_from_slice(&chunk);
            }
            form.bytes = Some(bytes);
            continue;
        }
        let value: String = field
            .text()
            .await
            .map_err(|_| ())?
            .chars()
            .take(300)
            .collect();
        match name.as_str() {
            "owner_kind" => form.owner_kind = value,
            "owner_id" => form.owner_id = value.trim().parse().ok(),
            "document_id" => form.document_id = value.trim().parse().ok(),
            "return_to" => form.return_to = value,
            "shared_with_customer" => form.shared_with_customer = !value.is_empty(),
            _ => {}
        }
    }
    Ok(form)
}

/// `POST /files`: attaches the uploaded file to its record and goes back to
/// the page it came from, with the reason when it was refused.
pub async fn upload(State(state): State<AppState>, req: Request) -> Response {
    let Some(user) = req.extensions().get::<CurrentUser>().cloned() else {
        return refused(ApiError::Unauthenticated);
    };
    let limits = app::usecases::files::limits(&state);
    let multipart = match <Multipart as axum::extract::FromRequest<AppState>>::from_request(
        req, &state,
    )
    .await
    {
        Ok(multipart) => multipart,
        Err(_) => return refused(ApiError::invalid("file", "files-bad-form")),
    };
    let Ok(form) = read_form(multipart, limits.max_bytes).await else {
        return refused(ApiError::invalid("file", "files-bad-form"));
    };
    let Some(owner) = form
        .owner_id
        .and_then(|id| Owner::parse(&form.owner_kind, id))
    else {
        return refused(ApiError::NotFound);
    };
    let to = return_to(&user, owner, &form.return_to);
    if form.too_large {
        return back(&to, Some("files-too-large"));
    }
    let Some(bytes) = form.bytes else {
        return back(&to, Some("files-empty"));
    };
    let upload = Upload {
        owner,
        name: form.name,
        bytes,
        shared_with_customer: form.shared_with_customer,
    };
    let stored = match app::usecases::files::upload(&state, &user, upload).await {
        Ok(stored) => stored,
        Err(ApiError::Invalid { fields }) => {
            let key = fields
                .first()
                .map(|f| f.message.clone())
                .unwrap_or_default();
            // Messages that need a figure have one that names it.
            let key = match key.as_str() {
                "upload-too-large" => "files-too-large".to_string(),
                "upload-too-many" => "files-too-many".to_string(),
                _ => key,
            };
            return back(&to, Some(&key));
        }
        Err(e) => return refused(e),
    };
    if let Some(document) = form.document_id
        && let Err(e) =
            app::usecases::shipping::attach_received(&state, &user, document, stored.id).await
    {
        return refused(e);
    }
    back(&to, None)
}

/// `GET /files/{id}`: the file as a download, for those who may see it.
pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    req: Request,
) -> Response {
    let Some(user) = req.extensions().get::<CurrentUser>().cloned() else {
        return refused(ApiError::Unauthenticated);
    };
    let (row, bytes) = match app::usecases::files::download(&state, &user, id).await {
        Ok(found) => found,
        Err(e) => return refused(e),
    };
    let ascii: String = row
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = row
        .name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    let content_type = HeaderValue::from_str(&row.content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    headers.insert(header::CONTENT_TYPE, content_type);
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    response
}
