"""Python wheel batch extraction vs the `phonenumbers` matcher, on the same pages; and the
per-call overhead of one short call. A benchmark, not a test: it prints figures.

    (cd bindings/python && maturin build --release --out ../../target/wheels-release)
    python3 -m venv target/bench-venv
    target/bench-venv/bin/pip install target/wheels-release/phonestorm-*.whl phonenumbers
    target/bench-venv/bin/python benches/bindings/compare_phonenumbers.py

Pages: every text of testdata/phones/text_cases.json, each embedded in ~2 KB of typical
business-page text, repeated to 2,000 pages. Both libraries read the same strings:
phonestorm through `extract_phones_text_many` (one call, GIL released; numbers are also
classified and scored) and through `extract_phones_many` on the same text wrapped in a
small HTML page; `phonenumbers` through `PhoneNumberMatcher(page, "US")` on each page.
Per-call overhead: `normalize("(305) 234-5678")` through the package and through
`phonestorm._core`, a trivial native call (`_core.is_gsm("")`) for the bare crossing cost,
and `phonenumbers.parse` of the same string.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path
from typing import Callable, List

import phonenumbers

import phonestorm
from phonestorm import _core

ROOT = Path(__file__).resolve().parents[2]
FILLER = (
    "Welcome to Acme Plumbing & Heating, family owned since 1987. We serve Miami-Dade and "
    "Broward counties with 24/7 emergency service, water heater installation, repiping, "
    "drain cleaning and leak detection. Licensed CFC1427{}. Open Mon-Fri 8:00-17:00, "
    "Sat 9-13. Over 1,200 five-star reviews. Financing from $49/month. "
)


def pages(count: int = 2000) -> List[str]:
    cases = json.loads((ROOT / "testdata/phones/text_cases.json").read_text())["cases"]
    texts = [c["text"] for c in cases]
    out = []
    for i in range(count):
        body = "".join(FILLER.format(i + k) for k in range(6))
        out.append(body + texts[i % len(texts)] + " " + body)
    return out


def best_of(runs: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def per_call_us(fn: Callable[[], object], n: int) -> float:
    def loop() -> None:
        for _ in range(n):
            fn()

    return best_of(5, loop) / n * 1e6


def main() -> None:
    docs = pages()
    html = [f"<html><body><main><p>{d}</p></main></body></html>" for d in docs]
    size = sum(len(d) for d in docs)
    print(f"python {platform.python_version()} on {platform.machine()}, phonestorm {phonestorm.__version__}, "
          f"phonenumbers {phonenumbers.__version__}")
    print(f"pages: {len(docs)} ({size / len(docs):,.0f} chars each)")

    ours_text = best_of(5, lambda: phonestorm.extract_phones_text_many(docs))
    ours_html = best_of(5, lambda: phonestorm.extract_phones_many(html))
    theirs = best_of(2, lambda: [list(phonenumbers.PhoneNumberMatcher(d, "US")) for d in docs])
    found_text = sum(len(p) for p in phonestorm.extract_phones_text_many(docs))
    found_html = sum(len(p) for p in phonestorm.extract_phones_many(html))
    found_theirs = sum(len(list(phonenumbers.PhoneNumberMatcher(d, "US"))) for d in docs)
    print(f"phonestorm extract_phones_text_many: {len(docs) / ours_text:>10,.0f} pages/s  {found_text} numbers")
    print(f"phonestorm extract_phones_many:      {len(docs) / ours_html:>10,.0f} pages/s  {found_html} numbers (HTML)")
    print(f"phonenumbers PhoneNumberMatcher:     {len(docs) / theirs:>10,.0f} pages/s  {found_theirs} numbers")
    print(f"speed-up, text batch vs matcher: {theirs / ours_text:.0f}x")
    print(f"speed-up, HTML batch vs matcher: {theirs / ours_html:.0f}x")

    n = 100_000
    wrapped = per_call_us(lambda: phonestorm.normalize("(305) 234-5678"), n)
    native = per_call_us(lambda: _core.normalize("(305) 234-5678"), n)
    bare = per_call_us(lambda: _core.is_gsm(""), n)
    theirs_parse = per_call_us(lambda: phonenumbers.parse("(305) 234-5678", "US"), n // 10)
    print(f"per call: phonestorm.normalize('(305) 234-5678'): {wrapped:.3f} us")
    print(f"per call: _core.normalize (no Python wrapper):     {native:.3f} us")
    print(f"per call: _core.is_gsm('') (bare native call):     {bare:.3f} us")
    print(f"per call: phonenumbers.parse same string:          {theirs_parse:.3f} us")
    print(f"normalize vs phonenumbers.parse: {theirs_parse / wrapped:.1f}x faster")
    print(f"python ({sys.implementation.name}) call overhead share of normalize: {bare / wrapped:.0%}")


if __name__ == "__main__":
    main()
