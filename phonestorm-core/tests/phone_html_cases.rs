//! Runs every case of `testdata/phones/html_cases.json` through `extract_html`.

use std::collections::BTreeSet;

use phonestorm_core::phone::html::{HtmlOptions, extract_html};
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    html: String,
    url: Option<String>,
    page_kind: String,
    title: Option<String>,
    expect: Vec<Expect>,
    exact: bool,
    reject: Vec<String>,
}

#[derive(Deserialize, PartialEq, Eq, PartialOrd, Ord, Debug, Clone)]
struct Expect {
    e164: String,
    placement: String,
    role: String,
}

fn snake<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn html_corpus() {
    let corpus: Corpus =
        serde_json::from_str(include_str!("../../testdata/phones/html_cases.json")).unwrap();
    assert!(corpus.cases.len() >= 50);
    let mut failures = Vec::new();
    for case in &corpus.cases {
        let opts = HtmlOptions {
            base_url: case.url.clone(),
            page_kind: None,
        };
        let page = extract_html(&case.html, &opts);
        let got: BTreeSet<Expect> = page
            .sightings
            .iter()
            .map(|s| Expect {
                e164: s.number.e164.clone(),
                placement: snake(&s.placement),
                role: snake(&s.role),
            })
            .collect();
        let want: BTreeSet<Expect> = case.expect.iter().cloned().collect();
        let mut problems = Vec::new();
        if snake(&page.page_kind) != case.page_kind {
            problems.push(format!("page_kind {:?}", page.page_kind));
        }
        if page.title != case.title {
            problems.push(format!("title {:?}", page.title));
        }
        if case.exact && got != want {
            problems.push(format!("sightings {got:?}"));
        }
        if !case.exact && !want.is_subset(&got) {
            problems.push(format!("missing from {got:?}"));
        }
        if got.iter().any(|g| case.reject.contains(&g.e164)) {
            problems.push("rejected number found".into());
        }
        for s in &page.sightings {
            assert_eq!(s.page, case.url, "{}", case.name);
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}", case.name, problems.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
