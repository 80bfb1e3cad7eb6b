#!/usr/bin/env python3
"""Check the probe26 gold files against their documents (reads only docs/ and gold/)."""
import json, re, sys, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = set("membership withdrawal agreement establishment appointment visit meeting summit deployment "
            "deployment_end project exercise decision statement conflict political".split())
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}
ABBREV = {"mr", "mrs", "ms", "dr", "st", "no", "u.s", "i.c.j"}


def norm(t):
    t = unicodedata.normalize("NFKC", t or "").translate(DASHES).translate(QUOTES)
    return re.sub(r"\s+", " ", t).strip().casefold()


DAY = r"(0[1-9]|[12]\d|3[01])"
MON = r"(0[1-9]|1[0-2])"
YEAR = r"(\d{4}|XXXX)"
POINT = re.compile(rf"^{YEAR}(-({MON}|2[1-4])(-{DAY})?)?$")


def point_ok(p):
    if not POINT.match(p):
        return False
    parts = p.split("-")
    if len(parts) == 3 and parts[0] != "XXXX":
        import calendar
        y, m, d = map(int, parts)
        if d > calendar.monthrange(y, m)[1]:
            return False
    return True


def key(p):
    parts = p.split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else 0
    if m > 12:
        m = {21: 3, 22: 6, 23: 9, 24: 12}[m]
    d = int(parts[2]) if len(parts) > 2 else 0
    return (y, m, d)


def date_ok(v):
    if "/" in v:
        a, b = v.split("/")
        if a == ".." and point_ok(b) or b == ".." and point_ok(a):
            return True
        return point_ok(a) and point_ok(b) and "XXXX" not in v and key(a) <= key(b)
    return point_ok(v)


def sentences(text):
    """(start, end) spans of sentences, line by line."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        start = 0
        for m in re.finditer(r"[.!?](?=\s+[A-Z0-9\"\u201c])", line):
            before = line[:m.start()].split()
            word = before[-1].casefold() if before else ""
            if word in ABBREV or re.fullmatch(r"[A-Z]", before[-1] if before else "") :
                continue
            spans.append((pos + start, pos + m.end()))
            start = m.end()
        spans.append((pos + start, pos + len(line)))
        pos += len(line) + 1
    return spans


def check(doc, gold):
    text = doc.read_text(encoding="utf-8")
    spans = sentences(text)
    errors = []
    req = opt = 0
    seen = set()
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("//"):
            continue
        try:
            row = json.loads(line)
        except ValueError as e:
            errors.append(f"{gold.name}:{n}: not JSON ({e})")
            continue
        for f in ("evidence", "date", "type", "actors", "source", "object"):
            if f not in row:
                errors.append(f"{gold.name}:{n}: missing {f}")
        if not isinstance(row.get("date"), list) or not row["date"]:
            errors.append(f"{gold.name}:{n}: date must be a non-empty list")
        for v in row.get("date", []):
            if not date_ok(v):
                errors.append(f"{gold.name}:{n}: bad date {v}")
        types = row["type"] if isinstance(row.get("type"), list) else [row.get("type")]
        for t in types:
            if t not in TYPES:
                errors.append(f"{gold.name}:{n}: bad type {t}")
        if "optional" in row and not isinstance(row["optional"], bool):
            errors.append(f"{gold.name}:{n}: optional must be a bool")
        for s in row.get("source", []):
            if s not in row.get("actors", []):
                errors.append(f"{gold.name}:{n}: source {s} not among actors")
        ev = row.get("evidence", "")
        if text.count(ev) != 1 or norm(text).count(norm(ev)) != 1:
            errors.append(f"{gold.name}:{n}: evidence not found exactly once: {ev}")
            continue
        i = text.index(ev)
        span = [s for s in spans if s[0] <= i and i + len(ev) <= s[1]]
        if not span:
            errors.append(f"{gold.name}:{n}: evidence crosses a sentence or line: {ev}")
            continue
        if row.get("optional"):
            opt += 1
        else:
            req += 1
            for v in row["date"]:
                k = (span[0], v)
                if k in seen:
                    errors.append(f"{gold.name}:{n}: two required events share a sentence and the date {v}")
                seen.add(k)
    return req, opt, errors


def main():
    total_r = total_o = 0
    bad = False
    for gold in sorted((HERE / "gold").glob("*.jsonl")):
        doc = HERE / "docs" / (gold.stem + ".txt")
        req, opt, errors = check(doc, gold)
        total_r += req
        total_o += opt
        print(f"{gold.stem}: {'OK' if not errors else 'ERRORS'} ({req} required, {opt} optional)")
        for e in errors:
            print("  " + e)
        bad |= bool(errors)
    print(f"total: {total_r} required, {total_o} optional")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
