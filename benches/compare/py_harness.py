#!/usr/bin/env python3
"""Python `phonenumbers` peer for benches/compare/run.sh.

Usage: py_harness.py CORPUS_DIR OUT_DIR RUNS
Runs PhoneNumberMatcher (region US, leniency VALID, the library's default) over every document
of text.corpus and parse + format_number(E164) over every line of normalize.txt. Writes the
numbers found to OUT_DIR/python.<task>.found and prints one JSON line per task: CPU seconds
(time.process_time: the machine is shared), best of RUNS.
"""
import json
import sys
import time

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberMatcher


def main() -> None:
    corpus, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    engine = f"Python phonenumbers {phonenumbers.__version__}"

    with open(f"{corpus}/text.corpus", encoding="utf-8") as f:
        docs = f.read().split("\x1e")
    size = sum(len(d.encode("utf-8")) for d in docs)
    best, found = float("inf"), []
    for _ in range(runs):
        t0 = time.process_time()
        found = [
            [phonenumbers.format_number(m.number, PhoneNumberFormat.E164) for m in PhoneNumberMatcher(d, "US")]
            for d in docs
        ]
        best = min(best, time.process_time() - t0)
    with open(f"{out}/python.text.found", "w") as f:
        f.writelines(",".join(nums) + "\n" for nums in found)
    print(json.dumps({"engine": engine, "task": "text", "bytes": size, "items": len(docs), "seconds": best}), flush=True)

    with open(f"{corpus}/normalize.txt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    best, e164s = float("inf"), []
    for _ in range(runs):
        t0 = time.process_time()
        e164s = []
        for line in lines:
            try:
                e164s.append(phonenumbers.format_number(phonenumbers.parse(line, "US"), PhoneNumberFormat.E164))
            except phonenumbers.NumberParseException:
                e164s.append("")
        best = min(best, time.process_time() - t0)
    with open(f"{out}/python.normalize.found", "w") as f:
        f.writelines(e + "\n" for e in e164s)
    print(json.dumps({"engine": engine, "task": "normalize", "bytes": 0, "items": len(lines), "seconds": best}), flush=True)


if __name__ == "__main__":
    main()
