"""The ``nightly`` flow, for Prefect deployments: the stages in DESIGN.md's order.

| stage    | in                                   | out                                     | module                      |
|----------|--------------------------------------|-----------------------------------------|-----------------------------|
| fetch    | feed URLs from claimtrack.toml (opt) | new files under data/raw/<date>/        | claimtrack.stages.fetch     |
| discover | data/raw/                            | raw files not yet ingested (by hash)    | claimtrack.stages.discover  |
| parse    | raw files                            | articles; bad files -> rejected         | claimtrack.stages.parse     |
| extract  | articles, in batches                 | quotes and numeric claims               | claimtrack.stages.extract   |
| match    | new quotes/claims + all earlier ones | matches (flags for a human)             | claimtrack.stages.match     |
| validate | every table about to be written      | Great Expectations results              | claimtrack.stages.validate  |
| publish  | validated tables                     | Parquet under data/curated/, a runs row | claimtrack.stages.publish   |

The flow itself is defined in the package (`claimtrack.run.flow`), so that an installed
``claimtrack`` runs it without this folder; nothing in the package imports this file. From a
checkout, Prefect's own commands find it here::

    prefect deploy flows/nightly.py:nightly          # a deployment for a work pool
    python flows/nightly.py                          # serve it: the same as `claimtrack serve`
"""
from claimtrack.run.flow import nightly

__all__ = ["nightly"]

if __name__ == "__main__":
    nightly.serve(name="claimtrack")
