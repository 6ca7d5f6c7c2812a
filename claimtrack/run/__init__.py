"""The run around the stages: the run record and stage calls (``pipeline``), Prefect's temporary
server (``prefect_server``), the validation worker and the progress lines."""
