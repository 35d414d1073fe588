//! The real commands, through Tauri's IPC with the app's own capabilities, against the
//! embedded demo AiTEMS service over loopback HTTP. Keys live in an in-memory store here;
//! the keychain itself is tested in the `aitems` crate against the real Secret Service.
//!
//! `harness` starts the app; the other modules are the tests, by what they are about.

mod all_services;
mod boundary;
mod desktop;
mod harness;
mod launch;
mod layouts;
mod listings;
mod profiles;
mod update_server;
mod watching;
