//! Templates with strict `{variable}` injection: a missing or empty variable is an error,
//! never a message that says "Hi {Name}".

use super::MessageError;
use std::collections::BTreeMap;

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Var(&'a str),
}

fn valid_name(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | ' ' | '-' | '.'))
}

/// Parses `{name}` placeholders; `{{` and `}}` are literal braces.
fn parse(template: &str) -> Result<Vec<Piece<'_>>, MessageError> {
    let mut pieces = Vec::new();
    let bytes = template.as_bytes();
    let (mut i, mut text_start) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                pieces.push(Piece::Text(&template[text_start..=i]));
                i += 2;
                text_start = i;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                pieces.push(Piece::Text(&template[text_start..=i]));
                i += 2;
                text_start = i;
            }
            b'{' => {
                pieces.push(Piece::Text(&template[text_start..i]));
                let close = template[i + 1..]
                    .find('}')
                    .ok_or(MessageError::UnclosedBrace { at: i })?;
                let name = &template[i + 1..i + 1 + close];
                if !valid_name(name) {
                    return Err(MessageError::BadVariableName(name.to_string()));
                }
                pieces.push(Piece::Var(name.trim()));
                i += close + 2;
                text_start = i;
            }
            b'}' => return Err(MessageError::StrayBrace { at: i }),
            _ => i += 1,
        }
    }
    pieces.push(Piece::Text(&template[text_start..]));
    Ok(pieces)
}

/// The variable names a template uses, in order of first use.
pub fn variables(template: &str) -> Result<Vec<String>, MessageError> {
    let mut out: Vec<String> = Vec::new();
    for piece in parse(template)? {
        if let Piece::Var(name) = piece {
            if !out.iter().any(|n| n == name) {
                out.push(name.to_string());
            }
        }
    }
    Ok(out)
}

/// Fills `{name}` placeholders from `vars`. Fails on a missing or blank variable, an
/// unclosed or stray brace, or a bad name.
///
/// ```
/// use phonestorm_core::message::{render, MessageError};
/// use std::collections::BTreeMap;
/// let mut vars = BTreeMap::new();
/// vars.insert("owner_name".to_string(), "Ana".to_string());
/// assert_eq!(render("Hi {owner_name}! {{not a var}}", &vars).unwrap(), "Hi Ana! {not a var}");
/// assert!(matches!(render("Hi {Name}", &vars), Err(MessageError::MissingVariable(n)) if n == "Name"));
/// ```
pub fn render(template: &str, vars: &BTreeMap<String, String>) -> Result<String, MessageError> {
    let mut out = String::with_capacity(template.len() + 32);
    for piece in parse(template)? {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Var(name) => {
                let value = vars
                    .get(name)
                    .ok_or_else(|| MessageError::MissingVariable(name.to_string()))?;
                if value.trim().is_empty() {
                    return Err(MessageError::EmptyVariable(name.to_string()));
                }
                out.push_str(value.trim());
            }
        }
    }
    Ok(out)
}
