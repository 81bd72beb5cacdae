//! Runs the shared corpus of `testdata/{email,domain,qualify,audit,lead}` (see testdata/README.md).

use phonestorm_core::audit::{AuditConfig, FitConfig, Page, audit_site, fit_reason};
use phonestorm_core::domain::{
    BusinessQuery, DomainConfig, RankConfig, SearchResult, analyze, rank_results,
};
use phonestorm_core::email::{
    EmailConfig, EmailOptions, extract_emails, extract_emails_text, validate_email,
};
use phonestorm_core::lead::{EnrichmentStatus, LeadConfig, is_customer_visible, next_status};
use phonestorm_core::qualify::{Campaign, Outcome, Place, Qualifier, QualifyConfig, Signal};
use serde_json::{Value, json};

fn cases(text: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(text).expect("corpus file is JSON");
    v["cases"].as_array().expect("cases array").clone()
}

fn name(c: &Value) -> String {
    c["name"].as_str().unwrap_or("?").to_string()
}

#[test]
fn email_extract() {
    let cfg = EmailConfig::default();
    for c in cases(include_str!("../../testdata/email/extract.json")) {
        let found = if let Some(html) = c["html"].as_str() {
            let opts = EmailOptions {
                base_url: c["base_url"].as_str().map(str::to_string),
                page_kind: None,
            };
            extract_emails(html, &opts, &cfg)
        } else {
            extract_emails_text(c["text"].as_str().expect("text or html"), &cfg)
        };
        let got: Vec<Value> = found
            .iter()
            .map(|f| {
                let v = serde_json::to_value(f).unwrap();
                json!({"email": v["email"], "kind": v["kind"], "source": v["source"], "placement": v["placement"]})
            })
            .collect();
        assert_eq!(Value::Array(got), c["expected"], "case {}", name(&c));
    }
}

#[test]
fn email_validate() {
    let cfg = EmailConfig::default();
    for c in cases(include_str!("../../testdata/email/validate.json")) {
        let r = validate_email(c["input"].as_str().unwrap(), &cfg);
        match c["error"].as_str() {
            Some(code) => assert_eq!(
                r.map_err(|e| e.code()).err(),
                Some(code),
                "case {}",
                name(&c)
            ),
            None => {
                let e = r.unwrap_or_else(|e| panic!("case {}: {e}", name(&c)));
                assert_eq!(
                    serde_json::to_value(e.kind).unwrap(),
                    c["kind"],
                    "case {}",
                    name(&c)
                );
                assert_eq!(
                    Value::Bool(e.placeholder),
                    c["placeholder"],
                    "case {}",
                    name(&c)
                );
            }
        }
    }
}

#[test]
fn domain_canonical() {
    let cfg = DomainConfig::default();
    for c in cases(include_str!("../../testdata/domain/canonical.json")) {
        let r = analyze(c["input"].as_str().unwrap(), &cfg);
        match c["error"].as_str() {
            Some(code) => assert_eq!(
                r.map_err(|e| e.code()).err(),
                Some(code),
                "case {}",
                name(&c)
            ),
            None => {
                let info = r.unwrap_or_else(|e| panic!("case {}: {e}", name(&c)));
                assert_eq!(
                    info.domain,
                    c["domain"].as_str().unwrap(),
                    "case {}",
                    name(&c)
                );
                assert_eq!(
                    serde_json::to_value(info.kind).unwrap(),
                    c["kind"],
                    "case {}",
                    name(&c)
                );
            }
        }
    }
}

#[test]
fn domain_rank() {
    for c in cases(include_str!("../../testdata/domain/rank.json")) {
        let q: BusinessQuery = serde_json::from_value(c["business"].clone()).unwrap();
        let results: Vec<SearchResult> = serde_json::from_value(c["results"].clone()).unwrap();
        let ranked = rank_results(&q, &results, &RankConfig::default());
        let got: Vec<&str> = ranked.iter().map(|r| r.domain.as_str()).collect();
        let want: Vec<&str> = c["expected_order"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(got, want, "case {}", name(&c));
        assert!(ranked.iter().all(|r| (0.0..=1.0).contains(&r.confidence)));
    }
}

#[test]
fn qualify_places() {
    for c in cases(include_str!("../../testdata/qualify/places.json")) {
        let criteria: Vec<String> =
            serde_json::from_value(c["criteria"].clone()).unwrap_or_default();
        let result = Qualifier::new(QualifyConfig {
            criteria,
            ..Default::default()
        })
        .and_then(|q| {
            Place::from_json(&c["place"]).and_then(|p| q.qualify(&p, &Campaign::default()))
        });
        if let Some(code) = c["error"].as_str() {
            assert_eq!(
                result.map_err(|e| e.code()).err(),
                Some(code),
                "case {}",
                name(&c)
            );
            continue;
        }
        match result.unwrap_or_else(|e| panic!("case {}: {e}", name(&c))) {
            Outcome::Discarded(d) => assert_eq!(
                Some(d.discarded.as_str()),
                c["discarded"].as_str(),
                "case {}",
                name(&c)
            ),
            Outcome::Kept(o) => {
                assert!(
                    c["discarded"].is_null(),
                    "case {} should be discarded",
                    name(&c)
                );
                let v = serde_json::to_value(&o).unwrap();
                assert_eq!(v["signals"], c["signals"], "case {}", name(&c));
                assert_eq!(
                    v["qualificationScore"].as_f64(),
                    c["qualificationScore"].as_f64(),
                    "case {}",
                    name(&c)
                );
                assert_eq!(
                    o.domain.as_deref(),
                    c["domain"].as_str(),
                    "case {}",
                    name(&c)
                );
                assert_eq!(
                    Some(o.phone.as_str()),
                    c["phone"].as_str(),
                    "case {}",
                    name(&c)
                );
            }
        }
    }
}

#[test]
fn qualify_fit_reason() {
    for c in cases(include_str!("../../testdata/qualify/fit_reason.json")) {
        let signals: Vec<Signal> = serde_json::from_value(c["signals"].clone()).unwrap();
        assert_eq!(
            fit_reason(&signals, &FitConfig::default()).unwrap(),
            c["fit_reason"].as_str().unwrap(),
            "case {}",
            name(&c)
        );
    }
}

#[test]
fn audit_sites() {
    for c in cases(include_str!("../../testdata/audit/sites.json")) {
        let pages: Vec<Page> = serde_json::from_value(c["pages"].clone()).unwrap();
        let year = c["current_year"].as_i64().unwrap() as i32;
        let r = audit_site(&pages, year, &AuditConfig::default());
        if let Some(code) = c["error"].as_str() {
            assert_eq!(
                r.map_err(|e| e.code()).err(),
                Some(code),
                "case {}",
                name(&c)
            );
            continue;
        }
        let report = r.unwrap_or_else(|e| panic!("case {}: {e}", name(&c)));
        let keys: Vec<&str> = report.gaps.iter().map(|g| g.key.as_str()).collect();
        let want: Vec<&str> = c["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(keys, want, "case {}", name(&c));
        assert_eq!(
            report.best_email.as_deref(),
            c["best_email"].as_str(),
            "case {}",
            name(&c)
        );
        assert!(
            report.gaps.iter().all(|g| g.source_url.is_some()),
            "case {}",
            name(&c)
        );
    }
}

#[test]
fn lead_status() {
    let cfg = LeadConfig::default();
    for c in cases(include_str!("../../testdata/lead/status.json")) {
        let current: EnrichmentStatus = serde_json::from_value(c["current"].clone()).unwrap();
        let next = next_status(
            current,
            c["has_phone"].as_bool().unwrap(),
            c["has_email"].as_bool().unwrap(),
        );
        assert_eq!(
            serde_json::to_value(next).unwrap(),
            c["expected"],
            "case {}",
            name(&c)
        );
        assert_eq!(
            Value::Bool(is_customer_visible(next, &cfg)),
            c["visible"],
            "case {}",
            name(&c)
        );
    }
}
