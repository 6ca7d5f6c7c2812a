"""The audit sample of issue 12: a seeded random sample of a night's flags and links, ready to judge.

Given a curated folder (from a real ``claimtrack run``), draws up to ``--n`` flags of each kind
(contradiction, altered, misattributed) and up to ``--links`` claim links (repeat, consistent,
update), and writes a judging sheet (Markdown, one numbered item per flag, both sides in their
articles: source, title, date and where the date came from, the sentence with its neighbours,
the full attribution or the claim frame, confidence and evidence, blank VERDICT / CAUSE lines)
and a JSONL of the same items for scoring. Prints the flags per 1,000 articles of each kind.

    PATH=.venv/bin:$PATH python bench/audit_flags.py --curated /tmp/x/curated --out /tmp/audit-reuters
    # or make the curated folder first: explode a corpus into /tmp and run claimtrack on it
    PATH=.venv/bin:$PATH python bench/audit_flags.py --corpus ../shared/corpus/bbc-news/articles.jsonl.gz \
        --work /tmp/audit-bbc --out /tmp/audit-bbc/sheet
    # after judging (fill the VERDICT: TRUE/FALSE and CAUSE: lines of the .md, or the .jsonl):
    python bench/audit_flags.py --score /tmp/audit-reuters.md

Judge by the rules of ../shared/eval/flags/README.md. Write sheets under /tmp, never into the repo.
Example of one sheet item (abridged)::

    ## 3. altered (confidence 0.82)
    evidence: speaker: Lena Ostrova named in both; 9 shared words; changed: 'will' -> 'will not'
    ### EARLIER  Harbour Times, 2024-02-01 09:00 UTC (date: article)
    ...
    VERDICT:
    CAUSE:
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from claimtrack.records import FLAGGED_RELATIONS
from claimtrack.store import Curated

LINK_RELATIONS = ("repeat", "consistent", "update")
KINDS = FLAGGED_RELATIONS + ("link",)
CONVERTER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "convert_corpus.py"
# a sentence ends at . ! ? (and a closing quote) before white space, or at a blank line
_SENT_END = re.compile(r"""[.!?]["'”’)]*(?=\s)|\n\s*\n""")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (a rough splitter: enough to show context).

    >>> t = "One fell. Two rose! Three stayed."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['One fell.', 'Two rose!', 'Three stayed.']
    """
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            a = start + len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((a, end))
        start = end
    if text[start:].strip():
        a = start + len(text[start:]) - len(text[start:].lstrip())
        spans.append((a, len(text.rstrip())))
    return spans


def in_context(text: str | None, start, end, neighbours: int = 1) -> str:
    """The sentence holding ``text[start:end]`` with ``neighbours`` sentences either side, the
    span itself in [[double brackets]]; '' when the offsets do not fit the text.

    >>> in_context("A dog barked. It said “no” twice. Then it slept. The end.", 23, 25)
    'A dog barked. It said “[[no]]” twice. Then it slept.'
    """
    if not isinstance(text, str) or start is None or end is None or pd.isna(start) or pd.isna(end):
        return ""
    start, end = int(start), int(end)
    if not 0 <= start <= end <= len(text):
        return ""
    spans = sentence_spans(text)
    at = next((i for i, (a, b) in enumerate(spans) if a <= start < b), None)
    if at is None:
        return ""
    lo, hi = max(0, at - neighbours), min(len(spans), at + neighbours + 1)
    a, b = spans[lo][0], spans[hi - 1][1]
    out = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
    return " ".join(out.split())


def _val(v):
    """A JSON-friendly value: NaN/NaT/None become None, arrays lists, timestamps ISO strings.

    >>> _val(float("nan")), _val(pd.Timestamp("2024-01-02", tz="UTC")), _val(pd.Series([1, 2]).to_numpy())
    (None, '2024-01-02T00:00:00+00:00', [1, 2])
    """
    if v is None or isinstance(v, str):
        return v
    if hasattr(v, "__len__"):
        return list(v.tolist() if hasattr(v, "tolist") else v)
    if pd.isna(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    return v.item() if hasattr(v, "item") else v


def load(curated: Path) -> dict[str, pd.DataFrame]:
    """The tables the sheet needs (the article text only for the articles the sample cites)."""
    store = Curated(curated)
    if not store.files("articles"):
        raise SystemExit(f"error: no articles table under {curated} (run claimtrack run first)")
    return {
        "articles": store.read("articles", columns=["article_id", "source", "title", "published_at",
                                                    "date_source", "lang", "raw_path", "run_id"]),
        "flags": store.read("flags"),
        "matches": store.read("matches", columns=["match_id", "kind", "new_id", "earlier_id", "score",
                                                  "relation", "detail", "confidence", "evidence", "run_id"]),
        "quotes": store.read("quotes"),
        "claims": store.read("claims"),
        "store": store,
    }


def draw(t: dict, n: int, n_links: int, seed: int, run_id: str | None) -> list[dict]:
    """The seeded sample: up to ``n`` flags per flagged relation and ``n_links`` claim links,
    as match rows with ``audit_kind`` (the relation, or "link")."""
    flags, matches = t["flags"], t["matches"]
    if run_id:
        flags, matches = flags[flags["run_id"] == run_id], matches[matches["run_id"] == run_id]
    rng = random.Random(seed)
    picked = []
    for rel in FLAGGED_RELATIONS:
        ids = sorted(flags.loc[flags["relation"] == rel, "match_id"])
        picked += [(rel, m) for m in sorted(rng.sample(ids, min(n, len(ids))))]
    links = matches[(matches["kind"] == "claim") & matches["relation"].isin(LINK_RELATIONS)]
    ids = sorted(links["match_id"])
    picked += [("link", m) for m in sorted(rng.sample(ids, min(n_links, len(ids))))]
    by_id = matches.drop_duplicates("match_id").set_index("match_id")
    return [{"audit_kind": k, "match_id": m, **{c: _val(v) for c, v in by_id.loc[m].items()}}
            for k, m in picked if m in by_id.index]


def _side(item_id: str, match_kind: str, t: dict, texts: dict[str, str]) -> dict:
    """One side of a match: its article (source, title, date, where the date came from), the
    sentence with its neighbours, and every stored field of the quote or claim."""
    table, key = (t["quotes"], "quote_id") if match_kind == "quote" else (t["claims"], "claim_id")
    rows = table[table[key] == item_id]
    if rows.empty:
        return {"id": item_id, "missing": True}
    row = {c: _val(v) for c, v in rows.iloc[0].items() if c not in ("run_id", "ingest_date")}
    art = t["articles"][t["articles"]["article_id"] == row["article_id"]]
    a = {c: _val(v) for c, v in art.iloc[0].items()} if len(art) else {}
    return {"id": item_id, "article_id": row["article_id"], "source": a.get("source"), "title": a.get("title"),
            "date": a.get("published_at"), "date_source": a.get("date_source"), "lang": a.get("lang"),
            "raw_path": a.get("raw_path"),
            "context": in_context(texts.get(row["article_id"]), row.get("start"), row.get("end")), "row": row}


def build_items(t: dict, sample: list[dict]) -> list[dict]:
    """Judging items for the sampled matches (article texts read only for the cited articles)."""
    ids = {s[k] for s in sample for k in ("new_id", "earlier_id")}
    cited = set()
    for name, key in (("quotes", "quote_id"), ("claims", "claim_id")):
        df = t[name]
        cited |= set(df.loc[df[key].isin(ids), "article_id"])
    arts = t["store"].read("articles", columns=["article_id", "text"],
                           filter=ds.field("article_id").isin(pa.array(sorted(cited), type=pa.string())))
    texts = dict(zip(arts["article_id"], arts["text"]))
    return [{"n": i, "kind": s["audit_kind"], "relation": s["relation"], "match_kind": s["kind"],
             "match_id": s["match_id"], "score": s.get("score"), "confidence": s.get("confidence"),
             "evidence": s.get("evidence"), "detail": s.get("detail"),
             "earlier": _side(s["earlier_id"], s["kind"], t, texts),
             "new": _side(s["new_id"], s["kind"], t, texts), "verdict": None, "cause": None}
            for i, s in enumerate(sample, 1)]


_CLAIM_FIELDS = ("surface", "value", "low", "high", "qualifier", "unit", "noun", "subject", "speaker",
                 "holder", "measure", "period", "scope")


def _when(side: dict) -> str:
    date = side.get("date")
    shown = pd.Timestamp(date).strftime("%Y-%m-%d %H:%M %Z") if date else "undated"
    return f"{shown} (date: {side.get('date_source') or 'unknown source'})"


def render_side(label: str, side: dict, match_kind: str) -> list[str]:
    """The Markdown lines of one side of an item."""
    if side.get("missing"):
        return [f"### {label}: {side['id']} (not found in the tables)"]
    r = side["row"]
    lines = [f"### {label}: {side.get('source') or 'unnamed source'}, {_when(side)}, lang {side.get('lang') or '?'}",
             f"- title: {side.get('title') or '(none)'}",
             f"- article: {side.get('article_id')} ({side.get('raw_path') or ''})",
             f"- in context: {side.get('context') or r.get('sentence') or ''}"]
    if match_kind == "quote":
        lines += [f"- quote: “{r.get('text')}”",
                  f"- speaker: {r.get('speaker')} | as written: {r.get('speaker_mention')} | via: "
                  f"{r.get('speaker_via')} | cue: {r.get('cue')} | partial: {r.get('partial')}"]
    else:
        lines.append("- frame: " + "; ".join(f"{k}={r.get(k)}" for k in _CLAIM_FIELDS if r.get(k) not in (None, [], "")))
    return lines


def render(items: list[dict], header: str) -> str:
    """The whole judging sheet."""
    out = [f"# Flag audit: {header}", "",
           "Judge each item by ../shared/eval/flags/README.md: after VERDICT write TRUE or FALSE; after CAUSE, "
           "for a FALSE, one of: different entity, different measure or scope, wrong speaker, different period, "
           "partial quote, organisation and its officer, trivial spelling, common phrase, conduit, not a quote, "
           "other.", ""]
    for it in items:
        conf = it["confidence"]
        out += [f"## {it['n']}. {it['kind']}: {it['relation']} ({it['match_kind']}, score {it['score']}, "
                f"confidence {conf if conf is not None else 'none'})",
                f"- match: {it['match_id']}",
                f"- evidence: {it['evidence'] or '(none)'}",
                f"- detail: {it['detail']}", ""]
        out += render_side("EARLIER", it["earlier"], it["match_kind"]) + [""]
        out += render_side("NEW", it["new"], it["match_kind"]) + [""]
        out += ["VERDICT:", "CAUSE:", ""]
    return "\n".join(out)


def per_thousand(t: dict, run_id: str | None) -> dict[str, float]:
    """Flags per 1,000 articles of each flagged relation (of one run's articles and flags, or all)."""
    flags, arts = t["flags"], t["articles"]
    if run_id:
        flags, arts = flags[flags["run_id"] == run_id], arts[arts["run_id"] == run_id]
    n = max(len(arts), 1)
    counts = Counter(flags["relation"])
    return {rel: 1000 * counts.get(rel, 0) / n for rel in FLAGGED_RELATIONS} | {"articles": len(arts)}


_ITEM = re.compile(r"^## (\d+)\. (\S+): (\S+)", re.M)


def read_verdicts(path: Path) -> list[dict]:
    """(n, kind, verdict, cause) of each item of a judged sheet (.md) or JSONL.

    >>> import tempfile, os
    >>> p = Path(tempfile.mkdtemp()) / "s.md"
    >>> _ = p.write_text("## 1. altered: altered (quote)\\nVERDICT: true\\nCAUSE:\\n## 2. link: repeat (claim)\\nVERDICT: FALSE\\nCAUSE: different period\\n")
    >>> [(v["kind"], v["verdict"], v["cause"]) for v in read_verdicts(p)]
    [('altered', 'TRUE', None), ('link', 'FALSE', 'different period')]
    """
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        return [{"n": r["n"], "kind": r["kind"], "verdict": (r.get("verdict") or "").upper() or None,
                 "cause": r.get("cause")} for r in rows]
    heads = list(_ITEM.finditer(text))
    out = []
    for h, nxt in zip(heads, heads[1:] + [None]):
        body = text[h.end(): nxt.start() if nxt else len(text)]
        v = re.search(r"^VERDICT:[ \t]*(\S*)", body, re.M)
        c = re.search(r"^CAUSE:[ \t]*(.*)$", body, re.M)
        out.append({"n": int(h.group(1)), "kind": h.group(2), "verdict": (v.group(1).upper() if v and v.group(1) else None),
                    "cause": (c.group(1).strip() or None) if c else None})
    return out


def score(path: Path) -> None:
    """Print precision per kind of a judged sheet, with the causes of the FALSE items."""
    rows = read_verdicts(path)
    for kind in KINDS:
        judged = [r for r in rows if r["kind"] == kind and r["verdict"] in ("TRUE", "FALSE")]
        if not judged:
            continue
        true = sum(r["verdict"] == "TRUE" for r in judged)
        causes = Counter(r["cause"] or "no cause given" for r in judged if r["verdict"] == "FALSE")
        print(f"{kind:14s} {true}/{len(judged)} = {true / len(judged):.2f}"
              + (f"   false: {dict(causes.most_common())}" if causes else ""))
    left = sum(r["verdict"] not in ("TRUE", "FALSE") for r in rows)
    if left:
        print(f"{left} item(s) not judged yet")


def make_curated(corpus: Path, work: Path, limit: int | None) -> Path:
    """Explode ``corpus`` into ``work/raw`` and run ``claimtrack run`` (the one on PATH) on it."""
    raw, curated = work / "raw", work / "curated"
    if not raw.exists():
        cmd = [sys.executable, str(CONVERTER), "explode", str(corpus), str(raw), "--format", "json"]
        subprocess.run(cmd + (["--limit", str(limit)] if limit else []), check=True)
    subprocess.run(["claimtrack", "run", "--raw", str(raw), "--curated", str(curated)], check=True)
    return curated


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--curated", type=Path, help="a curated folder written by claimtrack run")
    src.add_argument("--corpus", type=Path, help="a corpus articles.jsonl.gz to explode and run first")
    src.add_argument("--score", type=Path, help="a judged sheet (.md or .jsonl): print precision per kind")
    ap.add_argument("--work", type=Path, default=Path("/tmp/audit-flags"), help="with --corpus: raw/ and curated/ go here")
    ap.add_argument("--limit", type=int, default=None, help="with --corpus: explode only this many articles")
    ap.add_argument("--out", type=Path, default=Path("/tmp/audit-flags/sheet"),
                    help="writes OUT.md and OUT.jsonl (keep it under /tmp)")
    ap.add_argument("--n", type=int, default=20, help="flags per kind (default 20)")
    ap.add_argument("--links", type=int, default=30, help="claim links (default 30)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--run-id", default=None, help="only the flags and links this run raised ('last': the latest run)")
    args = ap.parse_args(argv)
    if args.score:
        score(args.score)
        return
    curated = args.curated if args.curated else make_curated(args.corpus, args.work, args.limit)
    t = load(curated)
    run_id = args.run_id
    if run_id == "last":
        runs = t["store"].read("runs", columns=["run_id", "started_at", "articles"])
        runs = runs[runs["articles"] > 0].sort_values("started_at")
        run_id = runs["run_id"].iloc[-1] if len(runs) else None
    rates = per_thousand(t, run_id)
    print(f"{curated}: {rates.pop('articles')} articles" + (f" (run {run_id})" if run_id else ""))
    print("flags per 1,000 articles: " + ", ".join(f"{k} {v:.1f}" for k, v in rates.items())
          + f"; all {sum(rates.values()):.1f}")
    items = build_items(t, draw(t, args.n, args.links, args.seed, run_id))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    md, jl = args.out.with_suffix(".md"), args.out.with_suffix(".jsonl")
    md.write_text(render(items, f"{curated}, seed {args.seed}, {len(items)} items"), encoding="utf-8")
    with jl.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False, default=str) + "\n")
    kinds = Counter(it["kind"] for it in items)
    print("sampled: " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in KINDS))
    print(f"sheet: {md}\nitems: {jl}")


if __name__ == "__main__":
    main()
