//! # phonestorm-outreach
//!
//! The outreach engine of seed 002 (§4B, §4D–§4H) and the manual SMS path of seed 000 (§8):
//! a CRM [`store`] on SQLite or PostgreSQL, SMS and email channels, the drip engine, inbound
//! reply processing with human handoff, DNC scrubbing, contact import and analytics.
//!
//! It owns no web server and no scheduler: the host (FastAPI + Celery, a Convex action, a Rust
//! service) calls [`drip::Engine::due_touches`] on its beat, hands webhooks to
//! [`inbound`], and gets back everything it must do.
//!
//! Nothing leaves without an `Allow` from the compliance [`gate`]; every opt-out and
//! communication is committed before the action it records is taken or acknowledged.

pub mod analytics;
pub mod dnc;
pub mod drip;
pub mod email;
pub mod error;
pub mod gate;
pub mod import;
pub mod inbound;
pub mod llm;
pub mod manual;
pub mod model;
pub mod notify;
pub mod sms;
pub mod store;

pub use error::OutreachError;
pub use store::{SqlStore, Store, StoreUrl};
