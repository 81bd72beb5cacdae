//! `phonestorm normalize [--region US] <STRING>...` (or lines on stdin): one JSON line each.

use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

use phonestorm_core::phone::normalize::normalize;
use serde_json::json;

/// Longest stdin line read; longer lines are reported, not normalised.
const MAX_LINE_BYTES: usize = 64 * 1024;

/// Arguments of `phonestorm normalize`.
#[derive(clap::Args, Debug)]
pub struct NormalizeArgs {
    /// Default country (ISO 3166) for numbers written without a country code.
    #[arg(long, default_value = "US")]
    region: String,
    /// Numbers to normalise; without any, one per line is read from stdin.
    strings: Vec<String>,
}

/// Prints `{"input", "e164", "extension"}` or `{"input", "error", "message"}` per input.
/// Exit status 1 when any input was rejected.
pub fn run(args: NormalizeArgs) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    if !args.strings.is_empty() {
        for input in &args.strings {
            let (line, ok) = one(input, &args.region);
            failed |= !ok;
            if writeln!(out, "{line}").is_err() {
                break;
            }
        }
    } else {
        let stdin = std::io::stdin();
        let mut reader = stdin.lock();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match (&mut reader)
                .take(MAX_LINE_BYTES as u64 + 1)
                .read_until(b'\n', &mut buf)
            {
                Ok(0) => break,
                Ok(_) => {}
                Err(err) => {
                    eprintln!("phonestorm normalize: stdin: {err}");
                    return ExitCode::FAILURE;
                }
            }
            let line = if buf.len() > MAX_LINE_BYTES && !buf.ends_with(b"\n") {
                // Skip the rest of the over-long line.
                let mut rest = Vec::new();
                let _ = reader.read_until(b'\n', &mut rest);
                failed = true;
                json!({"input": null, "error": "line_too_long",
                    "message": format!("line longer than {MAX_LINE_BYTES} bytes")})
            } else {
                match std::str::from_utf8(&buf) {
                    Ok(text) => {
                        let text = text.trim_end_matches(['\n', '\r']);
                        if text.trim().is_empty() {
                            continue;
                        }
                        let (line, ok) = one(text, &args.region);
                        failed |= !ok;
                        line
                    }
                    Err(_) => {
                        failed = true;
                        let lossy = String::from_utf8_lossy(&buf).trim_end().to_owned();
                        json!({"input": lossy, "error": "invalid_utf8",
                            "message": "line is not valid UTF-8"})
                    }
                }
            };
            // A closed stdout (e.g. `| head`) is not worth a panic: stop.
            if writeln!(out, "{line}").is_err() {
                break;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The JSON line for one input and whether it normalised.
fn one(input: &str, region: &str) -> (serde_json::Value, bool) {
    match normalize(input, region) {
        Ok(number) => (
            json!({"input": input, "e164": number.e164, "extension": number.extension}),
            true,
        ),
        Err(err) => (
            json!({"input": input, "error": err.code(), "message": err.to_string()}),
            false,
        ),
    }
}
