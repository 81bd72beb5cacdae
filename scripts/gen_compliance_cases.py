#!/usr/bin/env python3
"""Generates testdata/compliance/hours.json: every state row of COMPLIANCE.md at its window
edges, both 2025 DST transitions, and multi-zone area codes.

The expected answers are computed here, independently of the Rust code, with Python's
zoneinfo (the system tz database) and a minute-by-minute search for the next allowed
instant. Run: python3 scripts/gen_compliance_cases.py
"""
import json
from datetime import datetime, timedelta, timezone, time, date
from zoneinfo import ZoneInfo

# (state, weekday window, saturday window, sunday window) from COMPLIANCE.md; None = no calls.
RULES = {
    "US": ((8, 21), (8, 21), (8, 21)),
    "FL": ((8, 20), (8, 20), (8, 20)),
    "OK": ((8, 20), (8, 20), (8, 20)),
    "MD": ((8, 20), (8, 20), (8, 20)),
    "WA": ((8, 20), (8, 20), (8, 20)),
    "TX": ((9, 21), (9, 21), (12, 21)),
    "AL": ((8, 20), (8, 20), None),
    "LA": ((8, 20), (8, 20), None),
    "MS": ((8, 20), (8, 20), None),
    "UT": ((8, 21), (8, 21), None),
    "MA": ((8, 20), (8, 20), (8, 20)),
    "KY": ((10, 21), (10, 21), (10, 21)),
    "RI": ((9, 18), (10, 17), None),
    "CT": ((9, 20), (9, 20), (9, 20)),
}
# One single-zone area code per state.
PHONES = {
    "US": ("+12125550100", ["America/New_York"]),  # NY has no row: federal only
    "FL": ("+13055550100", ["America/New_York"]),
    "OK": ("+14055550100", ["America/Chicago"]),
    "MD": ("+13015550100", ["America/New_York"]),
    "WA": ("+12065550100", ["America/Los_Angeles"]),
    "TX": ("+12145550100", ["America/Chicago"]),
    "AL": ("+12055550100", ["America/Chicago"]),
    "LA": ("+15045550100", ["America/Chicago"]),
    "MS": ("+16015550100", ["America/Chicago"]),
    "UT": ("+18015550100", ["America/Denver"]),
    "MA": ("+16175550100", ["America/New_York"]),
    "KY": ("+15025550100", ["America/New_York"]),
    "RI": ("+14015550100", ["America/New_York"]),
    "CT": ("+12035550100", ["America/New_York"]),
}
# Multi-zone area codes after phonestorm's override table: (phone, state, zones).
MULTI = {
    "850 Florida panhandle": ("+18505550100", "FL", ["America/Chicago", "America/New_York"]),
    "448 overlay of 850": ("+14485550100", "FL", ["America/Chicago", "America/New_York"]),
    "689 Orlando (override: Eastern)": ("+16895550100", "FL", ["America/New_York"]),
    "928 Arizona + Navajo Nation": ("+19285550100", "AZ", ["America/Denver", "America/Phoenix"]),
    "812 southern Indiana": ("+18125550100", "IN", ["America/Chicago", "America/New_York"]),
    "930 overlay of 812": ("+19305550100", "IN", ["America/Chicago", "America/New_York"]),
    "574 northern Indiana": ("+15745550100", "IN", ["America/Chicago", "America/New_York"]),
    "270 western Kentucky": ("+12705550100", "KY", ["America/Chicago", "America/New_York"]),
    "364 overlay of 270": ("+13645550100", "KY", ["America/Chicago", "America/New_York"]),
    "606 eastern Kentucky": ("+16065550100", "KY", ["America/Chicago", "America/New_York"]),
    "423 east Tennessee": ("+14235550100", "TN", ["America/Chicago", "America/New_York"]),
    "729 overlay of 423 (missing from the data)": ("+17295550100", "TN", ["America/Chicago", "America/New_York"]),
    "541 Oregon": ("+15415550100", "OR", ["America/Denver", "America/Los_Angeles"]),
    "458 overlay of 541": ("+14585550100", "OR", ["America/Denver", "America/Los_Angeles"]),
}
HOLIDAYS_2025 = {date(2025, 1, 1), date(2025, 1, 20), date(2025, 2, 17), date(2025, 5, 26),
                 date(2025, 6, 19), date(2025, 7, 4), date(2025, 9, 1), date(2025, 10, 13),
                 date(2025, 11, 11), date(2025, 11, 27), date(2025, 12, 25)}
NO_HOLIDAYS = {"AL", "LA", "UT", "RI"}
# Texts count as solicitations only from these days (the cases are SMS).
TEXTS_FROM = {"TX": date(2025, 9, 1), "CT": date(2023, 10, 1)}


def day_window(state, d):
    rules = ["US"] + ([state] if state in RULES and state != "US" else [])
    start, end = 0, 24 * 60
    for r in rules:
        if r in TEXTS_FROM and d < TEXTS_FROM[r]:
            continue  # texts are not solicitations there yet: federal only
        if r in NO_HOLIDAYS and d in HOLIDAYS_2025:
            return None
        wk = d.weekday()
        w = RULES[r][0] if wk < 5 else RULES[r][1] if wk == 5 else RULES[r][2]
        if w is None:
            return None
        start, end = max(start, w[0] * 60), min(end, w[1] * 60)
    return (start, end) if start < end else None


def allowed(t, state, zones):
    for z in zones:
        local = t.astimezone(ZoneInfo(z))
        w = day_window(state, local.date())
        m = local.hour * 60 + local.minute
        if w is None or not (w[0] <= m < w[1]):
            return False
    return True


def next_allowed(t, state, zones):
    for i in range(0, 10 * 24 * 60):
        c = t + timedelta(minutes=i)
        if allowed(c, state, zones):
            return c
    return None


def z(t):
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def case(name, phone, state, zones, t):
    ok = allowed(t, state, zones)
    expect = {"decision": "allow", "until": None}
    if not ok:
        n = next_allowed(t, state, zones)
        expect = {"decision": "defer", "until": z(n)} if n else {"decision": "deny", "until": None}
    return {"name": name, "recipient": {"phone": phone}, "at": z(t), "expect": expect}


cases = []
DAYS = {"weekday": date(2025, 6, 4), "saturday": date(2025, 6, 7), "sunday": date(2025, 6, 8)}
DAYS_SEPT = {"weekday": date(2025, 9, 10), "saturday": date(2025, 9, 13), "sunday": date(2025, 9, 14)}
for state, (phone, zones) in PHONES.items():
    tz = ZoneInfo(zones[0])
    days = dict(DAYS)
    if state == "TX":  # also after texts became solicitations in Texas
        days.update({f"{k} (Sept)": v for k, v in DAYS_SEPT.items()})
    for label, d in days.items():
        edges = {(h, m) for h in (8, 9, 10, 12, 17, 18, 20, 21) for m in (0,)}
        edges |= {(h - 1, 59) for (h, _) in edges}
        for h, m in sorted(edges):
            t = datetime.combine(d, time(h, m), tzinfo=tz)
            cases.append(case(f"{state} {label} {h:02}:{m:02} local", phone, state, zones, t))
# Holidays: Independence Day 2025 is a Friday.
for state in ["AL", "LA", "UT", "RI", "FL"]:
    phone, zones = PHONES[state]
    t = datetime(2025, 7, 4, 12, 0, tzinfo=ZoneInfo(zones[0]))
    cases.append(case(f"{state} Independence Day noon", phone, state, zones, t))
# DST: 2025-03-09 (spring forward) and 2025-11-02 (fall back), evening before and day of.
for state in ["US", "FL", "TX", "WA", "UT"]:
    phone, zones = PHONES[state]
    tz = ZoneInfo(zones[0])
    for d in [date(2025, 3, 8), date(2025, 3, 9), date(2025, 11, 1), date(2025, 11, 2)]:
        for h, m in [(7, 59), (8, 0), (11, 59), (12, 0), (19, 59), (20, 0), (20, 59), (21, 0)]:
            t = datetime.combine(d, time(h, m), tzinfo=tz)
            cases.append(case(f"{state} DST {d} {h:02}:{m:02} local", phone, state, zones, t))
# Multi-zone codes: every quarter hour of a summer Wednesday and a winter Wednesday, UTC.
for label, (phone, state, zones) in MULTI.items():
    for d in [date(2025, 6, 4), date(2025, 12, 3)]:
        start = datetime(d.year, d.month, d.day, 10, 0, tzinfo=timezone.utc)
        for q in range(0, 20 * 4):
            t = start + timedelta(minutes=15 * q)
            # keep edges only: where allowed differs from 1 minute earlier, plus that minute
            before = t - timedelta(minutes=1)
            if allowed(t, state, zones) != allowed(before, state, zones):
                cases.append(case(f"{label} {z(before)}", phone, state, zones, before))
                cases.append(case(f"{label} {z(t)}", phone, state, zones, t))

doc = {
    "description": "compliance::check with the default Policy and an SMS with no history: "
                   "state windows at their edges in the recipient's zone, holidays, both 2025 DST "
                   "transitions, multi-zone area codes. Generated by scripts/gen_compliance_cases.py "
                   "(Python zoneinfo as an independent oracle).",
    "cases": cases,
}
with open("testdata/compliance/hours.json", "w") as f:
    json.dump(doc, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
