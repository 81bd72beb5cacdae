//! Crash safety: a child process is killed with SIGKILL between "opt-out received" (committed)
//! and "acknowledged" (confirmation sent / webhook answered); the reopened store still honours
//! the opt-out and the recovery path sends the one confirmation exactly once. Both ways an
//! opt-out is read are covered: the keyword ("Stop please") and the model alone (words no
//! keyword list holds, read by a fake Ollama on loopback).

mod common;

use std::io::BufRead;
use std::sync::Arc;

use common::*;
use phonestorm_outreach::drip::{Engine, EngineConfig};
use phonestorm_outreach::gate::CoreGate;
use phonestorm_outreach::inbound::InboundMessage;
use phonestorm_outreach::llm::{KeywordLlm, Llm, Ollama, OllamaConfig, WithFallback};
use phonestorm_outreach::model::*;
use phonestorm_outreach::sms::{TwilioConfig, TwilioSms};
use phonestorm_outreach::store::{SqlStore, Store};

const PHONE: &str = "+14075550141";

/// The reply reader: keywords only, or a model at `ollama_url` with the keyword fallback.
fn reader(ollama_url: Option<&str>) -> Arc<dyn Llm> {
    match ollama_url {
        None => Arc::new(KeywordLlm::default()),
        Some(url) => Arc::new(WithFallback {
            primary: Ollama::new(OllamaConfig {
                base_url: url.into(),
                timeout_ms: 5000,
                ..Default::default()
            })
            .unwrap(),
            fallback: KeywordLlm::default(),
        }),
    }
}

fn engine(
    store: SqlStore,
    twilio_url: &str,
    llm: Arc<dyn Llm>,
    hook: Option<phonestorm_outreach::drip::Hook>,
) -> Engine {
    let mut cfg = TwilioConfig::new(SID, TOKEN, "+13215550000");
    cfg.base_url = twilio_url.into();
    Engine {
        store: Arc::new(store),
        sms: Arc::new(TwilioSms::new(cfg).unwrap()),
        email: None,
        gate: Arc::new(CoreGate::default()),
        dnc: None,
        llm,
        notifier: Arc::new(RecordingNotifier::default()),
        config: EngineConfig::default(),
        hook,
    }
}

/// Runs only as the child of the `*_survives_sigkill` tests.
#[tokio::test]
async fn crash_child() {
    let (Ok(db), Ok(turl), Ok(body)) = (
        std::env::var("PHONESTORM_CRASH_DB"),
        std::env::var("PHONESTORM_CRASH_TWILIO"),
        std::env::var("PHONESTORM_CRASH_BODY"),
    ) else {
        return;
    };
    let ollama = std::env::var("PHONESTORM_CRASH_OLLAMA").ok();
    let store = SqlStore::open_sqlite(std::path::Path::new(&db))
        .await
        .unwrap();
    let hook: phonestorm_outreach::drip::Hook = Arc::new(|point: &str| {
        if point == "opt_out_committed" {
            println!("READY");
            use std::io::Write;
            std::io::stdout().flush().unwrap();
            loop {
                std::thread::sleep(std::time::Duration::from_secs(60));
            }
        }
    });
    let eng = engine(store, &turl, reader(ollama.as_deref()), Some(hook));
    let now = ts("2026-03-05T15:00:00Z");
    eng.handle_inbound(
        &InboundMessage {
            channel: Channel::Sms,
            from: PHONE.into(),
            body,
            provider_id: Some("SMcrash".into()),
        },
        now,
    )
    .await
    .unwrap();
    unreachable!("the hook never returns");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyword_opt_out_survives_sigkill() {
    survives_sigkill("Stop please", false, "sms_keyword").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opt_out_read_only_by_the_model_survives_sigkill() {
    let body = "I'm not comfortable getting these texts anymore";
    let keyword_only =
        phonestorm_core::reply::classify(body, &phonestorm_core::reply::ReplyConfig::default());
    assert_ne!(keyword_only.intent, phonestorm_core::reply::Intent::OptOut);
    survives_sigkill(body, true, "sms_llm").await;
}

/// Seeds a campaign, lets a child process commit the opt-out in `body` and SIGKILLs it
/// before it acknowledges, then checks the reopened store (ledger `source`, status,
/// cancelled touches) and the one confirmation on redelivery.
async fn survives_sigkill(body: &str, with_model: bool, source: &str) {
    let ollama = if with_model {
        Some(fake_ollama(0, false).await)
    } else {
        None
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crm.sqlite");
    let twilio = FakeTwilio::default();
    let turl = twilio.start().await;
    let start = ts("2026-03-02T15:00:00Z");
    let camp;
    let cid;
    {
        let s = SqlStore::open_sqlite(&db).await.unwrap();
        for i in 1..=4 {
            s.upsert_template(
                &Template {
                    id: 0,
                    name: format!("touch_{i}"),
                    channel: Channel::Sms,
                    kind: "initial".into(),
                    market: None,
                    subject: None,
                    body: format!("Touch {i}"),
                },
                0,
            )
            .await
            .unwrap();
        }
        let sched = ScheduleConfig {
            touches: (0..4)
                .map(|i| TouchSpec {
                    day: [0, 3, 7, 14][i],
                    channel: Channel::Sms,
                    template: format!("touch_{}", i + 1),
                })
                .collect(),
            send_hour: 10,
        };
        camp = s
            .create_campaign(
                &NewCampaign {
                    name: "c".into(),
                    campaign_type: "drip".into(),
                    target_tier: None,
                    markets: vec![],
                    schedule: sched,
                },
                0,
            )
            .await
            .unwrap()
            .id;
        cid = s
            .insert_contact(
                &NewContact {
                    phone: Some(PHONE.into()),
                    source: "t".into(),
                    ..Default::default()
                },
                0,
            )
            .await
            .unwrap()
            .id;
        let eng = engine(s, &turl, reader(None), None);
        eng.enroll(cid, camp, start).await.unwrap();
        eng.run_due(start, 10).await.unwrap();
    }
    assert_eq!(twilio.sent_to(PHONE).len(), 1);

    let mut command = std::process::Command::new(std::env::current_exe().unwrap());
    command
        .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
        .env("PHONESTORM_CRASH_DB", &db)
        .env("PHONESTORM_CRASH_TWILIO", &turl)
        .env("PHONESTORM_CRASH_BODY", body)
        .stdout(std::process::Stdio::piped());
    if let Some(url) = &ollama {
        command.env("PHONESTORM_CRASH_OLLAMA", url);
    }
    let mut child = command.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = tokio::task::spawn_blocking(move || {
        std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains("READY"))
    });
    let ready = tokio::time::timeout(std::time::Duration::from_secs(60), ready)
        .await
        .unwrap()
        .unwrap();
    assert!(ready, "child never reached the failpoint");
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(9));
    // Killed before acknowledging: no confirmation went out.
    assert_eq!(twilio.sent_to(PHONE).len(), 1);

    // Reopen: the opt-out is there and honoured.
    let s = SqlStore::open_sqlite(&db).await.unwrap();
    assert!(s.is_opted_out(PHONE).await.unwrap());
    let ledger = s.opt_outs(PHONE).await.unwrap();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].fields.source, source);
    assert!(
        ledger[0].confirmation_sent_at.is_none(),
        "killed before confirming"
    );
    assert!(s.contact(cid).await.unwrap().opt_out);
    assert_eq!(
        s.enrollments_for_contact(cid).await.unwrap()[0].state,
        "cancelled"
    );
    let eng = engine(s, &turl, reader(ollama.as_deref()), None);
    for d in [3, 7, 14, 21] {
        eng.run_due(start + jiff::SignedDuration::from_hours(24 * d), 10)
            .await
            .unwrap();
    }
    assert_eq!(twilio.sent_to(PHONE).len(), 1, "no touch after the opt-out");
    // Twilio redelivers the webhook (it got no answer): still exactly one ledger row, and the
    // recovery path sends the one confirmation, once.
    let later = ts("2026-03-05T15:01:00Z");
    eng.handle_inbound(
        &InboundMessage {
            channel: Channel::Sms,
            from: PHONE.into(),
            body: body.into(),
            provider_id: Some("SMcrash".into()),
        },
        later,
    )
    .await
    .unwrap();
    assert_eq!(eng.store.opt_outs(PHONE).await.unwrap().len(), 1);
    assert_eq!(eng.send_pending_confirmations(later).await.unwrap(), 0);
    let sent = twilio.sent_to(PHONE);
    assert_eq!(sent.len(), 2);
    assert!(sent[1].body.contains("unsubscribed"));
}
