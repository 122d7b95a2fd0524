//! Files attached to orders, shipments, purchase-order lines and
//! complaints: uploaded through one checked path (size, count, type from the
//! content, a clean name, a content hash), kept in the configured store, and
//! handed out only to those the record they belong to lets see them.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};

use crate::domain::complaints::ComplaintStatus;
use crate::domain::files::{
    AttachRefused, ComplaintParties, FileLimits, FileScope, UploadError, Uploader, UploaderShown,
    Viewer, can_see, check_upload, complaint_file_scope, may_attach_to_complaint, picture_or_pdf,
    uploader_shown,
};
use crate::domain::kept_pages::Scope as KeptPart;
use crate::ssr::AppState;
use crate::ssr::auth::CurrentUser;
use crate::ssr::entities::{complaint, file, po_line, purchase_order, shipment, user};
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
    Complaint(i32),
}

impl Owner {
    pub fn parse(kind: &str, id: i32) -> Option<Owner> {
        match kind {
            "order" => Some(Owner::Order(id)),
            "shipment" => Some(Owner::Shipment(id)),
            "po_line" => Some(Owner::PoLine(id)),
            "complaint" => Some(Owner::Complaint(id)),
            _ => None,
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Owner::Order(_) => "order",
            Owner::Shipment(_) => "shipment",
            Owner::PoLine(_) => "po_line",
            Owner::Complaint(_) => "complaint",
        }
    }

    fn id(self) -> i32 {
        match self {
            Owner::Order(id) | Owner::Shipment(id) | Owner::PoLine(id) | Owner::Complaint(id) => id,
        }
    }

    /// The page an upload goes back to when the record has one page in
    /// each area (a complaint): the one of the person's own area, whatever
    /// page the form said. None when the form's own page is the place.
    pub fn page_for(self, role: crate::domain::account::Role) -> Option<String> {
        use crate::domain::account::Role;
        match self {
            Owner::Complaint(id) => {
                let area = match role {
                    Role::Admin | Role::Staff => "/staff",
                    Role::Customer => "/customer",
                    Role::Supplier => "/supplier",
                };
                Some(format!("{area}/complaints/{id}"))
            }
            Owner::Order(_) | Owner::Shipment(_) | Owner::PoLine(_) => None,
        }
    }

    /// The part of that page that lists the record's files.
    pub fn anchor(self) -> &'static str {
        match self {
            Owner::Complaint(_) => "complaint-files",
            Owner::Order(_) | Owner::Shipment(_) | Owner::PoLine(_) => "shipping",
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
    /// With whom the file is shared (customer, factory), when the record
    /// decides it itself.
    sharing: Option<(bool, bool)>,
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
    house_shares: bool,
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
                sharing: None,
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
                sharing: None,
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
                sharing: None,
            })
        }
        Owner::Complaint(id) => {
            let row = complaint::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(ApiError::NotFound)?;
            let parties = complaint_parties(&row);
            may_attach_to_complaint(who, &parties).map_err(|refused| match refused {
                AttachRefused::NotFound => ApiError::NotFound,
                // The customer sees its complaint: it is told why, and the
                // page reads the key back in the person's language.
                AttachRefused::Closed => ApiError::invalid("file", "complaint-files-closed"),
            })?;
            let scope = complaint_file_scope(&parties, Uploader::of(who), house_shares);
            // No order id: a complaint's photo is no document of the order's
            // checklist, and stays off the order's page.
            Ok(Scope {
                order_id: None,
                purchase_order_id: None,
                customer_company_id: scope.customer_company_id,
                factory_company_id: scope.factory_company_id,
                sharing: Some((scope.shared_with_customer, scope.shared_with_factory)),
            })
        }
    }
}

/// The complaint as the file rules know it.
fn complaint_parties(row: &complaint::Model) -> ComplaintParties {
    ComplaintParties {
        customer_company_id: row.customer_company_id,
        factory_company_id: row.factory_company_id,
        closed: ComplaintStatus::parse(&row.status) == Some(ComplaintStatus::Closed),
    }
}

/// Whether the person may attach a file to the complaint now (its page
/// offers the form then).
pub(crate) fn may_attach(user: &CurrentUser, row: &complaint::Model) -> bool {
    may_attach_to_complaint(viewer(user), &complaint_parties(row)).is_ok()
}

/// The complaint was passed to `factory`: the files it holds already are
/// the factory's to see from now on, as those added later are.
pub(crate) async fn complaint_passed(
    db: &impl ConnectionTrait,
    complaint_id: i32,
    factory: i32,
) -> Result<(), ApiError> {
    let owner = Owner::Complaint(complaint_id);
    repo::set_factory(db, owner.kind(), owner.id(), factory).await?;
    Ok(())
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
    let scope = scope_for_upload(state, user, upload.owner, upload.shared_with_customer).await?;
    let owner = upload.owner;
    let existing = repo::count_of(&state.db, owner.kind(), owner.id()).await?;
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
    .and_then(|accepted| match owner {
        Owner::Complaint(_) => picture_or_pdf(accepted),
        Owner::Order(_) | Owner::Shipment(_) | Owner::PoLine(_) => Ok(accepted),
    })
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
    let (shared_with_customer, shared_with_factory) = match (scope.sharing, upload.owner, who) {
        (Some(sharing), _, _) => sharing,
        (None, Owner::PoLine(_), _) => (false, true),
        (None, _, Viewer::Customer { .. }) => (true, false),
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
    // What may show the file: the customer's and the factory's views it
    // belongs to (a customer's first page lists the files newly shared with
    // it) and, for an order's or a shipment's, that order's pages and its
    // factories'. Every other kept page stays.
    work.touches_only(
        scope
            .customer_company_id
            .map(KeptPart::Customer)
            .into_iter()
            .chain(scope.factory_company_id.map(KeptPart::Factory))
            .collect(),
    );
    if let (Some(order), Some(customer)) = (scope.order_id, scope.customer_company_id) {
        work.touches_order(order, customer).await?;
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
    if let Some(order_id) = row.order_id {
        // Shown on the order's pages only.
        work.touches_order(order_id, customer).await?;
    }
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

/// The files of a complaint the person may see; the caller has found the
/// complaint visible to them. The house reads who uploaded each file; the
/// others read only which side did, so no customer's name reaches a factory
/// and no factory's name a customer.
pub(crate) async fn of_complaint(
    state: &AppState,
    user: &CurrentUser,
    complaint_id: i32,
) -> Result<Vec<FileView>, ApiError> {
    let owner = Owner::Complaint(complaint_id);
    // Read for the complaint's page only, outside any transaction: the
    // read-only pool, like the rest of that page.
    let rows: Vec<file::Model> = repo::of_owners(&state.reports, owner.kind(), &[owner.id()])
        .await?
        .into_iter()
        .filter(|f| visible(user, f))
        .collect();
    let ids: Vec<i32> = rows.iter().filter_map(|f| f.uploaded_by).collect();
    let people = users::by_ids(&state.reports, &ids).await?;
    let who = viewer(user);
    Ok(rows
        .into_iter()
        .map(|f| shown_view(f, who, &people))
        .collect())
}

/// A file's view with its uploader shown as the rules say to `who`.
fn shown_view(f: file::Model, who: Viewer, people: &[user::Model]) -> FileView {
    let uploader = f
        .uploaded_by
        .and_then(|id| people.iter().find(|p| p.id == id));
    let (name, word) = match uploader {
        Some(person) => match uploader_shown(who, side_of(person.role)) {
            UploaderShown::Name => (Some(person.display_name.clone()), None),
            UploaderShown::Word(key) => (None, Some(key.to_string())),
        },
        None => (None, None),
    };
    let house = who == Viewer::House;
    let mut view = file_view(f, false, &[]);
    view.uploaded_by = name;
    view.uploaded_by_key = word;
    // With whom a file is shared is the house's business.
    view.shared_with_customer &= house;
    view.shared_with_factory &= house;
    view
}

/// The side a person uploads for.
fn side_of(role: crate::domain::account::Role) -> Uploader {
    use crate::domain::account::Role;
    match role {
        Role::Admin | Role::Staff => Uploader::House,
        Role::Customer => Uploader::Customer,
        Role::Supplier => Uploader::Factory,
    }
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
        uploaded_by_key: None,
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
