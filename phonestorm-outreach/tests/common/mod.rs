//! Local fixtures for the outreach tests: a tiny HTTP/1.1 server, a Twilio Messages API that
//! speaks the real wire format, an Ollama `/api/chat`, and PostgreSQL/SQLite store helpers.
#![allow(dead_code, missing_docs)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use phonestorm_outreach::error::OutreachError;
use phonestorm_outreach::notify::{Handoff, Notifier};
use phonestorm_outreach::store::SqlStore;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A request as the fixture saw it.
#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: String,
}

pub type Handler = Arc<dyn Fn(&Req) -> (u16, String, u64) + Send + Sync>;

/// Starts an HTTP server on 127.0.0.1; the handler returns (status, JSON body, delay ms).
pub async fn http_server(handler: Handler) -> String {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = l.accept().await else {
                return;
            };
            let h = handler.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut tmp = [0u8; 4096];
                let (head_end, clen) = loop {
                    let n = s.read(&mut tmp).await.unwrap_or(0);
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&tmp[..n]);
                    if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&buf[..i]).to_lowercase();
                        let clen = head
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(0);
                        break (i + 4, clen);
                    }
                };
                while buf.len() < head_end + clen {
                    let n = s.read(&mut tmp).await.unwrap_or(0);
                    if n == 0 {
                        break;
                    }
                    buf.extend_from_slice(&tmp[..n]);
                }
                let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
                let mut lines = head.lines();
                let first = lines.next().unwrap_or("");
                let mut parts = first.split(' ');
                let method = parts.next().unwrap_or("").to_owned();
                let path = parts.next().unwrap_or("").to_owned();
                let headers = lines
                    .filter_map(|l| l.split_once(':'))
                    .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_owned()))
                    .collect();
                let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
                let req = Req {
                    method,
                    path,
                    headers,
                    body,
                };
                let (status, body, delay) = h(&req);
                if delay > 0 {
                    tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
                }
                let resp = format!(
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = s.write_all(resp.as_bytes()).await;
                let _ = s.shutdown().await;
            });
        }
    });
    format!("http://{addr}")
}

/// A sent message as the fake Twilio recorded it.
#[derive(Debug, Clone)]
pub struct Sent {
    pub to: String,
    pub from: String,
    pub body: String,
    pub sid: String,
}

/// Fake Twilio: checks basic auth and the form, answers like the Messages API.
#[derive(Clone, Default)]
pub struct FakeTwilio {
    pub sent: Arc<Mutex<Vec<Sent>>>,
    /// Numbers that answer 21610.
    pub unsubscribed: Arc<Mutex<Vec<String>>>,
    /// Numbers that answer 429 / 20429.
    pub throttled: Arc<Mutex<Vec<String>>>,
}

pub const SID: &str = "ACtest00000000000000000000000000";
pub const TOKEN: &str = "test-auth-token";

impl FakeTwilio {
    pub async fn start(&self) -> String {
        let me = self.clone();
        http_server(Arc::new(move |r: &Req| {
            let want = format!("/2010-04-01/Accounts/{SID}/Messages.json");
            if r.method != "POST" || r.path != want {
                return (404, r#"{"code":20404,"message":"not found","status":404}"#.into(), 0);
            }
            use base64::Engine as _;
            let auth = format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{SID}:{TOKEN}"))
            );
            if r.headers.get("authorization") != Some(&auth) {
                return (401, r#"{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}"#.into(), 0);
            }
            if !r.headers.get("content-type").is_some_and(|c| c.starts_with("application/x-www-form-urlencoded")) {
                return (400, r#"{"code":21601,"message":"bad content type","status":400}"#.into(), 0);
            }
            let form: HashMap<String, String> = url::form_urlencoded::parse(r.body.as_bytes()).into_owned().collect();
            let to = form.get("To").cloned().unwrap_or_default();
            if me.unsubscribed.lock().unwrap().contains(&to) {
                return (400, r#"{"code":21610,"message":"Attempt to send to unsubscribed recipient","more_info":"https://www.twilio.com/docs/errors/21610","status":400}"#.into(), 0);
            }
            if me.throttled.lock().unwrap().contains(&to) {
                return (429, r#"{"code":20429,"message":"Too Many Requests","more_info":"https://www.twilio.com/docs/errors/20429","status":429}"#.into(), 0);
            }
            let mut sent = me.sent.lock().unwrap();
            let sid = format!("SM{:032x}", sent.len() + 1);
            let body = form.get("Body").cloned().unwrap_or_default();
            let from = form.get("From").cloned().unwrap_or_default();
            sent.push(Sent { to: to.clone(), from: from.clone(), body: body.clone(), sid: sid.clone() });
            let json = serde_json::json!({
                "account_sid": SID, "api_version": "2010-04-01", "body": body,
                "date_created": "Thu, 24 Aug 2023 05:01:45 +0000", "date_sent": null,
                "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000", "direction": "outbound-api",
                "error_code": null, "error_message": null, "from": from,
                "messaging_service_sid": null, "num_media": "0", "num_segments": "1",
                "price": "-0.00790", "price_unit": "USD", "sid": sid, "status": "queued",
                "subresource_uris": {"media": format!("/2010-04-01/Accounts/{SID}/Messages/{sid}/Media.json")},
                "to": to, "uri": format!("/2010-04-01/Accounts/{SID}/Messages/{sid}.json")
            });
            (201, json.to_string(), 0)
        }))
        .await
    }

    pub fn sent_to(&self, to: &str) -> Vec<Sent> {
        self.sent
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.to == to)
            .cloned()
            .collect()
    }
}

/// Records handoffs.
#[derive(Default, Clone)]
pub struct RecordingNotifier(pub Arc<Mutex<Vec<Handoff>>>);

#[async_trait]
impl Notifier for RecordingNotifier {
    async fn notify(&self, h: &Handoff) -> Result<(), OutreachError> {
        self.0.lock().unwrap().push(h.clone());
        Ok(())
    }
}

/// A fresh PostgreSQL database URL: `PHONESTORM_TEST_PG` or `DATABASE_URL`, else starts one
/// with `scripts/ci/lib/postgres.sh`. `None` (with a printed reason) only if none is
/// available.
pub async fn pg_url(tag: &str) -> Option<String> {
    let base = match std::env::var("PHONESTORM_TEST_PG").or_else(|_| std::env::var("DATABASE_URL"))
    {
        Ok(u) => u,
        Err(_) => {
            let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/ci/lib/postgres.sh");
            let out = std::process::Command::new("bash")
                .arg("-c")
                .arg(format!(
                    ". {script} && phonestorm_pg_start >/dev/null && echo $DATABASE_URL"
                ))
                .output()
                .ok()?;
            let u = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            if u.is_empty() {
                eprintln!(
                    "SKIP: no DATABASE_URL and PostgreSQL could not be started: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                return None;
            }
            u
        }
    };
    let (client, conn) = tokio_postgres::connect(&base, tokio_postgres::NoTls)
        .await
        .ok()?;
    tokio::spawn(conn);
    let db = format!(
        "ps_{}_{}_{}",
        tag,
        std::process::id(),
        jiff::Timestamp::now().as_millisecond()
    );
    client
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .await
        .ok()?;
    let (prefix, _) = base.rsplit_once('/')?;
    Some(format!("{prefix}/{db}"))
}

pub async fn sqlite_store(dir: &tempfile::TempDir) -> SqlStore {
    SqlStore::open_sqlite(&dir.path().join("crm.sqlite"))
        .await
        .unwrap()
}

pub fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

/// A fake Ollama `/api/chat` on loopback (real wire format): JSON-format requests get an
/// intent read from the last message ("call me" → interested, "not comfortable" → opt_out,
/// a question mark → question), others a canned reply; `nonsense` answers free text that
/// is no JSON; every answer waits `delay_ms`.
#[allow(dead_code)] // not every test binary that includes `common` uses it
pub async fn fake_ollama(delay_ms: u64, nonsense: bool) -> String {
    http_server(Arc::new(move |r: &Req| {
        assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/api/chat"));
        let req: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(req["stream"], false);
        let last = req["messages"].as_array().unwrap().last().unwrap()["content"].as_str().unwrap().to_lowercase();
        let content = if nonsense {
            "I think this person might be interested, maybe?".to_owned()
        } else if req["format"] == "json" {
            let intent = if last.contains("call me") { "interested" } else if last.contains("not comfortable") { "opt_out" } else if last.contains('?') { "question" } else { "unknown" };
            format!(r#"{{"intent": "{intent}", "confidence": 0.9}}"#)
        } else {
            "\"Great question!  We found your details in public property records. Would you like a quick call to talk it over?\"".to_owned()
        };
        let body = serde_json::json!({
            "model": req["model"], "created_at": "2026-03-02T15:00:00.000Z",
            "message": {"role": "assistant", "content": content},
            "done_reason": "stop", "done": true, "total_duration": 1000, "eval_count": 10
        });
        (200, body.to_string(), delay_ms)
    }))
    .await
}
