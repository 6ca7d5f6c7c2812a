"""`claimtrack extract` writes each quote and claim as the tables hold it: the record's fields, in order."""
from claimtrack.records import as_row
from claimtrack.stages.extract import _row, extract_text


def test_extract_rows_are_the_records_fields_in_field_order():
    quotes, claims = extract_text('"We will reopen the bridge by May," the mayor, Ines Ruiz, said. '
                                  "About 12,000 cars cross it each day.", "doc-1")
    assert quotes and claims
    for record in quotes + claims:
        assert list(_row(record).items()) == list(as_row(record).items())
