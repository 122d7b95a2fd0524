//! The dates the staff workspace measures by: when an order was confirmed and
//! shipped, and when a factory line first became ready. Indexed, so the KPIs
//! of a period are aggregated by the database.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261127_000004_orders::{Orders, PoLines};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        let columns: Vec<(DynIden, ColumnDef)> = vec![
            (
                Orders::Table.into_iden(),
                date_null(Workspace::ConfirmedOn).to_owned(),
            ),
            (
                Orders::Table.into_iden(),
                date_null(Workspace::ShippedOn).to_owned(),
            ),
            (
                PoLines::Table.into_iden(),
                date_null(Workspace::ReadyOn).to_owned(),
            ),
        ];
        for (table, column) in columns {
            manager
                .alter_table(Table::alter().table(table).add_column(column).to_owned())
                .await?;
        }
        let indexes: Vec<(&str, DynIden, DynIden)> = vec![
            (
                "idx_orders_shipped_on",
                Orders::Table.into_iden(),
                Workspace::ShippedOn.into_iden(),
            ),
            (
                "idx_orders_confirmed_on",
                Orders::Table.into_iden(),
                Workspace::ConfirmedOn.into_iden(),
            ),
            (
                "idx_po_lines_ready_on",
                PoLines::Table.into_iden(),
                Workspace::ReadyOn.into_iden(),
            ),
            // The factories' open work, for report freshness.
            (
                "idx_po_lines_milestone",
                PoLines::Table.into_iden(),
                Workspace::Milestone.into_iden(),
            ),
        ];
        for (name, table, column) in indexes {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            ("idx_po_lines_milestone", PoLines::Table.into_iden()),
            ("idx_po_lines_ready_on", PoLines::Table.into_iden()),
            ("idx_orders_confirmed_on", Orders::Table.into_iden()),
            ("idx_orders_shipped_on", Orders::Table.into_iden()),
        ] {
            manager
                .drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        let columns: Vec<(DynIden, DynIden)> = vec![
            (PoLines::Table.into_iden(), Workspace::ReadyOn.into_iden()),
            (Orders::Table.into_iden(), Workspace::ShippedOn.into_iden()),
            (
                Orders::Table.into_iden(),
                Workspace::ConfirmedOn.into_iden(),
            ),
        ];
        for (table, column) in columns {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

// Column names: the days end in "on".
#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden)]
enum Workspace {
    ConfirmedOn,
    ShippedOn,
    ReadyOn,
    Milestone,
}
