//! `phonestorm`: the command-line face of the library.
//!
//! Each group of subcommands lives in its own module; `main` only dispatches.

mod audit;
mod audit_site;
mod compliance;
mod extract;
mod normalize;
mod outreach;
mod qualify;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod enrich;

/// Lead enrichment with phone intelligence, and compliant outreach.
#[derive(Parser)]
#[command(name = "phonestorm", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the version of the numbering data.
    DataVersion,
    /// Enrich leads: discover domains (also by phone), extract phones and emails.
    Enrich(enrich::EnrichArgs),
    /// Crawl one site and list the phones and emails found.
    Crawl(enrich::CrawlArgs),
    /// Deep audit of one site (map, filter, scrape, dossier with gaps and talking points).
    AuditSite(audit_site::AuditSiteArgs),
    /// May this message go to this recipient now? (allow / defer / deny with reasons)
    CheckSend(compliance::CheckSendArgs),
    /// Classify an inbound reply: keyword, intent, sentiment, action.
    ClassifyReply(compliance::ClassifyReplyArgs),
    /// Find, classify and score the phone numbers of pages (files, site directories, stdin).
    Extract(extract::ExtractArgs),
    /// Normalise phone numbers to E.164 (arguments, or one per line on stdin).
    Normalize(normalize::NormalizeArgs),
    /// Qualify Google Places records: phone filter, signals, score (seed 001).
    Qualify(qualify::QualifyArgs),
    /// Audit saved website pages: gaps, emails, fit reason.
    Audit(audit::AuditArgs),
    /// Outreach: CRM store, contact import, campaigns, due touches, metrics, DNC files.
    Outreach(outreach::OutreachArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::DataVersion => {
            println!("{}", phonestorm_core::phone::nanp_data::SOURCE_VERSION);
            ExitCode::SUCCESS
        }
        Command::Enrich(args) => enrich::run_enrich(args),
        Command::Crawl(args) => enrich::run_crawl(args),
        Command::AuditSite(args) => audit_site::run(args),
        Command::CheckSend(args) => compliance::check_send(args),
        Command::ClassifyReply(args) => compliance::classify_reply(args),
        Command::Extract(args) => extract::run(args),
        Command::Normalize(args) => normalize::run(args),
        Command::Qualify(args) => qualify::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Outreach(args) => outreach::run(args),
    }
}
