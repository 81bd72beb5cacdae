//! `phonestorm extract [--base-url URL] [--page-kind K] [--html|--text] [--json] <FILE|DIR|->...`
//!
//! Each FILE (or `-`, stdin) is one site of one page; a DIR is one site whose pages
//! (`*.html`, `*.htm`, `*.txt`, `*.text`, `*.md`, recursively) are scored together, the page
//! kind coming from each file's name (`index`/`home` → home, `contact*` → contact,
//! `about*` → about). HTML or text is told from the extension (`.html`/`.htm` vs
//! `.txt`/`.text`/`.md`) and otherwise from the content, unless `--html` or `--text` forces it.
//! Bad inputs are reported on stderr and the others still run; the exit status is 1 when
//! any input failed.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use phonestorm_core::phone::PageKind;
use phonestorm_core::phone::classify::type_name;
use phonestorm_core::phone::pipeline::{
    ExtractOptions, PageFormat, PageInput, SiteExtraction, extract_site,
};
use phonestorm_core::phone::score::ScoreConfig;
use serde_json::json;

/// Largest page read, in bytes: bigger ones are reported and skipped.
pub const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;
/// Most pages read from one directory.
const MAX_PAGES_PER_SITE: usize = 500;
/// Deepest directory level read.
const MAX_DEPTH: usize = 8;

/// Arguments of `phonestorm extract`.
#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// URL of the page (or of the site, for a directory: page paths are appended).
    #[arg(long)]
    base_url: Option<String>,
    /// Page kind of a single FILE: home, contact, about or other (default: from the path).
    #[arg(long, value_parser = parse_page_kind)]
    page_kind: Option<PageKind>,
    /// Inputs are HTML, whatever their extension or content.
    #[arg(long, conflicts_with = "text")]
    html: bool,
    /// Inputs are plain text, whatever their extension or content.
    #[arg(long)]
    text: bool,
    /// One JSON object per number, then one per site.
    #[arg(long)]
    json: bool,
    /// Files, directories (one site each) or `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<String>,
}

fn parse_page_kind(value: &str) -> Result<PageKind, String> {
    match value.to_ascii_lowercase().as_str() {
        "home" => Ok(PageKind::Home),
        "contact" => Ok(PageKind::Contact),
        "about" => Ok(PageKind::About),
        "other" => Ok(PageKind::Other),
        _ => Err(format!(
            "unknown page kind {value:?} (home, contact, about, other)"
        )),
    }
}

/// One page read from disk or stdin.
struct LoadedPage {
    content: String,
    format: PageFormat,
    options: ExtractOptions,
}

/// Runs the subcommand.
pub fn run(args: ExtractArgs) -> ExitCode {
    let forced = if args.html {
        Some(PageFormat::Html)
    } else if args.text {
        Some(PageFormat::Text)
    } else {
        None
    };
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for input in &args.inputs {
        let pages = if input == "-" {
            read_stdin().map(|content| {
                let format = forced.unwrap_or_else(|| PageFormat::sniff(&content));
                vec![page_of(
                    content,
                    format,
                    args.base_url.clone(),
                    args.page_kind,
                )]
            })
        } else {
            let path = Path::new(input);
            if path.is_dir() {
                Ok(read_site(&args, forced, path, &mut failed))
            } else {
                read_file(path).map(|content| {
                    let page = args.base_url.clone().or_else(|| Some(input.clone()));
                    let kind = args.page_kind.or_else(|| Some(kind_from_path(path)));
                    let format = forced.unwrap_or_else(|| format_of(path, &content));
                    vec![page_of(content, format, page, kind)]
                })
            }
        };
        let pages = match pages {
            Ok(pages) => pages,
            Err(message) => {
                eprintln!("phonestorm extract: {input}: {message}");
                failed = true;
                continue;
            }
        };
        let inputs: Vec<PageInput<'_>> = pages
            .iter()
            .map(|p| PageInput {
                content: &p.content,
                format: p.format,
                options: &p.options,
            })
            .collect();
        let site = extract_site(&inputs, &HashMap::new(), &ScoreConfig::default());
        if print_site(&mut out, input, &site, args.json).is_err() {
            // stdout closed (e.g. `| head`): nothing more to say.
            break;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_site(
    out: &mut impl Write,
    site_name: &str,
    site: &SiteExtraction,
    as_json: bool,
) -> std::io::Result<()> {
    let lead = site.score.lead_phone_fields();
    if as_json {
        for finding in &site.findings {
            writeln!(out, "{}", serde_json::to_string(finding)?)?;
        }
        let numbers: Vec<_> = site
            .score
            .numbers
            .iter()
            .map(|n| {
                json!({
                    "e164": n.number.e164,
                    "confidence": n.confidence,
                    "source": n.source,
                    "type": n.phone_type,
                    "role": n.role,
                    "sightings": n.sightings,
                    "rejected": n.rejected,
                    "explanation": n.explanation,
                })
            })
            .collect();
        let line = json!({
            "site": site_name,
            "best": lead.lead_phone_e164,
            "lead": lead,
            "numbers": numbers,
        });
        writeln!(out, "{line}")?;
    } else {
        writeln!(out, "{site_name}")?;
        for finding in &site.findings {
            let ext = finding
                .extension
                .as_deref()
                .map(|e| format!(" x{e}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}{ext}\t{:?}\t{:?}\t{:?}\t{}\t{}\t{:.2}",
                finding.e164,
                finding.raw,
                finding.placement,
                finding.role,
                type_name(finding.phone_type),
                finding.page.as_deref().unwrap_or("-"),
                finding.confidence
            )?;
        }
        match &site.score.best {
            Some(best) => writeln!(
                out,
                "  best: {} ({:.2}, {}, {}): {}",
                best.number.e164,
                best.confidence,
                best.source,
                best.type_name(),
                best.explanation.join("; ")
            )?,
            None => writeln!(out, "  best: none")?,
        }
    }
    Ok(())
}

fn page_of(
    content: String,
    format: PageFormat,
    page: Option<String>,
    page_kind: Option<PageKind>,
) -> LoadedPage {
    LoadedPage {
        content,
        format,
        options: ExtractOptions {
            base_url: page,
            page_kind,
        },
    }
}

/// HTML or text from the file extension, else from the content.
fn format_of(path: &Path, content: &str) -> PageFormat {
    match extension_of(path).as_deref() {
        Some("html" | "htm" | "xhtml") => PageFormat::Html,
        Some("txt" | "text" | "md") => PageFormat::Text,
        _ => PageFormat::sniff(content),
    }
}

fn extension_of(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Page kind from a file name: `index`/`home` → home, `contact*` → contact,
/// `about*` → about, anything else → other.
fn kind_from_path(path: &Path) -> PageKind {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if stem == "index" || stem == "home" {
        PageKind::Home
    } else if stem.starts_with("contact") {
        PageKind::Contact
    } else if stem.starts_with("about") {
        PageKind::About
    } else {
        PageKind::Other
    }
}

/// Reads at most [`MAX_PAGE_BYTES`] + 1 bytes and checks size and UTF-8.
fn read_limited(reader: impl Read) -> Result<String, String> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(format!(
            "larger than {} MiB, skipped",
            MAX_PAGE_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (at byte {}), skipped",
            e.utf8_error().valid_up_to()
        )
    })
}

fn read_file(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    read_limited(file)
}

fn read_stdin() -> Result<String, String> {
    read_limited(std::io::stdin().lock())
}

/// Reads the pages of a directory; unreadable pages are reported and skipped.
fn read_site(
    args: &ExtractArgs,
    forced: Option<PageFormat>,
    dir: &Path,
    failed: &mut bool,
) -> Vec<LoadedPage> {
    let mut files = Vec::new();
    collect_files(dir, 0, &mut files, failed);
    files.sort();
    if files.len() > MAX_PAGES_PER_SITE {
        eprintln!(
            "phonestorm extract: {}: more than {MAX_PAGES_PER_SITE} pages, only the first are read",
            dir.display()
        );
        *failed = true;
        files.truncate(MAX_PAGES_PER_SITE);
    }
    let mut pages = Vec::new();
    for file in files {
        let relative = file.strip_prefix(dir).unwrap_or(&file);
        let mut url_path = String::new();
        for part in relative.components() {
            url_path.push('/');
            url_path.push_str(&part.as_os_str().to_string_lossy());
        }
        let page = match &args.base_url {
            Some(base) => format!("{}{url_path}", base.trim_end_matches('/')),
            None => url_path,
        };
        match read_file(&file) {
            Ok(content) => {
                let format = forced.unwrap_or_else(|| format_of(&file, &content));
                let kind = Some(kind_from_path(&file));
                pages.push(page_of(content, format, Some(page), kind));
            }
            Err(message) => {
                eprintln!("phonestorm extract: {}: {message}", file.display());
                *failed = true;
            }
        }
    }
    pages
}

fn collect_files(dir: &Path, depth: usize, files: &mut Vec<PathBuf>, failed: &mut bool) {
    if depth > MAX_DEPTH {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("phonestorm extract: {}: cannot list: {e}", dir.display());
            *failed = true;
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            collect_files(&path, depth + 1, files, failed);
        } else if kind.is_file() {
            let ext = extension_of(&path);
            if matches!(
                ext.as_deref(),
                Some("html" | "htm" | "xhtml" | "txt" | "text" | "md")
            ) && files.len() <= MAX_PAGES_PER_SITE
            {
                files.push(path);
            }
        }
    }
}
