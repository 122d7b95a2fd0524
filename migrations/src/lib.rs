//! The database schema, as an ordered list of sea-orm migrations. This crate is
//! the single source of truth for tables and indexes on SQLite and PostgreSQL;
//! the server applies pending migrations at start-up.

pub use sea_orm_migration::prelude::*;

mod m20261127_000001_companies;
mod m20261127_000002_accounts;
mod m20261127_000003_outbox;
mod m20261127_000004_orders;
mod m20261127_000005_fulfilment;
mod m20261127_000006_progress;
mod m20261127_000007_alerts;
mod m20261127_000008_changes;
mod m20261127_000009_workspace;
mod m20261127_000010_kpi_indexes;
mod m20261201_000011_quotations;
mod m20261201_000012_shipping;
mod m20261201_000013_complaints;
mod m20261201_000014_messages;
mod m20261201_000015_notifications;
mod m20261201_000016_two_factor;
mod m20261201_000017_session_devices;
mod m20261202_000018_orders_customer_status;
mod m20261202_000019_order_lines_unconfirmed;
mod m20261202_000020_order_line_summary;
mod m20261202_000021_po_lines_open;
mod m20261202_000022_po_lines_ready_by_supplier;
mod m20261202_000023_open_shipments_and_instalments;
mod m20261202_000024_order_value_and_ready_by_factory;
mod m20261202_000025_orders_status_summary;
mod m20261202_000026_order_lines_shipped_on;
mod m20261202_000027_po_lines_open_freshness;
mod m20261202_000028_open_shipments_and_instalments_by_customer;
mod m20261202_000029_orders_badge_exceptions;
mod m20261202_000030_notifications_unread;
mod m20261202_000031_purchase_orders_supplier_open;
mod m20261205_000032_lines_to_assess;
mod m20261205_000033_po_lines_slipped;
mod m20261205_000034_complaints_by_period;
mod m20261206_000035_order_tallies;
mod m20261206_000036_po_lines_heard_at;
mod m20261206_000037_ready_tallies;
mod m20261206_000038_order_tallies_forget_empty;
mod m20261208_000039_order_tallies_slip_first;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_companies::Migration),
            Box::new(m20261127_000002_accounts::Migration),
            Box::new(m20261127_000003_outbox::Migration),
            Box::new(m20261127_000004_orders::Migration),
            Box::new(m20261127_000005_fulfilment::Migration),
            Box::new(m20261127_000006_progress::Migration),
            Box::new(m20261127_000007_alerts::Migration),
            Box::new(m20261127_000008_changes::Migration),
            Box::new(m20261127_000009_workspace::Migration),
            Box::new(m20261127_000010_kpi_indexes::Migration),
            Box::new(m20261201_000011_quotations::Migration),
            Box::new(m20261201_000012_shipping::Migration),
            Box::new(m20261201_000013_complaints::Migration),
            Box::new(m20261201_000014_messages::Migration),
            Box::new(m20261201_000015_notifications::Migration),
            Box::new(m20261201_000016_two_factor::Migration),
            Box::new(m20261201_000017_session_devices::Migration),
            Box::new(m20261202_000018_orders_customer_status::Migration),
            Box::new(m20261202_000019_order_lines_unconfirmed::Migration),
            Box::new(m20261202_000020_order_line_summary::Migration),
            Box::new(m20261202_000021_po_lines_open::Migration),
            Box::new(m20261202_000022_po_lines_ready_by_supplier::Migration),
            Box::new(m20261202_000023_open_shipments_and_instalments::Migration),
            Box::new(m20261202_000024_order_value_and_ready_by_factory::Migration),
            Box::new(m20261202_000025_orders_status_summary::Migration),
            Box::new(m20261202_000026_order_lines_shipped_on::Migration),
            Box::new(m20261202_000027_po_lines_open_freshness::Migration),
            Box::new(m20261202_000028_open_shipments_and_instalments_by_customer::Migration),
            Box::new(m20261202_000029_orders_badge_exceptions::Migration),
            Box::new(m20261202_000030_notifications_unread::Migration),
            Box::new(m20261202_000031_purchase_orders_supplier_open::Migration),
            Box::new(m20261205_000032_lines_to_assess::Migration),
            Box::new(m20261205_000033_po_lines_slipped::Migration),
            Box::new(m20261205_000034_complaints_by_period::Migration),
            Box::new(m20261206_000035_order_tallies::Migration),
            Box::new(m20261206_000036_po_lines_heard_at::Migration),
            Box::new(m20261206_000037_ready_tallies::Migration),
            Box::new(m20261206_000038_order_tallies_forget_empty::Migration),
            Box::new(m20261208_000039_order_tallies_slip_first::Migration),
        ]
    }
}
