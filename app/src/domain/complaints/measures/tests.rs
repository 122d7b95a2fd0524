use super::*;
use proptest::prelude::*;

#[test]
fn complaints_per_hundred_lines() {
    assert_eq!(complaint_rate(0, 0), None);
    assert_eq!(complaint_rate(3, 0), None);
    assert_eq!(complaint_rate(0, 40), Some(0.0));
    assert_eq!(complaint_rate(3, 200), Some(1.5));
    assert_eq!(complaint_rate(5, 4), Some(125.0));
}

#[test]
fn clocks_kept() {
    assert_eq!(
        ClockResult::of(&[]),
        ClockResult {
            count: 0,
            met: 0,
            median_minutes: None
        }
    );
    assert_eq!(ClockResult::of(&[]).share_met(), None);
    let first_answers = [(60, 35), (60, 60), (60, 61), (60, 240)];
    let result = ClockResult::of(&first_answers);
    assert_eq!(
        result,
        ClockResult {
            count: 4,
            met: 2,
            median_minutes: Some(60)
        }
    );
    assert_eq!(result.share_met(), Some(50.0));
    assert_eq!(result.rate(), Rate { hits: 2, total: 4 });
    let odd = ClockResult::of(&[(1_440, 900), (1_440, 10), (60, 70)]);
    assert_eq!((odd.met, odd.median_minutes), (2, Some(70)));
}

proptest! {
    #[test]
    fn results_stay_in_bounds(
        results in proptest::collection::vec((0u32..5_000, -10i64..10_000), 0..50),
    ) {
        let result = ClockResult::of(&results);
        prop_assert_eq!(result.count, results.len() as u64);
        prop_assert!(result.met <= result.count);
        match result.median_minutes {
            None => {
                prop_assert!(results.is_empty());
            }
            Some(median) => {
                prop_assert!(results.iter().any(|(_, actual)| *actual == median));
                let share = result.share_met().unwrap();
                prop_assert!((0.0..=100.0).contains(&share));
            }
        }
    }

    #[test]
    fn the_rate_is_a_share_of_the_lines(complaints in 0u32..1_000, lines in 1u32..1_000) {
        let rate = complaint_rate(complaints, lines).unwrap();
        prop_assert!(rate >= 0.0);
        prop_assert_eq!(rate <= 100.0, complaints <= lines);
    }
}
