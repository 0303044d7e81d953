"""/healthz for load balancers: a database round-trip, never cached, not in the sitemap."""

from unittest import mock

from django.db import OperationalError, connection

from sciatica import health


def test_healthy_answers_200_after_a_database_round_trip(client, db, django_assert_num_queries):
    with django_assert_num_queries(1) as queries:
        response = client.get("/healthz")
    assert "SELECT 1" in queries.captured_queries[0]["sql"]
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_head_works_for_probes(client, db):
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""


class BrokenCursor:
    def __enter__(self):
        raise OperationalError('connection to server at "db.internal" failed: refused')

    def __exit__(self, *exc):
        return False


def test_database_down_answers_503_with_a_reason(client, db, caplog):
    with mock.patch.object(connection, "cursor", BrokenCursor):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "reason": "database unavailable (OperationalError)",
    }
    assert "no-store" in response["Cache-Control"]
    # The details stay in the log, not in the public answer.
    assert "db.internal" not in response.content.decode()
    assert any("db.internal" in r.getMessage() for r in caplog.records if r.name == health.__name__)


def test_a_wrong_answer_from_the_database_is_a_503(client, db):
    class OddCursor:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def execute(self, sql):
            pass

        def fetchone(self):
            return None

    with mock.patch.object(connection, "cursor", OddCursor):
        assert client.get("/healthz").status_code == 503


def test_only_safe_methods(client, db):
    response = client.post("/healthz")
    assert response.status_code == 405
    assert "GET" in response["Allow"]


def test_not_redirected_to_https_so_plain_http_probes_work(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_not_in_the_sitemap(client, db):
    assert "healthz" not in client.get("/sitemap.xml").content.decode()
