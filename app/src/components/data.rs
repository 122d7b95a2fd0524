//! Page data loaded through server functions, as resources.
//!
//! The server writes a resource's value into the page and the browser
//! decodes it while hydrating; later loads decode the server function's
//! reply. Both are in the compact encoding (`wire::compact`), so the browser
//! bundle holds one decoder per type a page loads, and a small one.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Page data in the compact encoding (`wire::compact`), written into the
/// page as base64 text.
pub struct PageCodec;

impl<T: Serialize> Encoder<T> for PageCodec {
    type Error = postcard::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        use base64::Engine;
        let bytes = postcard::to_allocvec(value)?;
        Ok(base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes))
    }
}

impl<T: DeserializeOwned> Decoder<T> for PageCodec {
    type Error = postcard::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, Self::Error> {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(text)
            .map_err(|_| postcard::Error::DeserializeBadEncoding)?;
        postcard::from_bytes(&bytes)
    }
}

/// A resource of page data.
pub type Data<T> = Resource<T, PageCodec>;

/// Loads `fetch(source())` again whenever the source changes; the page's
/// response does not wait for it.
pub fn load<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Data<T>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    // On the server a fetch is the use case itself, whose future holds
    // every read it awaits: tens of kilobytes, which the reactive system
    // would otherwise copy each time it moves the future on.
    #[cfg(feature = "ssr")]
    let fetch = move |source: S| -> std::pin::Pin<Box<dyn Future<Output = T> + Send>> {
        Box::pin(fetch(source))
    };
    Resource::new_with_options(source, fetch, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::orders::OrderSummary;

    #[test]
    fn page_data_survives_the_trip_through_the_page() {
        let text = r#"{"Ok":[{"id":7,"number":"SO-7","customer_name":"Ça \"Va\" ✓","status":"confirmed","line_count":2,"next_committed":"2027-03-31","badge":"late"}]}"#;
        let value: Result<Vec<OrderSummary>, crate::wire::ApiError> =
            serde_json::from_str(text).unwrap();
        let encoded = <PageCodec as Encoder<_>>::encode(&value).unwrap();
        // Text that sits in a page's script as it is.
        assert!(
            encoded
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/')
        );
        let again: Result<Vec<OrderSummary>, crate::wire::ApiError> =
            <PageCodec as Decoder<_>>::decode(&encoded).unwrap();
        assert_eq!(value, again);
        let orders = again.unwrap();
        assert_eq!(orders[0].customer_name, "Ça \"Va\" ✓");
        assert_eq!(orders[0].next_committed.unwrap().to_string(), "2027-03-31");
        let error: Result<Vec<OrderSummary>, crate::wire::ApiError> =
            Err(crate::wire::ApiError::NotFound);
        let encoded = <PageCodec as Encoder<_>>::encode(&error).unwrap();
        assert_eq!(
            <PageCodec as Decoder<_>>::decode(&encoded).ok(),
            Some(error)
        );
        // Not base64, or not the type: an error, not a value.
        assert!(<PageCodec as Decoder<Vec<OrderSummary>>>::decode("!!").is_err());
        assert!(<PageCodec as Decoder<Vec<OrderSummary>>>::decode("Bw").is_err());
    }
}
