#!/usr/bin/env python3
"""Turns the JSON lines of benches/compare/run.sh into the comparison tables.

Usage: report.py CORPUS_DIR OUT_DIR   (reads OUT_DIR/results.jsonl, OUT_DIR/first_call.jsonl,
the *.found files beside them and the corpus's *.truth files). Prints Markdown tables.
"""
import collections
import json
import statistics
import sys

TARGETS = {"text_mbs": 100.0, "text_vs_python": 150.0, "html_mbs": 20.0, "norm_ns": 300.0, "first_ms": 5.0}


def lines(path):
    with open(path, encoding="utf-8") as f:
        out = f.read().split("\n")
    if out and out[-1] == "":
        out.pop()
    return out


def score(corpus, out, key, task):
    """(recall, precision) of OUT_DIR/<key>.<task>.found against the corpus truth."""
    if task == "normalize":
        truth = lines(f"{corpus}/normalize.truth")
        found = lines(f"{out}/{key}.normalize.found")
        ok = sum(1 for t, f in zip(truth, found) if t == f)
        return ok / len(truth), ok / max(1, sum(1 for f in found if f))
    truth = [[x for x in l.split(",") if x] for l in lines(f"{corpus}/{task}.truth")]
    found = [[x for x in l.split(",") if x] for l in lines(f"{out}/{key}.{task}.found")]
    hit = n_truth = n_found = 0
    for t, f in zip(truth, found):
        if task == "html":  # distinct numbers per page
            t, f = sorted(set(t)), sorted(set(f))
        ct, cf = collections.Counter(t), collections.Counter(f)
        hit += sum(min(c, cf[e]) for e, c in ct.items())
        n_truth += len(t)
        n_found += len(f)
    return hit / max(1, n_truth), hit / max(1, n_found)


KEYS = {"phonestorm": "phonestorm", "rlibphonenumber": "rlib", "phonenumber 0.3": "phonenumber",
        "libphonenumber C++": "cpp", "Python phonenumbers": "python"}


def key_of(engine):
    for prefix, key in KEYS.items():
        if engine.startswith(prefix):
            return key
    return engine


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    results = [json.loads(l) for l in lines(f"{out}/results.jsonl") if l.startswith("{")]
    by = {(key_of(r["engine"]), r["task"]): r for r in results}

    def mbs(r):
        return r["bytes"] / 1e6 / r["seconds"]

    def ns(r):
        return r["seconds"] * 1e9 / r["items"]

    print("### Text finding (plain text, region US)\n")
    print("| engine | MB/s | phonestorm is N× faster | recall | precision |")
    print("|---|---:|---:|---:|---:|")
    ps = by.get(("phonestorm", "text"))
    for r in sorted((r for r in results if r["task"] == "text"), key=lambda r: -mbs(r)):
        rec, prec = score(corpus, out, key_of(r["engine"]), "text")
        ratio = f"{mbs(ps) / mbs(r):.1f}×" if ps and r is not ps else "—"
        print(f"| {r['engine']} | {mbs(r):.2f} | {ratio} | {rec:.3f} | {prec:.3f} |")
    if ps:
        print(f"\ncorpus: {ps['items']} documents, {ps['bytes'] / 1e6:.2f} MB")

    print("\n### HTML extraction (phonestorm only; peers have no HTML extractor)\n")
    print("| engine | MB/s | recall (distinct numbers per page) | precision |")
    print("|---|---:|---:|---:|")
    for r in (r for r in results if r["task"] == "html"):
        rec, prec = score(corpus, out, key_of(r["engine"]), "html")
        print(f"| {r['engine']} | {mbs(r):.2f} | {rec:.3f} | {prec:.3f} |")

    print("\n### Normalise one written +1 number to E.164 (region US)\n")
    print("| engine | ns / number | phonestorm is N× faster | correct E.164 |")
    print("|---|---:|---:|---:|")
    pn = by.get(("phonestorm", "normalize"))
    for r in sorted((r for r in results if r["task"] == "normalize"), key=ns):
        rec, _ = score(corpus, out, key_of(r["engine"]), "normalize")
        ratio = f"{ns(r) / ns(pn):.1f}×" if pn and r is not pn else "—"
        print(f"| {r['engine']} | {ns(r):.0f} | {ratio} | {rec:.3f} |")

    first = collections.defaultdict(list)
    try:
        for l in lines(f"{out}/first_call.jsonl"):
            j = json.loads(l)
            first[j["engine"]].append(j)
    except FileNotFoundError:
        pass
    if first:
        print("\n### First call in a fresh process (median of runs)\n")
        print("| engine | runs | first normalise (ms) | first extraction (ms) | total, wall (ms) | total, CPU (ms) |")
        print("|---|---:|---:|---:|---:|---:|")
        for eng, js in first.items():
            n = statistics.median(j["first_normalize_us"] for j in js) / 1e3
            e = statistics.median(j["first_extract_us"] for j in js) / 1e3
            t = statistics.median(j["first_normalize_us"] + j["first_extract_us"] for j in js) / 1e3
            c = statistics.median(j["cpu_us"] for j in js) / 1e3
            print(f"| {eng} | {len(js)} | {n:.3f} | {e:.3f} | {t:.3f} | {c:.3f} |")

    print("\n### Targets\n")
    print("| target | measured | met |")
    print("|---|---:|:---:|")
    rows = []
    if ps:
        rows.append(("text finding ≥ 100 MB/s", f"{mbs(ps):.1f} MB/s", mbs(ps) >= TARGETS["text_mbs"]))
        py = by.get(("python", "text"))
        if py:
            x = mbs(ps) / mbs(py)
            rows.append(("text finding ≥ 150× Python phonenumbers", f"{x:.0f}×", x >= TARGETS["text_vs_python"]))
    ph = by.get(("phonestorm", "html"))
    if ph:
        rows.append(("HTML extraction ≥ 20 MB/s", f"{mbs(ph):.1f} MB/s", mbs(ph) >= TARGETS["html_mbs"]))
    if pn:
        rows.append(("+1 normalise ≤ 300 ns", f"{ns(pn):.0f} ns", ns(pn) <= TARGETS["norm_ns"]))
    if "phonestorm" in first:
        t = statistics.median(j["first_normalize_us"] + j["first_extract_us"] for j in first["phonestorm"]) / 1e3
        rows.append(("first call in a fresh process ≤ 5 ms", f"{t:.3f} ms", t <= TARGETS["first_ms"]))
    for name, val, ok in rows:
        print(f"| {name} | {val} | {'yes' if ok else 'NO'} |")


if __name__ == "__main__":
    main()
