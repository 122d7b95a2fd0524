//! Repository functions: every query the server functions need, one module per
//! table group. Tenant-scoped reads take the actor's company so a forgotten
//! policy check still cannot return another company's rows.

pub mod changes;
pub mod companies;
pub mod complaint_kpi;
pub mod complaint_list;
pub mod credit;
pub mod files;
pub mod fulfilment;
pub mod glance;
pub mod kpi;
pub mod notifications;
pub mod orders;
pub mod progress;
pub mod purchase_orders;
pub mod quotations;
pub mod quote_kpi;
pub mod throttles;
pub mod tokens;
pub mod two_factor;
pub mod users;

/// Ids to look up, each once, ascending: a lookup by a list of ids asks
/// for each row once however often it is referred to.
pub fn distinct_ids(ids: impl IntoIterator<Item = i32>) -> Vec<i32> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_to_look_up_come_each_once_in_order() {
        assert_eq!(super::distinct_ids([7, 3, 7, 1, 3]), vec![1, 3, 7]);
        assert!(super::distinct_ids([]).is_empty());
    }

    /// A connection to no database: any read through it fails.
    fn nowhere() -> sea_orm::DatabaseConnection {
        sea_orm::DatabaseConnection::default()
    }

    #[tokio::test]
    async fn nothing_to_look_up_is_not_read() {
        let db = nowhere();
        assert!(super::orders::by_ids(&db, &[]).await.unwrap().is_empty());
        assert!(super::orders::lines_of(&db, &[]).await.unwrap().is_empty());
        assert!(
            super::orders::lines_by_ids(&db, &[])
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            super::progress::filled_lines(&db, &[])
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            super::purchase_orders::placed_lines(&db, &[])
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            super::progress::newest_of_lines(&db, &[], 21)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            super::files::of_owners(&db, "shipment", &[])
                .await
                .unwrap()
                .is_empty()
        );
        assert!(super::files::by_ids(&db, &[]).await.unwrap().is_empty());
        assert!(super::users::by_ids(&db, &[]).await.unwrap().is_empty());
        assert!(
            super::companies::names_of(&db, [])
                .await
                .unwrap()
                .is_empty()
        );
    }
}
