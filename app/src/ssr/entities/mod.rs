//! sea-orm entities, one per table. They mirror `migrations/` and never leave
//! the server: server functions map them to DTOs.

pub mod company;
