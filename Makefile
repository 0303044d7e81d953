# Two commands do everything: `make run` (set up + serve on SQLite) and `make test`
# (set up + the whole suite: Python, JavaScript and browser tests). See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium
NODE ?= node
# gunicorn for `make serve`: 2 workers per core, 4 threads each (gthread keeps connections alive).
WORKERS ?= $(shell echo $$((2 * $$(nproc))))
THREADS ?= 4
# Python keeps the bytecode it compiles, in .venv/pycache (outside the source tree), even where
# the environment says not to write it (PYTHONDONTWRITEBYTECODE, set on this machine). Without
# it every Python process (each test worker, each subprocess a test starts, each manage.py
# call) compiles Django and every package again from source: about 1 s of CPU each.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/$(VENV)/pycache
# A secret for local production-mode runs only: generated once, kept inside .venv (never committed).
LOCAL_SECRET := $(VENV)/local-secret-key

.PHONY: run setup install install-dev chromium nodejs migrate content static test lint fmt check \
	pytest jstest clean serve bench test-postgres lock upgrade messages \
	restore-drill

run: setup ## Set up everything and serve on http://127.0.0.1:8000/
	$(MANAGE) runserver $(HOST):$(PORT)

setup: install migrate content static

# Stamp files make a second `make run` skip what is already done.
# uv installs the pinned requirements into the virtualenv (about 10 times faster than pip
# here: 13 s instead of 2 to 3 minutes); its version is the one pinned in requirements-dev.txt.
UV_VERSION := $(shell sed -n 's/^uv==//p' requirements-dev.txt)
UV_INSTALL = $(BIN)/uv pip install --quiet --python $(BIN)/python

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(BIN)/uv: | $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.requirements: requirements.txt | $(BIN)/uv
	$(UV_INSTALL) -r requirements.txt
	touch $@

$(VENV)/.requirements-dev: requirements-dev.txt requirements.txt | $(BIN)/uv
	$(UV_INSTALL) -r requirements.txt -r requirements-dev.txt
	touch $@ $(VENV)/.requirements

install: $(VENV)/.requirements

install-dev: $(VENV)/.requirements-dev

chromium: ## Debian's Chromium for the browser tests (Playwright cannot download one here)
	@test -x $(CHROMIUM) || { \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@test -x $(CHROMIUM) || { echo "$(CHROMIUM) is still missing: browser tests cannot run."; exit 1; }

nodejs: ## Node.js for the JavaScript tests (its built-in test runner; no npm packages)
	@command -v $(NODE) >/dev/null || { \
		echo "Installing Debian's nodejs for the JavaScript tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs; }
	@command -v $(NODE) >/dev/null || { echo "$(NODE) is still missing: JavaScript tests cannot run."; exit 1; }

# The translatable strings of Python files and templates into locale/<lang>/LC_MESSAGES/django.po
# (the scripts' words are gettext calls in sciatica/js_catalog.py, so no djangojs domain).
# `make messages MESSAGES_LANG=de` for another language; see locale/README.md.
MESSAGES_LANG ?= en_GB
messages: install-dev ## Extract the translatable strings (Debian's gettext, installed if missing)
	@command -v xgettext >/dev/null || { \
		echo "Installing Debian's gettext for makemessages..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }
	$(MANAGE) makemessages --locale $(MESSAGES_LANG) --no-obsolete \
		--ignore 'staticfiles/*' --ignore 'media/*' --ignore 'tests/*' --ignore 'scripts/*'

# Checks run in `make check`, after the content is loaded (the help article check needs it).
migrate: install
	$(MANAGE) migrate --noinput --skip-checks

content: migrate
	$(MANAGE) load_content

# Collected (hashed, compressed) again only when a static file or a package changed.
STATIC_MANIFEST := staticfiles/staticfiles.json
STATIC_SOURCES := $(shell find static -type f)

$(STATIC_MANIFEST): $(STATIC_SOURCES) $(VENV)/.requirements
	$(MANAGE) collectstatic --noinput --verbosity 0
	touch $@

static: install $(STATIC_MANIFEST)

test: install-dev chromium nodejs lint check jstest static pytest ## Set up and run the whole suite

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

# Exact pins with "# via" notes, compiled from the ranges in requirements*.in by uv.
# `make lock` keeps every current pin the ranges still allow (run it after editing a .in
# file); `make upgrade` moves every pin to the newest release the ranges allow.
UV_COMPILE = $(BIN)/uv pip compile --quiet --python-version 3.11 --custom-compile-command "make lock"

lock: install-dev
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements-dev.in -o requirements-dev.txt

upgrade: install-dev
	$(UV_COMPILE) --upgrade requirements.in -o requirements.txt
	$(UV_COMPILE) --upgrade requirements-dev.in -o requirements-dev.txt

fmt: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# After the content is loaded: --database runs the checks that need it (the help article).
check: install-dev content
	$(MANAGE) check --database default
	$(MANAGE) makemigrations --check --dry-run

# pytest-xdist: one worker more than there are cores (each with its own test database, live
# server and Chromium): a browser test leaves its CPU idle while a page loads or the worker
# saves the site, and the extra worker fills it (CI: 55 of 690 CPU-seconds idle with one per
# core, 17 with one more). `make pytest PYTEST_WORKERS=0` runs in one process. It collects the
# static files first when any changed (the browser tests load the hashed files).
PYTEST_WORKERS ?= $(shell echo $$(($$(nproc) + 1)))

# worksteal: a worker that runs out takes queued tests from the other, so the last long
# browser tests do not leave a CPU idle.
pytest: install-dev static
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal

# The pure modules of static/js (timer clock, search, suitability, cues, session records).
jstest: nodejs
	$(NODE) --test --test-reporter=dot tests/js/*.test.mjs

# The tests that use the database, again on PostgreSQL. The browser tests run once, in
# `make test`: they drive the same views and queries as the tests run here (README "Tests").
test-postgres: install-dev static ## The database tests (not the browser tests) on PostgreSQL
	scripts/test-postgres.sh -n $(PYTEST_WORKERS) -m "database and not browser"

# Back up, restore into a fresh database, compare every page, row and revision (README
# "Backups"); on SQLite here, on PostgreSQL within `make test-postgres`.
restore-drill: install-dev static ## The restore drill alone, on SQLite
	$(BIN)/pytest tests/test_restore_drill.py

$(LOCAL_SECRET): | $(BIN)/python
	umask 077 && $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# The production configuration on plain HTTP: no TLS locally, so no HTTPS redirect, secure
# cookies or HSTS (a TLS proxy in front turns them on: README "Deploy").
serve: setup $(LOCAL_SECRET) ## gunicorn, debug off, whitenoise, on http://127.0.0.1:8000/
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$(cat $(LOCAL_SECRET))" \
	DJANGO_ALLOWED_HOSTS=$(HOST),localhost \
	DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0 \
	exec $(BIN)/gunicorn sciatica.wsgi --bind $(HOST):$(PORT) \
		--workers $(WORKERS) --worker-class gthread --threads $(THREADS)

bench: install static ## Load test of the production configuration (wrk, 127.0.0.1 only)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
