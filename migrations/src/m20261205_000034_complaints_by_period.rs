//! A factory's scorecard counts the period's complaints about its goods,
//! the customer's first page looks for the remedies it has to answer, and
//! the complaint list shows the open complaints and then the closed ones a
//! page at a time, newest first. Complaints were indexed by customer, by
//! factory and by step alone: the scorecard read every complaint ever
//! passed to the factory or to none and kept the period's, the first page
//! read every complaint of the customer to find the few with a remedy
//! proposed, and the list read and sorted the viewer's whole history.
//!
//! These indexes find the period's complaints by factory (those passed to
//! none under the empty factory) and every factory's (the house's figures
//! and list), and a customer's by step, each newest first. The indexes by
//! factory and by customer they replace are their first columns; the one by
//! step alone goes too, so that no plan prefers it to the customer's.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (name, columns) of the indexes made.
const MADE: &[(&str, &str)] = &[
    (
        "idx_complaints_factory_created",
        "factory_company_id, created_at, id",
    ),
    ("idx_complaints_created", "created_at, id"),
    (
        "idx_complaints_customer_status",
        "customer_company_id, status, created_at, id",
    ),
];

/// (name, columns) of the indexes dropped.
const REPLACED: &[(&str, &str)] = &[
    ("idx_complaints_factory", "factory_company_id"),
    ("idx_complaints_customer", "customer_company_id"),
    ("idx_complaints_status", "status"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, columns) in MADE {
            db.execute_unprepared(&format!("CREATE INDEX {name} ON complaints ({columns})"))
                .await?;
        }
        for (name, _) in REPLACED {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, columns) in REPLACED {
            db.execute_unprepared(&format!("CREATE INDEX {name} ON complaints ({columns})"))
                .await?;
        }
        for (name, _) in MADE {
            db.execute_unprepared(&format!("DROP INDEX {name}")).await?;
        }
        Ok(())
    }
}
