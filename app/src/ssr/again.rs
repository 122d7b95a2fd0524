//! Writes the database refused to end a deadlock are made again.
//!
//! On PostgreSQL two transactions can each hold a row the other waits for:
//! two factory reports that move several orders of one customer, which take
//! the customer's tallies (migration 35) in opposite order, or a report and
//! another write to one of its orders. PostgreSQL ends the wait by refusing
//! one of them (SQLSTATE `40P01`, or `40001` for a serialization failure),
//! and nothing of the refused one is written. [`again_when_refused`] makes
//! such a write again from its beginning, reading anew what it read, a few
//! times before it gives the person the error.
//!
//! Every database error becomes `ApiError::Unavailable` where `?` meets it
//! (`wire::error`), deep inside the write; the conversion calls [`note`],
//! which marks the attempt as refused when the error was one of these. The
//! mark lives only as long as one attempt, in a task-local value.

use std::cell::Cell;
use std::future::Future;

use sea_orm::{DbErr, RuntimeErr};

use crate::wire::ApiError;

/// How many times a write is made at most, the first included.
pub const ATTEMPTS: u32 = 3;

tokio::task_local! {
    /// Whether the database refused the attempt under way to end a wait.
    static REFUSED: Cell<bool>;
}

/// Marks the attempt under way as refused when `cause` is the database
/// refusing it to end a deadlock or a serialization failure; says whether
/// it did (outside an attempt there is nothing to make again).
pub fn note(cause: &DbErr) -> bool {
    asks_to_try_again(cause) && mark_refused()
}

fn mark_refused() -> bool {
    REFUSED.try_with(|refused| refused.set(true)).is_ok()
}

/// Whether the database refused a statement so that it can be made again:
/// PostgreSQL's deadlock (`40P01`) and serialization failure (`40001`).
pub fn asks_to_try_again(cause: &DbErr) -> bool {
    let (DbErr::Exec(RuntimeErr::SqlxError(error))
    | DbErr::Query(RuntimeErr::SqlxError(error))
    | DbErr::Conn(RuntimeErr::SqlxError(error))) = cause
    else {
        return false;
    };
    let sea_orm::sqlx::Error::Database(error) = error.as_ref() else {
        return false;
    };
    error.code().is_some_and(|code| is_try_again(&code))
}

/// The SQLSTATE codes that ask for the transaction to be made again.
fn is_try_again(code: &str) -> bool {
    matches!(code, "40P01" | "40001")
}

/// Makes the write `attempt` (which begins its own unit of work) and makes
/// it again, up to [`ATTEMPTS`] times in all, while it fails because the
/// database refused it to end a wait. Any other outcome is returned as it
/// is.
pub async fn again_when_refused<T, F, Fut>(mut attempt: F) -> Result<T, ApiError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let mut made = 0;
    loop {
        made += 1;
        let (outcome, refused) = REFUSED
            .scope(Cell::new(false), async {
                let outcome = attempt().await;
                (outcome, REFUSED.with(Cell::get))
            })
            .await;
        if outcome.is_err() && refused && made < ATTEMPTS {
            tracing::warn!(
                made,
                "the database refused a write to end a wait; made again"
            );
            continue;
        }
        return outcome;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An attempt that fails as refused its first `refusals` times, then
    /// succeeds; counts the attempts made.
    async fn run(refusals: u32) -> (Result<u32, ApiError>, u32) {
        let made = Cell::new(0);
        let outcome = again_when_refused(|| async {
            made.set(made.get() + 1);
            if made.get() <= refusals {
                assert!(mark_refused());
                return Err(ApiError::Unavailable);
            }
            Ok(made.get())
        })
        .await;
        (outcome, made.get())
    }

    #[tokio::test]
    async fn a_refused_write_is_made_again_until_it_lands() {
        assert_eq!(run(0).await, (Ok(1), 1));
        assert_eq!(run(1).await, (Ok(2), 2));
        assert_eq!(run(ATTEMPTS - 1).await, (Ok(ATTEMPTS), ATTEMPTS));
    }

    #[tokio::test]
    async fn a_write_refused_every_time_gives_up_after_the_last_attempt() {
        assert_eq!(run(ATTEMPTS).await, (Err(ApiError::Unavailable), ATTEMPTS));
    }

    /// A write that fails with `error` every time, the database refusing
    /// none of its attempts; counts the attempts made.
    async fn failing(error: ApiError) -> (Result<(), ApiError>, u32) {
        let made = Cell::new(0);
        let outcome = again_when_refused(|| async {
            made.set(made.get() + 1);
            Err(error.clone())
        })
        .await;
        (outcome, made.get())
    }

    #[tokio::test]
    async fn any_other_failure_is_returned_at_once() {
        for error in [ApiError::NotFound, ApiError::Unavailable] {
            assert_eq!(failing(error.clone()).await, (Err(error), 1));
        }
    }

    #[tokio::test]
    async fn a_refusal_outside_an_attempt_marks_nothing() {
        assert!(!mark_refused());
        // The next attempt starts unmarked: its failure is returned at once.
        assert_eq!(
            failing(ApiError::Unavailable).await,
            (Err(ApiError::Unavailable), 1)
        );
    }

    #[test]
    fn only_deadlocks_and_serialization_failures_ask_to_try_again() {
        assert!(is_try_again("40P01"));
        assert!(is_try_again("40001"));
        for other in ["23505", "23503", "57014", "55P03", "40002", "", "5"] {
            assert!(!is_try_again(other), "{other}");
        }
        assert!(!asks_to_try_again(&DbErr::RecordNotFound("order".into())));
    }
}
