#!/usr/bin/env python3
"""Checks the sample beat extracts in data/sample/ against the 11 statements of
../shared/spec/sample-data.md, for financial year 2023-24 quarter 1, using the
definitions of ../shared/spec/summary-contract.md. Written apart from the generator
(different language, reads only the CSV files) so that it checks the files, not the
generator's intentions.

    python3 data/check-sample-data.py        # exit code 0 when every check passes
"""
import csv
import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "sample"
HEADER = "Month,Beat,Category,Type,LocationType,Domestic,Count"
CURRENT = ["2023-04", "2023-05", "2023-06"]
PREVIOUS = ["2022-04", "2022-05", "2022-06"]
failures = 0


def check(number, text, ok, figures):
    global failures
    failures += 0 if ok else 1
    print(f"{'PASS' if ok else 'FAIL'}  {number:>2}. {text}\n        {figures}")


def change_percent(current, previous):
    """change / previous x 100, rounded to one decimal, half away from zero (exact)."""
    if previous == 0:
        return None
    x = Fraction(current - previous, previous) * 100
    sign = -1 if x < 0 else 1
    tenths = int(abs(x) * 10 + Fraction(1, 2))  # floor(|x| * 10 + 0.5)
    return sign * tenths / 10


# ---- Read the files, checking the format on the way ------------------------------------
files = sorted(SAMPLE.glob("harborough-beat-extract-*.csv"))
expected = [f"harborough-beat-extract-{y}-{(y + 1) % 100:02d}-Q{q}.csv"
            for y in range(2019, 2024) for q in range(1, 5) if (y, q) <= (2023, 2)]
format_problems = []
if [f.name for f in files] != expected:
    format_problems.append(f"expected files {expected[0]} .. {expected[-1]} ({len(expected)}), found {len(files)}")

rows = []  # (month, beat, category, type, location, domestic, count)
for f in files:
    raw = f.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        format_problems.append(f"{f.name}: has a BOM")
    if b"\r" in raw:
        format_problems.append(f"{f.name}: has CR characters (expected LF only)")
    if len(raw) > 300_000:
        format_problems.append(f"{f.name}: {len(raw)} bytes")
    text = raw.decode("utf-8")
    if text.split("\n", 1)[0] != HEADER:
        format_problems.append(f"{f.name}: header {text.splitlines()[0]!r}")
    year, quarter = int(f.name[24:28]), int(f.name[-5])
    first = (year * 12 + 3) + 3 * (quarter - 1)  # months since year 0, April = index 3
    allowed = {f"{m // 12}-{m % 12 + 1:02d}" for m in range(first, first + 3)}
    seen = set()
    for r in csv.DictReader(text.splitlines()):
        key = (r["Month"], r["Beat"], r["Category"], r["Type"], r["LocationType"], r["Domestic"])
        if r["Month"] not in allowed:
            format_problems.append(f"{f.name}: month {r['Month']} outside the quarter")
        if key in seen:
            format_problems.append(f"{f.name}: duplicate row {key}")
        if r["Category"] not in ("ASB", "Crime", "Incident") or r["Domestic"] not in ("Y", "N"):
            format_problems.append(f"{f.name}: bad category/domestic {key}")
        if r["Category"] == "Crime" and not r["Type"]:
            format_problems.append(f"{f.name}: crime row without a type {key}")
        seen.add(key)
        rows.append((*key, int(r["Count"])))

check(0, "18 quarterly files, header, UTF-8 without BOM, LF, months inside their quarter, aggregated",
      not format_problems, "; ".join(format_problems[:5]) or f"{len(files)} files, {len(rows)} rows")


def total(months, category=None, domestic=None, type_=None):
    return sum(c for (m, b, cat, t, loc, d, c) in rows
               if m in months and (category is None or cat == category)
               and (domestic is None or d == domestic) and (type_ is None or t == type_))


def by(field, months, category=None, domestic=None):
    counts = Counter()
    for r in rows:
        if r[0] in months and (category is None or r[2] == category) and (domestic is None or r[5] == domestic):
            counts[r[field]] += r[6]
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def measure(name, category=None, domestic=None):
    cur, prev = total(CURRENT, category, domestic), total(PREVIOUS, category, domestic)
    return cur, prev, change_percent(cur, prev)


# ---- The 11 statements -----------------------------------------------------------------
cur, prev, pct = measure("asb", "ASB")
check(1, "ASB changePercent = -25.1", pct == -25.1, f"current {cur}, previous {prev}, {pct}%")

cur, prev, pct = measure("crime", "Crime")
check(2, "crime changePercent = -2.8", pct == -2.8, f"current {cur}, previous {prev}, {pct}%")

cur_types, prev_types = dict(by(3, CURRENT, "Crime")), dict(by(3, PREVIOUS, "Crime"))
eligible = [(change_percent(cur_types.get(t, 0), p), cur_types.get(t, 0), t, p)
            for t, p in prev_types.items() if p >= 10]
ranked = sorted(eligible, key=lambda e: (-e[0], -e[1], e[2]))
top, runner = ranked[0], ranked[1]
small_risers = [(t, p, cur_types.get(t, 0)) for t, p in prev_types.items()
                if p < 10 and (cur_types.get(t, 0) - p) * 1000 > 216 * p]
check(3, "largest-increase crime type (previous >= 10) is Criminal Damage at +21.6%",
      top[2] == "Criminal Damage" and top[0] == 21.6,
      f"{top[2]} {top[3]} -> {top[1]} ({top[0]:+}%); next {runner[2]} {runner[3]} -> {runner[1]} ({runner[0]:+}%)"
      f"; types under the threshold rising more: {small_risers or 'none'}")

types = by(3, CURRENT, "Crime")
check(4, "Violence Without Injury is the most common crime type (clearly)",
      types[0][0] == "Violence Without Injury" and types[0][1] >= 1.2 * types[1][1],
      f"{types[0][0]} {types[0][1]}, then {types[1][0]} {types[1][1]}, {types[2][0]} {types[2][1]}")

beats = by(1, CURRENT, "Crime")
check(5, "Harborough North has most crime",
      beats[0][0] == "Harborough North", f"{beats[0]}, {beats[1]}, {beats[2]}")

beats = by(1, CURRENT, "ASB")
check(6, "Harborough North and Harborough Town have most ASB (clearly above the third)",
      {beats[0][0], beats[1][0]} == {"Harborough North", "Harborough Town"} and beats[1][1] >= 1.2 * beats[2][1],
      f"{beats[0]}, {beats[1]}, third {beats[2]}")

places = by(4, CURRENT, "ASB")
check(7, "'Residential' is the location type with most ASB",
      places[0][0] == "Residential", f"{places[0]}, {places[1]}, {places[2]}")

cur, prev, pct = measure("domestic", None, "Y")
check(8, "domestic (every Domestic=Y row) changePercent = 6.3", pct == 6.3,
      f"current {cur}, previous {prev}, {pct}%; current by category {dict(by(2, CURRENT, None, 'Y'))}")

places = by(4, CURRENT, None, "Y")
dwelling = dict(places).get("Dwelling", 0)
check(9, "'Dwelling' holds over half of current domestic",
      dwelling * 2 > cur, f"Dwelling {dwelling} of {cur} ({100 * dwelling / cur:.1f}%)")

beats = by(1, CURRENT, None, "Y")
check(10, "Harborough North has most domestic",
      beats[0][0] == "Harborough North", f"{beats[0]}, {beats[1]}, {beats[2]}")


def quarter_months(year, quarter):
    start = year * 12 + 3 + 3 * (quarter - 1)
    return [f"{m // 12}-{m % 12 + 1:02d}" for m in range(start, start + 3)]


q1 = {y: total(quarter_months(y, 1), "ASB") for y in (2020, 2021, 2022, 2023)}
q4 = total(quarter_months(2022, 4), "ASB")
check(11, "ASB Q1 2023-24 is the lowest Q1 of 2020-21..2023-24 and above Q4 2022-23",
      all(q1[2023] < q1[y] for y in (2020, 2021, 2022)) and q1[2023] > q4,
      "Q1 ASB " + ", ".join(f"{y}-{(y + 1) % 100:02d}: {n}" for y, n in q1.items()) + f"; Q4 2022-23: {q4}")

print("all checks pass" if failures == 0 else f"{failures} check(s) FAIL")
sys.exit(1 if failures else 0)
