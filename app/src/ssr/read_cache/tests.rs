use super::*;
use crate::domain::account::Role;

fn person(user_id: i32) -> CurrentUser {
    CurrentUser {
        session_id: 1,
        user_id,
        company_id: 1,
        company_name: String::new(),
        company_city: String::new(),
        role: Role::Customer,
        email: String::new(),
        display_name: String::new(),
        locale: crate::i18n::Locale::default(),
        time_zone: crate::domain::time_zone::Zone::parse_or_utc("UTC"),
    }
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
}

async fn read(cache: &ReadCache, user: i32, args: i32, counter: &AtomicU64) -> u64 {
    cache
        .remember("test", &person(user), day(), None, args, || async {
            Ok::<_, ApiError>(counter.fetch_add(1, Ordering::SeqCst))
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_read_is_served_again_until_something_is_written() {
    let cache = ReadCache::new(16);
    let loads = AtomicU64::new(0);
    assert_eq!(read(&cache, 1, 7, &loads).await, 0);
    assert_eq!(read(&cache, 1, 7, &loads).await, 0);
    assert_eq!(loads.load(Ordering::SeqCst), 1);
    cache.bump();
    assert_eq!(read(&cache, 1, 7, &loads).await, 1);
    assert_eq!(loads.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn each_viewer_and_argument_has_its_own_read() {
    let cache = ReadCache::new(16);
    let loads = AtomicU64::new(0);
    read(&cache, 1, 7, &loads).await;
    read(&cache, 2, 7, &loads).await;
    read(&cache, 1, 8, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 3);
    assert_eq!(cache.len(), 3);
}

#[tokio::test]
async fn a_read_during_a_write_is_not_kept() {
    let cache = ReadCache::new(16);
    let value = cache
        .remember("test", &person(1), day(), None, 1, || async {
            // A write commits while this read runs.
            cache.bump();
            Ok::<_, ApiError>(5)
        })
        .await
        .unwrap();
    assert_eq!(value, 5);
    assert!(cache.is_empty());
}

#[tokio::test]
async fn refusals_are_not_kept_and_capacity_zero_keeps_nothing() {
    let cache = ReadCache::new(16);
    let refused: Result<i32, _> = cache
        .remember("test", &person(1), day(), None, 1, || async {
            Err(ApiError::NotFound)
        })
        .await;
    assert!(refused.is_err());
    assert!(cache.is_empty());
    let off = ReadCache::new(0);
    let loads = AtomicU64::new(0);
    read(&off, 1, 1, &loads).await;
    read(&off, 1, 1, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 2);
}

#[test]
fn a_session_is_kept_until_something_is_written() {
    let cache = ReadCache::new(4);
    let mark = cache.session_mark();
    assert_eq!(cache.session::<u32>("abc"), None);
    cache.keep_session("abc".to_string(), mark, 1, 7u32);
    assert_eq!(cache.session::<u32>("abc"), Some(7));
    assert_eq!(cache.session::<u32>("abd"), None);
    cache.bump();
    assert_eq!(cache.session::<u32>("abc"), None);
    // Read before the write: not kept.
    cache.keep_session("abc".to_string(), mark, 1, 8u32);
    assert_eq!(cache.session::<u32>("abc"), None);
    let off = ReadCache::new(0);
    off.keep_session("abc".to_string(), off.session_mark(), 1, 7u32);
    assert_eq!(off.session::<u32>("abc"), None);
}

async fn read_of(cache: &ReadCache, part: Scope, counter: &AtomicU64) -> u64 {
    cache
        .remember("test", &person(1), day(), Some(part), part, || async {
            Ok::<_, ApiError>(counter.fetch_add(1, Ordering::SeqCst))
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_write_to_one_part_drops_only_what_shows_it() {
    let cache = ReadCache::new(16);
    let loads = AtomicU64::new(0);
    let (mine, other) = (Scope::Order(1), Scope::Order(2));
    read_of(&cache, mine, &loads).await;
    read(&cache, 1, 7, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 2);
    cache.bump_parts(&[other]);
    // The read of order 1 stays; the read of anything goes.
    read_of(&cache, mine, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 2);
    read(&cache, 1, 7, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 3);
    cache.bump_parts(&[Scope::Customer(9), mine]);
    read_of(&cache, mine, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 4);
    // A write that names nothing drops every part.
    cache.bump();
    read_of(&cache, mine, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 5);
}

#[tokio::test]
async fn a_write_to_an_order_s_production_keeps_its_shipping_and_conversation() {
    let cache = ReadCache::new(16);
    let loads = AtomicU64::new(0);
    // Reads each part of order 4; how many of them were made again.
    let reread = async |written: &[Scope]| {
        cache.bump_parts(written);
        let before = loads.load(Ordering::SeqCst);
        for part in [Scope::Order(4), Scope::Shipping(4), Scope::Talk(4)] {
            read_of(&cache, part, &loads).await;
        }
        loads.load(Ordering::SeqCst) - before
    };
    assert_eq!(reread(&[]).await, 3);
    // A factory's report: the order whole is read again, nothing else.
    assert_eq!(reread(&[Scope::Production(4)]).await, 1);
    // A message: the order whole and its conversation.
    assert_eq!(reread(&[Scope::Talk(4)]).await, 2);
    // A write of the whole order: every part of it.
    assert_eq!(reread(&[Scope::Order(4)]).await, 3);
    // Another order's: none.
    assert_eq!(reread(&[Scope::Order(5)]).await, 0);
}

#[test]
fn a_page_of_two_parts_goes_with_a_write_to_either_and_stays_otherwise() {
    let cache = ReadCache::new(16);
    let (order, viewer) = (Scope::Order(12), Scope::Person(31));
    let kept = |cache: &ReadCache| {
        cache.keep_page(
            "page".to_string(),
            cache.generation(),
            cache.stamp_parts(&[order, viewer]),
            1u8,
        )
    };
    kept(&cache);
    cache.bump_parts(&[Scope::Order(13), Scope::Person(32)]);
    assert!(
        cache.page::<u8>("page").is_some(),
        "others' parts dropped it"
    );
    cache.bump_parts(&[viewer]);
    assert!(
        cache.page::<u8>("page").is_none(),
        "its viewer's part kept it"
    );
    kept(&cache);
    cache.bump_parts(&[order]);
    assert!(cache.page::<u8>("page").is_none(), "its order kept it");
}

#[tokio::test]
async fn a_read_of_a_part_during_a_write_to_it_is_not_kept() {
    let cache = ReadCache::new(16);
    let part = Scope::Factory(3);
    cache
        .remember("test", &person(1), day(), Some(part), 1, || async {
            cache.bump_parts(&[part]);
            Ok::<_, ApiError>(5)
        })
        .await
        .unwrap();
    assert!(cache.is_empty());
}

#[test]
fn a_session_outlives_writes_that_name_their_parts() {
    let cache = ReadCache::new(4);
    cache.keep_session("abc".to_string(), cache.session_mark(), 1, 7u32);
    cache.bump_parts(&[Scope::Order(1), Scope::Factory(2), Scope::Person(2)]);
    assert_eq!(cache.session::<u32>("abc"), Some(7));
    cache.bump();
    assert_eq!(cache.session::<u32>("abc"), None);
}

#[test]
fn a_write_naming_its_person_drops_a_session_and_one_during_its_read_leaves_it_out() {
    let cache = ReadCache::new(4);
    cache.keep_session("abc".to_string(), cache.session_mark(), 1, 7u32);
    cache.keep_session("xyz".to_string(), cache.session_mark(), 2, 9u32);
    cache.bump_parts(&[Scope::Person(1)]);
    assert_eq!(cache.session::<u32>("abc"), None);
    assert_eq!(cache.session::<u32>("xyz"), Some(9));
    // Whose session it is is known only after the read: any write while
    // it was read, even of another part, leaves it out.
    let mark = cache.session_mark();
    cache.bump_parts(&[Scope::Order(5)]);
    cache.keep_session("abc".to_string(), mark, 1, 8u32);
    assert_eq!(cache.session::<u32>("abc"), None);
    cache.keep_session("abc".to_string(), cache.session_mark(), 1, 8u32);
    assert_eq!(cache.session::<u32>("abc"), Some(8));
}

#[test]
fn a_notice_drops_what_it_names_unless_this_instance_sent_it() {
    let here = ReadCache::new(4);
    let other = ReadCache::new(4);
    assert_ne!(here.origin, other.origin);
    let seen = |cache: &ReadCache| (cache.generation(), cache.stamp(Some(Scope::Order(12))));
    let (generation, stamp) = seen(&here);
    here.hear(&here.origin);
    here.hear(&format!("{} o12", here.origin));
    assert_eq!(here.generation(), generation);
    assert!(here.fresh(&stamp));
    here.hear(&format!("{} o12 c4", other.origin));
    assert_eq!(here.generation(), generation);
    assert!(!here.fresh(&stamp));
    here.hear(&other.origin);
    assert_eq!(here.generation(), generation + 1);
    // A notice without a sender is another's; unreadable means anything.
    here.hear("o12 x3");
    assert_eq!(here.generation(), generation + 2);
}

#[test]
fn a_notice_of_no_part_drops_only_what_names_none() {
    let here = ReadCache::new(4);
    let other = ReadCache::new(4);
    let generation = here.generation();
    let (part, any) = (here.stamp(Some(Scope::Order(12))), here.stamp(None));
    here.hear(&format!("{} {NO_PART}", other.origin));
    assert_eq!(here.generation(), generation, "sessions stay");
    assert!(here.fresh(&part), "a part's read stays");
    assert!(!here.fresh(&any), "a read of no part goes");
}

#[test]
fn a_notice_names_parts_or_means_anything() {
    assert_eq!(parts_of_notice(""), None);
    assert_eq!(parts_of_notice(NO_PART), Some(Vec::new()));
    assert_eq!(parts_of_notice("o12 -"), None);
    assert_eq!(parts_of_notice("o12 x3"), None);
    assert_eq!(
        parts_of_notice("o12 c4 f7 p9"),
        Some(vec![
            Scope::Order(12),
            Scope::Customer(4),
            Scope::Factory(7),
            Scope::Person(9)
        ])
    );
}

#[tokio::test]
async fn the_least_recently_used_read_goes_first() {
    let cache = ReadCache::new(2);
    let loads = AtomicU64::new(0);
    read(&cache, 1, 1, &loads).await;
    read(&cache, 1, 2, &loads).await;
    read(&cache, 1, 1, &loads).await;
    read(&cache, 1, 3, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 3);
    // 2 went, 1 stayed.
    read(&cache, 1, 1, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 3);
    read(&cache, 1, 2, &loads).await;
    assert_eq!(loads.load(Ordering::SeqCst), 4);
}

/// A read that waits until `go` is told, counting itself.
async fn slow_read(
    cache: &ReadCache,
    part: Option<Scope>,
    go: &tokio::sync::Notify,
    counter: &AtomicU64,
) -> Result<u64, ApiError> {
    cache
        .remember("test", &person(1), day(), part, 7, || async {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            go.notified().await;
            Ok::<_, ApiError>(n)
        })
        .await
}

#[tokio::test]
async fn reads_of_one_key_at_once_read_once() {
    let cache = ReadCache::new(16);
    let loads = AtomicU64::new(0);
    let go = tokio::sync::Notify::new();
    let first = slow_read(&cache, None, &go, &loads);
    let second = slow_read(&cache, None, &go, &loads);
    let open = async {
        tokio::task::yield_now().await;
        go.notify_waiters();
    };
    let (first, second, ()) = tokio::join!(first, second, open);
    assert_eq!((first.unwrap(), second.unwrap()), (0, 0));
    assert_eq!(loads.load(Ordering::SeqCst), 1);
    assert!(lock(&cache.flights).is_empty(), "the flight landed");
    assert_eq!(cache.len(), 1);
}

#[tokio::test]
async fn a_read_beginning_after_a_write_does_not_wait_for_one_from_before() {
    let cache = ReadCache::new(16);
    let loads = AtomicU64::new(0);
    let go = tokio::sync::Notify::new();
    let part = Scope::Order(3);
    let before = slow_read(&cache, Some(part), &go, &loads);
    let after = async {
        tokio::task::yield_now().await;
        // The order is written while the first read is under way.
        cache.bump_parts(&[part]);
        slow_read(&cache, Some(part), &go, &loads).await
    };
    let open = async {
        for _ in 0..4 {
            tokio::task::yield_now().await;
        }
        go.notify_waiters();
    };
    let (before, after, ()) = tokio::join!(before, after, open);
    assert_eq!((before.unwrap(), after.unwrap()), (0, 1));
    assert_eq!(loads.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn when_the_first_read_fails_the_one_waiting_reads_itself() {
    let cache = ReadCache::new(16);
    let go = tokio::sync::Notify::new();
    let viewer = person(1);
    let failing = cache.remember("test", &viewer, day(), None, 7, || async {
        go.notified().await;
        Err::<u64, _>(ApiError::Unavailable)
    });
    let waiting = cache.remember("test", &viewer, day(), None, 7, || async {
        Ok::<u64, ApiError>(9)
    });
    let open = async {
        tokio::task::yield_now().await;
        go.notify_waiters();
    };
    let (failing, waiting, ()) = tokio::join!(failing, waiting, open);
    assert!(failing.is_err());
    assert_eq!(waiting.unwrap(), 9);
    assert!(lock(&cache.flights).is_empty());
    // The answer read in the failed one's place is kept.
    let again = cache.remember("test", &viewer, day(), None, 7, || async {
        Ok::<u64, ApiError>(10)
    });
    assert_eq!(again.await.unwrap(), 9);
}

#[tokio::test]
async fn when_the_first_reader_goes_away_the_next_reads_keeps_and_lands() {
    let cache = ReadCache::new(16);
    let viewer = person(1);
    let never = tokio::sync::Notify::new();
    let mut gone = Box::pin(cache.remember("test", &viewer, day(), None, 7, || async {
        never.notified().await;
        Ok::<u64, ApiError>(1)
    }));
    // It begins to read, then its request goes away mid-read.
    tokio::select! {
        biased;
        _ = &mut gone => panic!("the read never ends"),
        () = std::future::ready(()) => {}
    }
    drop(gone);
    assert_eq!(
        lock(&cache.flights).len(),
        1,
        "the flight was left on the board"
    );
    let next = cache.remember("test", &viewer, day(), None, 7, || async {
        Ok::<u64, ApiError>(9)
    });
    assert_eq!(next.await.unwrap(), 9);
    assert!(lock(&cache.flights).is_empty(), "the flight landed");
    let again = cache.remember("test", &viewer, day(), None, 7, || async {
        Ok::<u64, ApiError>(10)
    });
    assert_eq!(again.await.unwrap(), 9, "the answer was kept");
}
