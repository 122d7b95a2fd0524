//! Files in an S3-compatible object store. Each request is signed by
//! rusty-s3 as a short-lived presigned URL (AWS signature version 4) and
//! sent with reqwest; there is no SDK, and so no background credential or
//! region discovery: what the configuration says is what is used.

use reqwest::StatusCode;
use rusty_s3::{Bucket, Credentials, S3Action, UrlStyle};
use std::error::Error as _;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::{StorageError, StorageKey, Url};

/// How long a signed URL stays valid. It is used at once; the margin only
/// covers clock differences between us and the store.
const SIGNED_FOR: Duration = Duration::from_secs(300);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// For the whole request, body included: generous for the few megabytes a
/// trade document weighs, short enough that a stuck store frees the request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Cheap to clone: clones share the bucket, the credentials and the HTTP
/// client's connection pool.
#[derive(Clone)]
pub struct S3Store {
    inner: Arc<Inner>,
}

struct Inner {
    bucket: Bucket,
    credentials: Credentials,
    client: reqwest::Client,
}

impl fmt::Debug for S3Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("S3Store")
            .field("endpoint", &self.inner.bucket.base_url().as_str())
            .field("bucket", &self.inner.bucket.name())
            .field("region", &self.inner.bucket.region())
            .finish_non_exhaustive()
    }
}

impl S3Store {
    pub fn open(
        endpoint: Url,
        bucket: &str,
        region: &str,
        access_key: &str,
        secret_key: &str,
        path_style: bool,
    ) -> Result<Self, StorageError> {
        let style = if path_style {
            UrlStyle::Path
        } else {
            UrlStyle::VirtualHost
        };
        let bucket = Bucket::new(endpoint, style, bucket.to_owned(), region.to_owned())
            .map_err(|e| StorageError::Config(format!("the S3 endpoint and bucket: {e}")))?;
        let client = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .build()
            .map_err(|e| StorageError::Config(format!("the HTTP client: {e}")))?;
        Ok(Self {
            inner: Arc::new(Inner {
                bucket,
                credentials: Credentials::new(access_key, secret_key),
                client,
            }),
        })
    }

    pub async fn put(&self, key: &StorageKey, bytes: Vec<u8>) -> Result<(), StorageError> {
        let inner = &self.inner;
        let url = inner
            .bucket
            .put_object(Some(&inner.credentials), key.as_str())
            .sign(SIGNED_FOR);
        // Set explicitly: reqwest leaves it out for an empty body, which S3
        // refuses with 411.
        let length = bytes.len();
        let response = inner
            .client
            .put(url)
            .header(reqwest::header::CONTENT_LENGTH, length)
            .body(bytes)
            .send()
            .await
            .map_err(|e| no_answer("put", key, e))?;
        match response.status() {
            status if status.is_success() => Ok(()),
            status => Err(refused("put", key, status)),
        }
    }

    pub async fn get(&self, key: &StorageKey) -> Result<Vec<u8>, StorageError> {
        let inner = &self.inner;
        let url = inner
            .bucket
            .get_object(Some(&inner.credentials), key.as_str())
            .sign(SIGNED_FOR);
        let response = inner
            .client
            .get(url)
            .send()
            .await
            .map_err(|e| no_answer("get", key, e))?;
        match response.status() {
            status if status.is_success() => {
                let bytes = response
                    .bytes()
                    .await
                    .map_err(|e| no_answer("get", key, e))?;
                Ok(Vec::from(bytes))
            }
            status if status == StatusCode::NOT_FOUND => Err(StorageError::NotFound {
                key: key.to_string(),
            }),
            status => Err(refused("get", key, status)),
        }
    }

    pub async fn delete(&self, key: &StorageKey) -> Result<(), StorageError> {
        let inner = &self.inner;
        let url = inner
            .bucket
            .delete_object(Some(&inner.credentials), key.as_str())
            .sign(SIGNED_FOR);
        let response = inner
            .client
            .delete(url)
            .send()
            .await
            .map_err(|e| no_answer("delete", key, e))?;
        match response.status() {
            // S3 answers 204 for a key that is not there; some compatible
            // servers answer 404. Either way the file is gone.
            status if status.is_success() || status == StatusCode::NOT_FOUND => Ok(()),
            status => Err(refused("delete", key, status)),
        }
    }
}

fn refused(operation: &'static str, key: &StorageKey, status: StatusCode) -> StorageError {
    StorageError::Status {
        operation,
        key: key.to_string(),
        status: status.as_u16(),
    }
}

/// The error and its causes, without the URL: a presigned URL carries the
/// access key and a working signature.
fn no_answer(operation: &'static str, key: &StorageKey, error: reqwest::Error) -> StorageError {
    let error = error.without_url();
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    StorageError::Unreachable {
        operation,
        key: key.to_string(),
        message,
    }
}
