//! # phonestorm-scrape
//!
//! The async enrichment engine around the pure `phonestorm-core`: it fetches pages, crawls
//! small-business sites, discovers domains (including reverse discovery by phone number),
//! sources leads from Google Places or files, remembers which domains each phone number was
//! seen on, and runs the enrichment pipeline that produces a `LeadEvent` per lead.
//!
//! Every outside system is a trait with a real adapter, so the engine runs on one laptop
//! (SQLite registry, a WARC archive or the live web) and scales out by swapping adapters
//! (PostgreSQL registry, many workers).
//!
//! | trait | adapters |
//! |---|---|
//! | [`fetch::Fetcher`] | [`fetch::HttpFetcher`] (live web, guarded), [`fetch::WarcFetcher`] (archive) |
//! | [`search::SearchProvider`] | [`search::SearxSearch`], [`search::LocalIndexSearch`] |
//! | [`places::PlacesSource`] | [`places::GooglePlaces`], [`places::FilePlaces`] |
//! | [`registry::PhoneRegistry`] | [`registry::SqliteRegistry`], [`registry::PostgresRegistry`] |

pub mod crawl;
pub mod deep_audit;
pub mod enrich;
pub mod fetch;
pub mod llm;

pub mod places;
pub mod registry;
pub mod search;

pub use enrich::{EnrichConfig, Enricher, Lead, LeadEvent};
pub mod fixture;
