//! The deep audit job against the fixture web on loopback, with a fake Ollama (`/api/chat`,
//! Ollama's real JSON) that answers well, slowly, with nonsense or with an invented claim.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::Fixture;
use phonestorm_core::qualify::Signal;
use phonestorm_scrape::crawl::{CrawlConfig, Crawler};
use phonestorm_scrape::deep_audit::{
    AuditJob, AuditPhase, DeepAudit, DeepAuditConfig, JobStatus, PhaseStatus,
};
use phonestorm_scrape::fetch::Fetcher;
use phonestorm_scrape::fixture;
use phonestorm_scrape::llm::{OllamaConfig, OllamaLlm};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What the fake model says: `{gap}` is replaced by the first gap key in the prompt.
#[derive(Clone, Copy)]
enum Model {
    Good,
    Slow,
    Nonsense,
    Invents,
}

/// A one-route HTTP server speaking Ollama's `/api/chat` JSON; returns its base URL.
async fn fake_ollama(model: Model) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 8192];
                // Read headers, then Content-Length bytes of body.
                let body = loop {
                    let n = sock.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    let text = String::from_utf8_lossy(&buf).to_string();
                    if let Some(h) = text.find("\r\n\r\n") {
                        let len = text[..h]
                            .lines()
                            .find_map(|l| {
                                l.to_ascii_lowercase()
                                    .strip_prefix("content-length:")
                                    .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                            })
                            .unwrap_or(0);
                        if buf.len() >= h + 4 + len {
                            break text[h + 4..].to_string();
                        }
                    }
                };
                assert!(String::from_utf8_lossy(&buf).starts_with("POST /api/chat "));
                let req: serde_json::Value = serde_json::from_str(&body).unwrap();
                assert_eq!(req["stream"], false);
                assert_eq!(req["format"], "json");
                let prompt = req["messages"][1]["content"].as_str().unwrap().to_string();
                let gap = prompt
                    .lines()
                    .find_map(|l| l.strip_prefix("- ").and_then(|r| r.split(':').next()))
                    .unwrap_or("NONE")
                    .to_string();
                let content = match model {
                    Model::Good | Model::Slow => serde_json::json!({
                        "summary": "A local business with a working site and clear gaps to fix.",
                        "talking_points": [{"text": "  Your site misses this, which costs calls. ", "gap": gap}]
                    })
                    .to_string(),
                    Model::Nonsense => "Sure! I think the site is great, honestly.".to_string(),
                    Model::Invents => serde_json::json!({
                        "summary": "A business whose SEO is poor and needs us.",
                        "talking_points": [{"text": "Your SEO is bad.", "gap": "BAD_SEO"}]
                    })
                    .to_string(),
                };
                if matches!(model, Model::Slow) {
                    tokio::time::sleep(Duration::from_secs(3)).await;
                }
                let out = serde_json::json!({
                    "model": req["model"], "created_at": "2026-03-02T15:00:00.000Z",
                    "message": {"role": "assistant", "content": content},
                    "done_reason": "stop", "done": true
                })
                .to_string();
                let resp = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{out}",
                    out.len()
                );
                let _ = sock.write_all(resp.as_bytes()).await;
            });
        }
    });
    format!("http://{addr}")
}

fn auditor(fx: &Fixture) -> DeepAudit {
    let f: Arc<dyn Fetcher> = Arc::new(fx.fetcher(Fixture::fast_config()));
    DeepAudit::new(
        Crawler::new(f.clone(), CrawlConfig::default()),
        f,
        DeepAuditConfig::default(),
    )
}

fn ollama(url: &str, timeout_ms: u64) -> Arc<OllamaLlm> {
    Arc::new(
        OllamaLlm::new(OllamaConfig {
            base_url: url.into(),
            timeout_ms,
            ..Default::default()
        })
        .unwrap(),
    )
}

#[tokio::test]
async fn phases_run_in_order_and_the_dossier_rests_on_the_gaps() {
    let fx = common::start(8, 0).await;
    let b = fixture::business(1, "test");
    let mut job = AuditJob::new(
        &format!("http://{}/", b.domain),
        &b.name,
        vec![Signal::LowGoogleRating, Signal::NeedsWebAudit],
    );
    assert_eq!(job.status, JobStatus::Queued);
    auditor(&fx).run(&mut job, 2026).await;
    assert_eq!(job.status, JobStatus::Completed, "{:?}", job.phases);
    assert!(job.phases.iter().all(|p| p.status == PhaseStatus::Complete));
    assert_eq!(job.selected_urls[0], format!("http://{}/", b.domain));
    assert!(job.selected_urls.iter().any(|u| u.ends_with("/contact")));
    assert_eq!(job.pages.len(), job.selected_urls.len());
    let d = job.dossier.clone().unwrap();
    assert_eq!(d.written_by, "deterministic");
    assert!(!d.identified_gaps.is_empty());
    // One point per gap, each citing that gap and its page.
    assert_eq!(d.talking_points.len(), d.identified_gaps.len().min(6));
    for (t, g) in d.talking_points.iter().zip(&d.identified_gaps) {
        assert_eq!(t.approved_claim_id, g.key);
        assert_eq!(t.source_url, g.source_url);
    }
    assert!(d.fit_reason.starts_with("Opportunity:"), "{}", d.fit_reason);
    assert!(d.signals.contains(&Signal::LowGoogleRating));
    // The job is plain data: it round-trips through JSON as a host stores it.
    let back: AuditJob = serde_json::from_value(serde_json::to_value(&job).unwrap()).unwrap();
    assert_eq!(back, job);
}

#[tokio::test]
async fn model_words_the_dossier_and_bad_answers_fall_back() {
    let fx = common::start(8, 0).await;
    let b = fixture::business(2, "test");
    let target = format!("http://{}/", b.domain);
    let good = fake_ollama(Model::Good).await;
    let mut job = AuditJob::new(&target, &b.name, vec![]);
    auditor(&fx)
        .with_llm(ollama(&good, 5_000))
        .run(&mut job, 2026)
        .await;
    let d = job.dossier.unwrap();
    assert_eq!(d.written_by, "llm");
    assert_eq!(d.talking_points.len(), 1);
    assert_eq!(
        d.talking_points[0].text,
        "Your site misses this, which costs calls."
    );
    assert_eq!(
        d.talking_points[0].approved_claim_id,
        d.identified_gaps[0].key
    );

    for (model, timeout_ms) in [
        (Model::Slow, 300),
        (Model::Nonsense, 5_000),
        (Model::Invents, 5_000),
    ] {
        let url = fake_ollama(model).await;
        let mut job = AuditJob::new(&target, &b.name, vec![]);
        auditor(&fx)
            .with_llm(ollama(&url, timeout_ms))
            .run(&mut job, 2026)
            .await;
        assert_eq!(job.status, JobStatus::Completed);
        let d = job.dossier.unwrap();
        assert_eq!(d.written_by, "deterministic");
        assert!(d.talking_points.iter().all(|t| {
            d.identified_gaps
                .iter()
                .any(|g| g.key == t.approved_claim_id)
        }));
    }
}

#[tokio::test]
async fn a_failed_phase_keeps_its_error_and_the_job_resumes() {
    let fx = common::start(8, 0).await;
    let audit = auditor(&fx);
    // A host outside the fixture web is refused by the fetch policy: map_urls fails.
    let mut job = AuditJob::new("http://unknown-business.invalid/", "Nobody", vec![]);
    audit.run(&mut job, 2026).await;
    assert_eq!(job.status, JobStatus::Error);
    assert_eq!(job.phases[0].name, AuditPhase::MapUrls);
    assert_eq!(job.phases[0].status, PhaseStatus::Error);
    assert!(job.phases[0].error.is_some());
    assert!(
        job.phases[1..]
            .iter()
            .all(|p| p.status == PhaseStatus::Pending)
    );

    // Resuming after map and filter completed runs only the rest: the mapped URLs are kept.
    let b = fixture::business(3, "test");
    let mut job = AuditJob::new(&format!("http://{}/", b.domain), &b.name, vec![]);
    job.mapped_urls = vec![format!("http://{}/", b.domain)];
    job.selected_urls = job.mapped_urls.clone();
    job.phases[0].status = PhaseStatus::Complete;
    job.phases[1].status = PhaseStatus::Complete;
    audit.run(&mut job, 2026).await;
    assert_eq!(job.status, JobStatus::Completed);
    assert_eq!(job.pages.len(), 1);
    assert_eq!(fx.hits(&format!("{}/sitemap.xml", b.domain)), 0);
}
