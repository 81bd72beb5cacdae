//! `phonestorm qualify <places.json> [--criteria A,B,...] [--json]`: the seed-001 hard
//! filter, signals and score for a JSON array of Google Places records (new or legacy shape).

use std::process::ExitCode;

use phonestorm_core::domain::dedupe_by_place_or_domain;
use phonestorm_core::qualify::{
    Campaign, Opportunity, Outcome, Place, Qualifier, QualifyConfig, select_for_audit,
};
use serde_json::{Value, json};

/// Largest places file read.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Arguments of `phonestorm qualify`.
#[derive(clap::Args, Debug)]
pub struct QualifyArgs {
    /// JSON file: an array of Places records (Places API (New) or legacy shape).
    places: std::path::PathBuf,
    /// Signals the agency wants (comma-separated, e.g. MISSING_WEBSITE,LOW_GOOGLE_RATING); default: all.
    #[arg(long, value_delimiter = ',')]
    criteria: Vec<String>,
    /// Campaign vertical stored on each opportunity.
    #[arg(long, default_value = "")]
    vertical: String,
    /// Campaign geography stored on each opportunity.
    #[arg(long, default_value = "")]
    geography: String,
    /// One JSON line per kept opportunity (sorted by score) and per discarded place.
    #[arg(long)]
    json: bool,
}

fn read(path: &std::path::Path) -> Result<Vec<Value>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{}: larger than {MAX_FILE_BYTES} bytes",
            path.display()
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(items)) => Ok(items),
        // A Places API response object: {"places": [...]} (new) or {"results": [...]} (legacy).
        Ok(Value::Object(mut o)) => match o.remove("places").or_else(|| o.remove("results")) {
            Some(Value::Array(items)) => Ok(items),
            _ => Err(format!(
                "{}: expected a JSON array of places",
                path.display()
            )),
        },
        Ok(_) => Err(format!(
            "{}: expected a JSON array of places",
            path.display()
        )),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Runs the subcommand. Exit status 2 on a bad file or bad criteria.
pub fn run(args: QualifyArgs) -> ExitCode {
    let config = QualifyConfig {
        criteria: args.criteria.clone(),
        ..Default::default()
    };
    let qualifier = match Qualifier::new(config) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("phonestorm qualify: {e} ({})", e.code());
            return ExitCode::from(2);
        }
    };
    let items = match read(&args.places) {
        Ok(items) => items,
        Err(e) => {
            eprintln!("phonestorm qualify: {e}");
            return ExitCode::from(2);
        }
    };
    let campaign = Campaign {
        target_vertical: args.vertical.clone(),
        target_geography: args.geography.clone(),
    };
    let mut discarded: Vec<Value> = Vec::new();
    let mut places: Vec<Place> = Vec::new();
    for item in &items {
        match Place::from_json(item) {
            Ok(p) => places.push(p),
            Err(e) => {
                let id = item
                    .get("id")
                    .or_else(|| item.get("place_id"))
                    .cloned()
                    .unwrap_or(Value::Null);
                discarded.push(json!({"place_id": id, "discarded": format!("invalid_record: {}", e.code()), "message": e.to_string()}));
            }
        }
    }
    let (kept_idx, dups) = dedupe_by_place_or_domain(
        &places,
        |p| Some(p.place_id.as_str()),
        |p| p.website.as_deref(),
        &qualifier.config().domains,
    );
    for d in dups {
        let p = &places[d.index];
        discarded.push(json!({"place_id": p.place_id, "name": p.name, "discarded": format!("duplicate_{}: {}", serde_json::to_value(d.key).unwrap_or_default().as_str().unwrap_or("key"), d.value)}));
    }
    let mut opportunities: Vec<Opportunity> = Vec::new();
    for i in kept_idx {
        match qualifier.qualify(&places[i], &campaign) {
            Ok(Outcome::Kept(o)) => opportunities.push(*o),
            Ok(Outcome::Discarded(d)) => discarded.push(serde_json::to_value(d).unwrap_or_default()),
            Err(e) => discarded.push(json!({"place_id": places[i].place_id, "name": places[i].name, "discarded": format!("invalid_record: {}", e.code()), "message": e.to_string()})),
        }
    }
    opportunities.sort_by(|a, b| b.qualification_score.total_cmp(&a.qualification_score));
    let audit = select_for_audit(&opportunities, qualifier.config());
    if args.json {
        for (i, o) in opportunities.iter().enumerate() {
            let mut v = serde_json::to_value(o).unwrap_or_default();
            v["selected_for_audit"] = Value::Bool(audit.contains(&i));
            println!("{v}");
        }
        for d in &discarded {
            println!("{d}");
        }
    } else {
        println!(
            "{:>5}  {:<28} {:<26} {:<14} SIGNALS",
            "SCORE", "NAME", "DOMAIN", "PHONE"
        );
        for (i, o) in opportunities.iter().enumerate() {
            let signals: Vec<&str> = o.signals.iter().map(|s| s.as_str()).collect();
            let mark = if audit.contains(&i) { " [audit]" } else { "" };
            println!(
                "{:>5}  {:<28} {:<26} {:<14} {}{}",
                o.qualification_score,
                o.name.chars().take(28).collect::<String>(),
                o.domain.as_deref().unwrap_or("-"),
                o.phone,
                signals.join(","),
                mark
            );
        }
        for d in &discarded {
            println!(
                "discarded {} {}: {}",
                d["place_id"].as_str().unwrap_or("?"),
                d["name"].as_str().unwrap_or(""),
                d["discarded"].as_str().unwrap_or("")
            );
        }
        println!(
            "{} kept, {} discarded, {} selected for deep audit",
            opportunities.len(),
            discarded.len(),
            audit.len()
        );
    }
    ExitCode::SUCCESS
}
