#!/usr/bin/env python3
"""Score every dev fold: a rule that helps one fold and costs another is fitted to examples.

Splits each dev set of ``../shared/eval`` by document into K folds (a stable hash of the
document id, so a fold is the same on every run), writes each fold as a split of its own in a
scratch copy of the eval folder, and runs the real ``score.py`` on it, as a user would.
Prints one row per fold and the whole set, and how far each fold falls below the whole.

    .venv/bin/python bench/dev_folds.py                       # all tasks, 5 folds
    .venv/bin/python bench/dev_folds.py quotes --folds 4      # one task

Only the dev splits are read; the holdout files are never opened.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
TASKS = ("quotes", "quantities", "contradictions")

# The figures each task is judged by: (label, path into score.py's JSON for that task).
FIGURES = {
    "quotes": [("quote F1", ("quote", "f1")), ("named speaker", ("speaker_accuracy_named_gold",)),
               ("quote+speaker F1", ("quote_and_speaker", "f1"))],
    "quantities": [("news F1", ("cqe-newsquant", "f1")), ("science F1", ("measeval", "f1"))],
    "contradictions": [("newsnli", ("equate-newsnli", "macro_f1")), ("redditnli", ("equate-redditnli", "macro_f1")),
                       ("rte-quant", ("equate-rte-quant", "macro_f1")), ("climate", ("climate-fever-numeric", "macro_f1")),
                       ("contr. P", ("all", "contradiction", "precision")), ("contr. R", ("all", "contradiction", "recall"))],
}


def document_of(task: str, row: dict) -> str:
    """The document a row comes from: quotes and quantities hold one document per row; a
    contradiction pair's id carries its source document before the last ':' (climate-fever
    "claim-article:sentence"), so pairs from one document never land in two folds."""
    key = str(row.get("id"))
    return key.rsplit(":", 1)[0] if task == "contradictions" and ":" in key else key


def fold_of(task: str, row: dict, folds: int) -> int:
    return int(hashlib.sha1(document_of(task, row).encode()).hexdigest(), 16) % folds


def lookup(result: dict, path: tuple[str, ...]):
    for key in path:
        if not isinstance(result, dict) or key not in result:
            return None
        result = result[key]
    return result


def score(scratch: Path, task: str, split: str) -> dict:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run([sys.executable, str(scratch / "score.py"), task, "--split", split],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"dev_folds: score.py {task} --split {split} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)[task]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tasks", nargs="*", metavar="TASK", help=f"any of {', '.join(TASKS)} (default: all three)")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    unknown = set(args.tasks) - set(TASKS)
    if unknown:
        ap.error(f"unknown task {', '.join(sorted(unknown))}: choose from {', '.join(TASKS)}")
    with tempfile.TemporaryDirectory(prefix="claimtrack-folds-") as tmp:
        scratch = Path(tmp)
        shutil.copy(EVAL / "score.py", scratch / "score.py")
        for task in args.tasks or TASKS:
            rows = [json.loads(line) for line in open(EVAL / task / "dev.jsonl", encoding="utf-8") if line.strip()]
            (scratch / task).mkdir()
            shutil.copy(EVAL / task / "dev.jsonl", scratch / task / "dev.jsonl")
            for k in range(args.folds):
                with open(scratch / task / f"fold{k}.jsonl", "w", encoding="utf-8") as fh:
                    for row in rows:
                        if fold_of(task, row, args.folds) == k:
                            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            labels = [label for label, _ in FIGURES[task]]
            print(f"\n{task} ({len(rows)} dev items, {args.folds} folds by document)")
            print(f"{'split':<8}" + "".join(f"{label:>18}" for label in labels))
            whole = score(scratch, task, "dev")
            base = [lookup(whole, path) for _, path in FIGURES[task]]
            print(f"{'all':<8}" + "".join(f"{v:>18.4f}" if v is not None else f"{'-':>18}" for v in base))
            for k in range(args.folds):
                got = [lookup(score(scratch, task, f"fold{k}"), path) for _, path in FIGURES[task]]
                cells = []
                for v, b in zip(got, base):
                    cells.append(f"{'-':>18}" if v is None else f"{v:>10.4f} ({v - b:+.3f})" if b is not None else f"{v:>18.4f}")
                print(f"{'fold' + str(k):<8}" + "".join(cells))


if __name__ == "__main__":
    main()
