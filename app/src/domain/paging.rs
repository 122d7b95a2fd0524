//! Long histories shown a page at a time, newest first: a factory line's
//! reports and an order's timeline. A page is read as one row more than it
//! shows, newest first, from where it starts; the extra row only tells that
//! there are older ones, and the next page starts before the oldest shown.

/// How many entries of an order's timeline its page shows, and how many
/// the timeline's own page shows at a time. Every factory report that moves
/// a forecast adds an entry, so an order followed for months would carry
/// them all in its page.
pub const TIMELINE_SHOWN: usize = 50;

/// The entries shown out of the newest ones read (newest first, up to
/// `shown + 1` of them), and whether there are more.
pub fn newest_shown<T>(mut newest_first: Vec<T>, shown: usize) -> (Vec<T>, bool) {
    let more = newest_first.len() > shown;
    newest_first.truncate(shown);
    (newest_first, more)
}

/// One page out of the entries read from where it starts (newest first, up
/// to `shown + 1` of them), and the entry the next (older) page starts
/// before, if there are older ones: the oldest one shown.
pub fn newest_page<T>(
    newest_first: Vec<T>,
    shown: usize,
    id: impl Fn(&T) -> i32,
) -> (Vec<T>, Option<i32>) {
    let (page, more) = newest_shown(newest_first, shown);
    let older = if more { page.last().map(id) } else { None };
    (page, older)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_page_read_one_longer_than_it_shows_leads_to_older_entries() {
        assert_eq!(
            newest_page(vec![9, 7, 4], 2, |id| *id),
            (vec![9, 7], Some(7))
        );
        assert_eq!(newest_page(vec![9, 7], 2, |id| *id), (vec![9, 7], None));
        assert_eq!(newest_page(Vec::<i32>::new(), 2, |id| *id), (vec![], None));
        assert_eq!(newest_shown(vec![3, 2, 1], 2), (vec![3, 2], true));
        assert_eq!(newest_shown(vec![3], 2), (vec![3], false));
    }

    proptest! {
        /// A page shows the newest entries read, in their order, at most
        /// `shown`, and says there are more exactly when more were read.
        #[test]
        fn a_page_shows_the_newest_read_and_says_when_there_are_more(
            read in proptest::collection::vec(0u32..1000, 0..80),
            shown in 0usize..60,
        ) {
            let (page, more) = newest_shown(read.clone(), shown);
            prop_assert_eq!(page.len(), read.len().min(shown));
            prop_assert_eq!(&page[..], &read[..page.len()]);
            prop_assert_eq!(more, read.len() > shown);
        }

        /// Following each page's `older` from the newest page shows every
        /// entry once, newest first, and no page more than it may show.
        #[test]
        fn following_the_pages_shows_every_entry_once_newest_first(
            entries in 0i32..300,
            shown in 1usize..60,
        ) {
            // Ids 1..=entries, as the database numbers them.
            let mut seen = Vec::new();
            let mut before: Option<i32> = None;
            loop {
                let read: Vec<i32> = (1..=entries)
                    .rev()
                    .filter(|id| before.is_none_or(|b| *id < b))
                    .take(shown + 1)
                    .collect();
                let (page, older) = newest_page(read, shown, |id| *id);
                prop_assert!(page.len() <= shown);
                prop_assert!(!page.is_empty() || seen.is_empty());
                seen.extend(page);
                match older {
                    Some(id) => {
                        prop_assert_eq!(Some(&id), seen.last());
                        before = Some(id);
                    }
                    None => break,
                }
            }
            let all: Vec<i32> = (1..=entries).rev().collect();
            prop_assert_eq!(seen, all);
        }
    }
}
