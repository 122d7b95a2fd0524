//! A kept page in gzip without compressing it again for every answer. The
//! page is kept in pieces (split at its nonce, which every answer replaces),
//! and each piece is deflated once, on its own, and flushed to a byte
//! boundary. An answer is then one gzip member put together from those
//! pieces with the fresh nonce between them as a stored (uncompressed)
//! block, an empty last block, and the checksum combined from the pieces'
//! (RFC 1951 blocks, RFC 1952 member).

use std::io;

use axum::http::{HeaderMap, header};
use crc32fast::Hasher;
use flate2::{Compress, Compression, FlushCompress, Status};

/// One piece of a page, deflated.
pub struct DeflatedPiece {
    /// Deflate blocks, none of them the last, ending on a byte boundary.
    blocks: Vec<u8>,
    /// The checksum and length of the piece as it was.
    crc: Hasher,
    len: usize,
}

impl DeflatedPiece {
    pub fn new(piece: &[u8]) -> io::Result<Self> {
        let mut crc = Hasher::new();
        crc.update(piece);
        Ok(Self {
            blocks: deflate_flushed(piece)?,
            crc,
            len: piece.len(),
        })
    }
}

/// `piece` as raw deflate blocks ending in a sync flush: byte-aligned and
/// not final, so more blocks may follow.
fn deflate_flushed(piece: &[u8]) -> io::Result<Vec<u8>> {
    // The fastest level: the first visit after a write pays for it.
    let mut compress = Compress::new(Compression::fast(), false);
    let mut out = Vec::with_capacity(piece.len() / 4 + 64);
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(piece.len() / 4 + 64);
        }
        let read = usize::try_from(compress.total_in()).unwrap_or(usize::MAX);
        let status = compress
            .compress_vec(
                &piece[read.min(piece.len())..],
                &mut out,
                FlushCompress::Sync,
            )
            .map_err(io::Error::other)?;
        let all_read = usize::try_from(compress.total_in()).ok() == Some(piece.len());
        // Done when everything was read and the flush left room to spare
        // (a full buffer may hold more of it).
        if matches!(status, Status::Ok | Status::BufError) && all_read && out.len() < out.capacity()
        {
            return Ok(out);
        }
    }
}

/// The gzip member of `pieces` with `between` between each two of them.
pub fn gzip_joined(pieces: &[DeflatedPiece], between: &[u8]) -> Vec<u8> {
    // A stored block holds at most 65,535 bytes; a nonce is far shorter.
    let between = &between[..between.len().min(usize::from(u16::MAX))];
    let mut between_crc = Hasher::new();
    between_crc.update(between);
    let size: usize = pieces.iter().map(|p| p.blocks.len()).sum();
    let mut out = Vec::with_capacity(size + pieces.len() * (between.len() + 5) + 28);
    // Member header: deflate, no flags, no time, no extra flags, unknown OS.
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    let mut crc = Hasher::new();
    let mut len = 0usize;
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            // A stored block, not the last: its header byte, then the
            // length and its complement, little-endian.
            let n = between.len() as u16;
            out.push(0);
            out.extend_from_slice(&n.to_le_bytes());
            out.extend_from_slice(&(!n).to_le_bytes());
            out.extend_from_slice(between);
            crc.combine(&between_crc);
            len += between.len();
        }
        out.extend_from_slice(&piece.blocks);
        crc.combine(&piece.crc);
        len += piece.len;
    }
    // The last block: stored and empty.
    out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    // The length modulo 2^32, as the format has it.
    out.extend_from_slice(&(len as u32).to_le_bytes());
    out
}

/// Whether the request's `Accept-Encoding` takes gzip: named (or `*`) with
/// a quality above zero.
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|entry| {
            let mut parts = entry.split(';').map(str::trim);
            let coding = parts.next().unwrap_or_default();
            let quality = parts
                .find_map(|p| p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok());
            (coding.eq_ignore_ascii_case("gzip") || coding == "*")
                && quality.is_some_and(|q| q > 0.0)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use flate2::read::GzDecoder;
    use proptest::prelude::*;
    use std::io::Read;

    fn gunzip(member: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        GzDecoder::new(member)
            .read_to_end(&mut out)
            .expect("a valid gzip member with a matching checksum and length");
        out
    }

    fn joined(pieces: &[&[u8]], between: &[u8]) -> Vec<u8> {
        let deflated: Vec<DeflatedPiece> = pieces
            .iter()
            .map(|p| DeflatedPiece::new(p).unwrap())
            .collect();
        gzip_joined(&deflated, between)
    }

    #[test]
    fn a_page_split_at_its_nonce_comes_back_whole_with_the_new_one() {
        let rows = "<tr><td>一</td><td>SO-2026-0001</td></tr>".repeat(500);
        let page = format!("<script nonce=\"N\">a</script>{rows}<script nonce=\"N\">b</script>");
        let pieces: Vec<&[u8]> = page.split('N').map(str::as_bytes).collect();
        let member = joined(&pieces, b"fresh-nonce-0123456789");
        assert_eq!(
            String::from_utf8(gunzip(&member)).unwrap(),
            page.replace('N', "fresh-nonce-0123456789")
        );
        assert!(member.len() < page.len() / 10, "{} bytes", member.len());
    }

    #[test]
    fn empty_pieces_and_an_empty_page_are_valid_members() {
        assert_eq!(gunzip(&joined(&[b""], b"x")), b"");
        assert_eq!(gunzip(&joined(&[b"", b""], b"abc")), b"abc");
    }

    proptest! {
        #[test]
        fn any_pieces_joined_by_any_text_unzip_to_the_same_bytes(
            pieces in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..3000), 1..6),
            between in proptest::collection::vec(any::<u8>(), 0..64),
        ) {
            let slices: Vec<&[u8]> = pieces.iter().map(Vec::as_slice).collect();
            prop_assert_eq!(gunzip(&joined(&slices, &between)), slices.join(&between[..]));
        }
    }

    fn accepts(value: &str) -> bool {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        accepts_gzip(&headers)
    }

    #[test]
    fn gzip_is_sent_only_where_the_browser_takes_it() {
        assert!(accepts("gzip, deflate, br, zstd"));
        assert!(accepts("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts("*"));
        assert!(!accepts("br"));
        assert!(!accepts("gzip;q=0"));
        assert!(!accepts("gzip; q=0.0, br"));
        assert!(!accepts("identity"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
