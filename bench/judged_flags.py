"""The regression check of issue 12: are the judged flags and links of Reuters still raised?

``../shared/eval/flags/reuters-judged.jsonl`` holds flags and links that one run over all of
Reuters-21578 raised, each judged TRUE or FALSE by hand. This script finds both articles of every
judged item in the Reuters corpus (by title, date and sentence, not by id: ids were those of that
run), writes them as .json files to a scratch folder, runs the real ``claimtrack run`` once on
them, and prints for each kind (contradiction, altered, misattributed, link):

- judged-FALSE pairs still raised (should be 0),
- judged-TRUE pairs still raised (should be all),

and lists the misses. A pair is "raised" when the run relates a claim (quote) of one article
whose sentence and surface (quote text) are the judged ones to such a claim (quote) of the
other: with a flagged relation for flags, with any claim relation for links.

    PATH=.venv/bin:$PATH python bench/judged_flags.py [--work /tmp/judged-flags] [--keep]

Runs ``claimtrack`` from PATH (put the worktree's .venv/bin first). Only the dev file
reuters-judged.jsonl is read.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
JUDGED = SHARED / "eval/flags/reuters-judged.jsonl"
CORPUS = SHARED / "corpus/reuters21578/articles.jsonl.gz"
FLAGGED = {"contradiction", "altered", "misattributed"}
LINKS = {"repeat", "consistent", "update"}


def _norm(text) -> str:
    """Whitespace-folded text, for comparing sentences across runs."""
    return " ".join(str(text or "").split())


def _when(date: str) -> str:
    """'1987-03-16 18:25:53+00:00' and '1987-03-16T18:25:53' both as '1987-03-16T18:25:53'."""
    return str(date).replace(" ", "T")[:19]


def load_judged(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def find_articles(judged: list[dict], corpus: Path) -> dict[tuple[str, str], list[dict]]:
    """Corpus rows for each (title, date) a judged side names (several when a headline repeats)."""
    wanted = {(_norm(side["title"]), _when(side["date"])) for item in judged for side in (item["earlier"], item["new"])}
    found: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            key = (_norm(row.get("title")), _when(row.get("date")))
            if key in wanted:
                found[key].append(row)
    return found


def side_article(side: dict, found: dict) -> dict | None:
    """The corpus article of one judged side: its title and date, and its sentence in the text."""
    rows = found.get((_norm(side["title"]), _when(side["date"])), [])
    sentence = _norm(side.get("sentence"))
    hits = [r for r in rows if sentence and sentence in _norm(r["text"])]
    return (hits or rows or [None])[0]


def write_raw(articles: dict[str, dict], raw: Path) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for cid, row in articles.items():
        doc = {k: row.get(k) for k in ("title", "date", "source", "url", "text")}
        (raw / f"{re.sub(r'[^A-Za-z0-9_-]', '_', cid)}.json").write_text(json.dumps(doc), encoding="utf-8")


def run_claimtrack(raw: Path, curated: Path) -> float:
    exe = shutil.which("claimtrack")
    if exe is None:
        sys.exit("claimtrack is not on PATH: put the worktree's .venv/bin first")
    t0 = time.perf_counter()
    proc = subprocess.run([exe, "run", "--raw", str(raw), "--curated", str(curated)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"claimtrack run failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return time.perf_counter() - t0


def _read(curated: Path, table: str) -> pd.DataFrame:
    path = curated / table
    return pd.read_parquet(path) if path.exists() and any(path.rglob("*.parquet")) else pd.DataFrame()


def raised(item: dict, art_ids: tuple[str | None, str | None], tables: dict) -> tuple[bool, str]:
    """Whether the run relates the judged pair, and the relation(s) it gave."""
    kind = item["kind"]
    items = tables["claims" if kind == "claim" else "quotes"]
    id_col = "claim_id" if kind == "claim" else "quote_id"
    if len(items) == 0 or None in art_ids:
        return False, "article not found" if None in art_ids else "no items"

    def ids(side: dict, article_id: str) -> set[str]:
        rows = items[items["article_id"] == article_id]
        if kind == "claim":
            hit = rows[(rows["surface"].map(_norm) == _norm(side.get("surface")))
                       & (rows["sentence"].map(_norm) == _norm(side.get("sentence")))]
            if len(hit) == 0:  # the sentence may be cut differently: the surface in the sentence
                hit = rows[(rows["surface"].map(_norm) == _norm(side.get("surface")))
                           & rows["sentence"].map(lambda s: _norm(s) in _norm(side.get("sentence"))
                                                  or _norm(side.get("sentence")) in _norm(s))]
        else:
            hit = rows[rows["text"].map(_norm) == _norm(side.get("quote"))]
        return set(hit[id_col])

    e_ids, n_ids = ids(item["earlier"], art_ids[0]), ids(item["new"], art_ids[1])
    if not e_ids or not n_ids:
        return False, "item not extracted"
    m = tables["matches"]
    if len(m) == 0:
        return False, "no matches"
    m = m[m["kind"] == kind]
    pair = m[(m["new_id"].isin(n_ids) & m["earlier_id"].isin(e_ids))
             | (m["new_id"].isin(e_ids) & m["earlier_id"].isin(n_ids))]
    wanted = FLAGGED if item["type"] == "flag" else LINKS
    rels = sorted(set(pair["relation"]))
    hit = pair[pair["relation"].isin(wanted)]
    if len(hit):
        conf = hit["confidence"].dropna() if "confidence" in hit.columns else pd.Series(dtype=float)
        return True, ",".join(rels) + (f" conf={conf.max():.2f}" if len(conf) else "")
    return False, ",".join(rels) or "unrelated"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--judged", type=Path, default=JUDGED)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--work", type=Path, default=Path("/tmp/judged-flags"))
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = ap.parse_args()
    if "holdout" in args.judged.name:
        sys.exit("holdout files are not for development")
    judged = load_judged(args.judged)
    found = find_articles(judged, args.corpus)
    sides, articles = [], {}
    for item in judged:
        pair = []
        for side in (item["earlier"], item["new"]):
            row = side_article(side, found)
            if row is not None:
                articles[row["id"]] = row
            pair.append(row["id"] if row else None)
        sides.append(tuple(pair))
    if args.work.exists():
        shutil.rmtree(args.work)
    raw, curated = args.work / "raw", args.work / "curated"
    write_raw(articles, raw)
    seconds = run_claimtrack(raw, curated)
    tables = {t: _read(curated, t) for t in ("articles", "claims", "quotes", "matches")}
    # corpus id -> article id of this run, through the raw file name
    by_file = {Path(p).stem: a for p, a in zip(tables["articles"]["raw_path"], tables["articles"]["article_id"])}
    to_run = {cid: by_file.get(re.sub(r"[^A-Za-z0-9_-]", "_", cid)) for cid in articles}
    print(f"{len(judged)} judged items, {len(articles)} articles found, claimtrack run {seconds:.1f} s")

    stats: dict[str, dict] = defaultdict(lambda: {"TRUE": [0, 0], "FALSE": [0, 0]})
    misses: list[str] = []
    for item, (e, n) in zip(judged, sides):
        label = item["relation"] if item["type"] == "flag" else "link"
        ok, how = raised(item, (to_run.get(e), to_run.get(n)), tables)
        cell = stats[label][item["verdict"]]
        cell[0] += ok
        cell[1] += 1
        if ok != (item["verdict"] == "TRUE"):
            misses.append(f"  {item['key']} [{item['verdict']}{'' if item['verdict'] == 'TRUE' else ': ' + str(item.get('cause'))}]"
                          f" {'still raised' if ok else 'not raised'} ({how}): {item['detail'][:150]}")
    for label in ("contradiction", "altered", "misattributed", "link"):
        st = stats.get(label)
        if st is None:
            continue
        f, t = st["FALSE"], st["TRUE"]
        print(f"{label:14s} judged-FALSE still raised {f[0]:2d}/{f[1]:<2d} (should be 0)   "
              f"judged-TRUE still raised {t[0]:2d}/{t[1]:<2d} (should be all)")
    if misses:
        print("misses:")
        print("\n".join(misses))
    if not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
