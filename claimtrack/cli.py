"""The ``claimtrack`` command line.

Heavy imports (Prefect, Great Expectations) happen inside the commands that need them, so
``claimtrack extract`` and ``claimtrack compare`` start in a fraction of a second.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click


class UserError(click.ClickException):
    """A bad input or path: printed as one line, exit status 1, never a traceback."""

    def show(self, file=None) -> None:
        click.echo(f"claimtrack: error: {self.format_message()}", err=True, file=file)


def read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict]:
    """Rows of a JSON Lines file; a bad line is a UserError naming the line."""
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    rows = []
    with fh:
        try:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise UserError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
                if not isinstance(row, dict):
                    raise UserError(f"{path}:{lineno}: expected a JSON object")
                missing = [k for k in required if k not in row]
                if missing:
                    raise UserError(f"{path}:{lineno}: missing field {missing[0]!r}")
                rows.append(row)
        except UnicodeDecodeError:
            raise UserError(f"{path}: not UTF-8 text") from None
    return rows


def write_jsonl(path: Path | None, rows) -> None:
    """Write rows to ``path`` (atomically) or to stdout when ``path`` is None."""
    lines = (json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
    if path is None:
        for line in lines:
            sys.stdout.write(line)
        return
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(lines)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimtrack")
def cli() -> None:
    """Track quotes and numeric claims in news, and flag contradictions."""


@cli.command()
@click.option("--input", "input_path", required=True, type=click.Path(path_type=Path),
              help='JSON Lines, one {"id": ..., "text": ...} per line.')
@click.option("--output", "output_path", type=click.Path(path_type=Path), default=None,
              help="Where to write JSON Lines (default: stdout).")
def extract(input_path: Path, output_path: Path | None) -> None:
    """Extract quotes and numeric claims from each document."""
    from claimtrack.extract import extract_text

    docs = read_jsonl(input_path, ("id", "text"))

    def results():
        for doc in docs:
            if not isinstance(doc["text"], str):
                raise UserError(f"{input_path}: document {doc['id']!r}: 'text' must be a string")
            quotes, claims = extract_text(doc["text"], str(doc["id"]))
            yield {"id": doc["id"], "quotes": [asdict(q) for q in quotes],
                   "claims": [asdict(c) for c in claims]}

    write_jsonl(output_path, list(results()))


@cli.command()
@click.option("--input", "input_path", required=True, type=click.Path(path_type=Path),
              help='JSON Lines, one {"id", "earlier", "later"} per line.')
@click.option("--output", "output_path", type=click.Path(path_type=Path), default=None,
              help="Where to write JSON Lines (default: stdout).")
def compare(input_path: Path, output_path: Path | None) -> None:
    """Relate the numbers of a later text to an earlier one: contradiction, consistent or unrelated."""
    from claimtrack.match import compare_texts

    pairs = read_jsonl(input_path, ("id", "earlier", "later"))
    out = []
    for pair in pairs:
        if not isinstance(pair["earlier"], str) or not isinstance(pair["later"], str):
            raise UserError(f"{input_path}: pair {pair['id']!r}: 'earlier' and 'later' must be strings")
        verdict = compare_texts(pair["earlier"], pair["later"])
        out.append({"id": pair["id"], **verdict})
    write_jsonl(output_path, out)


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="claimtrack", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("claimtrack: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("claimtrack: interrupted", err=True)
        return 130
    return 0
