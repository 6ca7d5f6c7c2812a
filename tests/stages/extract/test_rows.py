"""`claimtrack extract` writes each quote and claim as the tables hold it: the record's fields, in order."""
import json

import pytest

from claimtrack.records import as_row
from claimtrack.stages.extract import extract_lines, extract_text

TEXT = ('"We will reopen the bridge by May," the mayor, Ines Ruiz, said. '
        "About 12,000 cars cross it each day.")


# 2**70: an id orjson cannot write, so the line goes through the json fallback; it must not differ
@pytest.mark.parametrize("doc_id", ["doc-1", 2**70])
def test_extract_rows_are_the_records_fields_in_field_order(doc_id):
    quotes, claims = extract_text(TEXT, str(doc_id))
    assert quotes and claims
    [line] = extract_lines([(doc_id, TEXT)], jobs=1)
    row = json.loads(line)
    for written, record in zip(row["quotes"] + row["claims"], quotes + claims, strict=True):
        assert list(written.items()) == list(as_row(record).items())
