//! Finding phone numbers in free text, with byte spans.
//!
//! [`find_in_text`] is a hand-written, single-pass byte scanner: it skips bytes that cannot
//! start a number, gathers each *run* of digit groups and separators, and matches the run's
//! groups against the written forms of North American numbers (`(305) 234-5678`,
//! `305.234.5678`, `+1 305 234 5678`, `1-305-234-5678`, `3052345678`, vanity
//! `1-800-FLOWERS`, extensions `x12` / `ext. 12` / `;ext=12` / `,,12`), plus numbers of other
//! countries written with `+` or `011` (those go through [`super::normalize::normalize`]).
//! Every candidate must be a valid NANP number ([`super::nanp::check`]): fictional
//! 555-01XX numbers and unassigned area codes are not reported.
//!
//! Look-alikes are rejected from a bounded window around the digits: dates, times, prices,
//! percentages, counts ("… views"), zip+4, order / invoice / SKU / licence and other ID
//! numbers (a context word before the digits), IP and version strings, coordinates, long
//! digit runs, digits glued to letters, and digits inside URLs.
//!
//! Unicode: fullwidth digits, Unicode dashes and spaces, NBSP, soft hyphens and zero-width
//! characters are read as their ASCII counterparts (or ignored); spans always fall on char
//! boundaries of the input.
//!
//! ## Cost and bounds
//!
//! Time is linear in the input: every byte is visited a bounded number of times (look-behind
//! and look-ahead windows are at most [`CONTEXT_WINDOW`] bytes), and nothing backtracks.
//! At most [`MAX_MATCHES`] matches are returned, and at most [`MAX_INTL_ATTEMPTS`]
//! international candidates are handed to the (slower) international parser per call.

use super::nanp;
use super::types::PhoneNumber;

/// One phone number found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMatch {
    /// Byte offset of the first byte of the number as written (a `+`, `(` or digit).
    pub start: usize,
    /// Byte offset one past the last byte (the last digit, extension digit or vanity letter).
    pub end: usize,
    /// `text[start..end]`.
    pub raw: String,
    /// The number, normalised.
    pub number: PhoneNumber,
}

/// Most matches returned by one call (the rest of the input is not scanned).
pub const MAX_MATCHES: usize = 10_000;
/// Most international candidates (`+44 …`, `011 …`) parsed per call: that parser is far
/// slower than the NANP path, so hostile input full of `+` signs is bounded.
pub const MAX_INTL_ATTEMPTS: usize = 256;
/// Bytes of context read before and after a candidate to reject look-alikes.
pub const CONTEXT_WINDOW: usize = 48;

/// Most digits kept per group (longer groups are long digit runs and never match).
const MAX_GROUP_DIGITS: usize = 17;
/// Most extension digits.
const MAX_EXT_DIGITS: usize = 6;

/// Words that, just before a number, say it is an identifier and not a phone number.
/// Lower-case ASCII; matched as whole words. (Our own list, from common invoice, shop,
/// licensing and software vocabulary.)
const ID_WORDS: &[&str] = &[
    "acct",
    "account",
    "batch",
    "booking",
    "build",
    "case",
    "cert",
    "certificate",
    "claim",
    "code",
    "confirmation",
    "docket",
    "doi",
    "ein",
    "file",
    "id",
    "inv",
    "invoice",
    "isbn",
    "issn",
    "item",
    "lic",
    "licence",
    "license",
    "lot",
    "member",
    "model",
    "nmls",
    "order",
    "part",
    "patent",
    "permit",
    "pin",
    "po",
    "policy",
    "receipt",
    "ref",
    "reference",
    "reg",
    "registration",
    "release",
    "reservation",
    "routing",
    "serial",
    "sku",
    "sn",
    "ssn",
    "ticket",
    "tracking",
    "transaction",
    "txn",
    "upc",
    "ver",
    "version",
    "vin",
];

/// Words between an ID word and the digits that do not break the ID context ("Order No.").
const FILLER_WORDS: &[&str] = &["no", "nr", "num", "number", "n", "is", "of"];

/// Words that, just after a number, say it is a count or a quantity.
const COUNT_WORDS: &[&str] = &[
    "bytes",
    "copies",
    "customers",
    "dollars",
    "downloads",
    "followers",
    "ft",
    "gb",
    "items",
    "kb",
    "kg",
    "km",
    "lbs",
    "likes",
    "mb",
    "members",
    "miles",
    "people",
    "points",
    "pts",
    "records",
    "results",
    "reviews",
    "rows",
    "shares",
    "sold",
    "sq",
    "subscribers",
    "times",
    "units",
    "usd",
    "users",
    "views",
    "visitors",
    "visits",
    "votes",
];

/// Finds every phone number in `text`, in order, with byte spans.
///
/// ```
/// use phonestorm_core::phone::text::find_in_text;
///
/// let found = find_in_text("Call (305) 234-5678 x12 or text +1 786.321.4567 today.");
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].number.e164, "+13052345678");
/// assert_eq!(found[0].number.extension.as_deref(), Some("12"));
/// assert_eq!(found[0].raw, "(305) 234-5678 x12");
/// assert_eq!(found[1].raw, "+1 786.321.4567");
///
/// // Look-alikes are not numbers.
/// assert!(find_in_text("Order #305-234-5678 shipped 2024-03-05 at 10:30, $3052345678.00").is_empty());
/// assert!(find_in_text("see http://example.com/item/3052345678 or 192.168.100.200").is_empty());
/// ```
pub fn find_in_text(text: &str) -> Vec<TextMatch> {
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        groups: Vec::new(),
        seps: Vec::new(),
        out: Vec::new(),
        intl_attempts: 0,
        glued_end: false,
    };
    scanner.run();
    scanner.out
}

/// What one character of a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Digit(u8),
    Space,
    Invisible,
    Dash,
    Dot,
    Slash,
    Open,
    Close,
    Plus,
}

/// Reads the run character at `i`: its kind and its length in bytes.
#[inline]
fn lex(b: &[u8], i: usize) -> Option<(Tok, usize)> {
    let c = *b.get(i)?;
    let t = match c {
        b'0'..=b'9' => Tok::Digit(c - b'0'),
        b' ' | b'\t' => Tok::Space,
        b'-' => Tok::Dash,
        b'.' => Tok::Dot,
        b'/' => Tok::Slash,
        b'(' => Tok::Open,
        b')' => Tok::Close,
        b'+' => Tok::Plus,
        0xC2 => {
            return match b.get(i + 1)? {
                0xA0 => Some((Tok::Space, 2)),     // NBSP
                0xAD => Some((Tok::Invisible, 2)), // soft hyphen
                _ => None,
            };
        }
        0xE2 => {
            let (c1, c2) = (*b.get(i + 1)?, *b.get(i + 2)?);
            let t = match (c1, c2) {
                (0x80, 0x80..=0x8A) | (0x80, 0xAF) | (0x81, 0x9F) => Tok::Space,
                (0x80, 0x8B..=0x8F) | (0x80, 0xAA..=0xAE) => Tok::Invisible,
                (0x81, 0xA0..=0xA4) | (0x81, 0xA6..=0xA9) => Tok::Invisible,
                (0x80, 0x90..=0x95) | (0x88, 0x92) => Tok::Dash,
                _ => return None,
            };
            return Some((t, 3));
        }
        0xE3 => {
            return (b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80))
                .then_some((Tok::Space, 3));
        }
        0xEF => {
            let (c1, c2) = (*b.get(i + 1)?, *b.get(i + 2)?);
            let t = match (c1, c2) {
                (0xBC, 0x90..=0x99) => Tok::Digit(c2 - 0x90),
                (0xBC, 0x88) => Tok::Open,
                (0xBC, 0x89) => Tok::Close,
                (0xBC, 0x8B) => Tok::Plus,
                (0xBC, 0x8D) => Tok::Dash,
                (0xBC, 0x8E) => Tok::Dot,
                (0xBC, 0x8F) => Tok::Slash,
                (0xBB, 0xBF) => Tok::Invisible,
                (0xB9, 0xA3) => Tok::Dash,
                _ => return None,
            };
            return Some((t, 3));
        }
        _ => return None,
    };
    Some((t, 1))
}

/// Bytes that may start a run: ASCII digits, `+`, `(`, and the lead byte of fullwidth forms.
static TRIGGER: [bool; 256] = {
    let mut t = [false; 256];
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = true;
        d += 1;
    }
    t[b'+' as usize] = true;
    t[b'(' as usize] = true;
    t[0xEF] = true;
    t
};

/// A maximal sequence of digits inside a run.
#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
    len: usize,
    digits: [u8; MAX_GROUP_DIGITS],
}

impl Group {
    fn digits(&self) -> &[u8] {
        &self.digits[..self.len.min(MAX_GROUP_DIGITS)]
    }
}

/// The separator before a group (for the first group: what precedes it inside the run).
#[derive(Debug, Clone, Copy, Default)]
struct Sep {
    spaces: u8,
    puncts: u8,
    slash: bool,
    open: Option<usize>,
    close: bool,
    plus: Option<usize>,
    bytes: usize,
}

impl Sep {
    /// Whether this separator splits two numbers (whitespace or a slash), as opposed to
    /// punctuation that glues digit groups into one token (`12-305`, `1.305`).
    fn breaks(&self) -> bool {
        self.spaces > 0 || self.slash
    }
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    groups: Vec<Group>,
    /// `seps[j]` is the separator before `groups[j]`.
    seps: Vec<Sep>,
    out: Vec<TextMatch>,
    intl_attempts: usize,
    /// The current run ended on punctuation that glues on to more digits or marks
    /// ("650-253-4561--455…"), so its last group cannot end a number.
    glued_end: bool,
}

/// A candidate number before its context is checked.
struct Candidate {
    start: usize,
    end: usize,
    national: [u8; 10],
    /// Groups consumed.
    used: usize,
    /// A single unformatted group of ten or eleven digits.
    unformatted: bool,
}

impl Scanner<'_> {
    fn run(&mut self) {
        let b = self.bytes;
        let mut i = 0;
        while i < b.len() && self.out.len() < MAX_MATCHES {
            // Skipping bytes that cannot start a run is its own small loop, not a `continue`
            // of this one: in WebAssembly, V8 charges every loop iteration the size of the
            // loop's body against the function's tier-up budget, and this loop's body holds
            // the call to the run scanner (the scanner itself where it is inlined), so a
            // `continue` per byte sent `find_in_text` to the optimising compiler within the
            // first page of a cold call (bench/coldstart.mjs). Natively the one search is
            // faster too.
            match b[i..].iter().position(|&c| TRIGGER[c as usize]) {
                Some(skip) => i += skip,
                None => break,
            }
            let next = self.scan_run(i);
            i = next.max(i + 1);
            // Never resume inside a multi-byte character.
            while i < b.len() && !self.text.is_char_boundary(i) {
                i += 1;
            }
        }
    }

    /// Lexes the run starting at `start` into groups and separators, matches it, and
    /// returns where scanning resumes. Out of line so that [`find_in_text`], called once per
    /// text block of a page, stays small: V8 charges a WebAssembly function's whole size
    /// against its tier-up budget on every return (see [`Scanner::run`]). Only on wasm32.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn scan_run(&mut self, start: usize) -> usize {
        let b = self.bytes;
        self.groups.clear();
        self.seps.clear();
        let mut sep = Sep::default();
        let mut group: Option<Group> = None;
        let mut i = start;
        self.glued_end = false;
        while let Some((tok, len)) = lex(b, i) {
            if let Tok::Digit(d) = tok {
                let g = group.get_or_insert_with(|| {
                    self.seps.push(sep);
                    Group {
                        start: i,
                        end: i,
                        len: 0,
                        digits: [0; MAX_GROUP_DIGITS],
                    }
                });
                if g.len < MAX_GROUP_DIGITS {
                    g.digits[g.len] = b'0' + d;
                }
                g.len += 1;
                g.end = i + len;
                i += len;
                continue;
            }
            if tok == Tok::Invisible && group.is_some() {
                // Zero-width marks inside a digit group do not split it.
                i += len;
                continue;
            }
            if let Some(g) = group.take() {
                self.groups.push(g);
                sep = Sep::default();
            }
            let first_sep = self.groups.is_empty();
            match tok {
                Tok::Space => sep.spaces = sep.spaces.saturating_add(1),
                Tok::Invisible => {}
                Tok::Dash | Tok::Dot => sep.puncts += 1,
                Tok::Slash => {
                    sep.puncts += 1;
                    sep.slash = true;
                }
                Tok::Open if sep.open.is_none() => sep.open = Some(i),
                Tok::Close if !sep.close && !first_sep => sep.close = true,
                Tok::Plus if first_sep && sep.plus.is_none() && sep.open.is_none() => {
                    sep.plus = Some(i)
                }
                _ => {
                    self.glued_end = !first_sep && sep.spaces == 0;
                    break;
                }
            }
            sep.bytes += len;
            if sep.puncts > 1 || sep.spaces > 3 || sep.bytes > 24 {
                self.glued_end = sep.spaces == 0;
                break;
            }
            i += len;
        }
        if let Some(g) = group.take() {
            self.groups.push(g);
        }
        let run_end = i;
        if self.groups.is_empty() {
            return run_end;
        }
        let mut resume = run_end;
        let mut k = 0;
        while k < self.groups.len() && self.out.len() < MAX_MATCHES {
            if let Some(used_end) = self.try_at(k, start) {
                k += used_end.0;
                resume = resume.max(used_end.1);
            } else {
                k += 1;
            }
        }
        // A run that ended where an international candidate stopped may resume earlier:
        // never go back before `run_end` (linear time), but never skip past matches.
        resume
    }

    /// Tries to match a number whose first group is `groups[k]`; on success pushes it and
    /// returns (groups consumed, end byte).
    fn try_at(&mut self, k: usize, run_start: usize) -> Option<(usize, usize)> {
        let sep = self.seps[k];
        // A number inside a run must be split from the digits before it by a space or slash.
        if k > 0 && !self.seps[k].breaks() {
            return None;
        }
        let g = self.groups[k];
        let intl_plus = sep.plus.is_some() && g.digits().first() != Some(&b'1');
        let exit_code = g.digits().starts_with(b"011");
        if intl_plus || exit_code {
            return self.try_international(k, run_start);
        }
        if let Some(cand) = self.nanp_candidate(k) {
            return self.accept(cand, k, run_start);
        }
        let cand = self.vanity_candidate(k)?;
        self.accept(cand, k, run_start)
    }

    /// Vanity numbers: `1-800-FLOWERS`, `800-GOT-JUNK`, `(305) 234-PIES`. The digits must be
    /// the last of their run, followed by `-` (or a space after a toll-free code) and
    /// upper-case letters.
    fn vanity_candidate(&self, k: usize) -> Option<Candidate> {
        let gs = &self.groups[k..];
        let ss = &self.seps[k..];
        if gs.len() > 3 {
            return None;
        }
        let mut lens_buf = [0usize; 3];
        for (l, g) in lens_buf.iter_mut().zip(gs) {
            *l = g.len;
        }
        let first = gs[0].digits()[0];
        let (npa_at, has_nxx) = match &lens_buf[..gs.len()] {
            [3] => (0, false),
            [3, 3] => (0, true),
            [1, 3] if first == b'1' => (1, false),
            [1, 3, 3] if first == b'1' => (1, true),
            _ => return None,
        };
        if ss[0].plus.is_some() && npa_at == 0 {
            return None;
        }
        let open = ss[npa_at].open;
        let paired = open.is_some() && ss.get(npa_at + 1).is_some_and(|s| s.close);
        for (j, s) in ss.iter().enumerate().skip(1) {
            let ok_open = j == npa_at && paired;
            let ok_close = j == npa_at + 1 && paired;
            if s.plus.is_some() || (s.open.is_some() && !ok_open) || (s.close && !ok_close) {
                return None;
            }
        }
        let b = self.bytes;
        let last = gs[gs.len() - 1];
        let npa = gs[npa_at].digits();
        let toll_free = nanp::TOLL_FREE_NPAS
            .iter()
            .any(|t| t.to_string().as_bytes() == npa);
        let mut i = last.end;
        match b.get(i) {
            Some(b'-') => i += 1,
            Some(b' ') if toll_free => i += 1,
            _ => return None,
        }
        let mut national = [0u8; 10];
        national[..3].copy_from_slice(npa);
        let mut n = 3;
        if has_nxx {
            national[3..6].copy_from_slice(gs[npa_at + 1].digits());
            n = 6;
        }
        let mut letters = 0;
        let mut prev_dash = true;
        while n < 10 {
            let c = *b.get(i)?;
            match c {
                b'A'..=b'Z' => {
                    national[n] = keypad(c);
                    letters += 1;
                }
                b'0'..=b'9' => national[n] = c,
                b'-' if !prev_dash => {
                    prev_dash = true;
                    i += 1;
                    continue;
                }
                _ => return None,
            }
            prev_dash = false;
            n += 1;
            i += 1;
        }
        // Extra letters of a longer word are not dialled ("1-800-MATTRESS").
        let mut extra = 0;
        while extra < 4 && b.get(i).is_some_and(u8::is_ascii_uppercase) && letters > 0 {
            i += 1;
            extra += 1;
        }
        if letters < 3 || b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        let start = match (ss[0].plus, npa_at == 0 && paired) {
            (Some(p), _) => p,
            (None, true) => open.unwrap_or(gs[0].start),
            _ => gs[0].start,
        };
        Some(Candidate {
            start,
            end: i,
            national,
            used: gs.len(),
            unformatted: false,
        })
    }

    /// Matches the NANP written forms from `groups[k]`.
    fn nanp_candidate(&self, k: usize) -> Option<Candidate> {
        let gs = &self.groups[k..];
        let ss = &self.seps[k..];
        let mut lens_buf = [0usize; 4];
        for (l, g) in lens_buf.iter_mut().zip(gs) {
            *l = g.len;
        }
        let lens = &lens_buf[..gs.len().min(4)];
        let first = gs[0].digits()[0];
        let plus = ss[0].plus;
        // (groups used, index of the area-code group, area code in parentheses required)
        let shape: (usize, usize, bool) = match lens {
            [10, ..] => (1, 0, false),
            [11, ..] if first == b'1' => (1, 0, false),
            [1, 3, 3, 4, ..] if first == b'1' => (4, 1, false),
            [1, 3, 7, ..] if first == b'1' => (3, 1, true),
            [1, 10, ..] if first == b'1' => (2, 1, false),
            [3, 3, 4, ..] => (3, 0, false),
            [3, 7, ..] => (2, 0, true),
            _ => return None,
        };
        let (used, npa_at, parens_required) = shape;
        let has_country = lens[0] == 11 || npa_at == 1;
        if plus.is_some() && !has_country {
            return None;
        }
        // Parentheses: only around the area code, and then on both sides.
        let open = ss[npa_at].open;
        let paired = open.is_some() && used > npa_at + 1 && ss[npa_at + 1].close;
        if parens_required && !paired {
            return None;
        }
        for (j, s) in ss.iter().enumerate().take(used).skip(1) {
            if s.plus.is_some() {
                return None;
            }
            let allowed_open = j == npa_at && paired;
            let allowed_close = j == npa_at + 1 && paired;
            if (s.open.is_some() && !allowed_open) || (s.close && !allowed_close) {
                return None;
            }
        }
        // All digits, then drop the leading country code.
        let mut all = [0u8; 11];
        let mut m = 0;
        for g in &gs[..used] {
            for &d in g.digits() {
                if m < 11 {
                    all[m] = d;
                    m += 1;
                }
            }
        }
        let digits = if has_country { &all[1..m] } else { &all[..m] };
        if digits.len() != 10 {
            return None;
        }
        let mut national = [0u8; 10];
        national.copy_from_slice(digits);
        let mut start = gs[0].start;
        if let Some(p) = plus {
            start = p;
        } else if npa_at == 0 && paired {
            start = open.unwrap_or(start);
        }
        Some(Candidate {
            start,
            end: gs[used - 1].end,
            national,
            used,
            unformatted: used == 1,
        })
    }

    /// Checks a candidate's context, reads a trailing extension, and records it.
    fn accept(&mut self, cand: Candidate, k: usize, run_start: usize) -> Option<(usize, usize)> {
        let last = k + cand.used - 1;
        // Digits glued by punctuation to the next group ("305-234-5678-9", "…5678.50").
        if let Some(next) = self.seps.get(last + 1)
            && !next.breaks()
        {
            return None;
        }
        if last + 1 == self.groups.len() && self.glued_end {
            return None;
        }
        if k == 0 && !self.clean_before(run_start) {
            return None;
        }
        if cand.unformatted && looks_like_date(&cand.national) {
            return None;
        }
        nanp::check(&cand.national).ok()?;
        if !self.context_ok(cand.start) {
            return None;
        }
        let mut end = cand.end;
        let mut extension = None;
        if last + 1 == self.groups.len() {
            if let Some((ext, ext_end)) = parse_extension(self.bytes, end) {
                extension = Some(ext);
                end = ext_end;
            } else if !self.clean_after(end) {
                return None;
            }
        }
        if count_word_after(self.bytes, end) {
            return None;
        }
        let mut e164 = String::with_capacity(12);
        e164.push_str("+1");
        e164.extend(cand.national.iter().map(|&d| d as char));
        self.push(cand.start, end, PhoneNumber { e164, extension });
        Some((cand.used, end))
    }

    /// International numbers: `+` and a country code other than 1, or the `011` exit code.
    fn try_international(&mut self, k: usize, run_start: usize) -> Option<(usize, usize)> {
        let gs = &self.groups[k..];
        let ss = &self.seps[k..];
        let start = ss[0].plus.unwrap_or(gs[0].start);
        let mut total = 0;
        let mut ends: Vec<(usize, usize)> = Vec::new(); // (groups used, end byte)
        for (j, g) in gs.iter().enumerate() {
            if j > 0 && (ss[j].plus.is_some() || ss[j].bytes > 3) {
                break;
            }
            total += g.len;
            if total > 17 {
                break;
            }
            if total >= 8 {
                ends.push((j + 1, g.end));
            }
        }
        if k == 0 && !self.clean_before(run_start) {
            return None;
        }
        if !self.context_ok(start) {
            return None;
        }
        for &(used, end) in ends.iter().rev().take(4) {
            if let Some(next) = ss.get(used)
                && !next.breaks()
            {
                continue;
            }
            if k + used == self.groups.len()
                && parse_extension(self.bytes, end).is_none()
                && !self.clean_after(end)
            {
                continue;
            }
            if self.intl_attempts >= MAX_INTL_ATTEMPTS {
                return None;
            }
            self.intl_attempts += 1;
            let raw = &self.text[start..end];
            if let Some(mut number) = normalize_international(raw) {
                let mut end = end;
                if k + used == self.groups.len()
                    && let Some((ext, ext_end)) = parse_extension(self.bytes, end)
                {
                    number.extension = Some(ext);
                    end = ext_end;
                }
                self.push(start, end, number);
                return Some((used, end));
            }
        }
        None
    }

    fn push(&mut self, start: usize, end: usize, number: PhoneNumber) {
        self.out.push(TextMatch {
            start,
            end,
            raw: self.text[start..end].to_owned(),
            number,
        });
    }

    /// The character before a run must not glue it to a word, a price, a URL or a time.
    fn clean_before(&self, run_start: usize) -> bool {
        let before = &self.text[..run_start];
        let mut chars = before.chars().rev();
        let Some(prev) = chars.next() else {
            return true;
        };
        // A number written from `+` or `(` may follow a word directly ("É+1 305…").
        let punct_start = matches!(self.bytes[run_start], b'+' | b'(' | 0xEF)
            && !self.bytes[run_start].is_ascii_digit();
        if is_latin_glue(prev) && !punct_start {
            return false;
        }
        if matches!(
            prev,
            '$' | '€' | '£' | '¥' | '#' | '@' | '=' | '/' | '\\' | '&' | '%' | '~' | '^' | '*'
        ) {
            return false;
        }
        let prev2 = chars.next();
        // "12-305…", "1.5.305…", "10:305…" and "1,305…" (IDs, decimals, times, counts).
        match prev {
            '-' | '.' => !prev2.is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/')),
            ':' => !prev2.is_some_and(|c| c.is_ascii_digit()),
            // "1,305…" is a count; "…5678,786-…" is a list of numbers.
            ',' => {
                let digits = before[..before.len() - 1]
                    .bytes()
                    .rev()
                    .take(4)
                    .take_while(u8::is_ascii_digit)
                    .count();
                digits == 0 || digits > 3
            }
            _ => true,
        }
    }

    /// The character after a number must not glue it to a word, a percentage or an email.
    fn clean_after(&self, end: usize) -> bool {
        let after = &self.text[end..];
        let mut chars = after.chars();
        let Some(next) = chars.next() else {
            return true;
        };
        if is_latin_glue(next) || matches!(next, '%' | '@' | '$' | '€' | '£' | '¥') {
            return false;
        }
        // "305-234-5678-ABC" or "305.234.5678.html": glued through punctuation.
        let following = chars.next();
        match next {
            '-' | '/' | ':' => !following.is_some_and(is_latin_glue),
            '.' => !following.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
            _ => true,
        }
    }

    /// Rejects numbers preceded by an ID word ("Order #", "Invoice No.") or inside a URL.
    fn context_ok(&self, start: usize) -> bool {
        let from = floor_boundary(self.text, start.saturating_sub(CONTEXT_WINDOW));
        let window = &self.text[from..start];
        if in_url(window) {
            return false;
        }
        !id_word_before(window)
    }
}

/// `true` when the bytes before the number (same whitespace-free token) look like a URL.
fn in_url(window: &str) -> bool {
    let token_start = window
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let token = &window[token_start..];
    if token.is_empty() {
        return false;
    }
    let lower_starts = |p: &str| {
        token.len() >= p.len() && token.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    if lower_starts("tel:") || lower_starts("sms:") || lower_starts("callto:") {
        return false;
    }
    token.contains("://") || lower_starts("www.") || token.contains('?') || token.contains('=')
}

/// `true` when the last word before the number (skipping filler like "No." and "#") is an
/// identifier word such as "order", "invoice" or "SKU".
fn id_word_before(window: &str) -> bool {
    let b = window.as_bytes();
    let mut end = b.len();
    for _ in 0..4 {
        // Skip punctuation and spaces (ASCII only; anything else ends the look-behind).
        while end > 0 && matches!(b[end - 1], b' ' | b'\t' | b'#' | b':' | b'.' | b'-' | b'\n') {
            end -= 1;
        }
        if end > 0 && b[end - 1] >= 0x80 {
            // NBSP and other spaces as written in HTML.
            let prefix = &window[..end];
            match prefix.chars().next_back() {
                Some(c) if c.is_whitespace() => {
                    end -= c.len_utf8();
                    continue;
                }
                _ => return false,
            }
        }
        let mut s = end;
        while s > 0 && b[s - 1].is_ascii_alphanumeric() {
            s -= 1;
        }
        if s == end {
            return false;
        }
        let word = &window[s..end];
        if word.len() > 16 {
            return false;
        }
        let mut lower = [0u8; 16];
        for (d, c) in lower.iter_mut().zip(word.bytes()) {
            *d = c.to_ascii_lowercase();
        }
        let lower = &lower[..word.len()];
        if ID_WORDS.iter().any(|w| w.as_bytes() == lower) {
            return true;
        }
        if !FILLER_WORDS.iter().any(|w| w.as_bytes() == lower) {
            return false;
        }
        end = s;
    }
    false
}

/// `true` when a count word ("views", "sold", "miles") follows the number.
fn count_word_after(b: &[u8], end: usize) -> bool {
    let mut i = end;
    let mut spaces = 0;
    while i < b.len() && b[i] == b' ' && spaces < 3 {
        i += 1;
        spaces += 1;
    }
    let s = i;
    while i < b.len() && b[i].is_ascii_alphabetic() && i - s < 16 {
        i += 1;
    }
    if i == s || (i < b.len() && b[i].is_ascii_alphanumeric()) {
        return false;
    }
    let word = &b[s..i];
    COUNT_WORDS
        .iter()
        .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
}

/// Reads an extension at `pos` (right after the last digit): `x12`, ` ext. 12`,
/// ` extension 12`, `;ext=12`, `,,12`, `, ext 12`. Returns the digits and the end byte.
fn parse_extension(b: &[u8], pos: usize) -> Option<(String, usize)> {
    let mut i = pos;
    let mut commas = 0;
    let mut other = 0;
    while i < b.len() && i - pos < 3 {
        match b[i] {
            b',' => commas += 1,
            b' ' | b';' => other += 1,
            _ => break,
        }
        i += 1;
    }
    let pause = commas > 0 && other == 0 && b.get(i).is_some_and(u8::is_ascii_digit);
    if !pause {
        let rest = &b[i..];
        let kw = [b"extension".as_slice(), b"ext", b"x"]
            .into_iter()
            .find(|kw| rest.len() >= kw.len() && rest[..kw.len()].eq_ignore_ascii_case(kw))?;
        i += kw.len();
        if b.get(i) == Some(&b'.') {
            i += 1;
        }
        let mark = i;
        while i < b.len() && matches!(b[i], b' ' | b':' | b'=' | b'#') && i - mark < 3 {
            i += 1;
        }
    }
    let ds = i;
    while i < b.len() && b[i].is_ascii_digit() && i - ds <= MAX_EXT_DIGITS {
        i += 1;
    }
    let n = i - ds;
    let glued = match b.get(i) {
        Some(c) if c.is_ascii_alphanumeric() => true,
        Some(b'-' | b'/' | b'.') => b.get(i + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    };
    if n == 0 || n > MAX_EXT_DIGITS || glued {
        return None;
    }
    let ext = std::str::from_utf8(&b[ds..i]).ok()?.to_owned();
    Some((ext, i))
}

/// A ten-digit run that starts like `YYYYMMDD` (19xx/20xx, month 01–12, day 01–31).
fn looks_like_date(d: &[u8; 10]) -> bool {
    let num = |a: usize, b: usize| {
        d[a..b]
            .iter()
            .fold(0u32, |x, c| x * 10 + u32::from(c - b'0'))
    };
    let year = num(0, 4);
    let month = num(4, 6);
    let day = num(6, 8);
    (1900..=2099).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Letters and digits that glue onto a number: ASCII, Latin letters with accents and
/// combining marks, `_`. (Chinese and other scripts written without spaces do not.)
fn is_latin_glue(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '_'
        || matches!(c as u32, 0xC0..=0x24F | 0x300..=0x36F | 0x1E00..=0x1EFF)
            && c != '×'
            && c != '÷'
}

/// The digit a telephone keypad puts on an upper-case letter.
fn keypad(c: u8) -> u8 {
    match c {
        b'A'..=b'C' => b'2',
        b'D'..=b'F' => b'3',
        b'G'..=b'I' => b'4',
        b'J'..=b'L' => b'5',
        b'M'..=b'O' => b'6',
        b'P'..=b'S' => b'7',
        b'T'..=b'V' => b'8',
        _ => b'9',
    }
}

/// The largest char boundary at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// International numbers are handed to the general normaliser (the `phonenumber` crate's
/// metadata, loaded once per process on first use).
fn normalize_international(raw: &str) -> Option<PhoneNumber> {
    super::normalize::normalize(raw, "US").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn e164s(text: &str) -> Vec<String> {
        find_in_text(text)
            .into_iter()
            .map(|m| m.number.e164)
            .collect()
    }

    #[test]
    fn pathological_inputs_are_linear() {
        let inputs = [
            "1-".repeat(500_000),
            "1".repeat(1_000_000),
            "(305) ".repeat(170_000),
            "+1 ".repeat(330_000),
            "305-234-5678 ".repeat(77_000),
            "+44 20 ".repeat(140_000),
            "3.".repeat(500_000),
            "x1 ".repeat(330_000),
        ];
        for input in &inputs {
            let found = find_in_text(input);
            assert!(found.len() <= MAX_MATCHES);
        }
        assert_eq!(find_in_text(&inputs[4]).len(), MAX_MATCHES);
    }

    #[test]
    fn date_like_ten_digit_runs() {
        assert!(e164s("2024031512").is_empty());
        assert_eq!(e164s("2025551234"), ["+12025551234"]);
    }

    #[test]
    fn resumes_after_rejected_run() {
        assert_eq!(
            e164s("Order #12345678, call 305-234-5678"),
            ["+13052345678"]
        );
        assert_eq!(e164s("v1.2.3 and 305 234 5678"), ["+13052345678"]);
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(text in "\\PC{0,200}") {
            for m in find_in_text(&text) {
                prop_assert!(m.start < m.end && m.end <= text.len());
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert_eq!(&text[m.start..m.end], m.raw.as_str());
                prop_assert_eq!(m.number.e164.len(), 12);
            }
        }

        #[test]
        fn phone_alphabet_soup(text in "[0-9 ()+.\\-/x,:#$%A-Za-z\u{a0}\u{2013}\u{200b}\u{ff10}-\u{ff19}]{0,300}") {
            let found = find_in_text(&text);
            let mut last_end = 0;
            for m in &found {
                prop_assert!(m.start >= last_end, "matches overlap");
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                last_end = m.end;
            }
            prop_assert!(found.len() <= text.len() / 10 + 1);
        }

        #[test]
        fn embedded_number_is_found(pre in "[a-c ]{0,20}", post in "[a-c ]{0,20}") {
            let text = format!("{pre} (305) 234-5678 {post}");
            prop_assert_eq!(e164s(&text), vec!["+13052345678".to_string()]);
        }
    }
}
