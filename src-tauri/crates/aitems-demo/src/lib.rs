//! A demo AiTEMS service that behaves like the real NAVER Cloud Platform API gateway in
//! front of AiTEMS: signature v2 authentication with the gateway's 401s, the backend's
//! paging and error shapes, `x-ncp-trace-id` and `Date` headers, and injectable faults.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let server = aitems_demo::start(aitems_demo::DemoConfig::default()).await?;
//! println!("{} {}", server.url(), aitems_demo::DEMO_ACCESS_KEY);
//! server.shutdown().await;
//! # Ok(())
//! # }
//! ```
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod auth;
mod clock;
pub mod data;
mod errors;
mod faults;
mod middleware;
mod query;
mod routes;
mod server;
mod state;

pub use faults::Fault;
pub use server::{start, DemoConfig, DemoServer};

/// Access key of a demo key pair with full AiTEMS permission.
pub const DEMO_ACCESS_KEY: &str = "DEMOACCESSKEY0000001";
/// Secret key of [`DEMO_ACCESS_KEY`].
pub const DEMO_SECRET_KEY: &str = "demo-secret-key-not-for-production";
/// Access key of a demo key pair that authenticates but has no AiTEMS subscription:
/// every request gets the gateway's 401, `errorCode` 210 "Permission Denied".
pub const DEMO_READONLY_ACCESS_KEY: &str = "DEMOREADONLYKEY00002";
/// Secret key of [`DEMO_READONLY_ACCESS_KEY`].
pub const DEMO_READONLY_SECRET_KEY: &str = "demo-readonly-secret-no-aitems-access";
