//! `phonestorm`: the command-line face of the library.
//!
//! Each group of subcommands lives in its own module; `main` only dispatches.

mod audit;
mod normalize;
mod qualify;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
    /// Normalise phone numbers to E.164 (arguments, or one per line on stdin).
    Normalize(normalize::NormalizeArgs),
    /// Qualify Google Places records: phone filter, signals, score (seed 001).
    Qualify(qualify::QualifyArgs),
    /// Audit saved website pages: gaps, emails, fit reason.
    Audit(audit::AuditArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::DataVersion => {
            println!("{}", phonestorm_core::phone::nanp_data::SOURCE_VERSION);
            ExitCode::SUCCESS
        }
        Command::Normalize(args) => normalize::run(args),
        Command::Qualify(args) => qualify::run(args),
        Command::Audit(args) => audit::run(args),
    }
}
