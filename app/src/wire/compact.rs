//! The encoding of server-function replies: postcard, a compact binary form
//! of the same serde types, for the portal's own browser code, and JSON for
//! every other client.
//!
//! Decoding JSON compiles a parser for every type into the browser bundle;
//! on the order page those parsers were the largest part of the bundle that
//! was the page's own (`BENCHMARKS.md`). Postcard reads a struct as its
//! fields in order, with no names to match, and its decoders are a fraction
//! of the size. The browser's client names the encoding in its `Accept`
//! header; the server answers in it only then (`answering`), so scripts,
//! integrations and the tests read JSON as before. Errors stay JSON for all
//! (`ApiError`).

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The body encoding of the replies (see the module notes).
pub struct CompactEncoding;

/// A server function's reply: `#[server(output = Compact)]`.
pub type Compact = Post<CompactEncoding>;

impl ContentType for CompactEncoding {
    const CONTENT_TYPE: &'static str = "application/x-postcard";
}

impl FormatType for CompactEncoding {
    const FORMAT_TYPE: Format = Format::Binary;
}

/// A reply that could not be written or read.
#[derive(Debug)]
pub struct CodecError(String);

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<T: Serialize> Encodes<T> for CompactEncoding {
    type Error = CodecError;

    fn encode(value: &T) -> Result<Bytes, Self::Error> {
        #[cfg(feature = "ssr")]
        if !compact_wanted() {
            return serde_json::to_vec(value)
                .map(Bytes::from)
                .map_err(|e| CodecError(e.to_string()));
        }
        postcard::to_allocvec(value)
            .map(Bytes::from)
            .map_err(|e| CodecError(e.to_string()))
    }
}

impl<T: DeserializeOwned> Decodes<T> for CompactEncoding {
    type Error = CodecError;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        postcard::from_bytes(&bytes).map_err(|e| CodecError(e.to_string()))
    }
}

#[cfg(feature = "ssr")]
tokio::task_local! {
    static COMPACT: bool;
}

/// Whether the request being answered asked for the compact encoding.
#[cfg(feature = "ssr")]
fn compact_wanted() -> bool {
    COMPACT.try_with(|wanted| *wanted).unwrap_or(false)
}

/// Whether an `Accept` header names the compact encoding.
pub fn accepts_compact(accept: &str) -> bool {
    accept
        .split(',')
        .any(|kind| kind.split(';').next().unwrap_or("").trim() == CompactEncoding::CONTENT_TYPE)
}

/// Runs `answer` (a server function's handling) writing replies compact or
/// as JSON.
#[cfg(feature = "ssr")]
pub async fn answering<F: std::future::Future>(compact: bool, answer: F) -> F::Output {
    COMPACT.scope(compact, answer).await
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::wire::orders::OrderSummary;

    fn summaries() -> Vec<OrderSummary> {
        serde_json::from_str(
            r#"[{"id":7,"number":"SO-7","customer_name":"Ça \"Va\" ✓","status":"confirmed","line_count":2,"next_committed":"2027-03-31","badge":"late"}]"#,
        )
        .unwrap()
    }

    #[tokio::test]
    async fn replies_are_compact_only_for_those_who_ask() {
        let orders = summaries();
        let compact = answering(true, async { CompactEncoding::encode(&orders) })
            .await
            .unwrap();
        let read: Vec<OrderSummary> = CompactEncoding::decode(compact.clone()).unwrap();
        assert_eq!(read, orders);
        let json = answering(false, async { CompactEncoding::encode(&orders) })
            .await
            .unwrap();
        assert_eq!(
            serde_json::from_slice::<Vec<OrderSummary>>(&json).unwrap(),
            orders
        );
        assert!(
            compact.len() < json.len() / 2,
            "{} vs {}",
            compact.len(),
            json.len()
        );
        // Outside any request (no one asked), JSON.
        assert_eq!(CompactEncoding::encode(&orders).unwrap(), json);
    }

    #[test]
    fn the_accept_header_is_read_by_its_parts() {
        assert!(accepts_compact("application/x-postcard"));
        assert!(accepts_compact("text/html, application/x-postcard;q=0.9"));
        assert!(!accepts_compact("*/*"));
        assert!(!accepts_compact("application/json"));
        assert!(!accepts_compact("application/x-postcard-extra"));
    }

    #[test]
    fn a_truncated_reply_is_an_error_not_a_value() {
        let bytes = postcard::to_allocvec(&summaries()).unwrap();
        for cut in 0..bytes.len() {
            let read: Result<Vec<OrderSummary>, _> =
                CompactEncoding::decode(Bytes::copy_from_slice(&bytes[..cut]));
            assert!(read.is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn no_reply_type_needs_a_self_describing_format() {
        // Postcard has no names or kinds in the bytes: an internally tagged
        // or untagged enum, a flattened field or a skipped one cannot be
        // read back. `ApiError` writes its JSON form that way (`ErrorJson`)
        // and another form for postcard.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/wire");
        let mut offending = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let attribute = line.trim_start().starts_with("#[serde(");
                let json_only = path.ends_with("error.rs") && line.contains("skip_serializing_if");
                let needs_names = ["tag =", "untagged", "flatten", "skip"]
                    .iter()
                    .any(|word| line.contains(word));
                if attribute && needs_names && !json_only {
                    offending.push(format!("{}:{}: {line}", path.display(), n + 1));
                }
            }
        }
        assert!(offending.is_empty(), "{offending:#?}");
    }

    #[test]
    fn a_waiting_sign_in_reads_back_compact() {
        use crate::i18n::Locale;
        use crate::wire::two_factor::PendingStep;
        let step = PendingStep::Code { locale: Locale::Zh };
        let bytes = CompactEncoding::encode(&step).unwrap();
        let json: PendingStep = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json, step);
        let bytes = postcard::to_allocvec(&step).unwrap();
        assert_eq!(CompactEncoding::decode(Bytes::from(bytes)).ok(), Some(step));
    }
}
