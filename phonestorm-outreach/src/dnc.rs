//! National Do Not Call registry copy (FTC area-code files and change lists).
//!
//! Files hold 10-digit numbers, one per line, either `4075550123` or `407,5550123` (sources
//! differ; both parse). The set is stored compactly: per area code a sorted `Vec<u32>` of the
//! 7-digit subscriber numbers (4 bytes a number; the full registry's ~250 M numbers fit in
//! ~1 GB, one state's in tens of MB). Lookups are a binary search. The on-disk form
//! ([`DncSet::save`]) is a small binary file loaded without parsing text.
//! 16 CFR 310.4(b)(3)(iv): scrub against a copy no older than 31 days — check [`DncSet::age_days`].

use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::path::Path;

use crate::error::OutreachError;

/// A set of 10-digit NANP numbers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DncSet {
    by_npa: BTreeMap<u16, Vec<u32>>,
    /// When the registry copy was downloaded (unix seconds), if known.
    pub downloaded_at: Option<i64>,
}

/// Counts from loading a file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Numbers added (or removed for a deletion change list).
    pub applied: u64,
    /// Lines that were not a 10-digit number.
    pub skipped: u64,
}

const MAGIC: &[u8; 8] = b"PSDNC\x00\x00\x01";

fn parse_line(line: &str) -> Option<(u16, u32)> {
    let mut d = [0u8; 11];
    let mut n = 0;
    for c in line.trim().chars() {
        if c.is_ascii_digit() {
            if n == 11 {
                return None;
            }
            d[n] = c as u8 - b'0';
            n += 1;
        } else if !matches!(c, ',' | '-' | ' ' | '(' | ')' | '"' | '+' | '.') {
            return None;
        }
    }
    let digits = match n {
        10 => &d[..10],
        11 if d[0] == 1 => &d[1..11],
        _ => return None,
    };
    let npa = digits[..3].iter().fold(0u16, |a, x| a * 10 + u16::from(*x));
    let sub = digits[3..].iter().fold(0u32, |a, x| a * 10 + u32::from(*x));
    Some((npa, sub))
}

impl DncSet {
    /// An empty set.
    pub fn new() -> Self {
        DncSet::default()
    }

    /// Adds the numbers of an FTC file (full list or "additions" change list).
    pub fn load_additions<R: BufRead>(&mut self, r: R) -> Result<LoadReport, OutreachError> {
        let mut rep = LoadReport::default();
        for line in r.lines() {
            let line = line.map_err(|e| OutreachError::Invalid(format!("dnc read: {e}")))?;
            if line.trim().is_empty() {
                continue;
            }
            match parse_line(&line) {
                Some((npa, sub)) => {
                    self.by_npa.entry(npa).or_default().push(sub);
                    rep.applied += 1;
                }
                None => rep.skipped += 1,
            }
        }
        for v in self.by_npa.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        Ok(rep)
    }

    /// Removes the numbers of a "deletions" change list.
    pub fn load_deletions<R: BufRead>(&mut self, r: R) -> Result<LoadReport, OutreachError> {
        let mut rep = LoadReport::default();
        for line in r.lines() {
            let line = line.map_err(|e| OutreachError::Invalid(format!("dnc read: {e}")))?;
            if line.trim().is_empty() {
                continue;
            }
            match parse_line(&line) {
                Some((npa, sub)) => {
                    if let Some(v) = self.by_npa.get_mut(&npa) {
                        if let Ok(i) = v.binary_search(&sub) {
                            v.remove(i);
                            rep.applied += 1;
                        }
                    }
                }
                None => rep.skipped += 1,
            }
        }
        Ok(rep)
    }

    /// Numbers held.
    pub fn len(&self) -> usize {
        self.by_npa.values().map(Vec::len).sum()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Is this number (any common format, 10 digits or +1 and 10) on the list?
    pub fn is_on_dnc(&self, number: &str) -> bool {
        parse_line(number).is_some_and(|(npa, sub)| {
            self.by_npa
                .get(&npa)
                .is_some_and(|v| v.binary_search(&sub).is_ok())
        })
    }

    /// Same for an E.164 `+1…` number.
    pub fn contains_e164(&self, e164: &str) -> bool {
        self.is_on_dnc(e164)
    }

    /// Age of the copy in days at `now` (None if unknown); older than 31 days is stale.
    pub fn age_days(&self, now: i64) -> Option<i64> {
        self.downloaded_at.map(|d| (now - d) / 86_400)
    }

    /// Writes the compact binary form.
    pub fn save(&self, path: &Path) -> Result<(), OutreachError> {
        let io = |e: std::io::Error| OutreachError::Store(format!("dnc file: {e}"));
        let mut w = std::io::BufWriter::new(std::fs::File::create(path).map_err(io)?);
        w.write_all(MAGIC).map_err(io)?;
        w.write_all(&self.downloaded_at.unwrap_or(0).to_le_bytes())
            .map_err(io)?;
        w.write_all(&(self.by_npa.len() as u32).to_le_bytes())
            .map_err(io)?;
        for (npa, v) in &self.by_npa {
            w.write_all(&npa.to_le_bytes()).map_err(io)?;
            w.write_all(&(v.len() as u32).to_le_bytes()).map_err(io)?;
            for s in v {
                w.write_all(&s.to_le_bytes()).map_err(io)?;
            }
        }
        w.flush().map_err(io)
    }

    /// Reads the compact binary form.
    pub fn open(path: &Path) -> Result<Self, OutreachError> {
        let bad = |m: &str| OutreachError::Invalid(format!("dnc file: {m}"));
        let mut buf = Vec::new();
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut buf))
            .map_err(|e| OutreachError::Store(format!("dnc file: {e}")))?;
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], OutreachError> {
            let s = buf.get(at..at + n).ok_or_else(|| bad("truncated"))?;
            at += n;
            Ok(s)
        };
        if take(8)? != MAGIC {
            return Err(bad("not a phonestorm DNC file"));
        }
        let mut b8 = [0u8; 8];
        b8.copy_from_slice(take(8)?);
        let downloaded = i64::from_le_bytes(b8);
        let mut b4 = [0u8; 4];
        b4.copy_from_slice(take(4)?);
        let groups = u32::from_le_bytes(b4);
        let mut by_npa = BTreeMap::new();
        for _ in 0..groups {
            let mut b2 = [0u8; 2];
            b2.copy_from_slice(take(2)?);
            let npa = u16::from_le_bytes(b2);
            b4.copy_from_slice(take(4)?);
            let n = u32::from_le_bytes(b4) as usize;
            let raw = take(n.checked_mul(4).ok_or_else(|| bad("size"))?)?;
            let v: Vec<u32> = raw
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            if v.windows(2).any(|w| w[0] >= w[1]) {
                return Err(bad("not sorted"));
            }
            by_npa.insert(npa, v);
        }
        Ok(DncSet {
            by_npa,
            downloaded_at: (downloaded != 0).then_some(downloaded),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_formats_and_changes() {
        let mut s = DncSet::new();
        let rep = s
            .load_additions("4075550123\n407,5550124\n\nnot a number\n305-555-0199\n".as_bytes())
            .unwrap();
        assert_eq!(
            rep,
            LoadReport {
                applied: 3,
                skipped: 1
            }
        );
        assert!(s.is_on_dnc("+14075550123"));
        assert!(s.is_on_dnc("(407) 555-0124"));
        assert!(!s.is_on_dnc("4075550125"));
        s.load_deletions("4075550123\n".as_bytes()).unwrap();
        assert!(!s.is_on_dnc("4075550123"));
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("dnc.bin");
        s.save(&p).unwrap();
        assert_eq!(DncSet::open(&p).unwrap(), s);
    }
}
