//! Who hears of an order's business in the house.

use super::account::Role;
use super::approval::StaffLevel;

/// A house member who sells: staff at the sales level, or staff who were
/// given no level.
pub fn sells(role: Role, level: Option<StaffLevel>) -> bool {
    role == Role::Staff && matches!(level, None | Some(StaffLevel::Sales))
}

/// The house people a matter goes to: those among `house` who own it
/// (`owners`), otherwise the ones who sell (`sells`).
pub fn owners_else_sales<T>(
    house: Vec<T>,
    owners: &[i32],
    id_of: impl Fn(&T) -> i32,
    sells: impl Fn(&T) -> bool,
) -> Vec<T> {
    if house.iter().any(|p| owners.contains(&id_of(p))) {
        house
            .into_iter()
            .filter(|p| owners.contains(&id_of(p)))
            .collect()
    } else {
        house.into_iter().filter(|p| sells(p)).collect()
    }
}

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

    #[test]
    fn the_owners_else_the_sales_people() {
        let house = vec![(1, false), (2, true), (3, true)];
        let pick = |owners: &[i32]| owners_else_sales(house.clone(), owners, |p| p.0, |p| p.1);
        assert_eq!(pick(&[1]), vec![(1, false)]);
        assert_eq!(pick(&[]), vec![(2, true), (3, true)]);
        assert_eq!(pick(&[9]), vec![(2, true), (3, true)]);
        assert!(sells(Role::Staff, None));
        assert!(sells(Role::Staff, Some(StaffLevel::Sales)));
        assert!(!sells(Role::Staff, Some(StaffLevel::SalesManager)));
        assert!(!sells(Role::Admin, None));
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
