"""The pipeline's stages, in the order a night runs them.

=========  ==========================================  ==========================================
stage      module                                      in -> out
=========  ==========================================  ==========================================
fetch      :mod:`claimtrack.stages.fetch`              feed URLs -> new files under ``data/raw/``
discover   :mod:`claimtrack.stages.discover`           ``data/raw/`` -> raw files not yet ingested
parse      :mod:`claimtrack.stages.parse`              raw files -> ``Article`` records, rejections
extract    :mod:`claimtrack.stages.extract`            articles -> quotes (``quotes/``), claims (``claims/``)
match      :mod:`claimtrack.stages.match`              new + earlier quotes and claims -> matches, flags
validate   :mod:`claimtrack.stages.validate`           tables -> Great Expectations results
publish    :mod:`claimtrack.stages.publish`            validated tables -> Parquet, a ``runs`` row, the report
=========  ==========================================  ==========================================

Each stage is plain Python: records in, records out. The Prefect wiring lives in
:mod:`claimtrack.run.flow` (``flows/nightly.py`` imports it for deployments); the run around it
(the intake, workers, the temporary server) in :mod:`claimtrack.run`.
"""
