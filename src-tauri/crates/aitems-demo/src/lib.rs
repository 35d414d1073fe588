//! A demo AiTEMS service that behaves like the real NAVER Cloud Platform API gateway in
//! front of AiTEMS: signature v2 authentication with the gateway's 401s, the backend's
//! paging and error shapes, `x-ncp-trace-id` and `Date` headers, and injectable faults.
//!
//! # Trains that move
//!
//! The service starts at demo step 0 with exactly the data in [`data`]. Each step moves
//! every training in progress one status along `requesting` -> `waiting` -> `learning`
//! -> `completed` or `learningFailed` (fixed per version; about 1 in 4 fails). A
//! training that completes gets `inference: true` and, in an interval service, a
//! `nextUpdateDate` one learning interval after the step; `createdDate` never changes.
//! Every second step adds a `requesting` training to [`data::SMALL_SERVICE`], dated by
//! the server's clock in Korea time, its type rotating through [`data::TRAIN_TYPES`].
//! Three ways to step:
//!
//! - [`DemoServer::advance`] and [`DemoServer::step`], from the process that runs it;
//! - `POST /demo/advance?steps=N` (N from 1 to 100, default 1; anything else gets a 400
//!   `{"message": ...}`) answers `{"step": N}`, and `GET /demo/step` answers the same
//!   shape. These routes are outside `/api`: no signature, not counted in
//!   [`DemoServer::request_count`], never faulted;
//! - [`DemoConfig::advance_every`]: one step per period while the server runs.
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
mod control;
pub mod data;
mod errors;
mod faults;
mod middleware;
mod query;
mod routes;
mod server;
mod state;
mod timeline;

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
