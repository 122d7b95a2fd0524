//! A real S3-compatible server on 127.0.0.1 for tests: s3s-fs keeps the
//! objects in a temporary folder (a bucket is a folder in it), and s3s checks
//! every request's signature against one fixed test key pair, so a request
//! signed with another secret is refused as AWS would refuse it.

use app::ssr::storage::{StorageConfig, Url};
use axum::error_handling::HandleError;
use axum::http::StatusCode;
use s3s::auth::SimpleAuth;
use s3s::service::S3ServiceBuilder;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub const TEST_ACCESS_KEY: &str = "portal-test-access";
pub const TEST_SECRET_KEY: &str = "portal-test-secret-0123456789";
pub const TEST_BUCKET: &str = "portal-files";

/// Stops serving and removes its folder when dropped.
pub struct S3Server {
    /// `http://127.0.0.1:<port>`.
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub access_key: String,
    pub secret_key: String,
    server: JoinHandle<()>,
    _dir: tempfile::TempDir,
}

impl S3Server {
    /// The portal's storage settings for this server (path-style, as it is
    /// reached by IP address).
    pub fn config(&self) -> StorageConfig {
        self.config_with_secret(&self.secret_key)
    }

    /// The same settings with another secret key, to see it refused.
    pub fn config_with_secret(&self, secret_key: &str) -> StorageConfig {
        StorageConfig::S3 {
            endpoint: Url::parse(&self.endpoint).expect("the test server's address"),
            bucket: self.bucket.clone(),
            region: self.region.clone(),
            access_key: self.access_key.clone(),
            secret_key: secret_key.to_string(),
            path_style: true,
        }
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Starts the server on a free port, with the bucket created.
///
/// It is served by axum (hyper-util's server underneath), which the tests
/// already depend on: `S3Service` is a tower service, and axum hands it
/// every request as it came.
pub async fn start_s3() -> S3Server {
    let dir = tempfile::tempdir().expect("a folder for the S3 server");
    std::fs::create_dir(dir.path().join(TEST_BUCKET)).expect("create the bucket's folder");
    let file_system = s3s_fs::FileSystem::new(dir.path()).expect("s3s-fs over the folder");
    let service = {
        let mut builder = S3ServiceBuilder::new(file_system);
        builder.set_auth(SimpleAuth::from_single(TEST_ACCESS_KEY, TEST_SECRET_KEY));
        builder.build()
    };
    let router = axum::Router::new().fallback_service(HandleError::new(service, s3_failure));
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind the S3 server");
    let address = listener.local_addr().expect("the S3 server's address");
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    S3Server {
        endpoint: format!("http://{address}"),
        bucket: TEST_BUCKET.to_string(),
        region: "us-east-1".to_string(),
        access_key: TEST_ACCESS_KEY.to_string(),
        secret_key: TEST_SECRET_KEY.to_string(),
        server,
        _dir: dir,
    }
}

/// A failure of the service itself (S3 errors such as `NoSuchKey` are
/// already S3 responses and never reach this).
async fn s3_failure(error: s3s::HttpError) -> (StatusCode, String) {
    (StatusCode::INTERNAL_SERVER_ERROR, format!("{error:?}"))
}
