//! The CRM [`Store`] trait and its SQL implementation on SQLite and PostgreSQL.
//!
//! Durability rule: every method that records an opt-out or a communication returns only after
//! the transaction is committed, so callers act (send, acknowledge) after the record exists.

pub mod db;
pub mod migrations;
pub mod postgres;
pub mod sqlite;

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::analytics::{Metrics, MetricsFilter};
use crate::error::OutreachError;
use crate::model::*;
use db::{Db, Dialect, Row, Stmt, Value};

type R<T> = Result<T, OutreachError>;

/// Persistence for contacts, campaigns, communications, lead statuses, templates,
/// conversations, enrolments and the opt-out ledger.
#[async_trait]
pub trait Store: Send + Sync {
    /// The applied schema version.
    async fn schema_version(&self) -> R<i64>;
    /// Inserts a contact.
    async fn insert_contact(&self, c: &NewContact, now: i64) -> R<Contact>;
    /// A contact by id.
    async fn contact(&self, id: i64) -> R<Contact>;
    /// Contacts with this E.164 phone.
    async fn contacts_by_phone(&self, e164: &str) -> R<Vec<Contact>>;
    /// Contacts with this (lower-case) email.
    async fn contacts_by_email(&self, email: &str) -> R<Vec<Contact>>;
    /// Contacts of a property.
    async fn contacts_by_parcel(&self, parcel_id: &str) -> R<Vec<Contact>>;
    /// Creates a campaign (schedule validated).
    async fn create_campaign(&self, c: &NewCampaign, now: i64) -> R<Campaign>;
    /// A campaign by id.
    async fn campaign(&self, id: i64) -> R<Campaign>;
    /// Pauses (false) or resumes (true) a whole campaign.
    async fn set_campaign_active(&self, id: i64, active: bool) -> R<()>;
    /// Inserts or replaces a template by name.
    async fn upsert_template(&self, t: &Template, now: i64) -> R<Template>;
    /// A template by name.
    async fn template(&self, name: &str) -> R<Template>;
    /// Enrols a contact (idempotent: returns the existing enrolment).
    async fn enroll(
        &self,
        contact_id: i64,
        campaign_id: i64,
        first_due: i64,
        now: i64,
    ) -> R<Enrollment>;
    /// An enrolment by id.
    async fn enrollment(&self, id: i64) -> R<Enrollment>;
    /// A contact's enrolments.
    async fn enrollments_for_contact(&self, contact_id: i64) -> R<Vec<Enrollment>>;
    /// Unpaused, unfinished enrolments of active campaigns due at or before `now`.
    async fn due_enrollments(&self, now: i64, limit: i64) -> R<Vec<Enrollment>>;
    /// Moves an enrolment on if it is still at `expected_next_touch` (compare-and-set);
    /// returns false if another worker moved it first.
    async fn advance_enrollment(
        &self,
        id: i64,
        expected_next_touch: i64,
        state: &str,
        next_touch: i64,
        next_due_at: Option<i64>,
        now: i64,
    ) -> R<bool>;
    /// Sets the next due time (a compliance Defer).
    async fn defer_enrollment(&self, id: i64, next_due_at: i64, now: i64) -> R<()>;
    /// Pauses or resumes one enrolment.
    async fn set_enrollment_paused(&self, id: i64, paused: bool, now: i64) -> R<()>;
    /// Cancels every unfinished enrolment of a contact; returns how many.
    async fn cancel_enrollments(&self, contact_id: i64, reason: &str, now: i64) -> R<u64>;
    /// Inserts an outbound communication with an idempotency key; `None` if the key exists
    /// (the touch was already claimed by an earlier run).
    async fn claim_send(&self, c: &NewCommunication) -> R<Option<Communication>>;
    /// The communication with this idempotency key.
    async fn communication_by_key(&self, key: &str) -> R<Option<Communication>>;
    /// Frees an idempotency key after a retryable failure (the failed row keeps
    /// `key#failed#id`), so the retried task can claim it again.
    async fn release_key(&self, key: &str, id: i64) -> R<()>;
    /// Logs a communication.
    async fn log_communication(&self, c: &NewCommunication) -> R<Communication>;
    /// Records the provider's answer for a communication.
    async fn update_communication(
        &self,
        id: i64,
        status: CommStatus,
        provider_id: Option<&str>,
        error_code: Option<&str>,
        sent_at: Option<i64>,
        cost_micros: i64,
    ) -> R<()>;
    /// Applies a status callback by provider id; false if unknown.
    async fn update_status_by_provider_id(
        &self,
        provider_id: &str,
        status: CommStatus,
        error_code: Option<&str>,
        at: i64,
    ) -> R<bool>;
    /// A contact's communications, oldest first.
    async fn communications(&self, contact_id: i64) -> R<Vec<Communication>>;
    /// Outbound messages to a contact (pending, queued, sent or delivered) since `since`.
    async fn count_outbound_since(&self, contact_id: i64, since: i64) -> R<i64>;
    /// Manual messages sent by a user since `since`.
    async fn count_manual_since(&self, user: &str, since: i64) -> R<i64>;
    /// Outbound messages to a contact (pending, queued, sent or delivered) since `since`,
    /// oldest first: the compliance gate's history.
    async fn outbound_since(&self, contact_id: i64, since: i64) -> R<Vec<Communication>>;
    /// Manual messages sent by a user since `since`, oldest first.
    async fn manual_since(&self, user: &str, since: i64) -> R<Vec<Communication>>;
    /// A contact's lead status.
    async fn lead_status(&self, contact_id: i64) -> R<Option<LeadStatusRecord>>;
    /// Sets a contact's lead status (insert or update).
    async fn set_lead_status(&self, rec: &LeadStatusRecord) -> R<()>;
    /// A contact's conversation.
    async fn conversation(&self, contact_id: i64) -> R<Option<ConversationState>>;
    /// Saves a conversation (insert or update).
    async fn save_conversation(&self, st: &ConversationState) -> R<()>;
    /// Records an opt-out in one transaction: ledger row, `opt_out` on every contact with that
    /// address, their enrolments cancelled, their lead status `opt_out`. Durable on return.
    async fn record_opt_out(&self, o: &NewOptOut) -> R<OptOut>;
    /// True if the address is in the ledger.
    async fn is_opted_out(&self, address: &str) -> R<bool>;
    /// Ledger rows for an address.
    async fn opt_outs(&self, address: &str) -> R<Vec<OptOut>>;
    /// Ledger rows whose confirmation has not been sent.
    async fn pending_confirmations(&self) -> R<Vec<OptOut>>;
    /// Marks the confirmation sent if it was not (compare-and-set); false if already marked.
    async fn mark_confirmation_sent(&self, id: i64, at: i64) -> R<bool>;
    /// Human handoff in one transaction: takeover flag, status `interested`, enrolments
    /// cancelled.
    async fn handoff(&self, contact_id: i64, now: i64) -> R<()>;
    /// Seed 002 §4H metrics, computed in SQL.
    async fn metrics(&self, f: &MetricsFilter) -> R<Metrics>;
}

/// The SQL store over either back-end.
#[derive(Clone)]
pub struct SqlStore {
    db: Arc<dyn Db>,
}

impl std::fmt::Debug for SqlStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SqlStore({:?})", self.db.dialect())
    }
}

/// Where a store lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoreUrl {
    /// A SQLite file.
    Sqlite(std::path::PathBuf),
    /// A PostgreSQL URL.
    Postgres(String),
}

impl StoreUrl {
    /// `postgres://…` / `postgresql://…` or a file path (optionally `sqlite://path`).
    pub fn parse(s: &str) -> Self {
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            StoreUrl::Postgres(s.to_owned())
        } else {
            StoreUrl::Sqlite(s.trim_start_matches("sqlite://").into())
        }
    }
}

const CONTACT_COLS: &str = "id, parcel_id, phone, email, owner_name, source, confidence, phone_verified, email_verified, opt_out, market, tier, created_at";
const CAMPAIGN_COLS: &str =
    "id, name, campaign_type, target_tier, markets, schedule_config, active, created_at";
const TEMPLATE_COLS: &str = "id, name, channel, kind, market, subject, body";
const COMM_COLS: &str = "id, contact_id, campaign_id, enrollment_id, touch_number, template_id, direction, channel, body, status, sentiment_score, intent, provider_id, idempotency_key, error_code, cost_micros, sent_by, created_at, sent_at, delivered_at, lead_event_id";
const ENR_COLS: &str = "id, contact_id, campaign_id, state, next_touch, next_due_at, paused, cancel_reason, enrolled_at";
const OPT_COLS: &str =
    "id, address, channel, source, raw_message, contact_id, received_at, confirmation_sent_at";
const LIVE_STATES: &str = "('completed', 'cancelled')";

fn contact(r: &Row) -> R<Contact> {
    Ok(Contact {
        id: r.i64(0)?,
        fields: NewContact {
            parcel_id: r.opt_text(1)?,
            phone: r.opt_text(2)?,
            email: r.opt_text(3)?,
            owner_name: r.opt_text(4)?,
            source: r.text(5)?,
            confidence: r.f64(6)?,
            phone_verified: r.bool(7)?,
            email_verified: r.bool(8)?,
            market: r.opt_text(10)?,
            tier: r.opt_text(11)?,
        },
        opt_out: r.bool(9)?,
        created_at: r.i64(12)?,
    })
}

fn json_err(e: serde_json::Error) -> OutreachError {
    OutreachError::Store(format!("json: {e}"))
}

fn campaign(r: &Row) -> R<Campaign> {
    Ok(Campaign {
        id: r.i64(0)?,
        fields: NewCampaign {
            name: r.text(1)?,
            campaign_type: r.text(2)?,
            target_tier: r.opt_text(3)?,
            markets: serde_json::from_str(&r.text(4)?).map_err(json_err)?,
            schedule: serde_json::from_str(&r.text(5)?).map_err(json_err)?,
        },
        active: r.bool(6)?,
        created_at: r.i64(7)?,
    })
}

fn template(r: &Row) -> R<Template> {
    Ok(Template {
        id: r.i64(0)?,
        name: r.text(1)?,
        channel: Channel::parse(&r.text(2)?)?,
        kind: r.text(3)?,
        market: r.opt_text(4)?,
        subject: r.opt_text(5)?,
        body: r.text(6)?,
    })
}

fn communication(r: &Row) -> R<Communication> {
    Ok(Communication {
        id: r.i64(0)?,
        fields: NewCommunication {
            contact_id: r.i64(1)?,
            campaign_id: r.opt_i64(2)?,
            enrollment_id: r.opt_i64(3)?,
            touch_number: r.opt_i64(4)?,
            template_id: r.opt_i64(5)?,
            direction: Direction::parse(&r.text(6)?)?,
            channel: Channel::parse(&r.text(7)?)?,
            body: r.text(8)?,
            status: CommStatus::parse(&r.text(9)?)?,
            sentiment_score: r.opt_f64(10)?,
            intent: r.opt_text(11)?.map(|s| Intent::parse(&s)).transpose()?,
            provider_id: r.opt_text(12)?,
            idempotency_key: r.opt_text(13)?,
            error_code: r.opt_text(14)?,
            cost_micros: r.i64(15)?,
            sent_by: r.opt_text(16)?,
            lead_event_id: r.opt_text(20)?,
            created_at: r.i64(17)?,
        },
        sent_at: r.opt_i64(18)?,
        delivered_at: r.opt_i64(19)?,
    })
}

fn enrollment(r: &Row) -> R<Enrollment> {
    Ok(Enrollment {
        id: r.i64(0)?,
        contact_id: r.i64(1)?,
        campaign_id: r.i64(2)?,
        state: r.text(3)?,
        next_touch: r.i64(4)?,
        next_due_at: r.opt_i64(5)?,
        paused: r.bool(6)?,
        cancel_reason: r.opt_text(7)?,
        enrolled_at: r.i64(8)?,
    })
}

fn opt_out(r: &Row) -> R<OptOut> {
    Ok(OptOut {
        id: r.i64(0)?,
        fields: NewOptOut {
            address: r.text(1)?,
            channel: Channel::parse(&r.text(2)?)?,
            source: r.text(3)?,
            raw_message: r.opt_text(4)?,
            contact_id: r.opt_i64(5)?,
            received_at: r.i64(6)?,
        },
        confirmation_sent_at: r.opt_i64(7)?,
    })
}

fn one<T>(rows: Vec<Row>, what: &str, f: impl Fn(&Row) -> R<T>) -> R<T> {
    match rows.first() {
        Some(r) => f(r),
        None => Err(OutreachError::NotFound(what.to_owned())),
    }
}

fn cancel_stmt(
    contact_filter: &str,
    params: Vec<Value>,
    reason_idx: usize,
    now_idx: usize,
) -> Stmt {
    Stmt::new(
        format!(
            "UPDATE campaign_enrollments SET state = 'cancelled', cancel_reason = ${reason_idx}, next_due_at = NULL, updated_at = ${now_idx} WHERE {contact_filter} AND state NOT IN {LIVE_STATES}"
        ),
        params,
    )
}

impl SqlStore {
    /// Opens a SQLite file (created if missing) and migrates it.
    pub async fn open_sqlite(path: &Path) -> R<Self> {
        let db = sqlite::SqliteDb::open(path)?;
        Self::with_db(Arc::new(db)).await
    }

    /// Connects to PostgreSQL and migrates.
    pub async fn connect_postgres(url: &str) -> R<Self> {
        let db = postgres::PostgresDb::connect(url).await?;
        Self::with_db(Arc::new(db)).await
    }

    /// Opens either kind.
    pub async fn open(url: &StoreUrl) -> R<Self> {
        match url {
            StoreUrl::Sqlite(p) => Self::open_sqlite(p).await,
            StoreUrl::Postgres(u) => Self::connect_postgres(u).await,
        }
    }

    /// Wraps a database and applies pending migrations.
    pub async fn with_db(db: Arc<dyn Db>) -> R<Self> {
        let now = jiff::Timestamp::now().as_second();
        migrations::migrate(db.as_ref(), now).await?;
        Ok(SqlStore { db })
    }

    /// The back-end's dialect.
    pub fn dialect(&self) -> Dialect {
        self.db.dialect()
    }

    pub(crate) fn db(&self) -> &dyn Db {
        self.db.as_ref()
    }

    async fn q(&self, sql: impl Into<String>, params: Vec<Value>) -> R<Vec<Row>> {
        self.db.query(Stmt::new(sql, params)).await
    }
}

#[async_trait]
impl Store for SqlStore {
    async fn schema_version(&self) -> R<i64> {
        migrations::current_version(self.db.as_ref()).await
    }

    async fn insert_contact(&self, c: &NewContact, now: i64) -> R<Contact> {
        let rows = self
            .q(
                format!("INSERT INTO contacts (parcel_id, phone, email, owner_name, source, confidence, phone_verified, email_verified, opt_out, market, tier, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, FALSE, $9, $10, $11) RETURNING {CONTACT_COLS}"),
                vec![
                    c.parcel_id.clone().into(),
                    c.phone.clone().into(),
                    c.email.clone().into(),
                    c.owner_name.clone().into(),
                    c.source.clone().into(),
                    c.confidence.into(),
                    c.phone_verified.into(),
                    c.email_verified.into(),
                    c.market.clone().into(),
                    c.tier.clone().into(),
                    now.into(),
                ],
            )
            .await?;
        let mut out = one(rows, "contact", contact)?;
        // A contact whose address is already in the ledger starts opted out.
        let mut opted = false;
        for a in [&c.phone, &c.email].into_iter().flatten() {
            opted |= self.is_opted_out(a).await?;
        }
        if opted {
            self.q(
                "UPDATE contacts SET opt_out = TRUE WHERE id = $1",
                vec![out.id.into()],
            )
            .await?;
            out.opt_out = true;
        }
        Ok(out)
    }

    async fn contact(&self, id: i64) -> R<Contact> {
        let rows = self
            .q(
                format!("SELECT {CONTACT_COLS} FROM contacts WHERE id = $1"),
                vec![id.into()],
            )
            .await?;
        one(rows, &format!("contact {id}"), contact)
    }

    async fn contacts_by_phone(&self, e164: &str) -> R<Vec<Contact>> {
        let rows = self
            .q(
                format!("SELECT {CONTACT_COLS} FROM contacts WHERE phone = $1 ORDER BY id"),
                vec![e164.into()],
            )
            .await?;
        rows.iter().map(contact).collect()
    }

    async fn contacts_by_email(&self, email: &str) -> R<Vec<Contact>> {
        let rows = self
            .q(
                format!("SELECT {CONTACT_COLS} FROM contacts WHERE email = $1 ORDER BY id"),
                vec![email.to_lowercase().into()],
            )
            .await?;
        rows.iter().map(contact).collect()
    }

    async fn contacts_by_parcel(&self, parcel_id: &str) -> R<Vec<Contact>> {
        let rows = self
            .q(
                format!("SELECT {CONTACT_COLS} FROM contacts WHERE parcel_id = $1 ORDER BY id"),
                vec![parcel_id.into()],
            )
            .await?;
        rows.iter().map(contact).collect()
    }

    async fn create_campaign(&self, c: &NewCampaign, now: i64) -> R<Campaign> {
        c.schedule.validate()?;
        let rows = self
            .q(
                format!("INSERT INTO outreach_campaigns (name, campaign_type, target_tier, markets, schedule_config, active, created_at) VALUES ($1, $2, $3, $4, $5, TRUE, $6) RETURNING {CAMPAIGN_COLS}"),
                vec![
                    c.name.clone().into(),
                    c.campaign_type.clone().into(),
                    c.target_tier.clone().into(),
                    serde_json::to_string(&c.markets).map_err(json_err)?.into(),
                    serde_json::to_string(&c.schedule).map_err(json_err)?.into(),
                    now.into(),
                ],
            )
            .await?;
        one(rows, "campaign", campaign)
    }

    async fn campaign(&self, id: i64) -> R<Campaign> {
        let rows = self
            .q(
                format!("SELECT {CAMPAIGN_COLS} FROM outreach_campaigns WHERE id = $1"),
                vec![id.into()],
            )
            .await?;
        one(rows, &format!("campaign {id}"), campaign)
    }

    async fn set_campaign_active(&self, id: i64, active: bool) -> R<()> {
        self.q(
            "UPDATE outreach_campaigns SET active = $1 WHERE id = $2",
            vec![active.into(), id.into()],
        )
        .await?;
        Ok(())
    }

    async fn upsert_template(&self, t: &Template, now: i64) -> R<Template> {
        let rows = self
            .q(
                format!("INSERT INTO message_templates (name, channel, kind, market, subject, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (name) DO UPDATE SET channel = excluded.channel, kind = excluded.kind, market = excluded.market, subject = excluded.subject, body = excluded.body RETURNING {TEMPLATE_COLS}"),
                vec![
                    t.name.clone().into(),
                    t.channel.as_str().into(),
                    t.kind.clone().into(),
                    t.market.clone().into(),
                    t.subject.clone().into(),
                    t.body.clone().into(),
                    now.into(),
                ],
            )
            .await?;
        one(rows, "template", template)
    }

    async fn template(&self, name: &str) -> R<Template> {
        let rows = self
            .q(
                format!("SELECT {TEMPLATE_COLS} FROM message_templates WHERE name = $1"),
                vec![name.into()],
            )
            .await?;
        one(rows, &format!("template {name}"), template)
    }

    async fn enroll(
        &self,
        contact_id: i64,
        campaign_id: i64,
        first_due: i64,
        now: i64,
    ) -> R<Enrollment> {
        self.q(
            "INSERT INTO campaign_enrollments (contact_id, campaign_id, state, next_touch, next_due_at, paused, enrolled_at, updated_at) VALUES ($1, $2, 'not_started', 0, $3, FALSE, $4, $4) ON CONFLICT (contact_id, campaign_id) DO NOTHING",
            vec![contact_id.into(), campaign_id.into(), first_due.into(), now.into()],
        )
        .await?;
        let rows = self
            .q(
                format!("SELECT {ENR_COLS} FROM campaign_enrollments WHERE contact_id = $1 AND campaign_id = $2"),
                vec![contact_id.into(), campaign_id.into()],
            )
            .await?;
        one(rows, "enrollment", enrollment)
    }

    async fn enrollment(&self, id: i64) -> R<Enrollment> {
        let rows = self
            .q(
                format!("SELECT {ENR_COLS} FROM campaign_enrollments WHERE id = $1"),
                vec![id.into()],
            )
            .await?;
        one(rows, &format!("enrollment {id}"), enrollment)
    }

    async fn enrollments_for_contact(&self, contact_id: i64) -> R<Vec<Enrollment>> {
        let rows = self
            .q(
                format!(
                    "SELECT {ENR_COLS} FROM campaign_enrollments WHERE contact_id = $1 ORDER BY id"
                ),
                vec![contact_id.into()],
            )
            .await?;
        rows.iter().map(enrollment).collect()
    }

    async fn due_enrollments(&self, now: i64, limit: i64) -> R<Vec<Enrollment>> {
        let cols = ENR_COLS
            .split(", ")
            .map(|c| format!("e.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = self
            .q(
                format!("SELECT {cols} FROM campaign_enrollments e JOIN outreach_campaigns c ON c.id = e.campaign_id WHERE e.next_due_at IS NOT NULL AND e.next_due_at <= $1 AND e.paused = FALSE AND c.active = TRUE AND e.state NOT IN {LIVE_STATES} ORDER BY e.next_due_at, e.id LIMIT $2"),
                vec![now.into(), limit.into()],
            )
            .await?;
        rows.iter().map(enrollment).collect()
    }

    async fn advance_enrollment(
        &self,
        id: i64,
        expected_next_touch: i64,
        state: &str,
        next_touch: i64,
        next_due_at: Option<i64>,
        now: i64,
    ) -> R<bool> {
        let rows = self
            .q(
                format!("UPDATE campaign_enrollments SET state = $1, next_touch = $2, next_due_at = $3, updated_at = $4 WHERE id = $5 AND next_touch = $6 AND state NOT IN {LIVE_STATES} RETURNING id"),
                vec![
                    state.into(),
                    next_touch.into(),
                    next_due_at.into(),
                    now.into(),
                    id.into(),
                    expected_next_touch.into(),
                ],
            )
            .await?;
        Ok(!rows.is_empty())
    }

    async fn defer_enrollment(&self, id: i64, next_due_at: i64, now: i64) -> R<()> {
        self.q(
            format!("UPDATE campaign_enrollments SET next_due_at = $1, updated_at = $2 WHERE id = $3 AND state NOT IN {LIVE_STATES}"),
            vec![next_due_at.into(), now.into(), id.into()],
        )
        .await?;
        Ok(())
    }

    async fn set_enrollment_paused(&self, id: i64, paused: bool, now: i64) -> R<()> {
        self.q(
            "UPDATE campaign_enrollments SET paused = $1, updated_at = $2 WHERE id = $3",
            vec![paused.into(), now.into(), id.into()],
        )
        .await?;
        Ok(())
    }

    async fn cancel_enrollments(&self, contact_id: i64, reason: &str, now: i64) -> R<u64> {
        let mut st = cancel_stmt(
            "contact_id = $1",
            vec![contact_id.into(), reason.into(), now.into()],
            2,
            3,
        );
        st.sql.push_str(" RETURNING id");
        let rows = self.db.query(st).await?;
        Ok(rows.len() as u64)
    }

    async fn claim_send(&self, c: &NewCommunication) -> R<Option<Communication>> {
        let rows = self.insert_comm(c, true).await?;
        match rows.first() {
            Some(r) => Ok(Some(communication(r)?)),
            None => Ok(None),
        }
    }

    async fn communication_by_key(&self, key: &str) -> R<Option<Communication>> {
        let rows = self
            .q(
                format!("SELECT {COMM_COLS} FROM communications WHERE idempotency_key = $1"),
                vec![key.into()],
            )
            .await?;
        rows.first().map(communication).transpose()
    }

    async fn release_key(&self, key: &str, id: i64) -> R<()> {
        self.q(
            "UPDATE communications SET idempotency_key = $1 WHERE id = $2 AND idempotency_key = $3",
            vec![format!("{key}#failed#{id}").into(), id.into(), key.into()],
        )
        .await?;
        Ok(())
    }

    async fn log_communication(&self, c: &NewCommunication) -> R<Communication> {
        let rows = self.insert_comm(c, false).await?;
        one(rows, "communication", communication)
    }

    async fn update_communication(
        &self,
        id: i64,
        status: CommStatus,
        provider_id: Option<&str>,
        error_code: Option<&str>,
        sent_at: Option<i64>,
        cost_micros: i64,
    ) -> R<()> {
        self.q(
            "UPDATE communications SET status = $1, provider_id = COALESCE($2, provider_id), error_code = $3, sent_at = COALESCE($4, sent_at), cost_micros = $5 WHERE id = $6",
            vec![
                status.as_str().into(),
                provider_id.into(),
                error_code.into(),
                sent_at.into(),
                cost_micros.into(),
                id.into(),
            ],
        )
        .await?;
        Ok(())
    }

    async fn update_status_by_provider_id(
        &self,
        provider_id: &str,
        status: CommStatus,
        error_code: Option<&str>,
        at: i64,
    ) -> R<bool> {
        let delivered: Option<i64> = (status == CommStatus::Delivered).then_some(at);
        let rows = self
            .q(
                "UPDATE communications SET status = $1, error_code = COALESCE($2, error_code), delivered_at = COALESCE($3, delivered_at) WHERE provider_id = $4 RETURNING id",
                vec![
                    status.as_str().into(),
                    error_code.into(),
                    delivered.into(),
                    provider_id.into(),
                ],
            )
            .await?;
        Ok(!rows.is_empty())
    }

    async fn communications(&self, contact_id: i64) -> R<Vec<Communication>> {
        let rows = self
            .q(
                format!("SELECT {COMM_COLS} FROM communications WHERE contact_id = $1 ORDER BY created_at, id"),
                vec![contact_id.into()],
            )
            .await?;
        rows.iter().map(communication).collect()
    }

    async fn count_outbound_since(&self, contact_id: i64, since: i64) -> R<i64> {
        let rows = self
            .q(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM communications WHERE contact_id = $1 AND direction = 'outbound' AND status IN ('pending', 'queued', 'sent', 'delivered') AND created_at >= $2",
                vec![contact_id.into(), since.into()],
            )
            .await?;
        one(rows, "count", |r| r.i64(0))
    }

    async fn count_manual_since(&self, user: &str, since: i64) -> R<i64> {
        let rows = self
            .q(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM communications WHERE sent_by = $1 AND direction = 'outbound' AND status IN ('pending', 'queued', 'sent', 'delivered') AND created_at >= $2",
                vec![user.into(), since.into()],
            )
            .await?;
        one(rows, "count", |r| r.i64(0))
    }

    async fn outbound_since(&self, contact_id: i64, since: i64) -> R<Vec<Communication>> {
        let rows = self
            .q(
                format!("SELECT {COMM_COLS} FROM communications WHERE contact_id = $1 AND direction = 'outbound' AND status IN ('pending', 'queued', 'sent', 'delivered') AND created_at >= $2 ORDER BY created_at, id"),
                vec![contact_id.into(), since.into()],
            )
            .await?;
        rows.iter().map(communication).collect()
    }

    async fn manual_since(&self, user: &str, since: i64) -> R<Vec<Communication>> {
        let rows = self
            .q(
                format!("SELECT {COMM_COLS} FROM communications WHERE sent_by = $1 AND direction = 'outbound' AND status IN ('pending', 'queued', 'sent', 'delivered') AND created_at >= $2 ORDER BY created_at, id"),
                vec![user.into(), since.into()],
            )
            .await?;
        rows.iter().map(communication).collect()
    }

    async fn lead_status(&self, contact_id: i64) -> R<Option<LeadStatusRecord>> {
        let rows = self
            .q(
                "SELECT contact_id, status, last_contact_at, assigned_to, deal_value_cents, updated_at FROM lead_statuses WHERE contact_id = $1",
                vec![contact_id.into()],
            )
            .await?;
        rows.first()
            .map(|r| {
                Ok(LeadStatusRecord {
                    contact_id: r.i64(0)?,
                    status: LeadStatus::parse(&r.text(1)?)?,
                    last_contact_at: r.opt_i64(2)?,
                    assigned_to: r.opt_text(3)?,
                    deal_value_cents: r.opt_i64(4)?,
                    updated_at: r.i64(5)?,
                })
            })
            .transpose()
    }

    async fn set_lead_status(&self, rec: &LeadStatusRecord) -> R<()> {
        self.q(
            "INSERT INTO lead_statuses (contact_id, status, last_contact_at, assigned_to, deal_value_cents, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (contact_id) DO UPDATE SET status = excluded.status, last_contact_at = excluded.last_contact_at, assigned_to = excluded.assigned_to, deal_value_cents = excluded.deal_value_cents, updated_at = excluded.updated_at",
            vec![
                rec.contact_id.into(),
                rec.status.as_str().into(),
                rec.last_contact_at.into(),
                rec.assigned_to.clone().into(),
                rec.deal_value_cents.into(),
                rec.updated_at.into(),
            ],
        )
        .await?;
        Ok(())
    }

    async fn conversation(&self, contact_id: i64) -> R<Option<ConversationState>> {
        let rows = self
            .q(
                "SELECT contact_id, current_state, conversation_history, human_takeover, updated_at FROM conversation_states WHERE contact_id = $1",
                vec![contact_id.into()],
            )
            .await?;
        rows.first()
            .map(|r| {
                Ok(ConversationState {
                    contact_id: r.i64(0)?,
                    current_state: r.text(1)?,
                    history: serde_json::from_str(&r.text(2)?).map_err(json_err)?,
                    human_takeover: r.bool(3)?,
                    updated_at: r.i64(4)?,
                })
            })
            .transpose()
    }

    async fn save_conversation(&self, st: &ConversationState) -> R<()> {
        self.q(
            "INSERT INTO conversation_states (contact_id, current_state, conversation_history, human_takeover, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (contact_id) DO UPDATE SET current_state = excluded.current_state, conversation_history = excluded.conversation_history, human_takeover = excluded.human_takeover, updated_at = excluded.updated_at",
            vec![
                st.contact_id.into(),
                st.current_state.clone().into(),
                serde_json::to_string(&st.history).map_err(json_err)?.into(),
                st.human_takeover.into(),
                st.updated_at.into(),
            ],
        )
        .await?;
        Ok(())
    }

    async fn record_opt_out(&self, o: &NewOptOut) -> R<OptOut> {
        let addr = o.address.trim().to_lowercase();
        let who = "(phone = $1 OR email = $1)";
        let stmts = vec![
            Stmt::new(
                format!(
                    "INSERT INTO opt_outs (address, channel, source, raw_message, contact_id, received_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {OPT_COLS}"
                ),
                vec![
                    addr.clone().into(),
                    o.channel.as_str().into(),
                    o.source.clone().into(),
                    o.raw_message.clone().into(),
                    o.contact_id.into(),
                    o.received_at.into(),
                ],
            ),
            Stmt::new(
                format!("UPDATE contacts SET opt_out = TRUE WHERE {who}"),
                vec![addr.clone().into()],
            ),
            cancel_stmt(
                &format!("contact_id IN (SELECT id FROM contacts WHERE {who})"),
                vec![addr.clone().into(), "opt_out".into(), o.received_at.into()],
                2,
                3,
            ),
            Stmt::new(
                format!(
                    "INSERT INTO lead_statuses (contact_id, status, updated_at) SELECT id, 'opt_out', $2 FROM contacts WHERE {who} ON CONFLICT (contact_id) DO UPDATE SET status = 'opt_out', updated_at = excluded.updated_at"
                ),
                vec![addr.clone().into(), o.received_at.into()],
            ),
            Stmt::new(
                format!(
                    "UPDATE conversation_states SET current_state = 'opted_out', updated_at = $2 WHERE contact_id IN (SELECT id FROM contacts WHERE {who})"
                ),
                vec![addr.into(), o.received_at.into()],
            ),
        ];
        let mut res = self.db.transaction(stmts).await?;
        let first = res.swap_remove(0);
        one(first, "opt_out", opt_out)
    }

    async fn is_opted_out(&self, address: &str) -> R<bool> {
        let rows = self
            .q(
                "SELECT id FROM opt_outs WHERE address = $1 LIMIT 1",
                vec![address.trim().to_lowercase().into()],
            )
            .await?;
        Ok(!rows.is_empty())
    }

    async fn opt_outs(&self, address: &str) -> R<Vec<OptOut>> {
        let rows = self
            .q(
                format!("SELECT {OPT_COLS} FROM opt_outs WHERE address = $1 ORDER BY id"),
                vec![address.trim().to_lowercase().into()],
            )
            .await?;
        rows.iter().map(opt_out).collect()
    }

    async fn pending_confirmations(&self) -> R<Vec<OptOut>> {
        let rows = self
            .q(
                format!(
                    "SELECT {OPT_COLS} FROM opt_outs WHERE confirmation_sent_at IS NULL ORDER BY id"
                ),
                vec![],
            )
            .await?;
        rows.iter().map(opt_out).collect()
    }

    async fn mark_confirmation_sent(&self, id: i64, at: i64) -> R<bool> {
        let rows = self
            .q(
                "UPDATE opt_outs SET confirmation_sent_at = $1 WHERE id = $2 AND confirmation_sent_at IS NULL RETURNING id",
                vec![at.into(), id.into()],
            )
            .await?;
        Ok(!rows.is_empty())
    }

    async fn handoff(&self, contact_id: i64, now: i64) -> R<()> {
        self.db
            .transaction(vec![
                Stmt::new(
                    "INSERT INTO conversation_states (contact_id, current_state, conversation_history, human_takeover, updated_at) VALUES ($1, 'human', '[]', TRUE, $2) ON CONFLICT (contact_id) DO UPDATE SET current_state = 'human', human_takeover = TRUE, updated_at = excluded.updated_at",
                    vec![contact_id.into(), now.into()],
                ),
                Stmt::new(
                    "INSERT INTO lead_statuses (contact_id, status, last_contact_at, updated_at) VALUES ($1, 'interested', $2, $2) ON CONFLICT (contact_id) DO UPDATE SET status = 'interested', last_contact_at = excluded.last_contact_at, updated_at = excluded.updated_at",
                    vec![contact_id.into(), now.into()],
                ),
                cancel_stmt(
                    "contact_id = $1",
                    vec![contact_id.into(), "human_takeover".into(), now.into()],
                    2,
                    3,
                ),
            ])
            .await?;
        Ok(())
    }

    async fn metrics(&self, f: &MetricsFilter) -> R<Metrics> {
        crate::analytics::compute(self, f).await
    }
}

impl SqlStore {
    async fn insert_comm(&self, c: &NewCommunication, claim: bool) -> R<Vec<Row>> {
        let conflict = if claim {
            " ON CONFLICT (idempotency_key) DO NOTHING"
        } else {
            ""
        };
        self.q(
            format!("INSERT INTO communications (contact_id, campaign_id, enrollment_id, touch_number, template_id, direction, channel, body, status, sentiment_score, intent, provider_id, idempotency_key, error_code, cost_micros, sent_by, created_at, sent_at, lead_event_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, NULL, $18){conflict} RETURNING {COMM_COLS}"),
            vec![
                c.contact_id.into(),
                c.campaign_id.into(),
                c.enrollment_id.into(),
                c.touch_number.into(),
                c.template_id.into(),
                c.direction.as_str().into(),
                c.channel.as_str().into(),
                c.body.clone().into(),
                c.status.as_str().into(),
                c.sentiment_score.into(),
                c.intent.map(|i| i.as_str()).into(),
                c.provider_id.clone().into(),
                c.idempotency_key.clone().into(),
                c.error_code.clone().into(),
                c.cost_micros.into(),
                c.sent_by.clone().into(),
                c.created_at.into(),
                c.lead_event_id.clone().into(),
            ],
        )
        .await
    }
}
