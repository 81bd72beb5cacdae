//! `phonestorm outreach …`: drive the outreach engine from a shell (init a store, import
//! contacts, templates, campaigns, enrol, preview, run due touches, metrics, DNC files).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand};
use phonestorm_outreach::analytics::MetricsFilter;
use phonestorm_outreach::dnc::DncSet;
use phonestorm_outreach::drip::{Engine, EngineConfig};
use phonestorm_outreach::email::{EmailSender, SmtpConfig, SmtpEmail, SmtpSecurity};
use phonestorm_outreach::gate::CoreGate;
use phonestorm_outreach::import::{HickoryMx, ImportConfig, MxResolver, import_csv};
use phonestorm_outreach::llm::KeywordLlm;
use phonestorm_outreach::model::{Channel, NewCampaign, ScheduleConfig, Template};
use phonestorm_outreach::notify::Notifiers;
use phonestorm_outreach::sms::{TwilioConfig, TwilioSms};
use phonestorm_outreach::store::{SqlStore, Store, StoreUrl};

/// Arguments of `phonestorm outreach`.
#[derive(Args)]
pub struct OutreachArgs {
    /// Store: a SQLite file path or a `postgresql://` URL.
    #[arg(long, env = "PHONESTORM_STORE", default_value = "phonestorm.sqlite")]
    store: String,
    /// The time to act at (RFC 3339), instead of the clock: a host scheduler passes its
    /// tick time so a retried tick decides the same way; tests replay fixed times.
    #[arg(long, global = true)]
    now: Option<String>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create or migrate the store; prints the schema version.
    Init,
    /// Import contacts from a CSV (`parcel_id,phone,email,source[,owner_name]`).
    Import {
        /// CSV file.
        csv: PathBuf,
        /// Check email domains for MX records with the system resolver.
        #[arg(long)]
        check_mx: bool,
        /// Market stamped on the contacts.
        #[arg(long)]
        market: Option<String>,
        /// Tier stamped on the contacts.
        #[arg(long)]
        tier: Option<String>,
    },
    /// Add or replace a message template.
    Template {
        /// Name.
        name: String,
        /// Body with `{owner_name}`, `{sender_name}`, `{market}`, `{market_context}`, `{parcel_id}`.
        body: String,
        /// `sms` or `email`.
        #[arg(long, default_value = "sms")]
        channel: String,
        /// Email subject.
        #[arg(long)]
        subject: Option<String>,
    },
    /// Create a campaign (default schedule: 4 touches on days 0, 3, 7, 14).
    Campaign {
        /// Name.
        name: String,
        /// Schedule JSON file (`{"touches":[{"day":0,"channel":"sms","template":"touch_1"},…]}`).
        #[arg(long)]
        schedule: Option<PathBuf>,
        /// Target tier.
        #[arg(long)]
        tier: Option<String>,
    },
    /// Enrol contacts in a campaign.
    Enroll {
        /// Campaign id.
        campaign: i64,
        /// Contact ids.
        contacts: Vec<i64>,
    },
    /// Show a touch as it would be sent.
    Preview {
        /// Contact id.
        contact: i64,
        /// Campaign id.
        campaign: i64,
        /// Touch number (1-based).
        #[arg(default_value_t = 1)]
        touch: usize,
    },
    /// Run every due touch now: SMS touches through Twilio (TWILIO_ACCOUNT_SID,
    /// TWILIO_AUTH_TOKEN, TWILIO_FROM, optional TWILIO_BASE_URL), email touches over SMTP
    /// (SMTP_HOST, SMTP_FROM, optional SMTP_PORT, SMTP_SECURITY = starttls | tls | plain,
    /// SMTP_USERNAME, SMTP_PASSWORD, SMTP_TIMEOUT_SECS), each behind the compliance gate, and
    /// the DNC file if given. PHONESTORM_SENDER_NAME and PHONESTORM_POSTAL_ADDRESS fill the
    /// templates' sender and the CAN-SPAM footer of emails.
    RunDue {
        /// Compact DNC file from `dnc-compile`.
        #[arg(long)]
        dnc: Option<PathBuf>,
        /// At most this many touches.
        #[arg(long, default_value_t = 500)]
        limit: i64,
    },
    /// Print the seed 002 §4H metrics as JSON.
    Metrics {
        /// Campaign id.
        #[arg(long)]
        campaign: Option<i64>,
        /// Market.
        #[arg(long)]
        market: Option<String>,
        /// Tier.
        #[arg(long)]
        tier: Option<String>,
        /// Template id.
        #[arg(long)]
        template: Option<i64>,
        /// From (RFC 3339).
        #[arg(long)]
        from: Option<String>,
        /// To (RFC 3339).
        #[arg(long)]
        to: Option<String>,
    },
    /// Compile FTC DNC files (either line format) into a compact file.
    DncCompile {
        /// Output file.
        #[arg(long)]
        out: PathBuf,
        /// Deletion change lists to apply after the additions.
        #[arg(long)]
        deletions: Vec<PathBuf>,
        /// Full lists or addition change lists.
        files: Vec<PathBuf>,
    },
    /// Check numbers against a compact DNC file (one JSON line each).
    DncCheck {
        /// Compact DNC file.
        #[arg(long)]
        dnc: PathBuf,
        /// Numbers.
        numbers: Vec<String>,
    },
}

fn env(k: &str) -> Result<String, String> {
    std::env::var(k).map_err(|_| format!("{k} is not set"))
}

fn ts(s: &str) -> Result<i64, String> {
    s.parse::<jiff::Timestamp>()
        .map(|t| t.as_second())
        .map_err(|e| format!("{s}: {e}"))
}

async fn run_async(a: OutreachArgs) -> Result<(), String> {
    let e = |x: phonestorm_outreach::OutreachError| x.to_string();
    let now = match &a.now {
        Some(t) => t
            .parse::<jiff::Timestamp>()
            .map_err(|x| format!("--now {t:?}: {x}"))?,
        None => jiff::Timestamp::now(),
    };
    if let Cmd::DncCompile {
        out,
        deletions,
        files,
    } = &a.cmd
    {
        let mut set = DncSet::new();
        for f in files {
            let r = std::fs::File::open(f).map_err(|x| format!("{}: {x}", f.display()))?;
            let rep = set.load_additions(std::io::BufReader::new(r)).map_err(e)?;
            eprintln!(
                "{}: {} added, {} skipped",
                f.display(),
                rep.applied,
                rep.skipped
            );
        }
        for f in deletions {
            let r = std::fs::File::open(f).map_err(|x| format!("{}: {x}", f.display()))?;
            let rep = set.load_deletions(std::io::BufReader::new(r)).map_err(e)?;
            eprintln!("{}: {} removed", f.display(), rep.applied);
        }
        set.downloaded_at = Some(now.as_second());
        set.save(out).map_err(e)?;
        println!("{}", serde_json::json!({"numbers": set.len(), "file": out}));
        return Ok(());
    }
    if let Cmd::DncCheck { dnc, numbers } = &a.cmd {
        let set = DncSet::open(dnc).map_err(e)?;
        for n in numbers {
            println!(
                "{}",
                serde_json::json!({"number": n, "on_dnc": set.is_on_dnc(n)})
            );
        }
        return Ok(());
    }
    let store = SqlStore::open(&StoreUrl::parse(&a.store))
        .await
        .map_err(e)?;
    let store: Arc<dyn Store> = Arc::new(store);
    let print = |v: serde_json::Value| println!("{v}");
    match a.cmd {
        Cmd::Init => {
            print(serde_json::json!({"schema_version": store.schema_version().await.map_err(e)?}))
        }
        Cmd::Import {
            csv,
            check_mx,
            market,
            tier,
        } => {
            let text =
                std::fs::read_to_string(&csv).map_err(|x| format!("{}: {x}", csv.display()))?;
            let mx = if check_mx {
                Some(HickoryMx::system().map_err(e)?)
            } else {
                None
            };
            let cfg = ImportConfig {
                market,
                tier,
                ..ImportConfig::default()
            };
            let rep = import_csv(
                store.as_ref(),
                &text,
                mx.as_ref().map(|m| m as &dyn MxResolver),
                &cfg,
                now.as_second(),
            )
            .await
            .map_err(e)?;
            print(serde_json::to_value(&rep).map_err(|x| x.to_string())?);
        }
        Cmd::Template {
            name,
            body,
            channel,
            subject,
        } => {
            let channel = Channel::parse(&channel).map_err(e)?;
            let t = Template {
                id: 0,
                name,
                channel,
                kind: "custom".into(),
                market: None,
                subject,
                body,
            };
            let t = store
                .upsert_template(&t, now.as_second())
                .await
                .map_err(e)?;
            print(serde_json::to_value(&t).map_err(|x| x.to_string())?);
        }
        Cmd::Campaign {
            name,
            schedule,
            tier,
        } => {
            let schedule: ScheduleConfig = match schedule {
                Some(p) => {
                    serde_json::from_str(&std::fs::read_to_string(&p).map_err(|x| x.to_string())?)
                        .map_err(|x| x.to_string())?
                }
                None => ScheduleConfig::default(),
            };
            let c = NewCampaign {
                name,
                campaign_type: "drip".into(),
                target_tier: tier,
                markets: vec![],
                schedule,
            };
            let c = store
                .create_campaign(&c, now.as_second())
                .await
                .map_err(e)?;
            print(serde_json::to_value(&c).map_err(|x| x.to_string())?);
        }
        Cmd::Enroll { .. } | Cmd::Preview { .. } | Cmd::RunDue { .. } => {
            let dnc = match &a.cmd {
                Cmd::RunDue { dnc: Some(p), .. } => Some(Arc::new(DncSet::open(p).map_err(e)?)),
                _ => None,
            };
            let sms: Arc<dyn phonestorm_outreach::sms::SmsSender> = {
                let mut cfg = TwilioConfig::new(
                    &std::env::var("TWILIO_ACCOUNT_SID").unwrap_or_default(),
                    &std::env::var("TWILIO_AUTH_TOKEN").unwrap_or_default(),
                    &std::env::var("TWILIO_FROM").unwrap_or_default(),
                );
                if let Ok(u) = std::env::var("TWILIO_BASE_URL") {
                    cfg.base_url = u;
                }
                Arc::new(TwilioSms::new(cfg).map_err(e)?)
            };
            let email = smtp_from_env()?;
            let mut config = EngineConfig::default();
            if let Ok(v) = std::env::var("PHONESTORM_SENDER_NAME") {
                config.sender_name = v;
            }
            if let Ok(v) = std::env::var("PHONESTORM_POSTAL_ADDRESS") {
                config.postal_address = v;
            }
            let has_email = email.is_some();
            let engine = Engine {
                store: store.clone(),
                sms,
                email,
                gate: Arc::new(CoreGate::default()),
                dnc,
                llm: Arc::new(KeywordLlm::default()),
                notifier: Arc::new(Notifiers(vec![])),
                config,
                hook: None,
            };
            match a.cmd {
                Cmd::Enroll { campaign, contacts } => {
                    for (id, r) in contacts
                        .iter()
                        .zip(engine.enroll_batch(&contacts, campaign, now).await)
                    {
                        match r {
                            Ok(en) => print(serde_json::to_value(&en).map_err(|x| x.to_string())?),
                            Err(x) => print(
                                serde_json::json!({"contact_id": id, "error": x.to_string(), "code": x.code()}),
                            ),
                        }
                    }
                }
                Cmd::Preview {
                    contact,
                    campaign,
                    touch,
                } => {
                    let p = engine
                        .preview(contact, campaign, touch.saturating_sub(1))
                        .await
                        .map_err(e)?;
                    print(serde_json::to_value(&p).map_err(|x| x.to_string())?);
                }
                Cmd::RunDue { limit, .. } => {
                    if std::env::var("TWILIO_ACCOUNT_SID").is_err() && !has_email {
                        return Err(
                            "run-due needs a channel: set TWILIO_ACCOUNT_SID (SMS) and/or SMTP_HOST (email)"
                                .into(),
                        );
                    }
                    for (id, o) in engine.run_due(now, limit).await.map_err(e)? {
                        print(serde_json::json!({"enrollment_id": id, "outcome": o}));
                    }
                }
                _ => {}
            }
        }
        Cmd::Metrics {
            campaign,
            market,
            tier,
            template,
            from,
            to,
        } => {
            let f = MetricsFilter {
                from: from.as_deref().map(ts).transpose()?,
                to: to.as_deref().map(ts).transpose()?,
                campaign_id: campaign,
                market,
                tier,
                template_id: template,
            };
            let m = store.metrics(&f).await.map_err(e)?;
            print(serde_json::to_value(&m).map_err(|x| x.to_string())?);
        }
        Cmd::DncCompile { .. } | Cmd::DncCheck { .. } => {}
    }
    Ok(())
}

/// The SMTP email channel from `SMTP_*` variables, or `None` when `SMTP_HOST` is unset (email
/// touches then fail permanently with `no_email_channel`, logged, never silently dropped).
fn smtp_from_env() -> Result<Option<Arc<dyn EmailSender>>, String> {
    let Ok(host) = std::env::var("SMTP_HOST") else {
        return Ok(None);
    };
    let security = match std::env::var("SMTP_SECURITY").as_deref() {
        Err(_) | Ok("starttls") => SmtpSecurity::StartTls,
        Ok("tls") => SmtpSecurity::Tls,
        Ok("plain") => SmtpSecurity::Plain,
        Ok(other) => {
            return Err(format!(
                "SMTP_SECURITY must be starttls, tls or plain, not {other:?}"
            ));
        }
    };
    let default_port = match security {
        SmtpSecurity::Tls => 465,
        SmtpSecurity::StartTls => 587,
        SmtpSecurity::Plain => 25,
    };
    let port = match std::env::var("SMTP_PORT") {
        Ok(p) => p
            .parse()
            .map_err(|_| format!("SMTP_PORT is not a port: {p:?}"))?,
        Err(_) => default_port,
    };
    let timeout_secs = match std::env::var("SMTP_TIMEOUT_SECS") {
        Ok(t) => t
            .parse()
            .map_err(|_| format!("SMTP_TIMEOUT_SECS is not a number: {t:?}"))?,
        Err(_) => 30,
    };
    let cfg = SmtpConfig {
        host,
        port,
        security,
        username: std::env::var("SMTP_USERNAME").ok(),
        password: std::env::var("SMTP_PASSWORD").ok(),
        from: env("SMTP_FROM")?,
        timeout_secs,
    };
    let sender = SmtpEmail::new(cfg).map_err(|x| x.to_string())?;
    Ok(Some(Arc::new(sender)))
}

/// Runs `phonestorm outreach …`.
pub fn run(args: OutreachArgs) -> ExitCode {
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(x) => {
            eprintln!("error: {x}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run_async(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(x) => {
            eprintln!("error: {x}");
            ExitCode::FAILURE
        }
    }
}
