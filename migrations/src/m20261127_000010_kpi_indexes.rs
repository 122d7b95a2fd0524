//! Covering indexes for the staff workspace's aggregates: each KPI query of
//! a period reads only index entries (the period's orders or factory lines,
//! then the lines of those orders), never the wide table rows, so the KPI
//! page stays quick on a book of millions of lines. They replace the
//! single-column indexes of migration 9.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (name, table, columns) of each index, as created by `up`.
const COVERING: &[(&str, &str, &[&str])] = &[
    (
        "idx_orders_shipped_kpi",
        "orders",
        &["shipped_on", "confirmed_on"],
    ),
    (
        "idx_orders_confirmed_kpi",
        "orders",
        &["confirmed_on", "status", "customer_company_id", "currency"],
    ),
    (
        "idx_order_lines_kpi",
        "order_lines",
        &[
            "order_id",
            "committed_date",
            "product_code",
            "quantity",
            "unit_price_minor",
        ],
    ),
    (
        "idx_po_lines_ready_kpi",
        "po_lines",
        &[
            "ready_on",
            "cancelled",
            "committed_ready_date",
            "purchase_order_id",
        ],
    ),
    // The factories' open work, for report freshness and the slippage scan.
    (
        "idx_po_lines_open_kpi",
        "po_lines",
        &[
            "milestone",
            "cancelled",
            "purchase_order_id",
            "last_progress_at",
        ],
    ),
];

/// The indexes of migration 9 that these take over from.
const REPLACED: &[(&str, &str, &str)] = &[
    ("idx_orders_shipped_on", "orders", "shipped_on"),
    ("idx_orders_confirmed_on", "orders", "confirmed_on"),
    ("idx_po_lines_ready_on", "po_lines", "ready_on"),
    ("idx_po_lines_milestone", "po_lines", "milestone"),
];

fn create(name: &str, table: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(Alias::new(table));
    for column in columns {
        index.col(Alias::new(*column));
    }
    index.to_owned()
}

fn drop(name: &str, table: &str) -> IndexDropStatement {
    Index::drop().name(name).table(Alias::new(table)).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in COVERING {
            manager.create_index(create(name, table, columns)).await?;
        }
        for (name, table, _) in REPLACED {
            manager.drop_index(drop(name, table)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, column) in REPLACED {
            manager.create_index(create(name, table, &[column])).await?;
        }
        for (name, table, _) in COVERING {
            manager.drop_index(drop(name, table)).await?;
        }
        Ok(())
    }
}
