//! `phonestorm audit <DIR|FILE>... [--json] [--year N]`: website gaps of saved sites. A
//! directory is one site (its `.html` files, `index.html` first); a file is a one-page site.
//! A page's URL is its `<link rel="canonical">` when it has one, else its `file://` path.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use phonestorm_core::audit::{AuditConfig, FitConfig, Page, audit_site, fit_reason};
use serde_json::json;

/// Largest page read.
const MAX_PAGE_BYTES: u64 = 4 * 1024 * 1024;
/// Most pages read per site directory.
const MAX_PAGES: usize = 50;

/// Arguments of `phonestorm audit`.
#[derive(clap::Args, Debug)]
pub struct AuditArgs {
    /// Site directories or single HTML files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Current year for the stale-copyright check (default: the system clock's).
    #[arg(long)]
    year: Option<i32>,
    /// One JSON line per site.
    #[arg(long)]
    json: bool,
}

/// The civil year of a Unix time (days → year, proleptic Gregorian).
fn year_of(unix_secs: i64) -> i32 {
    let days = unix_secs.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

fn canonical_url(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("link[rel=canonical]").ok()?;
    doc.select(&sel)
        .find_map(|e| e.value().attr("href").map(|h| h.trim().to_string()))
        .filter(|h| url_ok(h))
}

fn url_ok(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), 0)];
    while let Some((d, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() && depth < 3 {
                stack.push((p, depth + 1));
            } else if p.extension().is_some_and(|x| x == "html" || x == "htm") {
                out.push(p);
            }
        }
    }
    out.sort_by_key(|p| (p.file_stem().is_none_or(|s| s != "index"), p.clone()));
    out.truncate(MAX_PAGES);
    out
}

fn load(path: &Path) -> Result<Vec<Page>, String> {
    let files = if path.is_dir() {
        html_files(path)
    } else {
        vec![path.to_path_buf()]
    };
    let mut pages = Vec::new();
    for f in files {
        let meta = std::fs::metadata(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        if meta.len() > MAX_PAGE_BYTES {
            continue;
        }
        let bytes = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let html = String::from_utf8_lossy(&bytes).into_owned();
        let abs = std::fs::canonicalize(&f).unwrap_or(f.clone());
        let url = canonical_url(&html).unwrap_or_else(|| format!("file://{}", abs.display()));
        pages.push(Page { url, html });
    }
    Ok(pages)
}

/// Runs the subcommand. Exit status 1 when a site could not be audited.
pub fn run(args: AuditArgs) -> ExitCode {
    let year = args.year.unwrap_or_else(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        year_of(secs)
    });
    let config = AuditConfig::default();
    let fit = FitConfig::default();
    let mut failed = false;
    for path in &args.paths {
        let site = path.display().to_string();
        let result = load(path).and_then(|pages| {
            audit_site(&pages, year, &config).map_err(|e| format!("{e} ({})", e.code()))
        });
        let report = match result {
            Ok(r) => r,
            Err(e) => {
                failed = true;
                if args.json {
                    println!("{}", json!({"site": site, "error": e}));
                } else {
                    eprintln!("phonestorm audit: {site}: {e}");
                }
                continue;
            }
        };
        let reason = fit_reason(&report.signals, &fit).unwrap_or_default();
        if args.json {
            let emails: Vec<&str> = report.emails.iter().map(|e| e.email.as_str()).collect();
            println!(
                "{}",
                json!({"site": site, "pages": report.pages, "gaps": report.gaps, "signals": report.signals,
                       "emails": emails, "best_email": report.best_email, "fit_reason": reason})
            );
        } else {
            println!("{site} ({} page(s))", report.pages);
            for g in &report.gaps {
                println!(
                    "  {:<28} {}  [{}]",
                    g.key,
                    g.value,
                    g.source_url.as_deref().unwrap_or("-")
                );
            }
            if report.gaps.is_empty() {
                println!("  no gaps");
            }
            println!("  email: {}", report.best_email.as_deref().unwrap_or("-"));
            println!("  fit_reason: {reason}");
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn years() {
        assert_eq!(super::year_of(0), 1970);
        assert_eq!(super::year_of(1_767_225_600), 2026); // 2026-01-01T00:00:00Z
        assert_eq!(super::year_of(1_767_225_599), 2025);
    }
}
