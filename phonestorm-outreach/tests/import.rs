//! CSV import with E.164 normalisation, email syntax, MX checks against a local DNS server
//! (a UDP responder on loopback answering with hickory-proto messages), dedup and report.

mod common;

use std::str::FromStr;

use hickory_proto::op::{Message, MessageType, ResponseCode};
use hickory_proto::rr::rdata::MX;
use hickory_proto::rr::{Name, RData, Record, RecordType};
use phonestorm_outreach::import::{HickoryMx, ImportConfig, MxResolver, import_csv};
use phonestorm_outreach::store::Store;

/// Serves MX for `example.com` and `mail-ok.test`; NXDOMAIN for everything else.
async fn dns_server() -> std::net::SocketAddr {
    let sock = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
    let addr = sock.local_addr().unwrap();
    tokio::spawn(async move {
        let mut buf = [0u8; 1500];
        loop {
            let Ok((n, peer)) = sock.recv_from(&mut buf).await else {
                return;
            };
            let Ok(q) = Message::from_vec(&buf[..n]) else {
                continue;
            };
            let mut r = Message::new();
            r.set_id(q.id());
            r.set_message_type(MessageType::Response);
            r.set_op_code(q.op_code());
            r.set_recursion_desired(q.recursion_desired());
            r.set_recursion_available(true);
            r.set_authoritative(true);
            for query in q.queries() {
                r.add_query(query.clone());
                let name = query.name().to_utf8().to_lowercase();
                if ["example.com.", "mail-ok.test."].contains(&name.as_str()) {
                    if query.query_type() == RecordType::MX {
                        r.add_answer(Record::from_rdata(
                            query.name().clone(),
                            300,
                            RData::MX(MX::new(10, Name::from_str("mx1.example.com.").unwrap())),
                        ));
                    }
                } else {
                    r.set_response_code(ResponseCode::NXDomain);
                }
            }
            let _ = sock.send_to(&r.to_vec().unwrap(), peer).await;
        }
    });
    addr
}

#[tokio::test]
async fn mx_lookups_against_local_dns() {
    let addr = dns_server().await;
    let mx = HickoryMx::with_server(addr, 2000);
    assert_eq!(
        mx.mx("example.com").await.unwrap(),
        vec!["mx1.example.com.".to_owned()]
    );
    assert!(mx.mx("no-such-domain.invalid").await.unwrap().is_empty());
}

#[tokio::test]
async fn csv_import_report() {
    let dir = tempfile::tempdir().unwrap();
    let store = common::sqlite_store(&dir).await;
    let addr = dns_server().await;
    let mx = HickoryMx::with_server(addr, 2000);
    let csv = "parcel_id,phone,email,source,owner_name
P1,(407) 555-2301,Jane@Example.com,manual_upload,Jane Owner
P1,407.555.2302,,scraper,
P1,(407) 555-2301,jane@example.com,manual_upload,Jane again
P2,not a phone,,manual_upload,
P3,,bob@nowhere.invalid,manual_upload,
P4,4075552304,bad@@mail,scraper,
P5,,,manual_upload,
P6,,ann@mail-ok.test,manual_upload,
";
    let rep = import_csv(
        &store,
        csv,
        Some(&mx as &dyn MxResolver),
        &ImportConfig {
            market: Some("orange".into()),
            tier: Some("A".into()),
            ..Default::default()
        },
        0,
    )
    .await
    .unwrap();
    assert_eq!(rep.imported, 4, "{rep:?}");
    let lines: Vec<(u64, &str)> = rep
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0].0, 4);
    assert!(lines[0].1.contains("duplicate"));
    assert!(lines[1].1.contains("bad phone"));
    assert!(lines[2].1.contains("no MX"));
    assert!(lines[3].1.contains("no phone and no email"));
    assert_eq!(rep.email_dropped.len(), 1);
    assert!(rep.email_dropped[0].reason.contains("syntax"));
    let jane = store.contacts_by_phone("+14075552301").await.unwrap();
    assert_eq!(jane.len(), 1);
    assert_eq!(jane[0].fields.email.as_deref(), Some("jane@example.com"));
    assert!(jane[0].fields.email_verified);
    assert!((jane[0].fields.confidence - 0.9).abs() < 1e-9);
    assert_eq!(store.contacts_by_parcel("P1").await.unwrap().len(), 2);
    // Importing the same file again adds nothing.
    let again = import_csv(
        &store,
        csv,
        Some(&mx as &dyn MxResolver),
        &ImportConfig::default(),
        0,
    )
    .await
    .unwrap();
    assert_eq!(again.imported, 0, "{again:?}");
}
