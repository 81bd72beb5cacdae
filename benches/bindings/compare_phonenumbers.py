"""Python wheel batch extraction vs the `phonenumbers` matcher, on the same pages.

    maturin build --release -m bindings/python/Cargo.toml --out target/wheels-release
    python -m venv /tmp/v && /tmp/v/bin/pip install target/wheels-release/*.whl phonenumbers
    /tmp/v/bin/python benches/bindings/compare_phonenumbers.py

Pages: every text of testdata/phones/text_cases.json, each embedded in ~2 KB of typical
business-page text, repeated to 2,000 pages. Prints pages/s of both, the speed-up, and the
per-call overhead of one short `normalize` call.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import phonenumbers

import phonestorm

ROOT = Path(__file__).resolve().parents[2]
FILLER = (
    "Welcome to Acme Plumbing & Heating, family owned since 1987. We serve Miami-Dade and "
    "Broward counties with 24/7 emergency service, water heater installation, repiping, "
    "drain cleaning and leak detection. Licensed CFC1427{}. Open Mon-Fri 8:00-17:00, "
    "Sat 9-13. Over 1,200 five-star reviews. Financing from $49/month. "
)


def pages(count: int = 2000) -> list[str]:
    cases = json.loads((ROOT / "testdata/phones/text_cases.json").read_text())["cases"]
    texts = [c["text"] for c in cases]
    out = []
    for i in range(count):
        body = "".join(FILLER.format(i + k) for k in range(6))
        out.append(body + texts[i % len(texts)] + " " + body)
    return out


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    docs = pages()
    size = sum(len(d) for d in docs)
    ours = best_of(3, lambda: phonestorm.extract_phones_text_many(docs))
    theirs = best_of(
        1, lambda: [list(phonenumbers.PhoneNumberMatcher(d, "US")) for d in docs]
    )
    found_ours = sum(len(p) for p in phonestorm.extract_phones_text_many(docs))
    found_theirs = sum(len(list(phonenumbers.PhoneNumberMatcher(d, "US"))) for d in docs[:200]) * len(docs) // 200
    print(f"pages: {len(docs)} ({size / len(docs):.0f} chars each)")
    print(f"phonestorm extract_phones_text_many: {len(docs) / ours:,.0f} pages/s ({found_ours} numbers)")
    print(f"phonenumbers PhoneNumberMatcher:     {len(docs) / theirs:,.0f} pages/s (~{found_theirs} numbers)")
    print(f"speed-up: {theirs / ours:.0f}x")
    n = 100_000
    t = best_of(3, lambda: [phonestorm.normalize("(305) 234-5678") for _ in range(n)])
    print(f"per-call normalize('(305) 234-5678'): {t / n * 1e6:.2f} us")
    t = best_of(3, lambda: [phonenumbers.parse("(305) 234-5678", "US") for _ in range(n // 10)])
    print(f"phonenumbers.parse same string:       {t / (n // 10) * 1e6:.2f} us")


if __name__ == "__main__":
    main()
