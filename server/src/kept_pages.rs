//! Whole pages kept between writes. The pages customers and factories open
//! all day (`app::domain::kept_pages`) are rendered once per viewer, hour
//! and write generation, and answered from memory until anything they
//! show is written, like the reads behind them (`app::ssr::read_cache`).
//!
//! A page carries the nonce its inline scripts run under, which must differ
//! in every answer: the kept page is split at it, and every answer gets a
//! fresh one. Only a complete, successful HTML answer that sets no cookie
//! is kept, for an address without a query string. The pieces are kept
//! deflated too (from the first answer in gzip on), so a browser that takes
//! gzip (every one) gets the page compressed without compressing it again
//! (`crate::deflated`).

use app::ssr::AppState;
use app::ssr::auth::CurrentUser;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::OnceLock;

use crate::deflated::{DeflatedPiece, accepts_gzip, gzip_joined};

/// A page as rendered, split at its nonce.
struct KeptPage {
    headers: HeaderMap,
    /// The text between the nonce's occurrences.
    pieces: Vec<Bytes>,
    /// The same pieces deflated, when first asked for in gzip (and when
    /// that worked).
    deflated: OnceLock<Option<Vec<DeflatedPiece>>>,
}

impl KeptPage {
    /// Splits `body` at every occurrence of `nonce`.
    fn new(headers: HeaderMap, body: &Bytes, nonce: &str) -> Self {
        let mut pieces = Vec::new();
        let mut rest = 0;
        // Occurrences that do not overlap, from the first on.
        for at in memchr::memmem::find_iter(body.as_ref(), nonce.as_bytes()) {
            pieces.push(body.slice(rest..at));
            rest = at + nonce.len();
        }
        pieces.push(body.slice(rest..));
        Self {
            headers,
            pieces,
            deflated: OnceLock::new(),
        }
    }

    fn deflated(&self) -> Option<&[DeflatedPiece]> {
        self.deflated
            .get_or_init(|| {
                self.pieces
                    .iter()
                    .map(|piece| DeflatedPiece::new(piece))
                    .collect::<std::io::Result<Vec<_>>>()
                    .inspect_err(|e| tracing::warn!(error = %e, "a page could not be deflated"))
                    .ok()
            })
            .as_deref()
    }

    /// The page with `nonce` wherever the rendered one stood, in gzip when
    /// `gzip` (and the pieces could be deflated).
    fn answer(&self, nonce: &str, gzip: bool) -> Response {
        if let Some(deflated) = gzip.then(|| self.deflated()).flatten() {
            let mut response = Response::new(Body::from(gzip_joined(deflated, nonce.as_bytes())));
            *response.headers_mut() = self.headers.clone();
            let headers = response.headers_mut();
            headers.remove(header::CONTENT_LENGTH);
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
            return response;
        }
        let mut body = Vec::with_capacity(
            self.pieces.iter().map(Bytes::len).sum::<usize>() + nonce.len() * self.pieces.len(),
        );
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 {
                body.extend_from_slice(nonce.as_bytes());
            }
            body.extend_from_slice(piece);
        }
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = self.headers.clone();
        response.headers_mut().remove(header::CONTENT_LENGTH);
        response
    }
}

/// The nonce a rendered page's CSP names (`'nonce-…'`), if any.
fn nonce_of(body: &[u8]) -> Option<String> {
    const MARK: &[u8] = b"'nonce-";
    let start = memchr::memmem::find(body, MARK)? + MARK.len();
    let len = body[start..].iter().position(|b| *b == b'\'')?;
    let nonce = std::str::from_utf8(&body[start..start + len]).ok()?;
    // Long enough that it cannot stand for anything but itself in the page.
    (nonce.len() >= 16
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/-_=".contains(&b)))
    .then(|| nonce.to_string())
}

/// The most a kept page may weigh.
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

/// Answers a kept page from memory, or renders it and keeps it.
pub async fn serve_kept_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let viewer = req.extensions().get::<CurrentUser>().cloned();
    // Only the page's own address: a query string would let anyone fill
    // the cache with copies of one page.
    let (Some(user), true) = (
        viewer,
        req.method() == Method::GET
            && req.uri().query().is_none()
            && app::domain::kept_pages::kept_page(req.uri().path()),
    ) else {
        return next.run(req).await;
    };
    // Per hour, not only per day: a factory's scorecard on its line list
    // counts recent reports by the hour, and other factories' reports no
    // longer drop the page.
    let now = state.now();
    let key = format!(
        "{}|{}|{}|{}|{}|{}",
        req.uri(),
        user.user_id,
        user.locale.as_str(),
        user.time_zone.name(),
        state.house_date(now),
        now.timestamp().div_euclid(3600)
    );
    let gzip = accepts_gzip(req.headers());
    if let Some(page) = state.read_cache.page::<KeptPage>(&key) {
        return page.answer(&app::ssr::auth::fresh_nonce(), gzip);
    }
    let generation = state.read_cache.generation();
    // The part of the book the page shows (its order, or the viewer's
    // company's whole view) and the viewer's own (the unread count): a write
    // to other parts leaves it kept.
    let stamp = match app::domain::kept_pages::page_parts(
        req.uri().path(),
        user.company_id,
        user.user_id,
    ) {
        Some(parts) => state.read_cache.stamp_parts(&parts),
        None => state.read_cache.stamp(None),
    };
    let response = next.run(req).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if response.status() != StatusCode::OK
        || !html
        || response.headers().contains_key(header::SET_COOKIE)
    {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::warn!(error = %e, "a page could not be read whole");
            return Response::from_parts(parts, Body::empty());
        }
    };
    if let Some(nonce) = nonce_of(&bytes) {
        let page = KeptPage::new(parts.headers.clone(), &bytes, &nonce);
        // In gzip, this first answer is made from the pieces the kept page
        // keeps deflated: the page is compressed once, not twice.
        let answer = gzip.then(|| page.answer(&nonce, true));
        state.read_cache.keep_page(key, generation, stamp, page);
        if let Some(answer) = answer {
            return answer;
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_page_gets_a_new_nonce_everywhere_the_old_one_stood() {
        let body = Bytes::from_static(
            b"<meta content=\"script-src 'nonce-abcdefghijklmnop0123'\"><script nonce=\"abcdefghijklmnop0123\">x</script>",
        );
        let nonce = nonce_of(&body).unwrap();
        assert_eq!(nonce, "abcdefghijklmnop0123");
        let page = KeptPage::new(HeaderMap::new(), &body, &nonce);
        assert_eq!(page.pieces.len(), 3);
        let again = page.answer("ZZZZZZZZZZZZZZZZZZZZ", false);
        let text = futures_util::FutureExt::now_or_never(axum::body::to_bytes(
            again.into_body(),
            usize::MAX,
        ))
        .unwrap()
        .unwrap();
        let text = String::from_utf8(text.to_vec()).unwrap();
        assert!(!text.contains("abcdefghijklmnop0123"), "{text}");
        assert_eq!(text.matches("ZZZZZZZZZZZZZZZZZZZZ").count(), 2, "{text}");

        // In gzip, the same page, said to be gzip.
        let zipped = page.answer("ZZZZZZZZZZZZZZZZZZZZ", true);
        assert_eq!(zipped.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(zipped.headers()[header::VARY], "accept-encoding");
        let member = futures_util::FutureExt::now_or_never(axum::body::to_bytes(
            zipped.into_body(),
            usize::MAX,
        ))
        .unwrap()
        .unwrap();
        let mut unzipped = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(member.as_ref()),
            &mut unzipped,
        )
        .unwrap();
        assert_eq!(unzipped, text);
    }

    #[test]
    fn a_page_without_a_proper_nonce_is_not_split() {
        assert_eq!(nonce_of(b"<p>no policy here</p>"), None);
        assert_eq!(nonce_of(b"'nonce-short'"), None);
        assert_eq!(nonce_of(b"'nonce-with spaces in it ok'"), None);
    }
}
