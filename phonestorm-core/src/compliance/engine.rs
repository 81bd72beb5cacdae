//! The decision procedure behind [`check`].

use super::policy::{Cap, Policy, UnknownZone};
use super::reason::Reason;
use super::state_rules::{StateRule, Window};
use super::zones::{area_zones, national_digits, npa_of};
use super::{Channel, ComplianceError, ConsentKind, Decision, History, Outgoing, Recipient};
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// Where the candidate zones came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ZoneSource {
    /// The recipient's known address.
    Address,
    /// The area code (generated data, possibly overridden).
    AreaCode,
    /// The policy's assumption for unknown zones.
    Policy,
}

/// A recipient's state and candidate zones.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ResolvedZones {
    /// USPS state (address first, else area code), if known.
    pub state: Option<String>,
    /// Candidate IANA zones.
    pub zones: Vec<String>,
    /// Where they came from.
    pub source: ZoneSource,
}

/// The state and candidate zones of a recipient (see the module docs for the order).
pub fn resolve_zones(
    policy: &Policy,
    recipient: &Recipient,
) -> Result<ResolvedZones, ComplianceError> {
    let area = recipient
        .phone
        .as_deref()
        .and_then(npa_of)
        .and_then(area_zones);
    let state = recipient
        .state
        .as_ref()
        .map(|s| s.trim().to_ascii_uppercase())
        .filter(|s| !s.is_empty())
        .or_else(|| {
            area.as_ref()
                .map(|a| a.state.to_string())
                .filter(|s| !s.is_empty())
        });
    if let Some(zone) = recipient.zone.as_ref().filter(|z| !z.trim().is_empty()) {
        // A zone the IANA database does not know cannot place the recipient's clock.
        if TimeZone::get(zone.trim()).is_err() {
            return Err(ComplianceError::UnknownTimeZone(zone.trim().to_string()));
        }
        return Ok(ResolvedZones {
            state,
            zones: vec![zone.trim().to_string()],
            source: ZoneSource::Address,
        });
    }
    if let Some(area) = area.as_ref().filter(|a| !a.zones.is_empty()) {
        return Ok(ResolvedZones {
            state,
            zones: area.zones.iter().map(|z| z.to_string()).collect(),
            source: ZoneSource::AreaCode,
        });
    }
    match &policy.unknown_zone {
        UnknownZone::Assume(zones) if !zones.is_empty() => {
            match zones.iter().find(|z| TimeZone::get(z.trim()).is_err()) {
                Some(bad) => Err(ComplianceError::UnknownTimeZone(bad.clone())),
                None => Ok(ResolvedZones {
                    state,
                    zones: zones.clone(),
                    source: ZoneSource::Policy,
                }),
            }
        }
        _ => match recipient.phone.as_deref().and_then(npa_of) {
            Some(npa) => Err(ComplianceError::UnknownAreaCode(npa)),
            None => Err(ComplianceError::InvalidPhone(
                recipient.phone.clone().unwrap_or_default(),
            )),
        },
    }
}

fn plus_hours(t: Timestamp, hours: u32) -> Timestamp {
    t.checked_add(SignedDuration::from_hours(i64::from(hours)))
        .unwrap_or(Timestamp::MAX)
}

fn minus_hours(t: Timestamp, hours: u32) -> Timestamp {
    t.checked_sub(SignedDuration::from_hours(i64::from(hours)))
        .unwrap_or(Timestamp::MIN)
}

/// One cap with the send times it counts, oldest first.
struct CapCount {
    name: &'static str,
    source: &'static str,
    cap: Cap,
    times: Vec<Timestamp>,
}

impl CapCount {
    fn in_window(&self, t: Timestamp) -> Vec<Timestamp> {
        if self.cap.window_hours == 0 {
            return self.times.iter().copied().filter(|&m| m <= t).collect();
        }
        let from = minus_hours(t, self.cap.window_hours);
        self.times
            .iter()
            .copied()
            .filter(|&m| m > from && m <= t)
            .collect()
    }

    /// Blocked at `t`? Then the reason and the instant the count drops below the limit
    /// (`None`: never, for a lifetime cap).
    fn blocked(&self, t: Timestamp) -> Option<(Reason, Option<Timestamp>)> {
        let inside = self.in_window(t);
        let sent = u32::try_from(inside.len()).unwrap_or(u32::MAX);
        if sent < self.cap.limit {
            return None;
        }
        let reason = Reason::Cap {
            cap: self.name.to_string(),
            limit: self.cap.limit,
            sent,
            window_hours: self.cap.window_hours,
            source: self.source.to_string(),
        };
        let next = if self.cap.window_hours == 0 {
            None
        } else {
            // The (sent - limit)-th oldest must leave the window for the count to drop.
            let k = (sent - self.cap.limit) as usize;
            inside.get(k).map(|&m| plus_hours(m, self.cap.window_hours))
        };
        Some((reason, next))
    }
}

/// Everything time-dependent about one send.
struct Timing<'a> {
    zones: Vec<(String, TimeZone)>,
    rules: Vec<&'a StateRule>,
    state: String,
    consent: bool,
    policy: &'a Policy,
    caps: Vec<CapCount>,
}

impl Timing<'_> {
    /// The day's window of every rule, intersected; `Err` with the reason when a rule
    /// forbids the day.
    fn day_window(&self, zone: &str, date: Date) -> Result<Window, Reason> {
        let mut window = Window::WHOLE_DAY;
        let holiday = self.policy.holidays.holiday(&self.state, date);
        for rule in &self.rules {
            let lifted = self.consent && rule.consent_lifts_day_bans;
            if rule.no_holidays && !lifted {
                if let Some(name) = &holiday {
                    return Err(Reason::Holiday {
                        zone: zone.to_string(),
                        jurisdiction: rule.state.clone(),
                        date,
                        name: name.clone(),
                        citation: rule.citation.clone(),
                    });
                }
            }
            let weekday = date.weekday();
            let day = rule
                .window_for(weekday)
                .or(if lifted { rule.weekdays } else { None });
            let Some(day) = day else {
                return Err(Reason::DayNotAllowed {
                    zone: zone.to_string(),
                    jurisdiction: rule.state.clone(),
                    weekday: weekday_name(weekday).to_string(),
                    citation: rule.citation.clone(),
                });
            };
            match window.intersect(day) {
                Some(w) => window = w,
                None => {
                    return Err(Reason::DayNotAllowed {
                        zone: zone.to_string(),
                        jurisdiction: rule.state.clone(),
                        weekday: weekday_name(weekday).to_string(),
                        citation: rule.citation.clone(),
                    });
                }
            }
        }
        Ok(window)
    }

    /// The rule that closes the window at local `time` on `date` (for explanations): the
    /// latest opening before it opens, the earliest closing after it closes.
    fn binding_rule(&self, date: Date, time: jiff::civil::Time) -> Option<&StateRule> {
        let weekday = date.weekday();
        let mut best: Option<(&StateRule, Window)> = None;
        for rule in &self.rules {
            let lifted = self.consent && rule.consent_lifts_day_bans;
            let Some(w) = rule
                .window_for(weekday)
                .or(if lifted { rule.weekdays } else { None })
            else {
                continue;
            };
            let better = match best {
                None => true,
                Some((_, b)) if time < w.start || time < b.start => w.start > b.start,
                Some((_, b)) => w.end < b.end,
            };
            if better {
                best = Some((rule, w));
            }
        }
        best.map(|(r, _)| r)
    }

    /// Reasons blocking a send at `t`.
    fn blockers(&self, t: Timestamp) -> Vec<Reason> {
        let mut out = Vec::new();
        for (name, tz) in &self.zones {
            let local = t.to_zoned(tz.clone());
            match self.day_window(name, local.date()) {
                Err(reason) => out.push(reason),
                Ok(window) if !window.contains(local.time()) => {
                    let rule = self.binding_rule(local.date(), local.time());
                    out.push(Reason::QuietHours {
                        zone: name.clone(),
                        local_time: format!(
                            "{:02}:{:02}",
                            local.time().hour(),
                            local.time().minute()
                        ),
                        jurisdiction: rule.map_or_else(|| "US".into(), |r| r.state.clone()),
                        window: window.to_string(),
                        citation: rule.map_or_else(String::new, |r| r.citation.clone()),
                    });
                }
                Ok(_) => {}
            }
        }
        for cap in &self.caps {
            if let Some((reason, _)) = cap.blocked(t) {
                out.push(reason);
            }
        }
        out
    }

    /// The first instant `>= t` inside the window of `tz`, within the horizon.
    fn next_open(&self, name: &str, tz: &TimeZone, t: Timestamp) -> Option<Timestamp> {
        let mut date = t.to_zoned(tz.clone()).date();
        for _ in 0..=self.policy.search_days.saturating_add(1) {
            if let Ok(window) = self.day_window(name, date) {
                let open = date.to_datetime(window.start).to_zoned(tz.clone()).ok()?;
                let close = date.to_datetime(window.end).to_zoned(tz.clone()).ok()?;
                if close.timestamp() > t {
                    return Some(open.timestamp().max(t));
                }
            }
            date = date.tomorrow().ok()?;
        }
        None
    }

    /// The first instant `>= now` at which nothing blocks, within the horizon.
    fn next_allowed(&self, now: Timestamp) -> Option<Timestamp> {
        let limit = plus_hours(now, self.policy.search_days.saturating_mul(24));
        let mut t = now;
        for _ in 0..256 {
            let mut next = t;
            for (name, tz) in &self.zones {
                next = next.max(self.next_open(name, tz, t)?);
            }
            for cap in &self.caps {
                if let Some((_, reset)) = cap.blocked(t) {
                    next = next.max(reset?);
                }
            }
            if next == t {
                return Some(t);
            }
            if next > limit {
                return None;
            }
            t = next;
        }
        None
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

fn has_consent(recipient: &Recipient) -> bool {
    matches!(
        recipient.consent.map(|c| c.kind),
        Some(ConsentKind::Express | ConsentKind::ExpressWritten)
    )
}

fn dnc_exempt(policy: &Policy, recipient: &Recipient, now: Timestamp) -> bool {
    if recipient.business && policy.dnc.b2b_exempt {
        return true;
    }
    let Some(consent) = recipient.consent else {
        return false;
    };
    let within =
        |days: u32| consent.at <= now && now < plus_hours(consent.at, days.saturating_mul(24));
    match consent.kind {
        ConsentKind::Express | ConsentKind::ExpressWritten => policy.dnc.consent_overrides,
        ConsentKind::Purchase => within(policy.dnc.ebr_purchase_days),
        ConsentKind::Inquiry => within(policy.dnc.ebr_inquiry_days),
    }
}

fn same_contact(recipient: &Recipient, to: Option<&str>) -> bool {
    let Some(to) = to else {
        return true;
    };
    if let (Some(a), Some(b)) = (
        recipient.phone.as_deref().and_then(national_digits),
        national_digits(to),
    ) {
        return a == b;
    }
    recipient
        .email
        .as_deref()
        .is_some_and(|e| e.trim().eq_ignore_ascii_case(to.trim()))
}

fn sorted(mut v: Vec<Timestamp>) -> Vec<Timestamp> {
    v.sort();
    v
}

fn cap_counts(
    policy: &Policy,
    recipient: &Recipient,
    outgoing: &Outgoing,
    history: &History,
    state_rules: &[&StateRule],
) -> Vec<CapCount> {
    let mut caps = Vec::new();
    let to_contact: Vec<_> = history
        .messages
        .iter()
        .filter(|m| same_contact(recipient, m.to.as_deref()))
        .collect();
    if let Some(cap) = policy.caps.per_contact {
        caps.push(CapCount {
            name: "per_contact",
            source: "seed 002 Phase 4E: max 1 message per day per contact",
            cap,
            times: sorted(to_contact.iter().map(|m| m.at).collect()),
        });
    }
    if outgoing.manual && outgoing.channel == Channel::Sms {
        if let (Some(cap), Some(user)) = (policy.caps.per_user_manual_sms, &outgoing.user_id) {
            caps.push(CapCount {
                name: "per_user_manual_sms",
                source: "seed 000 §8: limit user to 2 SMS/day",
                cap,
                times: sorted(
                    history
                        .messages
                        .iter()
                        .filter(|m| {
                            m.manual
                                && m.channel == Channel::Sms
                                && m.user_id.as_ref() == Some(user)
                        })
                        .map(|m| m.at)
                        .collect(),
                ),
            });
        }
    }
    if let Some(campaign) = &outgoing.campaign_id {
        if let Some(cap) = policy.caps.per_campaign {
            caps.push(CapCount {
                name: "per_campaign",
                source: "policy caps.per_campaign",
                cap,
                times: sorted(
                    history
                        .messages
                        .iter()
                        .filter(|m| m.campaign_id.as_ref() == Some(campaign))
                        .map(|m| m.at)
                        .collect(),
                ),
            });
        }
        if let Some(limit) = policy.caps.max_touches_per_campaign {
            caps.push(CapCount {
                name: "campaign_touches",
                source: "seed 002 Phase 4E: 3-5 touches per campaign",
                cap: Cap {
                    limit,
                    window_hours: 0,
                },
                times: sorted(
                    to_contact
                        .iter()
                        .filter(|m| m.campaign_id.as_ref() == Some(campaign))
                        .map(|m| m.at)
                        .collect(),
                ),
            });
        }
    }
    let phone_msgs: Vec<_> = to_contact.iter().filter(|m| m.channel.is_phone()).collect();
    let subject = outgoing.subject.as_ref().or(outgoing.campaign_id.as_ref());
    for rule in state_rules {
        if !outgoing.channel.is_phone() {
            break;
        }
        if let Some(limit) = rule.max_per_24h {
            caps.push(CapCount {
                name: "state_per_24h",
                source: state_source(rule),
                cap: Cap {
                    limit,
                    window_hours: 24,
                },
                times: sorted(phone_msgs.iter().map(|m| m.at).collect()),
            });
        }
        if let Some(limit) = rule.max_same_subject_per_24h {
            caps.push(CapCount {
                name: "state_same_subject_per_24h",
                source: state_source(rule),
                cap: Cap {
                    limit,
                    window_hours: 24,
                },
                times: sorted(
                    phone_msgs
                        .iter()
                        .filter(|m| {
                            let their = m.subject.as_ref().or(m.campaign_id.as_ref());
                            // Unknown subjects count as the same subject (conservative).
                            subject.is_none() || their.is_none() || their == subject
                        })
                        .map(|m| m.at)
                        .collect(),
                ),
            });
        }
    }
    caps
}

/// Static citations for the state caps (the table's citation strings are owned data).
fn state_source(rule: &StateRule) -> &'static str {
    match rule.state.as_str() {
        "FL" => "FL: Fla. Stat. 501.616(6)(b), 3 per 24 h same subject",
        "OK" => "OK: 15 O.S. 775C.1 ff., 3 per 24 h",
        "MD" => "MD: Md. Com. Law 14-4501 ff., 3 per 24 h same subject",
        _ => "state rule table",
    }
}

/// Decides whether `outgoing` may go to `recipient` at `now`.
///
/// The order: opt-out, invalid address, Do-Not-Call, unknown zone, state of emergency
/// (all deny); then hours, days, holidays and caps at `now` (defer to the first instant at
/// which none of them blocks, or deny when there is none within [`Policy::search_days`]).
pub fn check(
    policy: &Policy,
    recipient: &Recipient,
    outgoing: &Outgoing,
    history: &History,
    now: Timestamp,
) -> Decision {
    let mut deny = Vec::new();
    let last_out = history.opt_outs.iter().filter(|&&t| t <= now).max();
    let last_in = history.opt_ins.iter().filter(|&&t| t <= now).max();
    if let Some(&out) = last_out {
        if last_in.is_none_or(|&i| i <= out) {
            deny.push(Reason::OptedOut { at: out });
        }
    }
    let channel = outgoing.channel;
    if channel.is_phone() {
        if recipient.phone.as_deref().and_then(npa_of).is_none() {
            deny.push(Reason::InvalidRecipient {
                detail: "no ten-digit NANP phone number".into(),
            });
        } else if recipient.dnc_listed && !dnc_exempt(policy, recipient, now) {
            deny.push(Reason::DoNotCall);
        }
    } else if recipient.email.as_deref().is_none_or(|e| !e.contains('@')) {
        deny.push(Reason::InvalidRecipient {
            detail: "no email address".into(),
        });
    }
    let hours_apply = channel.is_phone() || policy.hours_apply_to_email;
    let mut zones = Vec::new();
    let mut state = String::new();
    match resolve_zones(policy, recipient) {
        Ok(resolved) => {
            state = resolved.state.unwrap_or_default();
            if hours_apply {
                for name in resolved.zones {
                    match TimeZone::get(&name) {
                        Ok(tz) => zones.push((name, tz)),
                        Err(_) => deny.push(Reason::UnknownZone {
                            detail: format!("{name:?} is not an IANA zone"),
                        }),
                    }
                }
            }
        }
        Err(err) => {
            if hours_apply
                && !deny
                    .iter()
                    .any(|r| matches!(r, Reason::InvalidRecipient { .. }))
            {
                deny.push(Reason::UnknownZone {
                    detail: err.to_string(),
                });
            }
        }
    }
    let today = now.to_zoned(TimeZone::UTC).date();
    let rules: Vec<&StateRule> = ["US", state.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .filter_map(|s| policy.rule(s))
        .filter(|r| {
            channel != Channel::Sms || r.texts_covered_from.is_none_or(|from| today >= from)
        })
        .collect();
    for rule in &rules {
        if rule.none_during_emergency && policy.emergency_states.iter().any(|s| s == &rule.state) {
            deny.push(Reason::StateOfEmergency {
                state: rule.state.clone(),
                citation: rule.citation.clone(),
            });
        }
    }
    if !deny.is_empty() {
        return Decision::Deny { reasons: deny };
    }
    let timing = Timing {
        caps: cap_counts(policy, recipient, outgoing, history, &rules),
        zones,
        rules: if hours_apply { rules } else { Vec::new() },
        state,
        consent: has_consent(recipient),
        policy,
    };
    let mut reasons = timing.blockers(now);
    if reasons.is_empty() {
        return Decision::Allow;
    }
    match timing.next_allowed(now) {
        Some(until) => Decision::Defer { until, reasons },
        None => {
            reasons.push(Reason::NoWindow {
                days: policy.search_days,
            });
            Decision::Deny { reasons }
        }
    }
}

/// Whether [`check`] would answer allow at `t` (used by tests: a deferral's `until` must
/// be allowed).
pub fn is_allowed_at(
    policy: &Policy,
    recipient: &Recipient,
    outgoing: &Outgoing,
    history: &History,
    t: Timestamp,
) -> bool {
    check(policy, recipient, outgoing, history, t) == Decision::Allow
}
