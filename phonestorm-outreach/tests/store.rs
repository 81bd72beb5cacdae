//! One store suite, run against a real SQLite file and a real PostgreSQL server.

mod common;

use phonestorm_outreach::analytics::MetricsFilter;
use phonestorm_outreach::model::*;
use phonestorm_outreach::store::{SqlStore, Store};

fn contact(phone: &str, email: &str, parcel: &str, market: &str, tier: &str) -> NewContact {
    NewContact {
        parcel_id: Some(parcel.into()),
        phone: Some(phone.into()),
        email: Some(email.into()),
        owner_name: Some("Jane Owner".into()),
        source: "manual_upload".into(),
        confidence: 0.9,
        phone_verified: true,
        email_verified: false,
        market: Some(market.into()),
        tier: Some(tier.into()),
    }
}

fn campaign(name: &str) -> NewCampaign {
    NewCampaign {
        name: name.into(),
        campaign_type: "drip".into(),
        target_tier: Some("A".into()),
        markets: vec!["orange".into()],
        schedule: ScheduleConfig::default(),
    }
}

async fn suite(s: SqlStore) {
    let now = 1_800_000_000;
    assert_eq!(s.schema_version().await.unwrap(), 2);

    // Contacts: several per property, lookups.
    let a = s
        .insert_contact(
            &contact("+14075550101", "a@example.com", "P1", "orange", "A"),
            now,
        )
        .await
        .unwrap();
    let b = s
        .insert_contact(
            &contact("+14075550102", "b@example.com", "P1", "seminole", "B+"),
            now,
        )
        .await
        .unwrap();
    assert_eq!(s.contacts_by_parcel("P1").await.unwrap().len(), 2);
    assert_eq!(
        s.contacts_by_phone("+14075550101").await.unwrap()[0].id,
        a.id
    );
    assert_eq!(
        s.contacts_by_email("A@Example.com").await.unwrap()[0].id,
        a.id
    );
    assert_eq!(s.contact(b.id).await.unwrap(), b);
    assert!(s.contact(999_999).await.is_err());

    // Campaigns validate the schedule.
    let mut bad = campaign("bad");
    bad.schedule.touches.truncate(2);
    assert!(s.create_campaign(&bad, now).await.is_err());
    let c = s.create_campaign(&campaign("c1"), now).await.unwrap();
    assert_eq!(s.campaign(c.id).await.unwrap(), c);

    // Templates upsert by name.
    let t = Template {
        id: 0,
        name: "touch_1".into(),
        channel: Channel::Sms,
        kind: "initial".into(),
        market: None,
        subject: None,
        body: "Hi {owner_name}".into(),
    };
    let t1 = s.upsert_template(&t, now).await.unwrap();
    let t2 = s
        .upsert_template(
            &Template {
                body: "Hello {owner_name}".into(),
                ..t.clone()
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(t1.id, t2.id);
    assert_eq!(
        s.template("touch_1").await.unwrap().body,
        "Hello {owner_name}"
    );

    // Enrolment is idempotent; due list; CAS advance.
    let e = s.enroll(a.id, c.id, now, now).await.unwrap();
    assert_eq!(
        s.enroll(a.id, c.id, now + 5, now + 5).await.unwrap().id,
        e.id
    );
    let eb = s.enroll(b.id, c.id, now + 100, now).await.unwrap();
    assert_eq!(s.due_enrollments(now, 10).await.unwrap().len(), 1);
    assert_eq!(s.due_enrollments(now + 100, 10).await.unwrap().len(), 2);
    assert!(
        s.advance_enrollment(e.id, 0, "touch_1_sent", 1, Some(now + 86_400), now)
            .await
            .unwrap()
    );
    assert!(
        !s.advance_enrollment(e.id, 0, "touch_1_sent", 1, Some(now + 86_400), now)
            .await
            .unwrap()
    );
    s.set_enrollment_paused(eb.id, true, now).await.unwrap();
    assert!(s.due_enrollments(now + 100, 10).await.unwrap().is_empty());
    s.set_enrollment_paused(eb.id, false, now).await.unwrap();
    s.set_campaign_active(c.id, false).await.unwrap();
    assert!(s.due_enrollments(now + 100, 10).await.unwrap().is_empty());
    s.set_campaign_active(c.id, true).await.unwrap();

    // Idempotent claims.
    let mut comm = NewCommunication::new(
        a.id,
        Direction::Outbound,
        Channel::Sms,
        "Hi",
        CommStatus::Pending,
        now,
    );
    comm.idempotency_key = Some("touch:1:1".into());
    comm.campaign_id = Some(c.id);
    comm.template_id = Some(t1.id);
    let claimed = s.claim_send(&comm).await.unwrap().unwrap();
    assert!(s.claim_send(&comm).await.unwrap().is_none());
    s.update_communication(
        claimed.id,
        CommStatus::Queued,
        Some("SM1"),
        None,
        Some(now),
        7900,
    )
    .await
    .unwrap();
    assert!(
        s.update_status_by_provider_id("SM1", CommStatus::Delivered, None, now + 3)
            .await
            .unwrap()
    );
    let got = s.communication_by_key("touch:1:1").await.unwrap().unwrap();
    assert_eq!(got.fields.status, CommStatus::Delivered);
    assert_eq!(got.delivered_at, Some(now + 3));
    assert_eq!(got.fields.provider_id.as_deref(), Some("SM1"));
    assert_eq!(s.count_outbound_since(a.id, now - 10).await.unwrap(), 1);
    // The compliance gate's history: the same rows, with their timestamps.
    let recent = s.outbound_since(a.id, now - 10).await.unwrap();
    assert_eq!(recent.len(), 1);
    assert_eq!(recent[0].id, got.id);
    assert!(s.outbound_since(a.id, now + 3600).await.unwrap().is_empty());
    assert!(s.manual_since("nobody", 0).await.unwrap().is_empty());
    // A retryable failure frees the key.
    let mut c2 = comm.clone();
    c2.idempotency_key = Some("touch:1:2".into());
    let r = s.claim_send(&c2).await.unwrap().unwrap();
    s.release_key("touch:1:2", r.id).await.unwrap();
    assert!(s.claim_send(&c2).await.unwrap().is_some());

    // Inbound reply, lead status, conversation.
    let mut inb = NewCommunication::new(
        a.id,
        Direction::Inbound,
        Channel::Sms,
        "yes call me",
        CommStatus::Received,
        now + 7200,
    );
    inb.intent = Some(Intent::Interested);
    inb.sentiment_score = Some(0.8);
    inb.campaign_id = Some(c.id);
    s.log_communication(&inb).await.unwrap();
    s.set_lead_status(&LeadStatusRecord {
        contact_id: a.id,
        status: LeadStatus::DealClosed,
        last_contact_at: Some(now),
        assigned_to: Some("sam".into()),
        deal_value_cents: Some(1_500_000),
        updated_at: now,
    })
    .await
    .unwrap();
    assert_eq!(
        s.lead_status(a.id).await.unwrap().unwrap().status,
        LeadStatus::DealClosed
    );
    let conv = ConversationState {
        contact_id: a.id,
        current_state: "engaged".into(),
        history: vec![HistoryEntry {
            at: now,
            direction: Direction::Inbound,
            channel: Channel::Sms,
            body: "yes".into(),
            intent: Some(Intent::Interested),
        }],
        human_takeover: false,
        updated_at: now,
    };
    s.save_conversation(&conv).await.unwrap();
    assert_eq!(s.conversation(a.id).await.unwrap().unwrap(), conv);

    // Metrics in SQL.
    let m = s.metrics(&MetricsFilter::default()).await.unwrap();
    assert_eq!(
        (
            m.outbound,
            m.inbound,
            m.interested,
            m.leads_contacted,
            m.deals_closed
        ),
        (1, 1, 1, 1, 1)
    );
    assert!((m.response_rate - 1.0).abs() < 1e-9);
    assert!((m.avg_hours_to_response.unwrap() - 2.0).abs() < 1e-9);
    assert!((m.cost_dollars - 0.0079).abs() < 1e-9);
    assert!(m.roi > 1000.0);
    assert_eq!(m.sms.outbound, 1);
    let by_market = s
        .metrics(&MetricsFilter {
            market: Some("seminole".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_market.outbound, 0);
    let by_tpl = s
        .metrics(&MetricsFilter {
            template_id: Some(t1.id),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((by_tpl.outbound, by_tpl.inbound), (1, 1));
    let by_range = s
        .metrics(&MetricsFilter {
            from: Some(now + 1),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((by_range.outbound, by_range.inbound), (0, 1));
    assert_eq!(m.campaigns_started, 1);

    // Opt-out: one transaction, contact flagged, enrolments cancelled, status opt_out.
    let o = s
        .record_opt_out(&NewOptOut {
            address: "+14075550102".into(),
            channel: Channel::Sms,
            source: "sms_keyword".into(),
            raw_message: Some("STOP".into()),
            contact_id: Some(b.id),
            received_at: now,
        })
        .await
        .unwrap();
    assert!(s.is_opted_out("+14075550102").await.unwrap());
    assert!(s.contact(b.id).await.unwrap().opt_out);
    assert_eq!(s.enrollment(eb.id).await.unwrap().state, "cancelled");
    assert_eq!(
        s.lead_status(b.id).await.unwrap().unwrap().status,
        LeadStatus::OptOut
    );
    assert_eq!(s.pending_confirmations().await.unwrap().len(), 1);
    assert!(s.mark_confirmation_sent(o.id, now).await.unwrap());
    assert!(!s.mark_confirmation_sent(o.id, now).await.unwrap());
    assert!(s.pending_confirmations().await.unwrap().is_empty());
    // A contact added later with an opted-out address starts opted out.
    let b2 = s
        .insert_contact(
            &contact("+14075550102", "b2@example.com", "P2", "orange", "A"),
            now,
        )
        .await
        .unwrap();
    assert!(b2.opt_out);

    // Handoff.
    s.handoff(a.id, now).await.unwrap();
    assert!(s.conversation(a.id).await.unwrap().unwrap().human_takeover);
    assert_eq!(
        s.lead_status(a.id).await.unwrap().unwrap().status,
        LeadStatus::Interested
    );
    assert_eq!(s.enrollment(e.id).await.unwrap().state, "cancelled");
}

#[tokio::test]
async fn store_suite_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    suite(common::sqlite_store(&dir).await).await;
    // Reopening runs no migration twice.
    let again = SqlStore::open_sqlite(&dir.path().join("crm.sqlite"))
        .await
        .unwrap();
    assert_eq!(again.schema_version().await.unwrap(), 2);
}

#[tokio::test]
async fn store_suite_postgres() {
    let Some(url) = common::pg_url("suite").await else {
        return;
    };
    suite(SqlStore::connect_postgres(&url).await.unwrap()).await;
    let again = SqlStore::connect_postgres(&url).await.unwrap();
    assert_eq!(again.schema_version().await.unwrap(), 2);
}

/// Throughput figures (run: `cargo test --release -p phonestorm-outreach --test store -- --ignored --nocapture`).
#[tokio::test]
#[ignore]
async fn store_throughput() {
    let dir = tempfile::tempdir().unwrap();
    let mut stores = vec![("sqlite", common::sqlite_store(&dir).await)];
    if let Some(url) = common::pg_url("bench").await {
        stores.push(("postgres", SqlStore::connect_postgres(&url).await.unwrap()));
    }
    for (name, s) in stores {
        let n = 2000;
        let t = std::time::Instant::now();
        let mut ids = Vec::new();
        for i in 0..n {
            ids.push(
                s.insert_contact(
                    &contact(
                        &format!("+1407555{:04}", i),
                        &format!("x{i}@example.com"),
                        "P",
                        "orange",
                        "A",
                    ),
                    0,
                )
                .await
                .unwrap()
                .id,
            );
        }
        let ins = t.elapsed();
        let t = std::time::Instant::now();
        for (i, id) in ids.iter().enumerate() {
            let mut c = NewCommunication::new(
                *id,
                Direction::Outbound,
                Channel::Sms,
                "hi",
                CommStatus::Pending,
                0,
            );
            c.idempotency_key = Some(format!("k{i}"));
            s.claim_send(&c).await.unwrap();
        }
        let claims = t.elapsed();
        let t = std::time::Instant::now();
        for i in 0..n {
            s.is_opted_out(&format!("+1407555{:04}", i)).await.unwrap();
        }
        let looks = t.elapsed();
        println!(
            "{name}: {n} contact inserts {:.0}/s, {n} idempotent claims {:.0}/s, {n} opt-out lookups {:.0}/s (each insert/claim a durable commit)",
            n as f64 / ins.as_secs_f64(),
            n as f64 / claims.as_secs_f64(),
            n as f64 / looks.as_secs_f64()
        );
    }
}
