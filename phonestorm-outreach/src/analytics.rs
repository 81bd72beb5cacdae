//! Seed 002 §4H metrics, computed in SQL (the same statements on SQLite and PostgreSQL).
//!
//! - response rate: inbound messages / outbound messages
//! - interest rate: interested responses / total responses
//! - conversion rate: deals closed / leads contacted
//! - channel effectiveness: response rate per channel
//! - time to response: hours between a contact's first outbound and first later reply
//! - campaign completion: completed enrolments / started enrolments
//! - cost per lead, ROI: provider cost over contacted leads; (revenue − cost) / cost

use serde::{Deserialize, Serialize};

use crate::error::OutreachError;
use crate::store::SqlStore;
use crate::store::db::{Stmt, Value};

/// Which communications to count. Every field narrows; `None` means all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricsFilter {
    /// From (unix seconds, inclusive).
    pub from: Option<i64>,
    /// To (unix seconds, exclusive).
    pub to: Option<i64>,
    /// Campaign.
    pub campaign_id: Option<i64>,
    /// Market (contact's county).
    pub market: Option<String>,
    /// Tier (contact's tier).
    pub tier: Option<String>,
    /// Template (outbound messages from it, and replies of contacts who got it).
    pub template_id: Option<i64>,
}

/// One channel's figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChannelMetrics {
    /// Outbound messages.
    pub outbound: i64,
    /// Inbound messages.
    pub inbound: i64,
    /// inbound / outbound.
    pub response_rate: f64,
}

/// The dashboard figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Outbound messages sent (not blocked or failed).
    pub outbound: i64,
    /// Inbound messages.
    pub inbound: i64,
    /// Replies classified interested.
    pub interested: i64,
    /// Replies with positive sentiment.
    pub positive: i64,
    /// Distinct contacts messaged.
    pub leads_contacted: i64,
    /// Of those, deals closed.
    pub deals_closed: i64,
    /// inbound / outbound.
    pub response_rate: f64,
    /// interested / inbound.
    pub interest_rate: f64,
    /// deals_closed / leads_contacted.
    pub conversion_rate: f64,
    /// SMS figures.
    pub sms: ChannelMetrics,
    /// Email figures.
    pub email: ChannelMetrics,
    /// Mean hours from first outbound to first reply after it.
    pub avg_hours_to_response: Option<f64>,
    /// Enrolments started (at least one touch) and completed.
    pub campaigns_started: i64,
    /// Enrolments that ran all touches.
    pub campaigns_completed: i64,
    /// completed / started.
    pub completion_rate: f64,
    /// Provider cost in dollars.
    pub cost_dollars: f64,
    /// Cost per contacted lead in dollars.
    pub cost_per_lead: f64,
    /// Revenue (closed deals' profit) in dollars.
    pub revenue_dollars: f64,
    /// (revenue − cost) / cost, 0 without cost.
    pub roi: f64,
}

fn ratio(a: i64, b: i64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// WHERE clause over `communications c JOIN contacts k`.
fn conds(f: &MetricsFilter) -> (String, Vec<Value>) {
    let mut w = vec!["1 = 1".to_owned()];
    let mut p: Vec<Value> = Vec::new();
    let mut push = |sql: &str, v: Value, p: &mut Vec<Value>| {
        p.push(v);
        w.push(sql.replace('?', &format!("${}", p.len())));
    };
    if let Some(v) = f.from {
        push("c.created_at >= ?", v.into(), &mut p);
    }
    if let Some(v) = f.to {
        push("c.created_at < ?", v.into(), &mut p);
    }
    if let Some(v) = f.campaign_id {
        push("c.campaign_id = ?", v.into(), &mut p);
    }
    if let Some(v) = &f.market {
        push("k.market = ?", v.clone().into(), &mut p);
    }
    if let Some(v) = &f.tier {
        push("k.tier = ?", v.clone().into(), &mut p);
    }
    if let Some(v) = f.template_id {
        push(
            "((c.direction = 'outbound' AND c.template_id = ?) OR (c.direction = 'inbound' AND c.contact_id IN (SELECT contact_id FROM communications WHERE template_id = ?)))",
            v.into(),
            &mut p,
        );
    }
    (w.join(" AND "), p)
}

const OUT: &str = "c.direction = 'outbound' AND c.status IN ('queued', 'sent', 'delivered')";

pub(crate) async fn compute(store: &SqlStore, f: &MetricsFilter) -> Result<Metrics, OutreachError> {
    let db = store.db();
    let (w, p) = conds(f);
    let counts = db
        .query(Stmt::new(
            format!(
                "SELECT
  CAST(COALESCE(SUM(CASE WHEN {OUT} THEN 1 ELSE 0 END), 0) AS BIGINT),
  CAST(COALESCE(SUM(CASE WHEN c.direction = 'inbound' THEN 1 ELSE 0 END), 0) AS BIGINT),
  CAST(COALESCE(SUM(CASE WHEN c.direction = 'inbound' AND c.intent = 'interested' THEN 1 ELSE 0 END), 0) AS BIGINT),
  CAST(COALESCE(SUM(CASE WHEN c.direction = 'inbound' AND c.sentiment_score > 0 THEN 1 ELSE 0 END), 0) AS BIGINT),
  CAST(COALESCE(SUM(CASE WHEN {OUT} AND c.channel = 'sms' THEN 1 ELSE 0 END), 0) AS BIGINT),
  CAST(COALESCE(SUM(CASE WHEN c.direction = 'inbound' AND c.channel = 'sms' THEN 1 ELSE 0 END), 0) AS BIGINT),
  CAST(COALESCE(SUM(CASE WHEN {OUT} AND c.channel = 'email' THEN 1 ELSE 0 END), 0) AS BIGINT),
  CAST(COALESCE(SUM(CASE WHEN c.direction = 'inbound' AND c.channel = 'email' THEN 1 ELSE 0 END), 0) AS BIGINT),
  CAST(COUNT(DISTINCT CASE WHEN {OUT} THEN c.contact_id END) AS BIGINT),
  CAST(COALESCE(SUM(c.cost_micros), 0) AS BIGINT)
FROM communications c JOIN contacts k ON k.id = c.contact_id WHERE {w}"
            ),
            p.clone(),
        ))
        .await?;
    let r = counts
        .first()
        .ok_or_else(|| OutreachError::Store("metrics: no row".into()))?;
    let mut m = Metrics {
        outbound: r.i64(0)?,
        inbound: r.i64(1)?,
        interested: r.i64(2)?,
        positive: r.i64(3)?,
        leads_contacted: r.i64(8)?,
        ..Metrics::default()
    };
    m.sms = ChannelMetrics {
        outbound: r.i64(4)?,
        inbound: r.i64(5)?,
        response_rate: ratio(r.i64(5)?, r.i64(4)?),
    };
    m.email = ChannelMetrics {
        outbound: r.i64(6)?,
        inbound: r.i64(7)?,
        response_rate: ratio(r.i64(7)?, r.i64(6)?),
    };
    let cost_micros = r.i64(9)?;

    let deals = db
        .query(Stmt::new(
            format!(
                "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(l.deal_value_cents), 0) AS BIGINT) FROM lead_statuses l WHERE l.status = 'deal_closed' AND l.contact_id IN (SELECT c.contact_id FROM communications c JOIN contacts k ON k.id = c.contact_id WHERE {w} AND {OUT})"
            ),
            p.clone(),
        ))
        .await?;
    let d = deals
        .first()
        .ok_or_else(|| OutreachError::Store("metrics: no row".into()))?;
    m.deals_closed = d.i64(0)?;
    let revenue_cents = d.i64(1)?;

    let ttr = db
        .query(Stmt::new(
            format!(
                "SELECT CAST(AVG(CAST(fi - fo AS DOUBLE PRECISION)) / 3600.0 AS DOUBLE PRECISION) FROM (
  SELECT c.contact_id,
         MIN(CASE WHEN {OUT} THEN c.created_at END) AS fo,
         MIN(CASE WHEN c.direction = 'inbound' THEN c.created_at END) AS fi
  FROM communications c JOIN contacts k ON k.id = c.contact_id WHERE {w}
  GROUP BY c.contact_id) t WHERE fo IS NOT NULL AND fi IS NOT NULL AND fi >= fo"
            ),
            p.clone(),
        ))
        .await?;
    m.avg_hours_to_response = ttr.first().map(|r| r.opt_f64(0)).transpose()?.flatten();

    // Enrolment completion, filtered by campaign / market / tier / enrolment date.
    let mut ew = vec!["e.state <> 'not_started'".to_owned()];
    let mut ep: Vec<Value> = Vec::new();
    let mut epush = |sql: &str, v: Value| {
        ep.push(v);
        ew.push(sql.replace('?', &format!("${}", ep.len())));
    };
    if let Some(v) = f.from {
        epush("e.enrolled_at >= ?", v.into());
    }
    if let Some(v) = f.to {
        epush("e.enrolled_at < ?", v.into());
    }
    if let Some(v) = f.campaign_id {
        epush("e.campaign_id = ?", v.into());
    }
    if let Some(v) = &f.market {
        epush("k.market = ?", v.clone().into());
    }
    if let Some(v) = &f.tier {
        epush("k.tier = ?", v.clone().into());
    }
    let comp = db
        .query(Stmt::new(
            format!(
                "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(CASE WHEN e.state = 'completed' THEN 1 ELSE 0 END), 0) AS BIGINT) FROM campaign_enrollments e JOIN contacts k ON k.id = e.contact_id WHERE {}",
                ew.join(" AND ")
            ),
            ep,
        ))
        .await?;
    let c = comp
        .first()
        .ok_or_else(|| OutreachError::Store("metrics: no row".into()))?;
    m.campaigns_started = c.i64(0)?;
    m.campaigns_completed = c.i64(1)?;

    m.response_rate = ratio(m.inbound, m.outbound);
    m.interest_rate = ratio(m.interested, m.inbound);
    m.conversion_rate = ratio(m.deals_closed, m.leads_contacted);
    m.completion_rate = ratio(m.campaigns_completed, m.campaigns_started);
    m.cost_dollars = cost_micros as f64 / 1e6;
    m.cost_per_lead = if m.leads_contacted == 0 {
        0.0
    } else {
        m.cost_dollars / m.leads_contacted as f64
    };
    m.revenue_dollars = revenue_cents as f64 / 100.0;
    m.roi = if m.cost_dollars > 0.0 {
        (m.revenue_dollars - m.cost_dollars) / m.cost_dollars
    } else {
        0.0
    };
    Ok(m)
}
