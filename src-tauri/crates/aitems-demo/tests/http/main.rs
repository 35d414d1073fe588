//! The demo service over real loopback HTTP, driven by reqwest.

mod auth;
mod clock;
mod common;
mod faults;
mod latency;
mod motion;
mod routes;
