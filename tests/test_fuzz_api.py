"""API fuzzing: schemathesis sends requests generated from our own /api/schema/.

Every operation of the OpenAPI schema is called in-process through the WSGI app (the whole
middleware stack) with the starting content loaded: valid and invalid query strings and
path parameters. No request may end in a 5xx, and every response must match the schema
(status code, content type, headers and body for documented answers). Then every published
article, tag, exercise, category and routine is fetched through the schema's detail
operations, so the detail schemas are checked against real data, not only 404s.

Bounded: EXAMPLES_PER_OPERATION examples per operation, derandomized (the same cases on
every run), no shrink phase. 100 reach exactly the lines and branches 200 did (coverage.py
with branches, over our apps, Django, DRF, django-filter and drf-spectacular: 54,183 arcs
either way) in half the time; 50 missed some of DRF's content negotiation.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test.utils import modify_settings
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from articles.models import Article, Tag
from exercises.models import Category, Exercise, Routine
from sciatica.wsgi import application

EXAMPLES_PER_OPERATION = 100

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)

# Answers that are not documented in the schema but are right: an unknown slug is a 404,
# a page past the end is a 404, an unknown filter value is a 400 with a reason.
UNDOCUMENTED_BUT_EXPECTED = {400, 404}
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
    response_headers_conformance,
]


@pytest.fixture
def app_in_process(seeded):
    """The Django test client's way of calling the app in the test's own transaction:
    the request signals must not close the connection that holds it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with modify_settings(ALLOWED_HOSTS={"append": ["localhost", "testserver"]}):
            yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# Schemathesis's in-process WSGI transport hands the body over as sent and does not undo a
# Content-Encoding (an HTTP client would): ask for the plain body. The compressed answers
# are checked byte for byte against the plain ones in tests/security/test_compression.py.
PLAIN = {"Accept-Encoding": "identity"}


def _validate(case, response):
    case.validate_response(response, checks=CHECKS)
    if response.status_code not in UNDOCUMENTED_BUT_EXPECTED:
        case.validate_response(response, checks=[status_code_conformance])


@schema.parametrize()
@hypothesis_settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_never_fails_and_matches_its_schema(app_in_process, case):
    response = case.call(headers=PLAIN)
    _validate(case, response)


DETAIL_OPERATIONS = {
    "/api/articles/{slug}/": lambda: Article.objects.published(),
    "/api/tags/{slug}/": lambda: Tag.objects.filter(articles__in=Article.objects.published()),
    "/api/exercises/{slug}/": lambda: Exercise.objects.published(),
    "/api/categories/{slug}/": lambda: Category.objects.filter(
        exercises__in=Exercise.objects.published()
    ),
    "/api/routines/{slug}/": lambda: Routine.objects.published(),
}


def test_every_detail_operation_is_checked_with_real_content():
    details = {path for path in schema.raw_schema["paths"] if "{slug}" in path}
    assert details == set(DETAIL_OPERATIONS)


@pytest.mark.parametrize("path", sorted(DETAIL_OPERATIONS))
def test_published_content_matches_the_detail_schemas(app_in_process, path):
    operation = schema[path]["GET"]
    slugs = sorted(set(DETAIL_OPERATIONS[path]().values_list("slug", flat=True)))
    assert slugs, f"the starting content has nothing for {path}"
    for slug in slugs:
        case = operation.Case(path_parameters={"slug": slug})
        response = case.call(headers=PLAIN)
        assert response.status_code == 200, (slug, response.text[:300])
        case.validate_response(response, checks=[*CHECKS, status_code_conformance])
