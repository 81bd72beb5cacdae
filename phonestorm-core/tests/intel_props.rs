//! Property tests: workflow progress is monotone and within 0..=1 under any event sequence,
//! the opportunity lifecycle is never broken, and no input makes email, domain, qualify,
//! lead or audit code panic.

use phonestorm_core::audit::{AuditConfig, Page, audit_site};
use phonestorm_core::domain::{
    BusinessQuery, DomainConfig, RankConfig, SearchResult, analyze, rank_results,
};
use phonestorm_core::email::{EmailConfig, EmailOptions, extract_emails, extract_emails_text};
use phonestorm_core::lead::{LeadConfig, LeadEvent, plan_cycle, priority};
use phonestorm_core::qualify::{Campaign, Place, Qualifier, QualifyConfig};
use phonestorm_core::workflow::{
    FlowEvent, FlowStatus, LeadGenFlow, OpportunityStatus, Phase, ProgressConfig, RetryPolicy,
    transition,
};
use proptest::prelude::*;

fn phase() -> impl Strategy<Value = Phase> {
    prop::sample::select(Phase::ALL.to_vec())
}

fn status() -> impl Strategy<Value = OpportunityStatus> {
    use OpportunityStatus::*;
    prop::sample::select(vec![
        Sourced, Scraping, DataReady, Auditing, Ready, Contacted,
    ])
}

fn event() -> impl Strategy<Value = FlowEvent> {
    prop_oneof![
        3 => phase().prop_map(|phase| FlowEvent::StartPhase { phase }),
        3 => phase().prop_map(|phase| FlowEvent::CompletePhase { phase }),
        1 => phase().prop_map(|phase| FlowEvent::FailPhase { phase }),
        1 => phase().prop_map(|phase| FlowEvent::RetryPhase { phase }),
        2 => any::<bool>().prop_map(|has_website| FlowEvent::AddOpportunity { has_website }),
        6 => (0usize..8, status()).prop_map(|(index, to)| FlowEvent::Opportunity { index, to }),
        1 => prop::sample::select(vec![FlowStatus::Running, FlowStatus::Completed, FlowStatus::Failed, FlowStatus::Cancelled])
            .prop_map(|status| FlowEvent::Finish { status }),
    ]
}

/// Events that walk a run forward, so that long sequences get deep into the workflow.
fn forward_events(n_opps: usize) -> Vec<FlowEvent> {
    let mut ev = Vec::new();
    for p in Phase::ALL {
        ev.push(FlowEvent::StartPhase { phase: p });
        if p == Phase::PersistLeads {
            for i in 0..n_opps {
                ev.push(FlowEvent::AddOpportunity {
                    has_website: i % 2 == 0,
                });
            }
        }
        ev.push(FlowEvent::CompletePhase { phase: p });
    }
    ev
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn progress_monotone_and_lifecycle_kept(seq in prop::collection::vec(event(), 0..120), prefix in 0usize..40) {
        let cfg = ProgressConfig::default();
        let mut run = LeadGenFlow::new();
        let mut events: Vec<FlowEvent> = forward_events(5).into_iter().take(prefix).collect();
        events.extend(seq);
        let mut last = run.progress(&cfg).unwrap();
        prop_assert!((0.0..=1.0).contains(&last));
        for ev in &events {
            let before = run.clone();
            match run.apply(ev) {
                Ok(()) => {
                    // Every accepted opportunity change is a legal lifecycle step.
                    if let FlowEvent::Opportunity { index, to } = ev {
                        let (from, web) = before.opportunities[*index];
                        prop_assert!(transition(from, *to, web).is_ok());
                    }
                }
                Err(_) => prop_assert_eq!(&run, &before),
            }
            let p = run.progress(&cfg).unwrap();
            prop_assert!((0.0..=1.0).contains(&p), "progress {} out of range", p);
            prop_assert!(p + 1e-12 >= last, "progress went down {} -> {} on {:?}", last, p, ev);
            last = p;
            // A completed run is at 1.
            if run.status == FlowStatus::Completed {
                prop_assert!((p - 1.0).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn retry_delays_bounded(policy_retries in 0u32..10, base in 0u64..100_000, mult in 0.0f64..10.0,
                            max in 0u64..1_000_000, jitter in -1.0f64..2.0, seed in any::<u64>(), retry in 0u32..2000) {
        let p = RetryPolicy { max_retries: policy_retries, base_delay_ms: base, multiplier: mult, max_delay_ms: max, jitter };
        if let Some(d) = p.delay_ms(retry, seed) {
            prop_assert!(d <= max);
        }
    }

    #[test]
    fn email_never_panics(s in ".{0,400}", html in "(<[a-z]{1,6}( [a-z-]{1,10}=\"[^\"]{0,30}\")?>|</[a-z]{1,6}>|[^<]{0,30}){0,30}") {
        let cfg = EmailConfig::default();
        let _ = extract_emails_text(&s, &cfg);
        let _ = extract_emails(&html, &EmailOptions::default(), &cfg);
        let _ = extract_emails(&s, &EmailOptions { base_url: Some(s.clone()), page_kind: None }, &cfg);
    }

    #[test]
    fn domain_never_panics(s in ".{0,200}", title in ".{0,60}", phone in ".{0,20}") {
        let _ = analyze(&s, &DomainConfig::default());
        let q = BusinessQuery { name: title.clone(), city: Some(title.clone()), vertical: None, phone: Some(phone) };
        let r = rank_results(&q, &[SearchResult { url: s.clone(), title: title.clone(), snippet: s }], &RankConfig::default());
        prop_assert!(r.iter().all(|c| (0.0..=1.0).contains(&c.confidence)));
    }

    #[test]
    fn qualify_never_panics(id in ".{0,10}", web in proptest::option::of(".{0,40}"), phone in proptest::option::of(".{0,25}"),
                            rating in proptest::option::of(any::<f64>()), reviews in proptest::option::of(any::<i64>())) {
        let q = Qualifier::new(QualifyConfig::default()).unwrap();
        let place = Place { place_id: id, website: web, phone, rating, reviews_count: reviews, ..Default::default() };
        let _ = q.qualify(&place, &Campaign::default());
    }

    #[test]
    fn lead_never_panics(conf in any::<f64>(), attempts in any::<u32>(), last in proptest::option::of(any::<i64>()),
                         created in any::<i64>(), now in any::<i64>(), phone in any::<bool>(), domain in any::<bool>()) {
        let mut lead = LeadEvent { id: "x".into(), domain_attempts: attempts, last_domain_attempt_at_ms: last, created_at_ms: created, ..Default::default() };
        lead.phone.phone_confidence = conf;
        if phone { lead.phone.lead_phone_e164 = Some("+13052345678".into()); }
        if domain { lead.domain = Some("joes.com".into()); }
        let cfg = LeadConfig::default();
        let _ = priority(&lead, now, &cfg);
        let plan = plan_cycle(&[lead.clone(), lead], now, &cfg);
        prop_assert!(plan.process.len() <= cfg.max_leads_per_cycle);
    }

    #[test]
    fn audit_never_panics(html in ".{0,300}", url in ".{0,40}", year in any::<i32>()) {
        let pages = [Page { url: format!("https://{url}"), html: html.clone() }, Page { url, html }];
        let _ = audit_site(&pages, year, &AuditConfig::default());
    }
}

#[test]
fn nan_rating_is_a_typed_error() {
    let q = Qualifier::new(QualifyConfig::default()).unwrap();
    let place = Place {
        place_id: "p".into(),
        phone: Some("+13052345678".into()),
        rating: Some(f64::NAN),
        ..Default::default()
    };
    assert_eq!(
        q.qualify(&place, &Campaign::default()).unwrap_err().code(),
        "invalid_rating"
    );
}

#[test]
fn huge_input_is_bounded() {
    let cfg = EmailConfig {
        max_input_bytes: 10_000,
        ..Default::default()
    };
    let big = "a@b.com ".repeat(100_000);
    assert!(extract_emails_text(&big, &cfg).len() <= 1);
    let shallow = "<div>".repeat(300) + "info@joes.com";
    assert_eq!(
        extract_emails(&shallow, &EmailOptions::default(), &EmailConfig::default()).len(),
        1
    );
    // 200 000 nested elements: cut at `max_nesting`, parsed in bounded time.
    let start = std::time::Instant::now();
    let deep = "<div>".repeat(200_000) + "info@joes.com";
    assert!(extract_emails(&deep, &EmailOptions::default(), &EmailConfig::default()).is_empty());
    let pages = [Page {
        url: "https://x.com/".into(),
        html: deep,
    }];
    assert!(audit_site(&pages, 2026, &AuditConfig::default()).is_ok());
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}
