//! Page data loaded through server functions, as resources.
//!
//! The server renders a resource's value into the page as JSON and the
//! browser decodes it while hydrating; later loads decode the server
//! function's reply. Leptos's default resource codec decodes from a `str`,
//! server function replies are decoded from bytes, and each way compiles its
//! own JSON decoder for every type a page loads. Decoding both from bytes
//! keeps one decoder per type in the browser bundle.

use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON, decoded from bytes (see the module notes).
pub struct Json;

impl<T: Serialize> Encoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, Self::Error> {
        serde_json::from_slice(text.as_bytes())
    }
}

/// A resource of page data.
pub type Data<T> = Resource<T, Json>;

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
    Resource::new_with_options(source, fetch, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::orders::OrderSummary;

    #[test]
    fn page_data_survives_the_trip_through_the_page() {
        let text = r#"{"Ok":[{"id":7,"number":"SO-7","customer_name":"Ça \"Va\" ✓","status":"confirmed","line_count":2,"next_committed":"2027-03-31","badge":"late"}]}"#;
        let decoded: Result<Vec<OrderSummary>, crate::wire::ApiError> =
            <Json as Decoder<_>>::decode(text).unwrap();
        let encoded = <Json as Encoder<_>>::encode(&decoded).unwrap();
        let again: Result<Vec<OrderSummary>, crate::wire::ApiError> =
            <Json as Decoder<_>>::decode(&encoded).unwrap();
        assert_eq!(decoded, again);
        let orders = again.unwrap();
        assert_eq!(orders[0].customer_name, "Ça \"Va\" ✓");
        assert_eq!(orders[0].next_committed.unwrap().to_string(), "2027-03-31");
        assert!(<Json as Decoder<Vec<OrderSummary>>>::decode(r#"[{"id":"seven"}]"#).is_err());
    }
}
