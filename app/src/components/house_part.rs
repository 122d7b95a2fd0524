//! Parts of shared pages that only the house's people are shown (the order
//! desk on an order page). The partners' bundle (`domain::bundles`) is built
//! without them: there `house_part` is always `None`, so their code is left
//! out, and a partner's page, which the server renders without them too,
//! hydrates the same.

/// `make()` when `wanted`, in the server and the whole bundle; nothing in the
/// partners' bundle.
#[inline(always)]
pub fn house_part<T>(wanted: bool, make: impl FnOnce() -> T) -> Option<T> {
    #[cfg(feature = "house-pages")]
    {
        wanted.then(make)
    }
    #[cfg(not(feature = "house-pages"))]
    {
        let _ = (wanted, make);
        None
    }
}
