//! Who hears of an order's business in the house.

/// The house people a matter of one order goes to: the order's sales owner
/// when it has one among `house`, otherwise every one of them, so nothing
/// waits on an order nobody owns.
pub fn owner_else_all<T>(house: Vec<T>, owner: Option<i32>, id_of: impl Fn(&T) -> i32) -> Vec<T> {
    match owner {
        Some(owner) if house.iter().any(|p| id_of(p) == owner) => {
            house.into_iter().filter(|p| id_of(p) == owner).collect()
        }
        _ => house,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_owner_alone_when_the_order_has_one() {
        assert_eq!(owner_else_all(vec![1, 2, 3], Some(2), |p| *p), vec![2]);
    }

    #[test]
    fn everyone_when_the_order_has_no_owner_or_the_owner_left() {
        assert_eq!(owner_else_all(vec![1, 2, 3], None, |p| *p), vec![1, 2, 3]);
        assert_eq!(owner_else_all(vec![1, 3], Some(2), |p| *p), vec![1, 3]);
    }

    proptest! {
        #[test]
        fn someone_hears_whenever_anyone_can(
            house in proptest::collection::vec(0i32..20, 0..8),
            owner in proptest::option::of(0i32..20),
        ) {
            let chosen = owner_else_all(house.clone(), owner, |p| *p);
            prop_assert_eq!(chosen.is_empty(), house.is_empty());
            prop_assert!(chosen.iter().all(|p| house.contains(p)));
        }
    }
}
