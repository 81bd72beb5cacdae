//! Retry delays: exponential backoff with jitter, deterministic given a seed.

use super::WorkflowError;
use serde::{Deserialize, Serialize};

/// A retry policy. Defaults (phonestorm's choice; seed 001 only says "retries with
/// exponential backoff"): 5 attempts, 1 s base, ×2, capped at 60 s, ±20 % jitter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetryPolicy {
    /// Retries allowed after the first try.
    pub max_retries: u32,
    /// Delay before the first retry, in milliseconds.
    pub base_delay_ms: u64,
    /// Growth factor per retry.
    pub multiplier: f64,
    /// Upper bound of any delay, in milliseconds.
    pub max_delay_ms: u64,
    /// Jitter as a fraction of the delay (0.2 = ±20 %), 0..=1.
    pub jitter: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 5,
            base_delay_ms: 1_000,
            multiplier: 2.0,
            max_delay_ms: 60_000,
            jitter: 0.2,
        }
    }
}

/// SplitMix64: a tiny, well-mixed hash used to derive jitter from (seed, attempt).
fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

impl RetryPolicy {
    /// Checks the numbers: finite, multiplier ≥ 1, jitter within 0..=1.
    pub fn validate(&self) -> Result<(), WorkflowError> {
        if !self.multiplier.is_finite() || self.multiplier < 1.0 {
            return Err(WorkflowError::InvalidConfig("multiplier".into()));
        }
        if !self.jitter.is_finite() || !(0.0..=1.0).contains(&self.jitter) {
            return Err(WorkflowError::InvalidConfig("jitter".into()));
        }
        Ok(())
    }

    /// Delay in ms before retry number `retry` (0 = the first retry), or `None` when no
    /// retries are left. `base × multiplier^retry`, capped, then scaled by a jitter factor
    /// in `[1 − jitter, 1 + jitter)` drawn from `seed` and `retry`, and capped again.
    /// Invalid policies are treated as no jitter and multiplier 1.
    ///
    /// ```
    /// use phonestorm_core::workflow::RetryPolicy;
    /// let p = RetryPolicy { jitter: 0.0, ..Default::default() };
    /// assert_eq!((0..6).map(|r| p.delay_ms(r, 7)).collect::<Vec<_>>(),
    ///            [Some(1000), Some(2000), Some(4000), Some(8000), Some(16000), None]);
    /// let j = RetryPolicy::default();
    /// assert_eq!(j.delay_ms(2, 42), j.delay_ms(2, 42)); // deterministic
    /// assert!((3200..4800).contains(&j.delay_ms(2, 42).unwrap()));
    /// ```
    pub fn delay_ms(&self, retry: u32, seed: u64) -> Option<u64> {
        if retry >= self.max_retries {
            return None;
        }
        let ok = self.validate().is_ok();
        let mult = if ok { self.multiplier } else { 1.0 };
        let jitter = if ok { self.jitter } else { 0.0 };
        let cap = self.max_delay_ms as f64;
        let raw = (self.base_delay_ms as f64 * mult.powi(retry.min(1024) as i32)).min(cap);
        let u =
            (splitmix64(seed ^ splitmix64(u64::from(retry))) >> 11) as f64 / (1u64 << 53) as f64;
        let factor = 1.0 - jitter + 2.0 * jitter * u;
        Some((raw * factor).min(cap).max(0.0) as u64)
    }

    /// All delays of the schedule, in order.
    pub fn schedule_ms(&self, seed: u64) -> Vec<u64> {
        (0..self.max_retries.min(64))
            .filter_map(|r| self.delay_ms(r, seed))
            .collect()
    }
}
