//! Cleaning LLM output before it becomes a message (seed 002 Phase 4D: "Response parsing
//! and cleanup (remove quotes, extra whitespace, hallucinations)").

/// Lines that are the model talking about the message rather than the message.
const PREAMBLES: &[&str] = &[
    "here is",
    "here's",
    "heres",
    "sure",
    "certainly",
    "of course",
    "okay, here",
    "ok, here",
    "below is",
    "i've written",
    "i have written",
    "as an ai",
    "as a language model",
];

/// Labels a model puts before the message.
const LABELS: &[&str] = &[
    "sms:",
    "message:",
    "text:",
    "text message:",
    "reply:",
    "response:",
    "assistant:",
    "answer:",
    "output:",
    "body:",
    "draft:",
];

/// Lines that are leaked prompt or notes.
const LEAKS: &[&str] = &[
    "you are a",
    "you are an",
    "system:",
    "user:",
    "[inst]",
    "[/inst]",
    "<|",
    "<<sys>>",
    "note:",
    "(note",
    "character count",
    "characters)",
    "word count",
    "instructions:",
    "tone:",
    "variables:",
];

fn strip_quotes(s: &str) -> &str {
    let pairs = [
        ('"', '"'),
        ('\u{201C}', '\u{201D}'),
        ('\'', '\''),
        ('\u{2018}', '\u{2019}'),
        ('`', '`'),
    ];
    let mut s = s.trim();
    loop {
        let mut changed = false;
        for (open, close) in pairs {
            if s.len() >= 2 && s.starts_with(open) && s.ends_with(close) {
                let inner = &s[open.len_utf8()..s.len() - close.len_utf8()];
                // Only strip when the quotes enclose everything (no quote pair inside).
                if !inner.contains(close) || open != close {
                    s = inner.trim();
                    changed = true;
                }
            }
        }
        if !changed {
            return s;
        }
    }
}

/// Cleans a model's draft: drops preamble ("Here's the SMS:"), labels ("SMS:"), leaked
/// prompt and note lines, markdown emphasis and code fences, enclosing quotes, and
/// collapses whitespace (paragraph breaks kept as one blank line).
///
/// ```
/// use phonestorm_core::message::clean_llm_output;
/// let raw = "Sure! Here's a friendly SMS:\n\n\"Hi Ana,  saw your listing on **Elm St**.\"\n\n(Note: 48 characters)";
/// assert_eq!(clean_llm_output(raw), "Hi Ana, saw your listing on Elm St.");
/// ```
pub fn clean_llm_output(raw: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in raw.lines() {
        let trimmed = line.trim();
        let lower = trimmed.to_lowercase();
        if trimmed.starts_with("```") {
            continue;
        }
        let leaked = LEAKS.iter().any(|l| lower.starts_with(l))
            || ["<|", "[inst]", "<<sys>>"]
                .iter()
                .any(|l| lower.contains(l))
            || (lower.starts_with('(') && lower.contains("character"));
        if leaked {
            continue;
        }
        if PREAMBLES.iter().any(|p| lower.starts_with(p)) && lower.trim_end().ends_with(':') {
            continue;
        }
        let mut text = trimmed;
        for label in LABELS {
            if lower.starts_with(label) {
                text = text[label.len()..].trim_start();
                break;
            }
        }
        lines.push(text.replace("**", "").replace("__", ""));
    }
    // Collapse whitespace inside lines, keep single blank lines between paragraphs.
    let mut out = String::new();
    let mut blank = false;
    for line in &lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&words.join(" "));
    }
    strip_quotes(&out).to_string()
}
