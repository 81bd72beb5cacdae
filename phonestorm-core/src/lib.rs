//! # phonestorm-core
//!
//! The pure decision-making core of phonestorm: it finds, normalises, classifies and scores
//! phone numbers and emails on business web pages, canonicalises domains, qualifies leads,
//! tracks lead and workflow states, audits sites, and decides whether an outreach message
//! may be sent now and what a reply means.
//!
//! ## What this crate does not do
//!
//! No I/O, no async, no clock reads, no randomness: time (`now`), seeds and outside facts
//! (how many domains a number was seen on, a line-type lookup, a DNC hit) are arguments.
//! That keeps every decision deterministic, so a Rust service, a Python Celery task (through
//! the wheel) and a Convex action (through WebAssembly) decide identically. The crate builds
//! for `wasm32-unknown-unknown`.
//!
//! ## Modules
//!
//! - [`phone`]: NANP rules, normalisation to E.164, finding numbers in text and HTML,
//!   classification and confidence scoring.
//! - [`email`], [`domain`]: emails and registrable domains found on pages.
//! - [`lead`], [`qualify`], [`workflow`], [`audit`]: lead states, qualification signals and
//!   scores, the lead-generation workflow, website gaps.
//! - [`compliance`], [`reply`], [`message`]: may we send this now, what did they reply,
//!   what do we say.

//!
//! ## Crate features
//!
//! - `intl` (default): numbers outside +1 (normalisation, line types, Places phones)
//!   through the `phonenumber` crate's metadata. Without it the crate handles NANP (+1)
//!   numbers only and returns [`phone::PhoneError::InternationalUnsupported`] for others;
//!   the npm package's small `phones` module is built that way.

// Everything here parses input from the web or a user: a failure is a typed error, never a
// panic. Tests and doc examples may unwrap; library code may not (checked by clippy in CI).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod audit;
pub mod compliance;
pub mod domain;
pub mod email;
pub mod html;
pub mod lead;
pub mod llm;
pub mod message;
pub mod phone;
pub mod qualify;
pub mod reply;
pub mod workflow;
