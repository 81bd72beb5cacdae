//! DNC lookup throughput: 300 000 listed numbers, 100 000 lookups.
//! Figures: `cargo test --release -p phonestorm-outreach --test dnc_bench -- --nocapture`.

use phonestorm_outreach::dnc::DncSet;

#[test]
fn dnc_100k_lookups_in_seconds() {
    // Deterministic pseudo-random numbers over a few Florida area codes, in both line formats.
    let npas = [
        305u64, 321, 352, 386, 407, 561, 689, 727, 786, 813, 850, 904, 954,
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut file = String::with_capacity(12_000_000);
    let mut listed = Vec::new();
    for i in 0..300_000u64 {
        let npa = npas[(next() % npas.len() as u64) as usize];
        let sub = 2_000_000 + next() % 8_000_000;
        if i % 2 == 0 {
            file.push_str(&format!("{npa}{sub:07}\n"));
        } else {
            file.push_str(&format!("{npa},{sub:07}\n"));
        }
        if i % 10 == 0 {
            listed.push(format!("+1{npa}{sub:07}"));
        }
    }
    let t = std::time::Instant::now();
    let mut set = DncSet::new();
    set.load_additions(file.as_bytes()).unwrap();
    let load = t.elapsed();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("dnc.bin");
    set.save(&p).unwrap();
    let t = std::time::Instant::now();
    let set = DncSet::open(&p).unwrap();
    let open = t.elapsed();
    let queries: Vec<String> = (0..100_000u64)
        .map(|i| {
            if i % 2 == 0 {
                listed[(i as usize / 2) % listed.len()].clone()
            } else {
                format!("+1407{:07}", 2_000_000 + next() % 8_000_000)
            }
        })
        .collect();
    let t = std::time::Instant::now();
    let hits = queries.iter().filter(|q| set.is_on_dnc(q)).count();
    let look = t.elapsed();
    assert!(hits >= 50_000, "{hits}");
    assert!(look.as_secs_f64() < 5.0, "100k lookups took {look:?}");
    println!(
        "DNC: {} numbers loaded from text in {:?}, binary file {} bytes opened in {:?}; 100000 lookups in {:?} ({:.0}/s), {hits} hits",
        set.len(),
        load,
        std::fs::metadata(&p).unwrap().len(),
        open,
        look,
        100_000.0 / look.as_secs_f64()
    );
}
