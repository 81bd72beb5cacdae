//! Async enrichment engine around `phonestorm-core` (being written).
