//! `phonestorm audit-site <URL>`: the seed 001 deep audit (map → filter → scrape → dossier)
//! on one site, from the live web or a WARC, with an optional Ollama model for the wording.

use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use phonestorm_core::qualify::Signal;
use phonestorm_scrape::crawl::Crawler;
use phonestorm_scrape::deep_audit::{AuditJob, DeepAudit, DeepAuditConfig, JobStatus};
use phonestorm_scrape::llm::{OllamaConfig, OllamaLlm};

use crate::enrich::{SourceArgs, init_logs, runtime, sources};

/// Arguments of `phonestorm audit-site`.
#[derive(Args, Debug)]
pub struct AuditSiteArgs {
    /// The site (URL or bare domain).
    url: String,
    /// Business name for the dossier (default: the domain).
    #[arg(long)]
    name: Option<String>,
    /// Sourcing signals to combine with the audit (`LOW_GOOGLE_RATING,NEEDS_WEB_AUDIT`).
    #[arg(long, value_delimiter = ',')]
    signals: Vec<String>,
    /// Ollama base URL for the summary and talking points (without it: deterministic text).
    #[arg(long)]
    ollama: Option<String>,
    /// Ollama model.
    #[arg(long, default_value = "llama3.1:8b")]
    model: String,
    /// Print the whole job as JSON (phases, URLs, dossier).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    source: SourceArgs,
}

/// Runs `phonestorm audit-site`.
pub fn run(args: AuditSiteArgs) -> ExitCode {
    init_logs(false);
    let signals: Result<Vec<Signal>, String> = args
        .signals
        .iter()
        .map(|s| {
            s.trim()
                .parse()
                .map_err(|_| format!("unknown signal {s:?}"))
        })
        .collect();
    let res = signals.and_then(|signals| {
        runtime().and_then(|rt| {
            rt.block_on(async {
                let src = sources(&args.source)?;
                let crawler = Crawler::new(src.fetcher.clone(), Default::default());
                let mut audit = DeepAudit::new(crawler, src.fetcher, DeepAuditConfig::default());
                if let Some(url) = &args.ollama {
                    let llm = OllamaLlm::new(OllamaConfig {
                        base_url: url.clone(),
                        model: args.model.clone(),
                        ..Default::default()
                    })
                    .map_err(|e| e.to_string())?;
                    audit = audit.with_llm(Arc::new(llm));
                }
                let name = args.name.clone().unwrap_or_else(|| args.url.clone());
                let mut job = AuditJob::new(&args.url, &name, signals);
                let year = jiff::Zoned::now().year().into();
                audit.run(&mut job, year).await;
                Ok::<_, String>(job)
            })
        })
    });
    let job = match res {
        Ok(job) => job,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&job).unwrap_or_default());
    } else {
        for p in &job.phases {
            let status = serde_json::to_value(p.status).unwrap_or_default();
            let name = serde_json::to_value(p.name).unwrap_or_default();
            println!(
                "{:<17} {}{}",
                name.as_str().unwrap_or(""),
                status.as_str().unwrap_or(""),
                p.error
                    .as_deref()
                    .map(|e| format!(": {e}"))
                    .unwrap_or_default()
            );
        }
        if let Some(d) = &job.dossier {
            println!("\n{}\n{}", d.fit_reason, d.summary);
            for g in &d.identified_gaps {
                println!(
                    "  gap {:<28} {}",
                    g.key,
                    g.source_url.as_deref().unwrap_or("")
                );
            }
            for t in &d.talking_points {
                println!("  say [{}] {}", t.approved_claim_id, t.text);
            }
        }
    }
    if job.status == JobStatus::Completed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
