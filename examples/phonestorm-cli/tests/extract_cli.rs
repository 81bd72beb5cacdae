//! Runs `phonestorm extract` as a process on a text site, stdin and bad inputs.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn phonestorm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_phonestorm"))
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("phonestorm-extract-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn directory_is_one_site_with_a_best_number() {
    let dir = scratch("site");
    std::fs::write(
        dir.join("index.txt"),
        "Sunrise HVAC. Call 305-555-0234. Toll free 1-888-555-0247.",
    )
    .unwrap();
    std::fs::write(dir.join("contact.txt"), "Office: (305) 555-0234 ext. 12").unwrap();
    std::fs::write(dir.join("notes.txt"), "Order 2024-05-01, total $1,299.00").unwrap();
    let out = phonestorm()
        .args(["extract", "--json", "--base-url", "https://sunrise.example"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let (site, findings) = lines.split_last().unwrap();
    assert_eq!(site["best"], "+13055550234", "{site}");
    assert_eq!(site["lead"]["lead_phone_e164"], "+13055550234");
    assert_eq!(site["lead"]["phone_source"], "contact_page");
    assert_eq!(findings.len(), 3, "{findings:?}");
    for finding in findings {
        for field in [
            "e164",
            "raw",
            "extension",
            "type",
            "role",
            "placement",
            "page_kind",
            "page",
            "confidence",
        ] {
            assert!(finding.get(field).is_some(), "{field} missing in {finding}");
        }
    }
    let contact = findings
        .iter()
        .find(|f| f["page_kind"] == "contact")
        .unwrap();
    assert_eq!(contact["page"], "https://sunrise.example/contact.txt");
    assert_eq!(contact["extension"], "12");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_from_stdin() {
    let mut child = phonestorm()
        .args(["extract", "--json", "--text", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Call (305) 555-0234 today.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["e164"], "+13055550234");
    assert_eq!(lines[0]["start"], 5);
    assert_eq!(lines.last().unwrap()["site"], "-");
    assert_eq!(lines.last().unwrap()["best"], "+13055550234");
}

#[test]
fn bad_inputs_are_reported_and_the_rest_still_runs() {
    let dir = scratch("bad");
    let bad_utf8 = dir.join("bad.txt");
    std::fs::write(&bad_utf8, b"Call 305-555-0234 \xff\xfe").unwrap();
    let huge = dir.join("huge.txt");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let good = dir.join("contact.txt");
    std::fs::write(&good, "Phone: 954-555-0212").unwrap();
    let out = phonestorm()
        .args(["extract", "--json"])
        .arg(&bad_utf8)
        .arg(dir.join("missing.txt"))
        .arg(&huge)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("cannot open"), "{stderr}");
    assert!(stderr.contains("larger than"), "{stderr}");
    let lines = json_lines(&out.stdout);
    let site = lines.last().unwrap();
    assert_eq!(site["best"], "+19545550212");
    assert_eq!(lines[0]["page_kind"], "contact");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn human_output_names_the_best_number() {
    let dir = scratch("human");
    let file = dir.join("about.txt");
    std::fs::write(&file, "Owner cell (786) 555-0291").unwrap();
    let out = phonestorm().arg("extract").arg(&file).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("best: +17865550291"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bundled_html_site_is_scored_with_placements_and_never_picks_the_fax() {
    let site_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../sites/sunrise-hvac");
    let out = phonestorm()
        .args(["extract", "--json"])
        .arg(&site_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let (site, findings) = lines.split_last().unwrap();
    assert_eq!(site["best"], "+13055550234", "{site}");
    let placements: Vec<&str> = findings
        .iter()
        .filter(|f| f["e164"] == "+13055550234")
        .filter_map(|f| f["placement"].as_str())
        .collect();
    assert!(placements.contains(&"tel_link"), "{placements:?}");
    assert!(
        findings
            .iter()
            .any(|f| f["e164"] == "+13055550235" && f["role"] == "fax"),
        "fax number not labelled: {findings:?}"
    );
    // A forced --text run of the same HTML file sees no tel: link placement.
    let out = phonestorm()
        .args(["extract", "--json", "--text"])
        .arg(site_dir.join("index.html"))
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|f| f["placement"] == "body")
    );
}
