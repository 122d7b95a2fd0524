use super::*;

fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn no_file(_: &PathBuf) -> std::io::Result<String> {
    Err(std::io::Error::new(std::io::ErrorKind::NotFound, "none"))
}

#[test]
fn defaults_give_a_local_sqlite_portal() {
    let config = Config::from_sources(&env(&[]), no_file).unwrap();
    assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
    assert_eq!(config.listen_addr().to_string(), "127.0.0.1:3000");
    assert_eq!(config.public_url, "http://localhost:3000");
    assert_eq!(config.mail.transport, MailTransportKind::File);
    assert!(!config.demo_data);
    assert_eq!(
        config.files,
        StorageConfig::Local {
            dir: PathBuf::from("data/files")
        }
    );
}

#[test]
fn environment_overrides_the_file() {
    let file = "port = 4000\npublic_url = \"https://portal.example.com/\"\ndemo_data = true\n";
    let config = Config::from_sources(
        &env(&[("PORTAL_CONFIG", "portal.toml"), ("PORTAL_PORT", "5000")]),
        |_| Ok(file.to_string()),
    )
    .unwrap();
    assert_eq!(config.port, 5000);
    assert_eq!(config.public_url, "https://portal.example.com");
    assert!(config.demo_data);
}

#[test]
fn bad_values_name_the_variable() {
    for (name, value) in [
        ("PORTAL_PORT", "eighty"),
        ("PORTAL_HOST", "localhost:3000"),
        ("DATABASE_URL", "mysql://x"),
        ("PORTAL_PUBLIC_URL", "portal.example.com"),
        ("PORTAL_DEMO_DATA", "perhaps"),
        ("PORTAL_MAIL_TRANSPORT", "pigeon"),
        ("PORTAL_SMTP_TLS", "ssl3"),
        ("PORTAL_SESSION_IDLE_MINUTES", "0"),
        ("PORTAL_SESSION_ABSOLUTE_HOURS", "half a day"),
        ("PORTAL_STALE_AFTER_DAYS", "-1"),
        ("PORTAL_CUSTOMER_LATE_DAYS", "two"),
        ("PORTAL_SLIP_SCAN_SECONDS", "0"),
        ("PORTAL_DIGEST_HOUR", "24"),
        ("PORTAL_HOUSE_TIME_ZONE", "Mars/Olympus"),
        ("PORTAL_FILES", "ftp"),
    ] {
        let err = Config::from_sources(&env(&[(name, value)]), no_file).unwrap_err();
        assert!(err.to_string().contains(name), "{err} should name {name}");
    }
}

#[test]
fn the_house_zone_defaults_to_utc() {
    use app::domain::time_zone::Zone;
    let config = Config::from_sources(&env(&[]), no_file).unwrap();
    assert_eq!(config.house_time_zone, Zone::UTC);
    let config = Config::from_sources(
        &env(&[("PORTAL_HOUSE_TIME_ZONE", "Asia/Shanghai")]),
        no_file,
    )
    .unwrap();
    assert_eq!(config.house_time_zone.name(), "Asia/Shanghai");
}

#[test]
fn smtp_needs_a_host() {
    let err =
        Config::from_sources(&env(&[("PORTAL_MAIL_TRANSPORT", "smtp")]), no_file).unwrap_err();
    assert!(err.to_string().contains("PORTAL_SMTP_HOST"));
}

#[test]
fn files_go_beside_a_sqlite_database_or_into_files() {
    for (url, dir) in [
        ("sqlite://data/portal.db?mode=rwc", "data/files"),
        (
            "sqlite:///srv/portal/portal.db?mode=rwc",
            "/srv/portal/files",
        ),
        ("sqlite://portal.db", "files"),
        ("sqlite::memory:", "files"),
        ("postgres://portal@db.example.com/portal", "files"),
    ] {
        let config = Config::from_sources(&env(&[("DATABASE_URL", url)]), no_file).unwrap();
        assert_eq!(
            config.files,
            StorageConfig::Local {
                dir: PathBuf::from(dir)
            },
            "{url}"
        );
    }
    let config = Config::from_sources(
        &env(&[
            ("PORTAL_FILES", "local"),
            ("PORTAL_FILES_DIR", "/var/portal"),
        ]),
        no_file,
    )
    .unwrap();
    assert_eq!(
        config.files,
        StorageConfig::Local {
            dir: PathBuf::from("/var/portal")
        }
    );
}

const S3_SETTINGS: [(&str, &str); 5] = [
    ("PORTAL_FILES", "s3"),
    ("PORTAL_S3_ENDPOINT", "http://127.0.0.1:9000"),
    ("PORTAL_S3_BUCKET", "portal-files"),
    ("PORTAL_S3_ACCESS_KEY", "portal"),
    ("PORTAL_S3_SECRET_KEY", "hunter2-hunter2"),
];

#[test]
fn s3_storage_takes_its_settings_with_defaults() {
    let config = Config::from_sources(&env(&S3_SETTINGS), no_file).unwrap();
    let StorageConfig::S3 {
        endpoint,
        bucket,
        region,
        access_key,
        secret_key,
        path_style,
    } = &config.files
    else {
        panic!("expected S3 storage, got {:?}", config.files);
    };
    assert_eq!(endpoint.as_str(), "http://127.0.0.1:9000/");
    assert_eq!(bucket, "portal-files");
    assert_eq!(region, "us-east-1");
    assert_eq!(access_key, "portal");
    assert_eq!(secret_key, "hunter2-hunter2");
    assert!(*path_style);
    assert!(!format!("{config:?}").contains("hunter2"));

    let file = "files = \"s3\"\ns3_region = \"eu-central-1\"\ns3_path_style = false\n";
    let mut settings = env(&S3_SETTINGS[1..]);
    settings.insert("PORTAL_CONFIG".into(), "portal.toml".into());
    let config = Config::from_sources(&settings, |_| Ok(file.to_string())).unwrap();
    assert!(matches!(
        &config.files,
        StorageConfig::S3 { region, path_style: false, .. } if region == "eu-central-1"
    ));
}

#[test]
fn s3_storage_names_what_is_missing_or_wrong() {
    for (name, _) in &S3_SETTINGS[1..] {
        let settings: Vec<_> = S3_SETTINGS
            .iter()
            .filter(|(other, _)| other != name)
            .copied()
            .collect();
        let err = Config::from_sources(&env(&settings), no_file)
            .unwrap_err()
            .to_string();
        assert!(err.contains(name), "{err} should name {name}");
        assert!(!err.contains("hunter2"), "{err}");
    }
    for (name, value) in [
        ("PORTAL_S3_ENDPOINT", "s3.example.com"),
        ("PORTAL_S3_ENDPOINT", "ftp://s3.example.com"),
        (
            "PORTAL_S3_ENDPOINT",
            "https://portal:hunter2-hunter2@s3.example.com",
        ),
        ("PORTAL_S3_BUCKET", "Portal_Files"),
        ("PORTAL_S3_PATH_STYLE", "sometimes"),
    ] {
        let mut settings = env(&S3_SETTINGS);
        settings.insert(name.into(), value.into());
        let err = Config::from_sources(&settings, no_file)
            .unwrap_err()
            .to_string();
        assert!(err.contains(name), "{err} should name {name}");
        assert!(!err.contains("hunter2"), "{err}");
    }
}

#[test]
fn unknown_file_keys_are_reported() {
    let err = Config::from_sources(&env(&[("PORTAL_CONFIG", "x.toml")]), |_| {
        Ok("prot = 1\n".into())
    })
    .unwrap_err();
    assert!(matches!(err, ConfigError::Parse { .. }), "{err}");
}

#[test]
fn database_passwords_are_redacted() {
    for (url, shown) in [
        (
            "postgres://portal:secret@db.example.com:5432/portal",
            "postgres://portal:***@db.example.com:5432/portal",
        ),
        (
            "postgresql://portal:se#c/r@et@db.example.com/portal",
            "postgresql://portal:***@db.example.com/portal",
        ),
        (
            "postgres://db.example.com/portal?sslmode=require&password=secret",
            "postgres://db.example.com/portal?sslmode=require&password=***",
        ),
        (
            "postgres://db.example.com/portal?password=secret&sslmode=require",
            "postgres://db.example.com/portal?password=***&sslmode=require",
        ),
        (
            "postgres://portal@db.example.com/portal",
            "postgres://portal@db.example.com/portal",
        ),
        (DEFAULT_DATABASE_URL, DEFAULT_DATABASE_URL),
        ("sqlite::memory:", "sqlite::memory:"),
    ] {
        assert_eq!(redact_url(url), shown, "{url}");
    }
    let url = "postgres://portal:hunter2-hunter2@db.example.com/portal";
    let config = Config::from_sources(&env(&[("DATABASE_URL", url)]), no_file).unwrap();
    assert_eq!(
        config.database_url, url,
        "the portal connects with the password"
    );
    let shown = format!("{config:?}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(shown.contains("portal:***@db.example.com"), "{shown}");
    let unusable = "mysql://root:hunter2-hunter2@db.example.com/portal";
    let err = Config::from_sources(&env(&[("DATABASE_URL", unusable)]), no_file)
        .unwrap_err()
        .to_string();
    assert!(!err.contains("hunter2"), "{err}");
    assert!(err.contains("root:***@db.example.com"), "{err}");
}

#[test]
fn the_smtp_password_is_never_printed() {
    let config = Config::from_sources(
        &env(&[
            ("PORTAL_MAIL_TRANSPORT", "smtp"),
            ("PORTAL_SMTP_HOST", "mail.example.com"),
            ("PORTAL_SMTP_PASSWORD", "hunter2-hunter2"),
        ]),
        no_file,
    )
    .unwrap();
    assert_eq!(config.mail.smtp_port, 587);
    assert!(!format!("{config:?}").contains("hunter2"));
}
