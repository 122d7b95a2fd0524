//! A factory's scorecard counts the period's complaints about its goods,
//! and the customer's first page looks for the remedies it has to answer.
//! Complaints were indexed by customer and by factory alone: the scorecard
//! read every complaint ever passed to the factory or to none and kept
//! the period's, and the first page read every complaint of the customer
//! to find the few with a remedy proposed.
//!
//! These indexes find the period's complaints by factory (those passed to
//! none under the empty factory), every factory's for the house's figures,
//! and a customer's by step. The two they replace are their first columns.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (name, columns) of the indexes made.
const MADE: &[(&str, &str)] = &[
    (
        "idx_complaints_factory_created",
        "factory_company_id, created_at",
    ),
    ("idx_complaints_created", "created_at"),
    (
        "idx_complaints_customer_status",
        "customer_company_id, status",
    ),
];

/// (name, columns) of the indexes the new ones begin with.
const REPLACED: &[(&str, &str)] = &[
    ("idx_complaints_factory", "factory_company_id"),
    ("idx_complaints_customer", "customer_company_id"),
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
