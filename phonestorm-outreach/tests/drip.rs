//! End-to-end drip over simulated time with replies, against a local fake Twilio (real wire
//! format) and a local fake Ollama (`/api/chat`), on a real SQLite file.

mod common;

use std::sync::Arc;

use common::*;
use phonestorm_outreach::drip::{Engine, EngineConfig, TouchOutcome};
use phonestorm_outreach::gate::CoreGate;
use phonestorm_outreach::inbound::{InboundAction, InboundMessage};
use phonestorm_outreach::llm::{KeywordLlm, Llm, Ollama, OllamaConfig, WithFallback};
use phonestorm_outreach::model::*;
use phonestorm_outreach::sms::{SendOutcome, SmsSender, TwilioConfig, TwilioSms};
use phonestorm_outreach::store::{SqlStore, Store};

async fn engine(
    store: SqlStore,
    twilio_url: &str,
    ollama_url: &str,
    notifier: RecordingNotifier,
) -> Engine {
    let mut cfg = TwilioConfig::new(SID, TOKEN, "+13215550000");
    cfg.base_url = twilio_url.into();
    let llm = WithFallback {
        primary: Ollama::new(OllamaConfig {
            base_url: ollama_url.into(),
            timeout_ms: 1000,
            ..Default::default()
        })
        .unwrap(),
        fallback: KeywordLlm::default(),
    };
    Engine {
        store: Arc::new(store),
        sms: Arc::new(TwilioSms::new(cfg).unwrap()),
        email: None,
        gate: Arc::new(CoreGate::default()),
        dnc: None,
        llm: Arc::new(llm),
        notifier: Arc::new(notifier),
        config: EngineConfig {
            dashboard_url: Some("https://crm.example/contacts/".into()),
            ..Default::default()
        },
        hook: None,
    }
}

async fn seed(s: &dyn Store, phones: &[&str]) -> (i64, Vec<i64>) {
    for (i, day) in [0u32, 3, 7, 14].iter().enumerate() {
        let _ = day;
        s.upsert_template(
            &Template {
                id: 0,
                name: format!("touch_{}", i + 1),
                channel: Channel::Sms,
                kind: "initial".into(),
                market: None,
                subject: None,
                body: format!(
                    "Hi {{owner_name}}, {{sender_name}} here about your property ({}/4).",
                    i + 1
                ),
            },
            0,
        )
        .await
        .unwrap();
    }
    let sched = ScheduleConfig {
        touches: [0u32, 3, 7, 14]
            .iter()
            .enumerate()
            .map(|(i, d)| TouchSpec {
                day: *d,
                channel: Channel::Sms,
                template: format!("touch_{}", i + 1),
            })
            .collect(),
        send_hour: 10,
    };
    let c = s
        .create_campaign(
            &NewCampaign {
                name: "orange-a".into(),
                campaign_type: "drip".into(),
                target_tier: Some("A".into()),
                markets: vec!["orange".into()],
                schedule: sched,
            },
            0,
        )
        .await
        .unwrap();
    let mut ids = Vec::new();
    for p in phones {
        let ct = s
            .insert_contact(
                &NewContact {
                    phone: Some((*p).into()),
                    owner_name: Some("Pat".into()),
                    source: "manual_upload".into(),
                    confidence: 0.9,
                    market: Some("orange".into()),
                    tier: Some("A".into()),
                    ..Default::default()
                },
                0,
            )
            .await
            .unwrap();
        ids.push(ct.id);
    }
    (c.id, ids)
}

#[tokio::test]
async fn drip_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let twilio = FakeTwilio::default();
    let turl = twilio.start().await;
    let ourl = fake_ollama(0, false).await;
    let notifier = RecordingNotifier::default();
    let eng = engine(sqlite_store(&dir).await, &turl, &ourl, notifier.clone()).await;
    let (a, b, c) = ("+14075550111", "+14075550112", "+14075550113");
    let (camp, ids) = seed(eng.store.as_ref(), &[a, b, c]).await;

    let start = ts("2026-03-02T15:00:00Z"); // 10:00 in Orlando
    for id in &ids {
        eng.enroll(*id, camp, start).await.unwrap();
    }
    // Preview before sending.
    let p = eng.preview(ids[0], camp, 0).await.unwrap();
    assert_eq!(
        p.body,
        "Hi Pat, Sam here about your property (1/4). Reply STOP to opt out."
    );

    let out = eng.run_due(start, 100).await.unwrap();
    assert_eq!(
        out.iter()
            .filter(|(_, o)| matches!(o, TouchOutcome::Sent { .. }))
            .count(),
        3
    );
    // Running the same touch again sends nothing.
    let e0 = eng.store.enrollments_for_contact(ids[0]).await.unwrap()[0].clone();
    assert_eq!(
        eng.run_touch(e0.id, start).await.unwrap(),
        TouchOutcome::Skipped {
            reason: "not_due".into()
        }
    );
    assert!(eng.run_due(start, 100).await.unwrap().is_empty());
    assert_eq!(twilio.sent.lock().unwrap().len(), 3);

    // B: "yes I'd sell, call me" → escalates and notifies.
    let r = eng
        .handle_inbound(
            &InboundMessage {
                channel: Channel::Sms,
                from: b.into(),
                body: "yes I'd sell, call me".into(),
                provider_id: Some("SMin1".into()),
            },
            start + jiff::SignedDuration::from_hours(1),
        )
        .await
        .unwrap();
    assert_eq!(r.action, InboundAction::Escalated);
    let h = notifier.0.lock().unwrap().clone();
    assert_eq!(h.len(), 1);
    assert!(h[0].history.iter().any(|m| m.body.contains("call me")));
    assert!(h[0].email_text().contains("(1/4)"));
    assert_eq!(
        eng.store.lead_status(ids[1]).await.unwrap().unwrap().status,
        LeadStatus::Interested
    );
    assert!(
        eng.store
            .conversation(ids[1])
            .await
            .unwrap()
            .unwrap()
            .human_takeover
    );

    // C: a question → a compliant auto-reply (cleaned, footer).
    let r = eng
        .handle_inbound(
            &InboundMessage {
                channel: Channel::Sms,
                from: c.into(),
                body: "How did you get my number?".into(),
                provider_id: Some("SMin2".into()),
            },
            start + jiff::SignedDuration::from_hours(2),
        )
        .await
        .unwrap();
    let InboundAction::AutoReplied { reply } = r.action else {
        panic!("{r:?}")
    };
    assert_eq!(
        reply,
        "Great question! We found your details in public property records. Would you like a quick call to talk it over? Reply STOP to opt out."
    );
    assert_eq!(twilio.sent_to(c).last().unwrap().body, reply);
    // Redelivered webhook is ignored.
    let r = eng
        .handle_inbound(
            &InboundMessage {
                channel: Channel::Sms,
                from: c.into(),
                body: "How did you get my number?".into(),
                provider_id: Some("SMin2".into()),
            },
            start + jiff::SignedDuration::from_hours(2),
        )
        .await
        .unwrap();
    assert_eq!(r.action, InboundAction::Duplicate);

    // Day 3: only A gets touch 2 (B handed off, C replied).
    let day3 = start + jiff::SignedDuration::from_hours(72);
    let out = eng.run_due(day3, 100).await.unwrap();
    assert_eq!(out.len(), 1);
    assert_eq!(twilio.sent_to(a).len(), 2);

    // A: STOP at touch 2 → ledger, everything stops, one confirmation.
    let r = eng
        .handle_inbound(
            &InboundMessage {
                channel: Channel::Sms,
                from: a.into(),
                body: "STOP".into(),
                provider_id: Some("SMin3".into()),
            },
            day3 + jiff::SignedDuration::from_mins(5),
        )
        .await
        .unwrap();
    assert_eq!(
        r.action,
        InboundAction::OptedOut {
            confirmation_sent: true
        }
    );
    let ledger = eng.store.opt_outs(a).await.unwrap();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].fields.source, "sms_keyword");
    assert_eq!(ledger[0].fields.raw_message.as_deref(), Some("STOP"));
    assert!(ledger[0].confirmation_sent_at.is_some());
    // "STOP" again: no second ledger row, no second confirmation.
    eng.handle_inbound(
        &InboundMessage {
            channel: Channel::Sms,
            from: a.into(),
            body: "stop".into(),
            provider_id: Some("SMin4".into()),
        },
        day3 + jiff::SignedDuration::from_mins(6),
    )
    .await
    .unwrap();
    assert_eq!(eng.store.opt_outs(a).await.unwrap().len(), 1);
    for d in [7, 14, 21] {
        eng.run_due(start + jiff::SignedDuration::from_hours(24 * d), 100)
            .await
            .unwrap();
    }
    let to_a = twilio.sent_to(a);
    assert_eq!(
        to_a.len(),
        3,
        "touch 1, touch 2, one confirmation: {to_a:?}"
    );
    assert!(to_a[2].body.contains("unsubscribed"));
    assert_eq!(
        eng.store.enrollments_for_contact(ids[0]).await.unwrap()[0].state,
        "cancelled"
    );
    // A manual send to A is refused too.
    assert!(
        eng.send_manual_sms(
            &phonestorm_outreach::manual::ManualSms {
                lead_event_id: "le1".into(),
                to_e164: a.into(),
                body: "hi".into(),
                user: "sam".into(),
                name: None
            },
            day3 + jiff::SignedDuration::from_hours(2)
        )
        .await
        .is_err()
    );
    assert_eq!(twilio.sent_to(a).len(), 3);

    // Metrics reflect it.
    let m = eng.store.metrics(&Default::default()).await.unwrap();
    assert_eq!(m.leads_contacted, 3);
    assert_eq!(m.interested, 1);
}

/// An opt-out in words no keyword list holds ("not comfortable getting these texts"), read
/// only by the model, is honoured like STOP: ledger row (source `sms_llm`) before the one
/// confirmation, status `opt_out`, remaining touches cancelled, later sends refused.
#[tokio::test]
async fn opt_out_read_only_by_the_model_is_recorded_before_confirming() {
    let dir = tempfile::tempdir().unwrap();
    let twilio = FakeTwilio::default();
    let turl = twilio.start().await;
    let ourl = fake_ollama(0, false).await;
    let eng = engine(
        sqlite_store(&dir).await,
        &turl,
        &ourl,
        RecordingNotifier::default(),
    )
    .await;
    let a = "+14075550121";
    let (camp, ids) = seed(eng.store.as_ref(), &[a]).await;
    let start = ts("2026-03-02T15:00:00Z");
    eng.enroll(ids[0], camp, start).await.unwrap();
    eng.run_due(start, 10).await.unwrap();
    assert_eq!(twilio.sent_to(a).len(), 1);

    let body = "I'm not comfortable getting these texts anymore";
    // The core's keywords alone do not read this as an opt-out: only the model does.
    let keyword_only =
        phonestorm_core::reply::classify(body, &phonestorm_core::reply::ReplyConfig::default());
    assert_ne!(keyword_only.intent, phonestorm_core::reply::Intent::OptOut);

    let r = eng
        .handle_inbound(
            &InboundMessage {
                channel: Channel::Sms,
                from: a.into(),
                body: body.into(),
                provider_id: Some("SMllm1".into()),
            },
            start + jiff::SignedDuration::from_mins(30),
        )
        .await
        .unwrap();
    assert_eq!(r.intent, Some(Intent::OptOut));
    assert_eq!(
        r.action,
        InboundAction::OptedOut {
            confirmation_sent: true
        }
    );
    let ledger = eng.store.opt_outs(a).await.unwrap();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].fields.source, "sms_llm");
    assert_eq!(ledger[0].fields.raw_message.as_deref(), Some(body));
    assert!(ledger[0].confirmation_sent_at.is_some());
    assert_eq!(
        eng.store.lead_status(ids[0]).await.unwrap().unwrap().status,
        LeadStatus::OptOut
    );
    assert_eq!(
        eng.store.enrollments_for_contact(ids[0]).await.unwrap()[0].state,
        "cancelled"
    );
    for d in [3, 7, 14] {
        eng.run_due(start + jiff::SignedDuration::from_hours(24 * d), 10)
            .await
            .unwrap();
    }
    let to_a = twilio.sent_to(a);
    assert_eq!(to_a.len(), 2, "touch 1 and the one confirmation: {to_a:?}");
    assert!(to_a[1].body.contains("unsubscribed"));
}

#[tokio::test]
async fn florida_2030_deferred_to_8am() {
    let dir = tempfile::tempdir().unwrap();
    let twilio = FakeTwilio::default();
    let turl = twilio.start().await;
    let ourl = fake_ollama(0, false).await;
    let eng = engine(
        sqlite_store(&dir).await,
        &turl,
        &ourl,
        RecordingNotifier::default(),
    )
    .await;
    let fl = "+13055550120"; // Miami: Florida, Eastern only.
    let (camp, ids) = seed(eng.store.as_ref(), &[fl]).await;
    let at = ts("2026-03-03T01:30:00Z"); // 20:30 EST on 2026-03-02
    let e = eng.enroll(ids[0], camp, at).await.unwrap();
    let out = eng.run_touch(e.id, at).await.unwrap();
    let eight = ts("2026-03-03T13:00:00Z"); // 08:00 EST next day
    assert_eq!(
        out,
        TouchOutcome::Deferred {
            until: eight.as_second(),
            reason: "quiet_hours_FL".into()
        }
    );
    assert!(twilio.sent.lock().unwrap().is_empty());
    assert!(
        eng.run_due(eight - jiff::SignedDuration::from_secs(1), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let out = eng.run_due(eight, 10).await.unwrap();
    assert!(matches!(out[0].1, TouchOutcome::Sent { .. }));
    // Under the federal rule alone (Georgia, 404) 20:30 would be allowed.
    let ga = "+14045550120";
    let c = eng
        .store
        .insert_contact(
            &NewContact {
                phone: Some(ga.into()),
                source: "t".into(),
                ..Default::default()
            },
            0,
        )
        .await
        .unwrap();
    let e = eng.enroll(c.id, camp, at).await.unwrap();
    assert!(matches!(
        eng.run_touch(e.id, at).await.unwrap(),
        TouchOutcome::Sent { .. }
    ));
}

#[tokio::test]
async fn twilio_adapter_wire_format_and_errors() {
    let twilio = FakeTwilio::default();
    let url = twilio.start().await;
    twilio
        .unsubscribed
        .lock()
        .unwrap()
        .push("+14075550199".into());
    twilio.throttled.lock().unwrap().push("+14075550198".into());
    let mut cfg = TwilioConfig::new(SID, TOKEN, "+13215550000");
    cfg.base_url = url.clone();
    let s = TwilioSms::new(cfg.clone()).unwrap();
    let ok = s
        .send_sms("+14075550100", "hello & goodbye = 100%")
        .await
        .unwrap();
    assert!(
        matches!(ok, SendOutcome::Accepted { ref provider_id, status: CommStatus::Queued, cost_micros: 7900 } if provider_id.starts_with("SM")),
        "{ok:?}"
    );
    assert_eq!(
        twilio.sent_to("+14075550100")[0].body,
        "hello & goodbye = 100%"
    );
    assert_eq!(twilio.sent_to("+14075550100")[0].from, "+13215550000");
    assert_eq!(
        s.send_sms("+14075550199", "x").await.unwrap(),
        SendOutcome::OptedOut {
            code: "21610".into()
        }
    );
    assert!(
        matches!(s.send_sms("+14075550198", "x").await.unwrap(), SendOutcome::Retry { ref code, .. } if code == "20429")
    );
    cfg.auth_token = "wrong".into();
    let bad = TwilioSms::new(cfg).unwrap();
    assert!(
        matches!(bad.send_sms("+14075550100", "x").await.unwrap(), SendOutcome::Permanent { ref code, .. } if code == "20003")
    );
    // Nothing listening: retry.
    let mut cfg = TwilioConfig::new(SID, TOKEN, "+13215550000");
    cfg.base_url = "http://127.0.0.1:9".into();
    assert!(matches!(
        TwilioSms::new(cfg)
            .unwrap()
            .send_sms("+14075550100", "x")
            .await
            .unwrap(),
        SendOutcome::Retry { .. }
    ));
}

#[tokio::test]
async fn provider_21610_records_opt_out_and_retry_frees_key() {
    let dir = tempfile::tempdir().unwrap();
    let twilio = FakeTwilio::default();
    let turl = twilio.start().await;
    let ourl = fake_ollama(0, false).await;
    let eng = engine(
        sqlite_store(&dir).await,
        &turl,
        &ourl,
        RecordingNotifier::default(),
    )
    .await;
    let (x, y) = ("+14075550131", "+14075550132");
    twilio.unsubscribed.lock().unwrap().push(x.into());
    twilio.throttled.lock().unwrap().push(y.into());
    let (camp, ids) = seed(eng.store.as_ref(), &[x, y]).await;
    let start = ts("2026-03-02T15:00:00Z");
    for id in &ids {
        eng.enroll(*id, camp, start).await.unwrap();
    }
    eng.run_due(start, 10).await.unwrap();
    let l = eng.store.opt_outs(x).await.unwrap();
    assert_eq!(l[0].fields.source, "provider_21610");
    assert!(eng.store.contact(ids[0]).await.unwrap().opt_out);
    // y was throttled: the touch stays due and is retried.
    twilio.throttled.lock().unwrap().clear();
    let out = eng
        .run_due(start + jiff::SignedDuration::from_mins(1), 10)
        .await
        .unwrap();
    assert_eq!(out.len(), 1);
    assert!(matches!(out[0].1, TouchOutcome::Sent { .. }));
    assert_eq!(twilio.sent_to(y).len(), 1);
}

#[tokio::test]
async fn ollama_timeout_and_nonsense_fall_back_to_keywords() {
    for (delay, nonsense) in [(1500u64, false), (0, true)] {
        let url = fake_ollama(delay, nonsense).await;
        let llm = WithFallback {
            primary: Ollama::new(OllamaConfig {
                base_url: url,
                timeout_ms: 300,
                ..Default::default()
            })
            .unwrap(),
            fallback: KeywordLlm::default(),
        };
        let t = std::time::Instant::now();
        let c = llm.classify("yes I'd sell, call me").await.unwrap();
        assert!(c.fallback, "delay {delay} nonsense {nonsense}");
        assert_eq!(c.intent, Intent::Interested);
        assert!(t.elapsed() < std::time::Duration::from_millis(1200));
    }
    let url = fake_ollama(0, false).await;
    let o = Ollama::new(OllamaConfig {
        base_url: url,
        ..Default::default()
    })
    .unwrap();
    let c = o.classify("How much would you pay?").await.unwrap();
    assert_eq!((c.intent, c.fallback), (Intent::Question, false));
}

#[tokio::test]
async fn manual_sms_two_per_user_per_day() {
    let dir = tempfile::tempdir().unwrap();
    let twilio = FakeTwilio::default();
    let turl = twilio.start().await;
    let ourl = fake_ollama(0, false).await;
    let eng = engine(
        sqlite_store(&dir).await,
        &turl,
        &ourl,
        RecordingNotifier::default(),
    )
    .await;
    let now = ts("2026-03-02T15:00:00Z");
    let req = |n: u32| phonestorm_outreach::manual::ManualSms {
        lead_event_id: format!("le{n}"),
        to_e164: format!("(305) 555-23{n:02}"),
        body: "Hey Ana, Sam Holliday here in Miami. Is this the right number?".into(),
        user: "sam".into(),
        name: Some("Ana's Spa".into()),
    };
    let r1 = eng.send_manual_sms(&req(1), now).await.unwrap();
    assert_eq!(r1.status, CommStatus::Queued);
    assert!(r1.body.ends_with("Reply STOP to opt out."));
    eng.send_manual_sms(&req(2), now).await.unwrap();
    let e = eng.send_manual_sms(&req(3), now).await.unwrap_err();
    assert_eq!(e.code(), "limit");
    // Another user still may; the next day the first user may again.
    eng.send_manual_sms(
        &phonestorm_outreach::manual::ManualSms {
            user: "kim".into(),
            ..req(3)
        },
        now,
    )
    .await
    .unwrap();
    eng.send_manual_sms(&req(4), now + jiff::SignedDuration::from_hours(24))
        .await
        .unwrap();
    let cid = eng.store.contacts_by_phone("+13055552301").await.unwrap()[0].id;
    let comm = eng.store.communications(cid).await.unwrap();
    assert_eq!(comm[0].id, r1.communication_id);
    assert_eq!(comm[0].fields.lead_event_id.as_deref(), Some("le1"));
    assert_eq!(comm[0].fields.sent_by.as_deref(), Some("sam"));
    assert!(comm[0].sent_at.is_some());
}
