"""``claimtrack review`` and ``claimtrack report``: the reviewer's commands.

``claimtrack review`` walks through the open flags, most certain first, one screen per flag (why
it was raised, both sides next to each other, the figure or changed words highlighted, its notes
with their authors) and reads one key: c confirm, d dismiss, s skip, n add a note, q quit. Each
decision and note is committed to the ``reviews`` table the moment the key is pressed, so
quitting or crashing loses nothing decided, and the page beside the tables (``report.html``) is
rewritten at once. ``review list`` and ``review decide`` do the same for scripts; ``report``
writes the HTML page anywhere.

Only click is imported at module level: pandas and pyarrow load inside the commands (the
``claimtrack`` command starts fast for ``extract`` and ``compare``).
Everything shown from an article goes through ``claimtrack.review.display_text`` first.
"""
from __future__ import annotations

import getpass
import os
import shutil
import sys
import threading
from pathlib import Path

import click

from claimtrack.cli.errors import UserError

KEYS = "[c] confirm  [d] dismiss  [s] skip  [n] note  [q] quit  [?] help"
HELP = """c  confirm: the flag is right (a real contradiction, alteration or misattribution)
d  dismiss: a false alarm; it will not come back on later runs
s  skip: leave it open and show the next one (also: space, Enter)
n  note: type a note, kept with the flag at once; then decide or skip
q  quit (also Ctrl-C, Ctrl-D): every decision made so far is already saved"""

curated_option = click.option("--curated", "curated_dir", default="data/curated", show_default=True,
                              type=click.Path(path_type=Path), help="Folder of the curated tables.")
reviewer_option = click.option("--reviewer", default=None,
                               help="Name stored with each decision (default: $CLAIMTRACK_REVIEWER or the login name).")


def _user_error(message: str):
    return UserError(message)


def _curated(curated_dir: Path):
    if not curated_dir.is_dir():
        raise _user_error(f"no curated tables at {curated_dir} (run `claimtrack run` first, or pass --curated DIR)")
    from claimtrack.store import Curated  # pyarrow, pandas: loaded by the commands that need them

    return Curated(curated_dir)


def _reviewer(name: str | None) -> str:
    if name:
        return name
    if os.environ.get("CLAIMTRACK_REVIEWER"):
        return os.environ["CLAIMTRACK_REVIEWER"]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


# ------------------------------------------------------------------ terminal layout


def wrap_parts(parts: list[tuple[str, bool]], width: int) -> list[list[tuple[str, bool]]]:
    """Greedy word wrap of (text, highlighted) pieces into lines of at most ``width`` characters."""
    words: list[tuple[str, bool, bool]] = []  # word, highlighted, glued to the previous word
    open_end = False  # the text so far ends inside a word
    for text, hl in parts:
        glued = open_end and bool(text) and not text[0].isspace()
        for i, w in enumerate(text.split()):
            words.append((w, hl, glued and i == 0))
        if text.strip():
            open_end = not text[-1].isspace()
        elif text:
            open_end = False
    lines: list[list[tuple[str, bool]]] = [[]]
    used = 0
    for w, hl, glued in words:
        while len(w) > width:  # a word longer than the column: cut it
            if used:
                lines.append([])
                used = 0
            lines[-1].append((w[:width], hl))
            lines.append([])
            w = w[width:]
        sep = "" if glued or not lines[-1] else " "
        if used + len(sep) + len(w) > width and lines[-1]:
            lines.append([])
            used, sep = 0, ""
        if w:
            lines[-1].append((sep + w, hl))
            used += len(sep) + len(w)
    return [ln for ln in lines if ln] or [[]]


def _style_line(line: list[tuple[str, bool]], width: int, color: bool) -> str:
    out, used = [], 0
    for text, hl in line:
        used += len(text)
        if not hl:
            out.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        body = text.lstrip()
        out.append(lead + (click.style(body, fg="yellow", bold=True, reverse=True) if color else body))
    return "".join(out) + " " * max(0, width - used)


def _mark_plain(parts: list[tuple[str, bool]], color: bool) -> list[tuple[str, bool]]:
    """Without colour, a highlight is shown as *asterisks* so it is still visible."""
    if color:
        return parts
    return [(f"*{t.strip()}*" if hl and t.strip() else t, hl) if not (hl and t[:1].isspace())
            else (" *" + t.strip() + "*", hl) for t, hl in parts]


def _side_lines(view_side, role: str, width: int, color: bool) -> list[str]:
    from claimtrack.review import display_segments, display_text  # pandas: see the module docstring

    def day(ts):
        return f"{ts:%d %b %Y}" if ts is not None else "date unknown"

    head = [(role.upper(), False)]
    meta = [(f"{display_text(view_side.source) or 'unknown source'}, {day(view_side.published_at)}", False)]
    title = [(display_text(view_side.title), False)] if view_side.title else []
    body = _mark_plain(display_segments(view_side.parts), color)
    speaker = display_text(view_side.speaker) or "speaker unknown"
    said = [("said by ", False), (speaker, view_side.speaker_differs)]
    said = _mark_plain(said, color)
    lines = []
    for parts in (head, meta, title, body, said):
        if parts:
            lines += [_style_line(ln, width, color) for ln in wrap_parts(parts, width)]
    return lines


def render_view(view, index: int, total: int, width: int, color: bool) -> str:
    """One flag as terminal text: a header, the detail and why it was raised, then both sides next
    to each other (one above the other when the terminal is narrower than 80 columns), then its
    decisions and notes with who made them and when."""
    from claimtrack.review import display_text  # pandas: see the module docstring

    width = max(40, width)
    rule = "─" * width
    head = f"[{index}/{total}] {view.relation.upper()} · {view.kind} · flag {view.flag_id}"
    if view.flagged_at is not None:
        head += f" · flagged {view.flagged_at:%d %b %Y}"
    lines = [rule] + ["".join(click.style(t, bold=True) if color else t for t, _ in ln)
                      for ln in wrap_parts([(head, False)], width)]
    lines += ["".join(t for t, _ in ln) for ln in wrap_parts([(display_text(view.detail), False)], width)]
    lines += ["".join(t for t, _ in ln) for ln in wrap_parts([(view.why, False)], width)]
    lines.append("")
    if width >= 80:
        col = (width - 3) // 2
        left = _side_lines(view.earlier, "earlier", col, color)
        right = _side_lines(view.later, "later", col, color)
        for i in range(max(len(left), len(right))):
            lines.append((left[i] if i < len(left) else " " * col) + " │ " + (right[i] if i < len(right) else ""))
    else:
        lines += _side_lines(view.earlier, "earlier", width, color) + [""] + _side_lines(view.later, "later", width, color)
    for entry in view.history:
        lines += ["".join(t for t, _ in ln) for ln in wrap_parts([(entry.line(), False)], width)]
    lines.append("")
    return "\n".join(line.rstrip() for line in lines)


# ------------------------------------------------------------------ commands


@click.group(invoke_without_command=True)
@curated_option
@reviewer_option
@click.pass_context
def review(ctx: click.Context, curated_dir: Path, reviewer: str | None) -> None:
    """Walk through the open flags, most certain first; confirm, dismiss, skip or note each with one key.

    For scripts: `claimtrack review list` and `claimtrack review decide FLAG_ID --confirm|--dismiss`.
    """
    if ctx.invoked_subcommand is not None:
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise _user_error("`claimtrack review` needs a terminal; in scripts use `claimtrack review list` "
                          "and `claimtrack review decide FLAG_ID --confirm|--dismiss`")
    interactive(_curated(curated_dir), _reviewer(reviewer))


def interactive(curated, reviewer: str) -> None:
    from claimtrack.review import ReviewError, load_views  # pandas: see the module docstring
    from claimtrack.store import StoreError

    views = load_views(curated, "open")
    if not views:
        click.echo("No open flags.")
        return
    color = _color()
    counts = {"confirmed": 0, "dismissed": 0, "skipped": 0, "notes": 0}
    click.echo(f"{len(views)} open flag{'s' if len(views) != 1 else ''}, most certain first. Reviewing as {reviewer}.")
    page = PageRefresher(curated)
    try:
        for i, view in enumerate(views, 1):
            # flags.status is kept current by every decision (and re-derived by each run)
            now = curated.read("flags").set_index("flag_id")["status"].get(view.flag_id, "open")
            if now != "open":  # decided by someone else since the walk began
                click.echo(f"[{i}/{len(views)}] flag {view.flag_id} was {now} meanwhile; next")
                continue
            click.echo(render_view(view, i, len(views), shutil.get_terminal_size((100, 24)).columns, color))
            while True:
                click.echo(KEYS + " > ", nl=False)
                try:
                    key = click.getchar()
                except (EOFError, KeyboardInterrupt):
                    key = "q"
                click.echo(key if key.isprintable() else "")
                key = key.lower()
                if key == "q":
                    raise _Quit
                if key in ("s", " ", "\r", "\n"):
                    counts["skipped"] += 1
                    break
                if key == "?" or key == "h":
                    click.echo(HELP)
                    continue
                try:
                    if key in ("c", "d"):
                        decision = "confirmed" if key == "c" else "dismissed"
                        curated_record(curated, view.flag_id, decision, reviewer, None, page)
                        counts[decision] += 1
                        click.echo(f"flag {view.flag_id}: {decision} (saved)")
                        break
                    if key == "n":
                        try:
                            note = click.prompt("note", default="", show_default=False).strip()
                        except click.exceptions.Abort:  # Ctrl-C or Ctrl-D while typing: no note
                            click.echo("\nnote cancelled")
                            continue
                        if note:
                            curated_record(curated, view.flag_id, None, reviewer, note, page)
                            counts["notes"] += 1
                            click.echo("note saved; now c, d or s")
                        continue
                except (ReviewError, StoreError) as exc:
                    click.echo(f"not saved: {exc}", err=True)
                    continue
                click.echo("unknown key; ? for help")
    except _Quit:
        pass
    finally:
        page.close()  # the page shows every decision before the command returns
    click.echo(", ".join(f"{n} {k}" for k, n in counts.items()) + ". Every decision is saved.")


class _Quit(Exception):
    pass


def curated_record(curated, flag_id, decision, reviewer, note, page: "PageRefresher | None" = None):
    """Record a decision or a note, then rewrite the page beside the tables to show it (at once,
    or through ``page`` while the reviewer reads the next flag)."""
    from claimtrack.review import record_decision  # pandas: see the module docstring
    from claimtrack.review.report import refresh_report

    row = record_decision(curated, flag_id, decision, reviewer, note)
    if page is not None:
        page.request()
    else:
        refresh_report(curated)
    return row


class PageRefresher:
    """Rewrites ``report.html`` in a background thread after each decision of the terminal walk:
    building the page takes a second or more on a large store, and the reviewer should not wait
    for it between two flags. Requests made while a rewrite runs are folded into one more rewrite."""

    def __init__(self, curated):
        self._curated = curated
        self._changed = threading.Condition()
        self._pending = self._closing = False
        self._thread = threading.Thread(target=self._run, name="claimtrack-report", daemon=True)
        self._thread.start()

    def request(self) -> None:
        with self._changed:
            self._pending = True
            self._changed.notify()

    def _run(self) -> None:
        from claimtrack.review.report import refresh_report  # pandas: see the module docstring

        while True:
            with self._changed:
                while not (self._pending or self._closing):
                    self._changed.wait()
                if not self._pending:  # closing, with nothing left to show
                    return
                self._pending = False
            refresh_report(self._curated)  # logs, never raises

    def close(self) -> None:
        """Let the rewrite that shows the latest decision finish, then stop the thread."""
        with self._changed:
            self._closing = True
            self._changed.notify()
        self._thread.join()


@review.command("list")
@curated_option
@click.option("--status", type=click.Choice(["open", "confirmed", "dismissed", "all"]), default="open",
              show_default=True, help="Which flags to list.")
@click.option("--notes/--no-notes", "show_notes", default=None,
              help="Under each flag, its decisions and notes with reviewer and time "
                   "(default: shown for decided flags, i.e. with --status all, confirmed or dismissed).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of text.")
def list_flags(curated_dir: Path, status: str, show_notes: bool | None, as_json: bool) -> None:
    """List flags, most certain first: id, status, relation, confidence, date flagged, detail, and
    a line saying why each was raised."""
    import json

    # pandas: see the module docstring
    from claimtrack.review import decision_histories, display_text, load_flags, open_flags, why_line

    curated = _curated(curated_dir)
    flags = open_flags(load_flags(curated), status)
    histories = decision_histories(curated.read("reviews"))
    for f in flags.to_dict("records"):
        when = f["flagged_at"].strftime("%Y-%m-%dT%H:%M:%SZ") if f["flagged_at"] is not None else ""
        confidence = f.get("confidence")
        confidence = None if confidence is None or confidence != confidence else float(confidence)
        evidence = f.get("evidence") if isinstance(f.get("evidence"), str) else None
        log = histories.get(f["flag_id"], [])
        last = next((d for d in reversed(log) if d.decision), None) if f["status"] != "open" else None
        if as_json:  # json.dumps escapes every control character
            click.echo(json.dumps({k: f.get(k) for k in ("flag_id", "status", "kind", "relation", "new_id",
                                                          "earlier_id", "detail")}
                                  | {"flagged_at": when, "confidence": confidence, "evidence": evidence,
                                     "why": why_line(evidence, confidence),
                                     "reviewer": last.reviewer if last else None,
                                     "decided_at": _iso(last.decided_at) if last else None,
                                     "history": [{"decision": d.decision, "reviewer": d.reviewer, "note": d.note,
                                                  "decided_at": _iso(d.decided_at)} for d in log]},
                                  ensure_ascii=False))
            continue
        sure = f"{confidence:.2f}" if confidence is not None else "  -  "
        click.echo(f"{f['flag_id']}  {f['status']:<9}  {f['relation']:<13}  {sure}  {when[:10]}  "
                   f"{display_text(f['detail'])}")
        click.echo(f"    {why_line(evidence, confidence)}")
        if show_notes or (show_notes is None and f["status"] != "open"):
            for entry in log:
                click.echo(f"    {entry.line()}")
    if flags.empty:
        click.echo(f"no {'' if status == 'all' else status + ' '}flags", err=True)


def _iso(when) -> str | None:
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if when is not None else None


@review.command("decide")
@click.argument("flag_id")
@click.option("--confirm", is_flag=True, help="The flag is right.")
@click.option("--dismiss", is_flag=True, help="A false alarm: it will not come back.")
@click.option("--note", default=None, help="A note kept with the decision.")
@reviewer_option
@curated_option
def decide(flag_id: str, confirm: bool, dismiss: bool, note: str | None, reviewer: str | None,
           curated_dir: Path) -> None:
    """Record a decision on one flag (FLAG_ID or a unique prefix of 6+ characters)."""
    if confirm == dismiss:
        raise click.UsageError("give either --confirm or --dismiss")
    decision = "confirmed" if confirm else "dismissed"
    from claimtrack.review import ReviewError  # pandas: see the module docstring
    from claimtrack.store import StoreError

    curated = _curated(curated_dir)
    who = _reviewer(reviewer)
    try:
        row = curated_record(curated, flag_id, decision, who, note)
    except (ReviewError, StoreError) as exc:
        raise _user_error(str(exc)) from None
    click.echo(f"flag {row['flag_id']}: {decision} by {who}")


@click.command()
@curated_option
@click.option("--output", default="report.html", show_default=True, type=click.Path(path_type=Path),
              help="Where to write the HTML page.")
@click.option("--status", type=click.Choice(["open", "confirmed", "dismissed", "all"]), default="open",
              show_default=True, help="Which flags to show.")
@click.option("--limit", default=200, show_default=True, type=click.IntRange(0),
              help="Show the N most certain flags (0: every one).")
def report(curated_dir: Path, output: Path, status: str, limit: int) -> None:
    """Write a self-contained HTML page of the open flags, most certain first, side by side, with a
    timeline per figure and each flag's decisions and notes."""
    from claimtrack.review.report import write_report  # pandas: see the module docstring

    curated = _curated(curated_dir)
    if output.exists() and output.is_dir():
        raise _user_error(f"{output} is a folder: pass --output FILE.html")
    if not output.parent.is_dir():
        raise _user_error(f"folder {output.parent} does not exist (pass --output FILE.html)")
    try:
        write_report(curated, output, status, limit or None)
    except OSError as exc:
        raise _user_error(f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(f"wrote {output}")
