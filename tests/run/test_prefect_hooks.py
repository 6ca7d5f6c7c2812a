"""The places where claimtrack leans on Prefect beyond its documented API
(`claimtrack.run.prefect_server`): each fails here, loudly, when a Prefect upgrade moves it."""
from __future__ import annotations

import importlib

import pytest

from claimtrack.run import prefect_server


def test_the_temporary_server_command_is_prefects_own(monkeypatch):
    """`server_command` and `SERVER_ENV` copy ``SubprocessASGIServer._run_uvicorn_command``."""
    from prefect.server.api import server as prefect_server_module

    seen = {}

    class Recorder:
        def __init__(self, args, env=None, **kwargs):
            seen["args"], seen["env"] = args, env

    monkeypatch.setattr(prefect_server_module.subprocess, "Popen", Recorder)
    prefect_server_module.SubprocessASGIServer(port=54321)._run_uvicorn_command()
    assert seen["args"] == prefect_server.server_command(54321)
    assert {k: seen["env"][k] for k in prefect_server.SERVER_ENV} == prefect_server.SERVER_ENV


def test_prefect_still_retries_a_taken_port_on_the_exit_code_we_watch():
    import inspect

    from prefect.server.api.server import SubprocessASGIServer

    assert f"poll() == {prefect_server.PORT_TAKEN}" in inspect.getsource(SubprocessASGIServer.start)


def test_every_preloaded_run_module_exists():
    for name in prefect_server.RUN_MODULES:
        importlib.import_module(name)


@pytest.mark.slow
def test_a_server_whose_port_is_taken_starts_on_another(tmp_path, monkeypatch):
    """A port taken between picking it and binding it (uvicorn exits with 3): started again."""
    import socket

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ports = iter([port])
        monkeypatch.setattr(prefect_server, "free_port", lambda: next(ports, None) or _free())
        server = prefect_server.TemporaryServer().start()
        try:
            server.ready(timeout=180)
            assert f":{port}/" not in server.api_url
        finally:
            server.stop()


def _free() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
