"""Structured logs: one JSON line per event on stdout, each with the request's id."""

import contextvars
import io
import json
import logging
import sys
from unittest import mock

import pytest
from django.db import OperationalError, connection

from sciatica.middleware.request_log import JsonLineFormatter, RequestIdFilter, current_request_id
from tests.helpers import run_python


@pytest.fixture
def log_lines():
    """The lines our stdout handler would write, captured from the root logger."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonLineFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def test_every_response_has_a_request_id(client, db):
    first, second = client.get("/"), client.get("/static/does-not-exist.css")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_sane_incoming_request_id_is_kept(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a9c21.0001")
    assert response["X-Request-ID"] == "lb-7f3a9c21.0001"


@pytest.mark.parametrize(
    "incoming",
    ["short", "a" * 200, "has spaces in it", 'quote"injection', "new\nline-123456", "<script>"],
)
def test_an_odd_incoming_request_id_is_replaced(client, db, incoming):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_one_line_per_request_with_method_path_status_duration_and_id(client, db, log_lines):
    response = client.get("/articles/?page=1", HTTP_X_REQUEST_ID="req-0123456789")
    (line,) = [entry for entry in log_lines() if entry["logger"] == "sciatica.request"]
    assert line["request_id"] == response["X-Request-ID"] == "req-0123456789"
    assert line["method"] == "GET"
    assert line["path"] == "/articles/"  # no query string: it may hold what a reader typed
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert line["message"].startswith("GET /articles/ 200 ")
    assert line["level"] == "INFO"
    assert "time" in line


def test_every_line_of_a_request_carries_its_id(client, db, log_lines):
    class Broken:
        def __enter__(self):
            raise OperationalError("server closed the connection unexpectedly")

        def __exit__(self, *exc):
            return False

    with mock.patch.object(connection, "cursor", Broken):
        response = client.get("/healthz")
    lines = log_lines()
    # The health check's error, the request line, then Django's 5xx line: one id on all.
    loggers = [line["logger"] for line in lines]
    assert loggers == ["sciatica.health", "sciatica.request", "django.request"]
    assert {line["request_id"] for line in lines} == {response["X-Request-ID"]}
    assert lines[0]["level"] == "ERROR"


def test_the_id_is_forgotten_when_the_request_is_over(client, db):
    client.get("/healthz")
    assert current_request_id() == "-"


def test_a_traceback_stays_on_one_line():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    # Outside any request (a fresh context): the id is "-".
    contextvars.Context().run(RequestIdFilter().filter, record)
    output = JsonLineFormatter().format(record)
    assert "\n" not in output
    data = json.loads(output)
    assert data["request_id"] == "-"
    assert "ValueError: boom" in data["exception"]


def test_logs_go_to_stdout_as_json_lines():
    """In a real process (as under gunicorn): stdout gets one JSON object per line."""
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "Client(HTTP_HOST='localhost').get('/robots.txt', HTTP_X_REQUEST_ID='probe-12345678')\n"
    )
    result = run_python("-c", script, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    request_lines = [line for line in lines if line["logger"] == "sciatica.request"]
    assert len(request_lines) == 1
    assert request_lines[0]["request_id"] == "probe-12345678"
    assert request_lines[0]["path"] == "/robots.txt"
    assert "sciatica.request" not in result.stderr
