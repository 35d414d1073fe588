//! The AiTEMS data model: training requests, services and list pages.
//!
//! Every type keeps what it does not know (new fields, new enum values) so that a newer
//! server never breaks the listing and nothing is lost when it is written back out.

mod date;
mod enums;
mod service;
mod train;

pub use date::{ApiDateTime, KOREA_UTC_OFFSET_HOURS};
pub use enums::{ServiceStatus, TrainStatus, TrainType};
pub use service::{Service, ServicesPage};
pub use train::{HpConfig, Train, TrainsPage};
