"""The run around the stages: the ``nightly`` flow (``flow``), the intake and quick check
(``intake``), the stage calls (``pipeline``), the run record, its tables and summary, the
validation worker, the progress lines, every Prefect hook (``prefect_server``), the long-lived
server (``server_process``) and ``claimtrack serve``'s runner (``serving``)."""
