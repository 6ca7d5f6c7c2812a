"""bench/audit_flags.py on a real night: the DW sample and later reports, through the real flow."""
from __future__ import annotations

import doctest
import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "audit_flags.py"
spec = importlib.util.spec_from_file_location("audit_flags", BENCH)
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def test_the_sheet_shows_both_sides_in_context_and_scores_a_judged_sheet(sample_raw, tmp_path, capsys):
    raw, curated = sample_raw
    (raw / "later.json").write_text(json.dumps({
        "text": 'Meeting Putin in Sochi, Erdogan said that "the entire world has eyes focused on our meeting '
                'tomorrow." Officials gave no details.', "date": "2018-09-20T08:00:00Z",
        "source": "Example Wire", "title": "Leaders meet"}))
    from claimtrack.run.flow import nightly

    nightly(raw_dir=str(raw), curated_dir=str(curated))
    out = tmp_path / "sheet"
    audit.main(["--curated", str(curated), "--out", str(out), "--n", "5", "--links", "3", "--seed", "1"])
    printed = capsys.readouterr().out
    assert "flags per 1,000 articles: contradiction" in printed and "altered 500.0" in printed  # 1 in 2 articles
    items = [json.loads(line) for line in (tmp_path / "sheet.jsonl").read_text().splitlines()]
    [altered] = [i for i in items if i["kind"] == "altered"]
    assert altered["earlier"]["title"] and altered["new"]["title"] == "Leaders meet"
    assert "[[the entire world has eyes focused on our meeting tomorrow.]]" in altered["new"]["context"]
    assert altered["new"]["context"].endswith("Officials gave no details.")  # the next sentence too
    assert altered["new"]["row"]["speaker_via"] and altered["confidence"] > 0 and "tomorrow" in altered["evidence"]
    sheet = (tmp_path / "sheet.md").read_text()
    assert sheet.count("VERDICT:") == len(items) and sheet.count("### EARLIER") == len(items)
    # a reviewer fills the sheet in; --score reads it back
    judged = sheet.replace("VERDICT:", "VERDICT: TRUE", 1)
    (tmp_path / "judged.md").write_text(judged)
    audit.main(["--score", str(tmp_path / "judged.md")])
    assert "1/1 = 1.00" in capsys.readouterr().out


def test_docstring_examples():
    assert doctest.testmod(audit).failed == 0
