"""claimtrack: quotes and numeric claims from news, tracked over time.

The core is pure functions from text to typed records (``claimtrack.records``):

>>> from claimtrack.stages.extract import extract_text
>>> quotes, claims = extract_text('"We will win," Smith said.')
"""
__version__ = "0.1.0"
