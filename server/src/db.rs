//! Opening the database (SQLite file or PostgreSQL) and bringing its schema up to date.

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::pool::PoolOptions;
use sea_orm::sqlx::sqlite::{Sqlite, SqliteConnectOptions, SqliteConnection};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr, RuntimeErr};
use std::path::Path;
use std::time::Duration;

/// Connects, creating the SQLite file (and its folder) on first start, and
/// applies every pending migration.
///
/// By default the pool checks every connection it hands out with a round
/// trip, and every statement outside a transaction takes one: on SQLite a
/// wake-up of the driver's thread, as costly as the statement itself. A
/// connection to a SQLite file is a handle inside this process that nothing
/// outside can close, so it is not checked. A PostgreSQL connection may
/// have been closed by the server or something between; it is checked when
/// it has rested (`PG_CHECK_AFTER_REST`).
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let url = prepare_sqlite_url(url)?;
    let mut options = ConnectOptions::new(url.clone());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        options.test_before_acquire(false);
    } else {
        options.test_before_acquire_if_idle_for(PG_CHECK_AFTER_REST);
    }
    options
        .map_sqlx_sqlite_opts(mapped_reads)
        .map_sqlx_sqlite_pool_opts(planned_once);
    let db = Database::connect(options)
        .await
        .map_err(|e| without_password(&url, e))?;
    if url.starts_with("sqlite:") {
        // WAL lets readers proceed while a writer commits; it is a property of
        // the file, so setting it once per start is enough.
        db.execute_unprepared("PRAGMA journal_mode=WAL").await?;
    }
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// How long a PostgreSQL connection rests in the pool before it is checked
/// with a round trip as it is handed out.
///
/// A connection the server ended (a restart, `idle_session_timeout`, a
/// proxy or firewall closing quiet connections) is found so and replaced,
/// instead of failing the request given it. Checking every connection cost
/// each page one round trip per connection it took, to a server that may be
/// on another machine. Busy connections are handed out again within
/// milliseconds and go unchecked; one ended within its last second of rest
/// fails its request once, and the pool then drops it.
const PG_CHECK_AFTER_REST: Duration = Duration::from_secs(1);

/// Connections for the long aggregate reads (the KPIs, the at-risk board).
///
/// On a SQLite file these are a pool of their own, opened read-only: the
/// main pool is a single connection (so writes never meet a busy file), and
/// a report read through it would hold every other request up for its whole
/// run. Read-only connections read beside the writer (WAL) and beside each
/// other. Elsewhere (PostgreSQL, an in-memory SQLite) the main pool serves.
pub async fn connect_reports(
    url: &str,
    db: &DatabaseConnection,
) -> Result<DatabaseConnection, DbErr> {
    let url = prepare_sqlite_url(url)?;
    if !url.starts_with("sqlite:") || url.contains(":memory:") || url.contains("mode=memory") {
        return Ok(db.clone());
    }
    let mut options = ConnectOptions::new(url.clone());
    options
        .sqlx_logging(false)
        .max_connections(4)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .test_before_acquire(false)
        .map_sqlx_sqlite_opts(|o| mapped_reads(o).read_only(true))
        .map_sqlx_sqlite_pool_opts(planned_once);
    Database::connect(options)
        .await
        .map_err(|e| without_password(&url, e))
}

/// How much of a SQLite file each connection reads through a memory map.
///
/// Without a map, every page SQLite does not hold in its own small cache
/// (2 MB by default) is copied in from the operating system's file cache
/// with a system call; an aggregate over a large book spends most of its
/// time there. Through the map it reads the file cache in place. The map
/// is address space, not memory: only the pages read are resident, and they
/// are the file cache the system keeps anyway. The size is the most a
/// standard SQLite build maps (just under 2 GiB); of a larger file the rest
/// is read as before.
const SQLITE_MMAP_BYTES: &str = "2147418112";

/// Connection options with the file read through a memory map.
fn mapped_reads(options: SqliteConnectOptions) -> SqliteConnectOptions {
    options.pragma("mmap_size", SQLITE_MMAP_BYTES)
}

/// SQLite connections that plan a statement once, without looking at the
/// values bound to it.
///
/// By default SQLite's planner may read a bound value (a `LIMIT ?` among
/// them), and a statement it planned with one must be parsed and planned
/// again whenever a value is bound to it, although the driver keeps it
/// prepared: a factory's progress report did so 8 times. With the query
/// planner stability guarantee (`SQLITE_DBCONFIG_ENABLE_QPSG`) the plan
/// holds for any value. The planner loses nothing the portal uses: it keeps
/// no statistics of values (no `ANALYZE`), and no `LIKE` pattern is a bound
/// prefix to look up in an index.
fn planned_once(pool: PoolOptions<Sqlite>) -> PoolOptions<Sqlite> {
    pool.after_connect(|conn, _| {
        Box::pin(async move {
            match plans_for_any_value(conn, true).await? {
                true => Ok(()),
                false => Err(sea_orm::sqlx::Error::Configuration(
                    "SQLite refused a stable query plan".into(),
                )),
            }
        })
    })
}

/// Sets (with `set`) or only reads whether `conn` plans its statements for
/// any bound value; answers the setting as SQLite now holds it.
async fn plans_for_any_value(
    conn: &mut SqliteConnection,
    set: bool,
) -> Result<bool, sea_orm::sqlx::Error> {
    use libsqlite3_sys::{SQLITE_DBCONFIG_ENABLE_QPSG, SQLITE_OK, sqlite3_db_config};
    use std::ffi::c_int;
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    let mut now: c_int = -1;
    let wanted: c_int = if set { 1 } else { -1 };
    // SAFETY: `db` is this connection's open handle, held locked for the
    // call; this option takes an int (negative: leave it) and a pointer to
    // an int that SQLite writes the setting to.
    let rc = unsafe {
        sqlite3_db_config(
            db,
            SQLITE_DBCONFIG_ENABLE_QPSG,
            wanted,
            &mut now as *mut c_int,
        )
    };
    if rc != SQLITE_OK {
        return Err(sea_orm::sqlx::Error::Configuration(
            format!("SQLite refused its query planner setting ({rc})").into(),
        ));
    }
    Ok(now == 1)
}

/// `error` with the password of `url` hidden: the driver quotes the whole
/// URL when it cannot parse it, and may quote the password alone, and the
/// error ends up in the log.
fn without_password(url: &str, error: DbErr) -> DbErr {
    let hide = |text: &str| crate::secrets::hide_password(url, text);
    match error {
        DbErr::Conn(RuntimeErr::Internal(message)) => {
            DbErr::Conn(RuntimeErr::Internal(hide(&message)))
        }
        DbErr::Custom(message) => DbErr::Custom(hide(&message)),
        other => {
            let shown = other.to_string();
            let hidden = hide(&shown);
            if hidden == shown {
                other
            } else {
                DbErr::Custom(hidden)
            }
        }
    }
}

/// For a SQLite file URL: makes sure the folder exists and that the file is
/// created if missing (`mode=rwc`). Other URLs pass through untouched.
fn prepare_sqlite_url(url: &str) -> Result<String, DbErr> {
    let Some(rest) = url.strip_prefix("sqlite:") else {
        return Ok(url.to_string());
    };
    let rest = rest.trim_start_matches("//");
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    if path.is_empty() || path == ":memory:" {
        return Ok(url.to_string());
    }
    if let Some(parent) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|e| {
            DbErr::Custom(format!(
                "cannot create the database folder {}: {e}",
                parent.display()
            ))
        })?;
    }
    let has_mode = query.is_some_and(|q| q.split('&').any(|p| p.starts_with("mode=")));
    Ok(match (query, has_mode) {
        (_, true) => url.to_string(),
        (Some(_), false) => format!("{url}&mode=rwc"),
        (None, false) => format!("{url}?mode=rwc"),
    })
}

#[cfg(test)]
mod tests {
    use super::{
        DbErr, RuntimeErr, SQLITE_MMAP_BYTES, connect_and_migrate, connect_reports,
        plans_for_any_value, prepare_sqlite_url, without_password,
    };
    use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

    async fn mmap_size(db: &DatabaseConnection) -> i64 {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "PRAGMA mmap_size",
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get_by_index(0).unwrap()
    }

    /// Both pools over a new SQLite file in a folder of its own (`name`),
    /// which the caller removes.
    async fn both_pools(
        name: &str,
    ) -> (std::path::PathBuf, DatabaseConnection, DatabaseConnection) {
        let dir = std::env::temp_dir().join(format!("portal-db-{name}-{}", std::process::id()));
        let url = format!("sqlite://{}", dir.join("portal.db").display());
        let db = connect_and_migrate(&url).await.unwrap();
        let reports = connect_reports(&url, &db).await.unwrap();
        (dir, db, reports)
    }

    #[tokio::test]
    async fn both_pools_read_a_sqlite_file_through_a_memory_map() {
        let (dir, db, reports) = both_pools("mmap").await;
        let wanted: i64 = SQLITE_MMAP_BYTES.parse().unwrap();
        assert_eq!(mmap_size(&db).await, wanted);
        assert_eq!(mmap_size(&reports).await, wanted);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn neither_sqlite_pool_checks_a_connection_it_hands_out() {
        let (dir, db, reports) = both_pools("ping").await;
        for pool in [&db, &reports] {
            let options = pool.get_sqlite_connection_pool().options();
            assert!(!options.get_test_before_acquire());
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn every_sqlite_connection_plans_its_statements_for_any_bound_value() {
        let (dir, db, reports) = both_pools("plan").await;
        for pool in [&db, &reports] {
            let mut conn = pool.get_sqlite_connection_pool().acquire().await.unwrap();
            assert!(plans_for_any_value(&mut conn, false).await.unwrap());
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn sqlite_files_are_created_when_missing() {
        let dir = std::env::temp_dir().join(format!("portal-db-test-{}", std::process::id()));
        let file = dir.join("nested/portal.db");
        let url = format!("sqlite://{}", file.display());
        assert_eq!(prepare_sqlite_url(&url).unwrap(), format!("{url}?mode=rwc"));
        assert!(file.parent().unwrap().is_dir());
        let with_query = format!("{url}?cache=shared");
        assert_eq!(
            prepare_sqlite_url(&with_query).unwrap(),
            format!("{with_query}&mode=rwc")
        );
        let explicit = format!("{url}?mode=ro");
        assert_eq!(prepare_sqlite_url(&explicit).unwrap(), explicit);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn other_urls_are_untouched() {
        for url in ["postgres://u:p@localhost/portal", "sqlite::memory:"] {
            assert_eq!(prepare_sqlite_url(url).unwrap(), url);
        }
    }

    #[tokio::test]
    async fn an_unparsable_url_is_reported_without_its_password() {
        // An unencoded `#` ends the authority early: the URL cannot be parsed.
        let url = "postgres://portal:pa#ssword@db.example.com/portal";
        let Err(error) = connect_and_migrate(url).await else {
            panic!("{url} cannot be opened");
        };
        let message = error.to_string();
        assert!(!message.contains("pa#ssword"), "{message}");
        assert!(message.contains("portal:***@db.example.com"), "{message}");
    }

    #[test]
    fn a_password_quoted_on_its_own_is_hidden_too() {
        let url = "postgres://portal:s%23cret-pw@db.example.com/portal?sslmode=require";
        let quoted = DbErr::Conn(RuntimeErr::Internal(format!(
            "cannot use s#cret-pw (s%23cret-pw) with {url}"
        )));
        let shown = without_password(url, quoted).to_string();
        assert!(!shown.contains("cret-pw"), "{shown}");
        assert!(shown.contains("portal:***@db.example.com"), "{shown}");

        let url = "postgres://db.example.com/portal?password=hunter2-hunter2";
        let custom = DbErr::Custom("refused password=hunter2-hunter2".into());
        let shown = without_password(url, custom).to_string();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("password=***"), "{shown}");

        // An error that quotes nothing of the URL stays as it was.
        let plain = without_password(url, DbErr::RecordNotFound("order 7".into()));
        assert!(matches!(plain, DbErr::RecordNotFound(_)), "{plain}");
        let sqlite = "sqlite://data/portal.db?mode=rwc";
        let plain = without_password(sqlite, DbErr::Custom("disk full".into()));
        assert_eq!(plain.to_string(), "Custom Error: disk full");
    }
}
