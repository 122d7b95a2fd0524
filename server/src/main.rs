//! `portal`: starts the web server with the configuration from the environment.

use server::config::Config;
use server::seed::{DEMO_PASSWORD, SeedOutcome};
use server::startup::Application;

#[global_allocator]
static ALLOCATOR: server::Allocator = server::ALLOCATOR;

#[tokio::main]
async fn main() {
    server::telemetry::init();
    let config = match Config::load() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("configuration error: {e}");
            std::process::exit(2);
        }
    };
    let app = match Application::build(&config).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("cannot start the portal: {e}");
            std::process::exit(1);
        }
    };
    match app.seed_outcome() {
        Some(SeedOutcome::Seeded(report)) => {
            tracing::info!("seeded demo data into the empty database");
            for line in &report.summary {
                tracing::info!("  {line}");
            }
            println!("\nDemo sign-ins (password for all: {DEMO_PASSWORD}):");
            for login in &report.logins {
                println!(
                    "  {:<32} {:<14} {}",
                    login.email,
                    login.role.label(),
                    login.company
                );
            }
            println!();
        }
        Some(SeedOutcome::AlreadyHasData) => {
            tracing::info!("the database already has data; demo data not added")
        }
        None => {}
    }
    tracing::info!(
        "Trade Portal listening on http://{} (public address {})",
        app.addr(),
        config.public_url
    );
    let result = tokio::select! {
        r = app.run_until_stopped() => r,
        _ = tokio::signal::ctrl_c() => Ok(()),
    };
    if let Err(e) = result {
        eprintln!("server error: {e}");
        std::process::exit(1);
    }
}
