"""Raw folders and runs for the end-to-end tests: stories written for the tests, the nightly
flow in this process, and the flow's stages as plain calls (for forked children to die in)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from support import SAMPLE


def write_story(raw: Path, name: str, title: str, body: str, date: str | None = None) -> Path:
    """A plain-text article: a `Date:` header when dated, a title line, a blank line, the body."""
    path = raw / name
    header = f"Date: {date}\n\n" if date else ""
    path.write_text(f"{header}{title}\n\n{body}\n", encoding="utf-8")
    return path


STORIES = [
    ("flood.txt", "River floods the old town",
     'Officials said 40 people were hurt when the river rose on Monday.\n\n'
     '"We have never seen water this high," said the mayor, Anna Berg.\n\n'
     'The repairs will cost about 3 million euros, the council said.'),
    ("budget.txt", "Council passes the budget",
     'The council approved a budget of 120 million euros on Tuesday.\n\n'
     '"It is a fair budget," said the treasurer, Tom Hale. Spending rises by 4 percent.'),
]
LATER = ("later.txt", "Flood toll rises",
         'Officials said 55 people were hurt in the floods, more than first reported.\n\n'
         '"We have never seen water this high," said the mayor, Anna Berg, on Wednesday.')


# The nightly flow's stages, as plain calls (validation aside: it reads, it never writes).
RUN_BODY = """
from claimtrack.run import pipeline
run = pipeline.new_run(raw, curated)
with run.curated.run_lock(30):
    run.curated.recover()
    raw_files, rejected, skipped = pipeline.discover_stage(run)
    articles, bad = pipeline.parse_stage(raw_files)
    articles, duplicates = pipeline.new_articles(articles, run.curated.column_values("articles", "article_id"))
    rejected = pipeline.new_rejections(rejected + bad, run.curated.read("rejected"))
    quotes, claims = pipeline.extract_stage(articles)
    matches = pipeline.match_stage(run, articles, quotes, claims)
    tables = pipeline.build_tables(run, articles, rejected, quotes, claims, matches)
    pipeline.publish_stage(run, tables, None)
"""


def run_in_process(raw, curated) -> None:
    """The stages of a night without Prefect (a fraction of a second)."""
    exec(RUN_BODY, {"raw": str(raw), "curated": str(curated)})


def nightly_in_process(raw: Path, curated: Path, **params) -> dict:
    """The real nightly flow in this process (Prefect's temporary server, started once)."""
    from claimtrack.run.flow import nightly  # Prefect takes seconds to import; the forking tests never need it

    return nightly(raw_dir=str(raw), curated_dir=str(curated), **params)


def first_run(tmp_path: Path, runner=nightly_in_process) -> tuple[Path, Path]:
    """A curated folder after one complete run over STORIES, plus LATER in raw/."""
    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir(exist_ok=True)
    for story in STORIES:
        write_story(raw, *story)
    runner(raw, curated)
    assert len(pd.read_parquet(curated / "articles")) == len(STORIES)
    write_story(raw, *LATER)
    return raw, curated


# A small night of three stories (two of them about one budget, with a changed figure and a
# quote given to another speaker) and a broken JSON Lines file.
ARTICLES = {
    "a-council.txt": "Council approves budget\n\nMarch 3, 2025\n\nThe city council approved a budget of "
                     "$120 million on Monday, mayor Anna Berg said. \"This budget keeps every library "
                     "open,\" Berg said. About 3,000 residents attended the hearings.\n",
    "b-council.txt": "Budget vote questioned\n\nMarch 9, 2025\n\nThe council's budget was $95 million, "
                     "treasurer Paul Innes said on Sunday. \"This budget keeps every library open,\" Innes "
                     "said. Nearly 3,000 residents attended the hearings, organisers said.\n",
    "c-port.txt": "Port traffic rises\n\nMarch 10, 2025\n\nThe port handled 2.4 million containers last "
                  "year, up 6 percent, its director Lena Ortiz said. \"We will need a fourth terminal "
                  "by 2030,\" Ortiz told reporters.\n",
    "bad.jsonl": "{not json\n",
}


def write_articles(raw: Path, with_sample: bool = True) -> Path:
    """ARTICLES (and the committed sample article) written into ``raw``."""
    raw.mkdir(parents=True, exist_ok=True)
    if with_sample:
        shutil.copy(SAMPLE, raw / SAMPLE.name)
    for name, text in ARTICLES.items():
        (raw / name).write_text(text)
    return raw
