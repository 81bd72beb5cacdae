//! Deduplication of sourced places by Google place id or canonical domain (seed 001,
//! phase `source`: "dedupe by Google id or canonical domain (drop if either duplicates)").

use super::classify::{DomainConfig, analyze};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Which key made an item a duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DedupeKey {
    /// The same place id was seen before.
    PlaceId,
    /// The same canonical domain was seen before.
    Domain,
}

/// An item dropped as a duplicate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    /// Index of the dropped item in the input.
    pub index: usize,
    /// Which key duplicated.
    pub key: DedupeKey,
    /// The duplicated value.
    pub value: String,
}

/// Keeps the first of items sharing a place id or a canonical domain; returns the kept
/// indices and the dropped ones. Social and directory websites are keyed by their listing
/// (`facebook.com/joes`), not by `facebook.com`, so two businesses with Facebook pages are
/// not duplicates; websites that do not parse are not keyed.
///
/// ```
/// use phonestorm_core::domain::{dedupe_by_place_or_domain, DomainConfig};
/// let items = [("p1", Some("https://joes.com")), ("p2", Some("http://www.joes.com/x")),
///              ("p1", None), ("p3", Some("https://facebook.com/a")), ("p4", Some("https://facebook.com/b"))];
/// let (kept, dropped) = dedupe_by_place_or_domain(&items, |i| Some(i.0), |i| i.1, &DomainConfig::default());
/// assert_eq!(kept, vec![0, 3, 4]);
/// assert_eq!(dropped.len(), 2);
/// ```
pub fn dedupe_by_place_or_domain<'a, T>(
    items: &'a [T],
    place_id: impl Fn(&'a T) -> Option<&'a str>,
    website: impl Fn(&'a T) -> Option<&'a str>,
    config: &DomainConfig,
) -> (Vec<usize>, Vec<Dropped>) {
    let mut ids = HashSet::new();
    let mut domains = HashSet::new();
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let id = place_id(item).map(str::trim).filter(|s| !s.is_empty());
        let dom = website(item)
            .and_then(|w| analyze(w, config).ok())
            .map(|i| i.identity);
        if let Some(id) = id.filter(|id| ids.contains(*id)) {
            dropped.push(Dropped {
                index,
                key: DedupeKey::PlaceId,
                value: id.to_string(),
            });
            continue;
        }
        if let Some(d) = dom.as_ref().filter(|d| domains.contains(*d)) {
            dropped.push(Dropped {
                index,
                key: DedupeKey::Domain,
                value: d.clone(),
            });
            continue;
        }
        if let Some(id) = id {
            ids.insert(id.to_string());
        }
        if let Some(d) = dom {
            domains.insert(d);
        }
        kept.push(index);
    }
    (kept, dropped)
}
