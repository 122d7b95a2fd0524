//! Which pages may be kept whole between writes: the ones customers and
//! factories open all day, whose HTML depends only on the data, the viewer
//! and the day (no clock on them ticks by the minute, nothing on them is
//! about the request beyond its address). Everything else is rendered anew
//! every time.

/// Whether the page at `path` may be kept: a customer's first page and
/// order pages, a factory's line list.
pub fn kept_page(path: &str) -> bool {
    match path {
        "/customer" | "/supplier" => true,
        _ => path.strip_prefix("/customer/orders/").is_some_and(|id| {
            !id.is_empty() && id.len() <= 10 && id.bytes().all(|b| b.is_ascii_digit())
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_pages_opened_all_day_are_kept_and_nothing_else() {
        assert!(kept_page("/customer"));
        assert!(kept_page("/customer/orders/12497"));
        assert!(kept_page("/supplier"));
        for other in [
            "/customer/",
            "/customer/orders",
            "/customer/orders/",
            "/customer/orders/12/confirmation",
            "/customer/orders/x1",
            "/customer/complaints",
            "/supplier/lines/3",
            "/staff",
            "/staff/orders/3",
            "/account",
            "/",
        ] {
            assert!(!kept_page(other), "{other}");
        }
    }

    proptest! {
        #[test]
        fn only_the_three_shapes_are_kept(path in ".{0,40}") {
            let shape = path == "/customer"
                || path == "/supplier"
                || path
                    .strip_prefix("/customer/orders/")
                    .is_some_and(|id| (1..=10).contains(&id.len()) && id.chars().all(|c| c.is_ascii_digit()));
            prop_assert_eq!(kept_page(&path), shape);
        }
    }
}
