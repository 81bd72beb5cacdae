//! Domains: URL or host → canonical registrable domain (public suffix list), site kind
//! (own site, site-builder subdomain, social profile, directory listing), ranking of search
//! results for a business, and deduplication of places by place id or canonical domain.
//!
//! ## Public suffix list: `publicsuffix` crate + a bundled, dated list
//!
//! The list is `data/public_suffix_list.dat` (Debian 12 `publicsuffix` 20230209, see
//! [`PSL_VERSION`]), compiled in with `include_str!` and parsed once, lazily, into a
//! [`publicsuffix::List`] behind a [`std::sync::OnceLock`] (works on wasm32). It was chosen
//! over the `psl` crate (the list compiled into a generated `match`) after measuring both
//! (release build, 10 mixed hosts, 200 000 lookups): `psl` looks up faster (~0.1 µs vs
//! ~0.4 µs) but costs a long compile of its generated code on every clean build of every
//! binding, and its list can only be refreshed by a new crate release; the parse of the
//! bundled list costs ~10 ms once per process, and the list's date is visible and
//! replaceable in the repository. At a few lookups per lead both are far below any budget.

mod classify;
mod dedupe;
mod psl;
mod rank;

pub use classify::{DomainConfig, DomainInfo, SiteKind, analyze};
pub use dedupe::{DedupeKey, Dropped, dedupe_by_place_or_domain};
pub use psl::{PSL_VERSION, canonical_domain, host_of};
pub use rank::{BusinessQuery, Candidate, RankConfig, SearchResult, rank_results};

/// Why a URL or host could not be turned into a domain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DomainError {
    /// The input was empty or only whitespace.
    #[error("empty URL or host")]
    Empty,
    /// The input does not parse as a URL or host name.
    #[error("URL does not parse: {0}")]
    InvalidUrl(String),
    /// The URL has no host (e.g. `mailto:` or `file:` URLs).
    #[error("URL has no host: {0}")]
    NoHost(String),
    /// The host is an IP address, which has no registrable domain.
    #[error("host is an IP address: {0}")]
    IpAddress(String),
    /// The host is not under a known public suffix (e.g. `localhost`, `foo.invalidtld`),
    /// or is itself a public suffix.
    #[error("host has no registrable domain: {0}")]
    NotRegistrable(String),
    /// A configured list entry is malformed.
    #[error("bad domain config: {0}")]
    Config(String),
}

impl DomainError {
    /// A stable snake_case code for this error (exposed by the bindings).
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Empty => "empty",
            DomainError::InvalidUrl(_) => "invalid_url",
            DomainError::NoHost(_) => "no_host",
            DomainError::IpAddress(_) => "ip_address",
            DomainError::NotRegistrable(_) => "not_registrable",
            DomainError::Config(_) => "config",
        }
    }
}
