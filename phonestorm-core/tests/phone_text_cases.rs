//! Runs every case of `testdata/phones/text_cases.json` through `find_in_text`.

use phonestorm_core::phone::text::find_in_text;
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    expect: Vec<Expect>,
}

#[derive(Deserialize)]
struct Expect {
    e164: String,
    raw: Option<String>,
    extension: Option<String>,
}

#[test]
fn text_corpus() {
    let corpus: Corpus =
        serde_json::from_str(include_str!("../../testdata/phones/text_cases.json")).unwrap();
    assert!(corpus.cases.len() >= 100);
    let mut failures = Vec::new();
    for case in &corpus.cases {
        let found = find_in_text(&case.text);
        for m in &found {
            assert_eq!(&case.text[m.start..m.end], m.raw, "{}: span", case.name);
        }
        let got: Vec<(String, String, Option<String>)> = found
            .iter()
            .map(|m| {
                (
                    m.number.e164.clone(),
                    m.raw.clone(),
                    m.number.extension.clone(),
                )
            })
            .collect();
        let ok = got.len() == case.expect.len()
            && got.iter().zip(&case.expect).all(|(g, e)| {
                g.0 == e.e164 && e.raw.as_ref().is_none_or(|r| *r == g.1) && g.2 == e.extension
            });
        if !ok {
            failures.push(format!("{}: {:?} -> {:?}", case.name, case.text, got));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
