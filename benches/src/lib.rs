//! Shared pieces of phonestorm's benchmarks: the deterministic corpus and the engines run on it.
//!
//! Not published; see `README.md` beside this crate.

pub mod corpus;
pub mod engines;
pub mod pathological;
