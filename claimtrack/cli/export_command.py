"""``claimtrack export``: confirmed flags as schema.org ClaimReview JSON-LD.

Only click is imported at module level: pandas and pyarrow load inside the command (the
``claimtrack`` command starts fast for ``extract`` and ``compare``).
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from claimtrack.cli.errors import UserError


@click.command("export")
@click.option("--curated", "curated_dir", default="data/curated", show_default=True,
              type=click.Path(path_type=Path), help="Folder of the curated tables.")
@click.option("--output", "output_path", default=None, type=click.Path(path_type=Path),
              help="Where to write (default: stdout).")
@click.option("--jsonl", is_flag=True, help="One ClaimReview per line (JSON Lines) instead of one JSON array.")
@click.option("--url", "url_template", default=None, metavar="TEMPLATE",
              help='The URL of each review page, with {flag_id}: "https://desk.example.org/checks/{flag_id}".')
def export(curated_dir: Path, output_path: Path | None, jsonl: bool, url_template: str | None) -> None:
    """Write the confirmed flags as schema.org ClaimReview JSON-LD (dismissed and open flags are left out)."""
    if not curated_dir.is_dir():
        raise UserError(f"no curated tables at {curated_dir} (run `claimtrack run` first, or pass --curated DIR)")
    if output_path is not None and output_path.is_dir():
        raise UserError(f"{output_path} is a folder: pass --output FILE.json")
    if output_path is not None and not output_path.parent.is_dir():
        raise UserError(f"folder {output_path.parent} does not exist (pass --output FILE.json)")
    if url_template is not None:
        try:
            url_template.format(flag_id="x")
        except (KeyError, IndexError, ValueError):
            raise UserError(f"--url {url_template!r}: the only placeholder allowed is {{flag_id}}") from None
    from claimtrack.review.export import export_reviews  # pandas: see the module docstring
    from claimtrack.store import Curated

    reviews = export_reviews(Curated(curated_dir), url_template)
    if jsonl:
        lines = (embeddable(json.dumps(r, ensure_ascii=False)) + "\n" for r in reviews)
    else:
        lines = [embeddable(json.dumps(reviews, ensure_ascii=False, indent=2)) + "\n"]
    write_text(output_path, lines)
    if output_path is not None:
        click.echo(f"wrote {len(reviews)} ClaimReview{'s' if len(reviews) != 1 else ''} to {output_path}", err=True)
    elif not reviews:
        click.echo("no confirmed flags", err=True)


def embeddable(text: str) -> str:
    """JSON that can go inside an HTML ``<script type="application/ld+json">`` as it is (where
    publishers put ClaimReview): ``<``, ``>`` and ``&`` as JSON escapes, so an article's
    ``</script>`` cannot end the element. The parsed values are unchanged.

    >>> out = embeddable('{"a": "</script><b>&"}')
    >>> "<" in out, json.loads(out)["a"]
    (False, '</script><b>&')
    """
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_text(path: Path | None, lines) -> None:
    """Write ``lines`` to stdout, or to ``path``: atomically when it is a regular file (a failed
    write leaves the old file), in place when it is a device, a FIFO or a symbolic link (never
    replaced by a regular file)."""
    if path is None:
        for line in lines:
            click.echo(line, nl=False)
        return
    in_place = path.is_symlink() or (path.exists() and not path.is_file())
    try:
        with click.open_file(str(path), "w", encoding="utf-8", atomic=not in_place) as fh:
            fh.writelines(lines)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
