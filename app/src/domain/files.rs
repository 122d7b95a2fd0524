//! Files people upload to orders, shipments, purchase-order lines and
//! complaints: what is accepted, the name a file is kept under, and who may
//! see it.
//!
//! A file's type is decided by its content (the caller sniffs the first
//! bytes), never by its name: a name is only a label someone typed. Only
//! documents and pictures are taken: PDF, PNG, JPEG, WebP, GIF, Excel and
//! Word (Office Open XML) and plain text or CSV.
//!
//! The house sees every file. A customer sees a file of its own orders once
//! it is shared with the customer; a factory sees a file of its own
//! purchase-order lines once it is shared with the factory. So a drawing can
//! go to the factory without the customer seeing who makes the goods, and a
//! customer's papers stay with the house unless shared.
//!
//! A complaint's photos and reports follow the complaint: the customer's go
//! to the house and, once the complaint is passed on, to the factory; the
//! factory's reach the customer only when the house shares them. Outside
//! the house nobody reads who uploaded a file, only which side did, so the
//! factory never learns the customer's name, nor the customer the factory's.

use serde::{Deserialize, Serialize};

/// The longest name a file is kept under, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// The longest extension kept apart when a long name is shortened.
const MAX_EXTENSION_CHARS: usize = 10;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// How large a file may be and how many one record may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileLimits {
    pub max_bytes: u64,
    pub max_per_record: u32,
}

impl FileLimits {
    /// 10 MiB a file, 20 files a record.
    pub const DEFAULT: FileLimits = FileLimits {
        max_bytes: 10 * 1024 * 1024,
        max_per_record: 20,
    };
}

impl Default for FileLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A name fit to keep and to offer for download: the last part of a path
/// (browsers on some systems send the whole path), only letters and digits
/// of any script, spaces and `.-_()`, whitespace collapsed to single spaces,
/// no dots or spaces at either end, and at most [`MAX_NAME_CHARS`]
/// characters, shortened before the extension so that it stays. A name
/// with nothing left becomes "file".
pub fn sanitise_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let kept: String = last
        .chars()
        .filter_map(|c| {
            if c.is_whitespace() {
                Some(' ')
            } else if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '(' | ')') {
                Some(c)
            } else {
                None
            }
        })
        .collect();
    let collapsed = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = trim_ends(&collapsed);
    if name.is_empty() {
        "file".to_string()
    } else if name.chars().count() <= MAX_NAME_CHARS {
        name.to_string()
    } else {
        match split_extension(name) {
            Some((stem, extension)) => fit(stem, extension),
            None => trim_ends(&name.chars().take(MAX_NAME_CHARS).collect::<String>()).to_string(),
        }
    }
}

fn trim_ends(name: &str) -> &str {
    name.trim_matches(['.', ' '])
}

/// The name's stem and extension, when it has an extension worth keeping.
fn split_extension(name: &str) -> Option<(&str, &str)> {
    let (stem, extension) = name.rsplit_once('.')?;
    let usable = !stem.is_empty()
        && !extension.is_empty()
        && extension.chars().count() <= MAX_EXTENSION_CHARS
        && !extension.contains(' ');
    usable.then_some((stem, extension))
}

/// `stem.extension`, the stem shortened so the whole fits the limit.
fn fit(stem: &str, extension: &str) -> String {
    let room = MAX_NAME_CHARS.saturating_sub(extension.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    format!("{}.{extension}", trim_ends(&stem))
}

/// The extension of a sanitised name, lower-case.
fn extension_of(name: &str) -> Option<String> {
    split_extension(name).map(|(_, extension)| extension.to_lowercase())
}

/// The kinds of file accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileType {
    Pdf,
    Png,
    Jpeg,
    Webp,
    Gif,
    Xlsx,
    Docx,
    PlainText,
    Csv,
}

impl FileType {
    pub const ALL: [FileType; 9] = [
        Self::Pdf,
        Self::Png,
        Self::Jpeg,
        Self::Webp,
        Self::Gif,
        Self::Xlsx,
        Self::Docx,
        Self::PlainText,
        Self::Csv,
    ];

    /// The spelling stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpeg",
            Self::Webp => "webp",
            Self::Gif => "gif",
            Self::Xlsx => "xlsx",
            Self::Docx => "docx",
            Self::PlainText => "plain_text",
            Self::Csv => "csv",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == raw.trim())
    }

    /// The `Content-Type` a download is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Webp => "image/webp",
            Self::Gif => "image/gif",
            Self::Xlsx => XLSX,
            Self::Docx => DOCX,
            Self::PlainText => "text/plain; charset=utf-8",
            Self::Csv => "text/csv; charset=utf-8",
        }
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Webp => "webp",
            Self::Gif => "gif",
            Self::Xlsx => "xlsx",
            Self::Docx => "docx",
            Self::PlainText => "txt",
            Self::Csv => "csv",
        }
    }

    /// A picture or a PDF.
    pub fn is_picture_or_pdf(self) -> bool {
        matches!(
            self,
            Self::Pdf | Self::Png | Self::Jpeg | Self::Webp | Self::Gif
        )
    }

    /// Whether a (lower-case) extension names this type.
    fn takes_extension(self, extension: &str) -> bool {
        extension == self.extension() || (self == Self::Jpeg && extension == "jpeg")
    }

    /// The type of an upload from the MIME type sniffed from its content.
    /// Text has no signature to sniff: a file is taken as plain text or CSV
    /// only when no binary type was found (nothing, or a `text/` type) and
    /// its name ends in `.txt` or `.csv`; the caller then checks that the
    /// bytes are valid UTF-8. Anything else is not accepted (`None`).
    pub fn from_sniffed(mime: Option<&str>, name: &str) -> Option<FileType> {
        let mime = mime
            .map(|m| {
                m.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .filter(|m| !m.is_empty());
        match mime.as_deref() {
            Some("application/pdf") => Some(Self::Pdf),
            Some("image/png") => Some(Self::Png),
            Some("image/jpeg") => Some(Self::Jpeg),
            Some("image/webp") => Some(Self::Webp),
            Some("image/gif") => Some(Self::Gif),
            Some(XLSX) => Some(Self::Xlsx),
            Some(DOCX) => Some(Self::Docx),
            None | Some("text/plain" | "text/csv") => {
                match extension_of(&sanitise_name(name)).as_deref() {
                    Some("txt") => Some(Self::PlainText),
                    Some("csv") => Some(Self::Csv),
                    _ => None,
                }
            }
            Some(_) => None,
        }
    }
}

/// An upload that may be stored: the name to keep it under and its type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    pub name: String,
    pub kind: FileType,
}

/// Why an upload is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UploadError {
    Empty,
    /// Larger than `max_bytes`.
    TooLarge {
        max_bytes: u64,
    },
    /// The record carries `max` files already.
    TooMany {
        max: u32,
    },
    TypeNotAccepted,
    /// A type taken elsewhere, but the record takes pictures and PDF only.
    PictureOrPdfOnly,
}

impl UploadError {
    /// The message-catalogue key. `TooLarge` takes `$size` (the limit, from
    /// [`format_size`]); `TooMany` takes `$max`.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Empty => "upload-empty",
            Self::TooLarge { .. } => "upload-too-large",
            Self::TooMany { .. } => "upload-too-many",
            Self::TypeNotAccepted => "upload-type-not-accepted",
            Self::PictureOrPdfOnly => "upload-picture-or-pdf-only",
        }
    }
}

/// Whether an upload may be stored on a record that has `existing` files:
/// not empty, within the limits, of an accepted type. The name is
/// sanitised; when its extension does not fit the content, the content's
/// extension is added, so a PNG named `invoice.pdf` is kept as
/// `invoice.pdf.png` and opens as what it is.
pub fn check_upload(
    name: &str,
    sniffed: Option<&str>,
    size: u64,
    existing: u32,
    limits: FileLimits,
) -> Result<Accepted, UploadError> {
    if existing >= limits.max_per_record {
        return Err(UploadError::TooMany {
            max: limits.max_per_record,
        });
    }
    if size == 0 {
        return Err(UploadError::Empty);
    }
    if size > limits.max_bytes {
        return Err(UploadError::TooLarge {
            max_bytes: limits.max_bytes,
        });
    }
    let kind = FileType::from_sniffed(sniffed, name).ok_or(UploadError::TypeNotAccepted)?;
    let clean = sanitise_name(name);
    let name = match extension_of(&clean) {
        Some(extension) if kind.takes_extension(&extension) => clean,
        _ if clean.chars().count() + 1 + kind.extension().len() <= MAX_NAME_CHARS => {
            format!("{clean}.{}", kind.extension())
        }
        _ => fit(&clean, kind.extension()),
    };
    Ok(Accepted { name, kind })
}

/// An accepted upload for a record that takes pictures and PDF only (a
/// complaint's photos and reports): a spreadsheet is no photo of a defect.
pub fn picture_or_pdf(accepted: Accepted) -> Result<Accepted, UploadError> {
    if accepted.kind.is_picture_or_pdf() {
        Ok(accepted)
    } else {
        Err(UploadError::PictureOrPdfOnly)
    }
}

/// A size for people: "10 MB", "1.5 MB", "512 KB", "300 B" (units of 1024,
/// one decimal at most).
pub fn format_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    let scaled = |unit: u64, symbol: &str| {
        let tenths = u128::from(bytes) * 10 / u128::from(unit);
        if tenths % 10 == 0 {
            format!("{} {symbol}", tenths / 10)
        } else {
            format!("{}.{} {symbol}", tenths / 10, tenths % 10)
        }
    };
    if bytes >= MB {
        scaled(MB, "MB")
    } else if bytes >= KB {
        scaled(KB, "KB")
    } else {
        format!("{bytes} B")
    }
}

/// Who is looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Viewer {
    House,
    Customer { company_id: i32 },
    Factory { company_id: i32 },
}

/// Whose a file is and with whom it is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileScope {
    /// The customer whose order or complaint the file belongs to; none for a
    /// file of a purchase-order line, which no customer sees.
    pub customer_company_id: Option<i32>,
    /// The factory, when the file belongs to a purchase-order line or to a
    /// complaint passed to it.
    pub factory_company_id: Option<i32>,
    pub shared_with_customer: bool,
    pub shared_with_factory: bool,
}

/// Whether `viewer` may see a file: the house always; a customer only a
/// file of its own company that is shared with it; a factory only a file of
/// its own purchase-order line, or of a complaint passed to it, that is
/// shared with it.
pub fn can_see(viewer: Viewer, scope: &FileScope) -> bool {
    match viewer {
        Viewer::House => true,
        Viewer::Customer { company_id } => {
            scope.shared_with_customer && scope.customer_company_id == Some(company_id)
        }
        Viewer::Factory { company_id } => {
            scope.shared_with_factory && scope.factory_company_id == Some(company_id)
        }
    }
}

/// Which side of the trade uploaded a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Uploader {
    House,
    Customer,
    Factory,
}

impl Uploader {
    /// The side a viewer uploads for.
    pub fn of(viewer: Viewer) -> Uploader {
        match viewer {
            Viewer::House => Uploader::House,
            Viewer::Customer { .. } => Uploader::Customer,
            Viewer::Factory { .. } => Uploader::Factory,
        }
    }
}

/// How a viewer is told who uploaded a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploaderShown {
    /// By the person's name.
    Name,
    /// By a neutral word for the side (its catalogue key), naming nobody.
    Word(&'static str),
}

/// How `viewer` is told who uploaded a file: the house by name; a customer
/// or a factory only by a word for the side, so neither reads a name of the
/// other. A factory's file reaches a customer only when the house shares it,
/// so to the customer it comes from the house.
pub fn uploader_shown(viewer: Viewer, uploader: Uploader) -> UploaderShown {
    match (viewer, uploader) {
        (Viewer::House, _) => UploaderShown::Name,
        (Viewer::Customer { .. }, Uploader::Customer)
        | (Viewer::Factory { .. }, Uploader::Factory) => {
            UploaderShown::Word("file-uploaded-by-own")
        }
        (Viewer::Factory { .. }, Uploader::Customer) => {
            UploaderShown::Word("file-uploaded-by-customer")
        }
        (_, Uploader::House) | (Viewer::Customer { .. }, Uploader::Factory) => {
            UploaderShown::Word("file-uploaded-by-house")
        }
    }
}

/// A complaint, as far as its files care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintParties {
    pub customer_company_id: i32,
    /// The factory the house passed it to; none before.
    pub factory_company_id: Option<i32>,
    pub closed: bool,
}

/// Why a file may not be attached to a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachRefused {
    /// Not the viewer's complaint: answered as if there were none.
    NotFound,
    /// The customer's own complaint, closed: reopened, it takes files again.
    Closed,
}

/// Whether `viewer` may attach a file to a complaint: the house always; the
/// customer to its own complaint until it is closed; the factory to the one
/// passed to it (photos of the root cause, of the corrective action). To
/// anyone else the complaint does not exist.
pub fn may_attach_to_complaint(
    viewer: Viewer,
    complaint: &ComplaintParties,
) -> Result<(), AttachRefused> {
    match viewer {
        Viewer::House => Ok(()),
        Viewer::Customer { company_id } if company_id == complaint.customer_company_id => {
            if complaint.closed {
                Err(AttachRefused::Closed)
            } else {
                Ok(())
            }
        }
        Viewer::Factory { company_id } if complaint.factory_company_id == Some(company_id) => {
            Ok(())
        }
        _ => Err(AttachRefused::NotFound),
    }
}

/// The scope of a file `uploader` attaches to a complaint. Every file of a
/// complaint is for the factory it is passed to, and for no factory before
/// (the factory column is filled when the house passes the complaint on,
/// for the files already there too). The customer sees its own files; the
/// house's only when the house shares them (`house_shares`), and the
/// factory's only when the house shares them later, so nothing of the
/// factory reaches the customer unless the house chose it.
pub fn complaint_file_scope(
    complaint: &ComplaintParties,
    uploader: Uploader,
    house_shares: bool,
) -> FileScope {
    FileScope {
        customer_company_id: Some(complaint.customer_company_id),
        factory_company_id: complaint.factory_company_id,
        shared_with_customer: match uploader {
            Uploader::Customer => true,
            Uploader::House => house_shares,
            Uploader::Factory => false,
        },
        shared_with_factory: true,
    }
}

#[cfg(test)]
mod tests;
