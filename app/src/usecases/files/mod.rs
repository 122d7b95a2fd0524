//! Files attached to orders, shipments and purchase-order lines: uploaded
//! through one checked path (size, count, type from the content, a clean
//! name, a content hash), kept in the configured store, and handed out only
//! to those the record they belong to lets see them.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::domain::files::{FileLimits, FileScope, UploadError, Viewer, can_see, check_upload};
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{file, po_line, purchase_order, shipment, user};
use crate::ssr::repo::files as repo;
use crate::ssr::repo::orders::{self, OrderScope};
use crate::ssr::repo::users;
use crate::ssr::storage::{StorageKey, sha256_hex, sniff};
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;
use crate::wire::shipping::FileView;

/// What a file is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Order(i32),
    Shipment(i32),
    PoLine(i32),
}

impl Owner {
    pub fn parse(kind: &str, id: i32) -> Option<Owner> {
        match kind {
            "order" => Some(Owner::Order(id)),
            "shipment" => Some(Owner::Shipment(id)),
            "po_line" => Some(Owner::PoLine(id)),
            _ => None,
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Owner::Order(_) => "order",
            Owner::Shipment(_) => "shipment",
            Owner::PoLine(_) => "po_line",
        }
    }

    fn id(self) -> i32 {
        match self {
            Owner::Order(id) | Owner::Shipment(id) | Owner::PoLine(id) => id,
        }
    }
}

/// An upload as the form sent it.
pub struct Upload {
    pub owner: Owner,
    pub name: String,
    pub bytes: Vec<u8>,
    /// The house shares it with the customer from the start.
    pub shared_with_customer: bool,
}

/// Who the record belongs to, as the files table copies it.
struct Scope {
    order_id: Option<i32>,
    purchase_order_id: Option<i32>,
    customer_company_id: Option<i32>,
    factory_company_id: Option<i32>,
}

/// The viewer as the file rules know it.
pub(crate) fn viewer(user: &CurrentUser) -> Viewer {
    use crate::domain::account::Role;
    match user.role {
        Role::Admin | Role::Staff => Viewer::House,
        Role::Customer => Viewer::Customer {
            company_id: user.company_id,
        },
        Role::Supplier => Viewer::Factory {
            company_id: user.company_id,
        },
    }
}

pub(crate) fn visible(user: &CurrentUser, f: &file::Model) -> bool {
    can_see(
        viewer(user),
        &FileScope {
            customer_company_id: f.customer_company_id,
            factory_company_id: f.factory_company_id,
            shared_with_customer: f.shared_with_customer,
            shared_with_factory: f.shared_with_factory,
        },
    )
}

/// The record's scope, if the person may attach files to it; any record
/// they may not see is not found.
async fn scope_for_upload(
    state: &AppState,
    user: &CurrentUser,
    owner: Owner,
) -> Result<Scope, ApiError> {
    let db = &state.db;
    let who = viewer(user);
    let order_scope = |order_id: i32| async move {
        let scope = match who {
            Viewer::House => OrderScope::All,
            Viewer::Customer { company_id } => OrderScope::Customer(company_id),
            Viewer::Factory { .. } => return Err(ApiError::NotFound),
        };
        orders::find(db, scope, order_id)
            .await?
            .ok_or(ApiError::NotFound)
    };
    match owner {
        Owner::Order(id) => {
            let order = order_scope(id).await?;
            Ok(Scope {
                order_id: Some(order.id),
                purchase_order_id: None,
                customer_company_id: Some(order.customer_company_id),
                factory_company_id: None,
            })
        }
        Owner::Shipment(id) => {
            if who != Viewer::House {
                return Err(ApiError::NotFound);
            }
            let shipment = shipment::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(ApiError::NotFound)?;
            let order = order_scope(shipment.order_id).await?;
            Ok(Scope {
                order_id: Some(order.id),
                purchase_order_id: None,
                customer_company_id: Some(order.customer_company_id),
                factory_company_id: None,
            })
        }
        Owner::PoLine(id) => {
            let (line, po) = po_line_with_po(state, id).await?;
            let allowed = match who {
                Viewer::House => true,
                Viewer::Factory { company_id } => company_id == po.supplier_company_id,
                Viewer::Customer { .. } => false,
            };
            if !allowed || line.cancelled && who != Viewer::House {
                return Err(ApiError::NotFound);
            }
            Ok(Scope {
                order_id: None,
                purchase_order_id: Some(po.id),
                customer_company_id: None,
                factory_company_id: Some(po.supplier_company_id),
            })
        }
    }
}

async fn po_line_with_po(
    state: &AppState,
    id: i32,
) -> Result<(po_line::Model, purchase_order::Model), ApiError> {
    let line = po_line::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let po = purchase_order::Entity::find_by_id(line.purchase_order_id)
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((line, po))
}

/// Checks and stores an upload, then records it; returns the file's row.
/// The bytes are written to the store before the row, so a row never points
/// at nothing; a failed insert leaves an orphan blob, never a broken file.
pub async fn upload(
    state: &AppState,
    user: &CurrentUser,
    upload: Upload,
) -> Result<file::Model, ApiError> {
    let scope = scope_for_upload(state, user, upload.owner).await?;
    let existing = repo::count_of(&state.db, upload.owner.kind(), upload.owner.id()).await?;
    let size = upload.bytes.len() as u64;
    let sniffed = sniff(&upload.bytes);
    let accepted = check_upload(
        &upload.name,
        sniffed,
        size,
        existing,
        state.settings.file_limits,
    )
    .and_then(|accepted| text_must_be_utf8(accepted, &upload.bytes))
    // The message is the catalogue key: the upload route hands it back to
    // the page, which reads it in the person's language.
    .map_err(|error| ApiError::invalid("file", error.key()))?;
    let now = state.now();
    let key = StorageKey::generate("files", now.date_naive());
    let hash = sha256_hex(&upload.bytes);
    state
        .files
        .put(&key, upload.bytes)
        .await
        .map_err(|e| ApiError::internal("storing a file", e))?;
    let who = viewer(user);
    let (shared_with_customer, shared_with_factory) = match (upload.owner, who) {
        (Owner::PoLine(_), _) => (false, true),
        (_, Viewer::Customer { .. }) => (true, false),
        _ => (upload.shared_with_customer, false),
    };
    let work = UnitOfWork::begin(state).await?;
    let row = file::ActiveModel {
        owner_kind: Set(upload.owner.kind().to_string()),
        owner_id: Set(upload.owner.id()),
        order_id: Set(scope.order_id),
        purchase_order_id: Set(scope.purchase_order_id),
        customer_company_id: Set(scope.customer_company_id),
        factory_company_id: Set(scope.factory_company_id),
        shared_with_customer: Set(shared_with_customer),
        shared_with_factory: Set(shared_with_factory),
        name: Set(accepted.name),
        content_type: Set(accepted.kind.content_type().to_string()),
        size_bytes: Set(size as i64),
        sha256: Set(hash),
        storage_key: Set(key.as_str().to_string()),
        uploaded_by: Set(Some(user.user_id)),
        uploaded_at: Set(now),
        ..Default::default()
    }
    .insert(&work.tx)
    .await?;
    let mut work = work;
    if let Some(customer) = scope.customer_company_id {
        work.nudge(customer).await?;
    }
    work.commit(state).await?;
    Ok(row)
}

/// Text files must really be text.
fn text_must_be_utf8(
    accepted: crate::domain::files::Accepted,
    bytes: &[u8],
) -> Result<crate::domain::files::Accepted, UploadError> {
    let text = matches!(
        accepted.kind,
        crate::domain::files::FileType::PlainText | crate::domain::files::FileType::Csv
    );
    if text && std::str::from_utf8(bytes).is_err() {
        return Err(UploadError::TypeNotAccepted);
    }
    Ok(accepted)
}

/// A file and its bytes, for someone who may see it; anything else is not
/// found.
pub async fn download(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
) -> Result<(file::Model, Vec<u8>), ApiError> {
    let row = file::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|f| visible(user, f))
        .ok_or(ApiError::NotFound)?;
    let key = StorageKey::parse(&row.storage_key)
        .map_err(|e| ApiError::internal("a stored file key", e))?;
    let bytes = state
        .files
        .get(&key)
        .await
        .map_err(|e| ApiError::internal("reading a file", e))?;
    Ok((row, bytes))
}

/// The house shares a file of an order or shipment with the customer, or
/// stops sharing it.
pub async fn share(
    state: &AppState,
    user: &CurrentUser,
    id: i32,
    shared: bool,
) -> Result<(), ApiError> {
    if viewer(user) != Viewer::House {
        return Err(ApiError::NotFound);
    }
    let row = file::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let Some(customer) = row.customer_company_id else {
        return Err(ApiError::invalid(
            "file",
            user.locale.t("files-only-order-files-shared"),
        ));
    };
    let mut work = UnitOfWork::begin(state).await?;
    repo::set_shared_with_customer(&work.tx, id, shared).await?;
    work.nudge(customer).await?;
    work.commit(state).await
}

/// The files on one purchase-order line, for the house and its factory.
pub async fn of_po_line(
    state: &AppState,
    user: &CurrentUser,
    po_line_id: i32,
) -> Result<Vec<FileView>, ApiError> {
    let (_, po) = po_line_with_po(state, po_line_id).await?;
    match viewer(user) {
        Viewer::House => {}
        Viewer::Factory { company_id } if company_id == po.supplier_company_id => {}
        _ => return Err(ApiError::NotFound),
    }
    let rows = repo::of_owners(&state.db, "po_line", &[po_line_id]).await?;
    views(state, user, rows).await
}

/// The views of the rows the person may see, with uploaders named for the
/// house only.
pub async fn views(
    state: &AppState,
    user: &CurrentUser,
    rows: Vec<file::Model>,
) -> Result<Vec<FileView>, ApiError> {
    let house = viewer(user) == Viewer::House;
    let rows: Vec<file::Model> = rows.into_iter().filter(|f| visible(user, f)).collect();
    let people = if house {
        let ids: Vec<i32> = rows.iter().filter_map(|f| f.uploaded_by).collect();
        users::by_ids(&state.db, &ids).await?
    } else {
        Vec::new()
    };
    Ok(rows
        .into_iter()
        .map(|f| file_view(f, house, &people))
        .collect())
}

pub fn file_view(f: file::Model, house: bool, people: &[user::Model]) -> FileView {
    let uploaded_by = house
        .then(|| {
            f.uploaded_by
                .and_then(|id| people.iter().find(|p| p.id == id))
                .map(|p| p.display_name.clone())
        })
        .flatten();
    FileView {
        id: f.id,
        url: format!("/files/{}", f.id),
        size: human_size(f.size_bytes),
        name: f.name,
        content_type: f.content_type,
        uploaded_at: f.uploaded_at,
        uploaded_by,
        shared_with_customer: f.shared_with_customer,
        shared_with_factory: f.shared_with_factory,
    }
}

/// "512 B", "14.2 KB", "3.1 MB".
pub fn human_size(bytes: i64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

#[allow(clippy::too_many_arguments)]
/// Stores bytes the portal made itself (a generated document) as a file of
/// the record, in the caller's transaction.
pub async fn store_generated(
    state: &AppState,
    work: &UnitOfWork,
    owner: Owner,
    order: &crate::ssr::entities::order::Model,
    name: &str,
    bytes: Vec<u8>,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<file::Model, ApiError> {
    let key = StorageKey::generate("files", now.date_naive());
    let hash = sha256_hex(&bytes);
    let size = bytes.len() as i64;
    state
        .files
        .put(&key, bytes)
        .await
        .map_err(|e| ApiError::internal("storing a document", e))?;
    Ok(file::ActiveModel {
        owner_kind: Set(owner.kind().to_string()),
        owner_id: Set(owner.id()),
        order_id: Set(Some(order.id)),
        purchase_order_id: Set(None),
        customer_company_id: Set(Some(order.customer_company_id)),
        factory_company_id: Set(None),
        shared_with_customer: Set(false),
        shared_with_factory: Set(false),
        name: Set(name.to_string()),
        content_type: Set("application/pdf".to_string()),
        size_bytes: Set(size),
        sha256: Set(hash),
        storage_key: Set(key.as_str().to_string()),
        uploaded_by: Set(Some(user_id)),
        uploaded_at: Set(now),
        ..Default::default()
    }
    .insert(&work.tx)
    .await?)
}

/// Keeps the limits in one place for the server's body limit too.
pub fn limits(state: &AppState) -> FileLimits {
    state.settings.file_limits
}
