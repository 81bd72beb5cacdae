//! `check-send` and `classify-reply`: the compliance gate and reply classification.

use clap::Args;
use phonestorm_core::compliance::{Channel, History, Outgoing, Policy, Recipient, check};
use phonestorm_core::reply::{ReplyConfig, classify, decide};
use std::process::ExitCode;

/// Arguments of `phonestorm check-send`.
#[derive(Args)]
pub struct CheckSendArgs {
    /// Recipient phone number (E.164, e.g. +13055550123) or, with `--channel email`, address.
    #[arg(long)]
    to: String,
    /// The send instant, RFC 3339 (e.g. 2025-06-02T23:30:00Z).
    #[arg(long)]
    at: String,
    /// USPS state of the recipient's address (overrides the area code's).
    #[arg(long)]
    state: Option<String>,
    /// IANA time zone of the recipient's address (overrides the area code's zones).
    #[arg(long)]
    zone: Option<String>,
    /// Channel.
    #[arg(long, value_parser = ["sms", "call", "email"], default_value = "sms")]
    channel: String,
    /// JSON file with the history: {"messages": [...], "opt_outs": [...], "opt_ins": [...]}.
    #[arg(long)]
    history: Option<std::path::PathBuf>,
    /// JSON file with the policy (missing fields take the defaults).
    #[arg(long)]
    policy: Option<std::path::PathBuf>,
    /// The number is on a Do-Not-Call list.
    #[arg(long)]
    dnc: bool,
    /// Campaign id.
    #[arg(long)]
    campaign: Option<String>,
    /// Subject (for the Florida/Maryland same-subject caps); defaults to the campaign.
    #[arg(long)]
    subject: Option<String>,
    /// Sending user id.
    #[arg(long)]
    user: Option<String>,
    /// A manual send (seed 000 per-user SMS cap).
    #[arg(long)]
    manual: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn read_json<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Runs `check-send`.
pub fn check_send(args: CheckSendArgs) -> ExitCode {
    match run_check_send(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("phonestorm check-send: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_check_send(args: CheckSendArgs) -> Result<(), String> {
    let now: jiff::Timestamp = args
        .at
        .parse()
        .map_err(|e| format!("--at {:?} is not an RFC 3339 instant: {e}", args.at))?;
    let channel = match args.channel.as_str() {
        "call" => Channel::Call,
        "email" => Channel::Email,
        _ => Channel::Sms,
    };
    let policy: Policy = match &args.policy {
        Some(p) => read_json(p)?,
        None => Policy::default(),
    };
    let history: History = match &args.history {
        Some(p) => read_json(p)?,
        None => History::default(),
    };
    let mut recipient = Recipient {
        state: args.state,
        zone: args.zone,
        dnc_listed: args.dnc,
        ..Default::default()
    };
    if channel == Channel::Email {
        recipient.email = Some(args.to);
    } else {
        recipient.phone = Some(args.to);
    }
    let outgoing = Outgoing {
        channel,
        campaign_id: args.campaign,
        subject: args.subject,
        user_id: args.user,
        manual: args.manual,
    };
    let report = check(&policy, &recipient, &outgoing, &history, now).report();
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        match report.until {
            Some(until) => println!("{} until {until}", report.decision),
            None => println!("{}", report.decision),
        }
        for r in &report.reasons {
            println!("  - {}", r.explanation);
        }
    }
    Ok(())
}

/// Arguments of `phonestorm classify-reply`.
#[derive(Args)]
pub struct ClassifyReplyArgs {
    /// The inbound message.
    text: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `classify-reply`.
pub fn classify_reply(args: ClassifyReplyArgs) -> ExitCode {
    let cfg = ReplyConfig::default();
    let c = classify(&args.text, &cfg);
    let action = decide(&c, &cfg.decision);
    if args.json {
        let mut value = match serde_json::to_value(&c) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("phonestorm classify-reply: {e}");
                return ExitCode::from(2);
            }
        };
        if let Some(obj) = value.as_object_mut() {
            obj.insert(
                "action".into(),
                serde_json::to_value(action).unwrap_or_default(),
            );
        }
        println!("{value}");
    } else {
        println!(
            "intent: {} (confidence {:.2}), sentiment {:.2}, action {:?}",
            c.intent.as_str(),
            c.confidence,
            c.sentiment,
            action
        );
        for e in &c.evidence {
            println!("  - {e}");
        }
    }
    ExitCode::SUCCESS
}
