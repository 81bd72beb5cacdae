//! Shared pieces of phonestorm's benchmarks: the deterministic corpus and the engines run on it.
//!
//! Not published; see `README.md` beside this crate.

pub mod corpus;
pub mod engines;
pub mod pathological;

/// CPU seconds used by this process so far (`CLOCK_PROCESS_CPUTIME_ID`). The comparison times
/// with it rather than wall time: the machine is shared, and wall time counts the others' work.
pub fn cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant libc knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}
