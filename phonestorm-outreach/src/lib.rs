//! Async outreach engine around `phonestorm-core` (being written).
