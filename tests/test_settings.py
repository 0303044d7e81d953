"""Settings read from the environment fail loudly on bad values."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from sciatica.env import env_bool, env_int, env_list, env_phone
from tests.helpers import run_python


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("yes", True), ("off", False), ("0", False)]
)
def test_env_bool_understands_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG", default=not expected) is expected


def test_env_bool_refuses_a_typo(monkeypatch):
    monkeypatch.setenv("X_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG='ture' is not a boolean"):
        env_bool("X_FLAG", default=False)


def test_env_int_refuses_words_and_negatives(monkeypatch):
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("X_NUM", 1)
    monkeypatch.setenv("X_NUM", "-5")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env_int("X_NUM", 1)


def test_env_list_splits_and_trims(monkeypatch):
    monkeypatch.setenv("X_LIST", " a.example , b.example,,")
    assert env_list("X_LIST", []) == ["a.example", "b.example"]
    monkeypatch.delenv("X_LIST")
    assert env_list("X_LIST", ["default"]) == ["default"]


@pytest.mark.parametrize("raw", ["999", " 911 ", "+1 555-0100", "112"])
def test_env_phone_accepts_numbers_as_people_write_them(monkeypatch, raw):
    monkeypatch.setenv("X_PHONE", raw)
    assert env_phone("X_PHONE", "999") == raw.strip()


@pytest.mark.parametrize("raw", ["nine-nine-nine", "9", "999;", "tel:999", "++44 1", ""])
def test_env_phone_refuses_what_is_not_a_number(monkeypatch, raw):
    monkeypatch.setenv("X_PHONE", raw)
    with pytest.raises(ImproperlyConfigured, match=r"X_PHONE=.* is not a telephone number"):
        env_phone("X_PHONE", "999")


def test_an_optional_number_may_be_empty(monkeypatch):
    monkeypatch.setenv("X_PHONE", "")
    assert env_phone("X_PHONE", "111", required=False) == ""
    monkeypatch.delenv("X_PHONE")
    assert env_phone("X_PHONE", "111", required=False) == "111"


def _run_check(**env):
    return run_python("manage.py", "check", timeout=60, **env)


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_check(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run_check(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must list" in result.stderr


def test_production_starts_when_configured():
    result = _run_check(
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY="k" * 50, DJANGO_ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_bad_debug_value_stops_the_app():
    result = _run_check(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG='maybe' is not a boolean" in result.stderr


def test_a_mistyped_emergency_number_stops_the_app():
    result = _run_check(DJANGO_EMERGENCY_PHONE="99 nine")
    assert result.returncode != 0
    assert "DJANGO_EMERGENCY_PHONE='99 nine' is not a telephone number" in result.stderr


def _cache_backend(**env) -> dict:
    code = "import json; from django.conf import settings; print(json.dumps(settings.CACHES))"
    completed = run_python("-c", code, **env)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)["default"]


def test_the_response_cache_is_each_processs_memory_unless_redis_url_is_set():
    """REDIS_URL shares one Redis between app servers; without it each process keeps its
    own (correct either way: the key is the content version read from the database)."""
    assert _cache_backend(REDIS_URL="")["BACKEND"].endswith("LocMemCache")
    redis = _cache_backend(REDIS_URL="redis://cache.internal:6379/0")
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["LOCATION"] == "redis://cache.internal:6379/0"
