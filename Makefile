# Two commands: `make run` serves the demo, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint test-sqlite test-postgres install assets browser postgres-server migrate demo serve load clean screenshots

# The background worker (large imports) runs beside the server and stops with it. The demo runs with
# DEBUG off, as the product does (its own not-found and error pages); `make run DEBUG=true` for Django's.
DEBUG ?= false
run: demo ## Install everything, load the demo and serve it on http://127.0.0.1:8000 (with the background worker)
	DEBUG=$(DEBUG) $(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=$(DEBUG) $(PY) manage.py runserver 127.0.0.1:8000

test: lint test-sqlite test-postgres ## Install what the tests need, lint, and run the whole suite on SQLite, then on PostgreSQL

lint: install ## ruff (lint, then format check) over the Python, djLint over the templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

# The database tests run on two processes (pytest-xdist; one test database each); the browser tests
# run on one, against the live server they start.
PYTEST_WORKERS ?= 2
test-sqlite: install browser ## The whole suite on SQLite (browser tests included)
	env -u DATABASE_URL $(PY) -m pytest -m "not browser" -n $(PYTEST_WORKERS)
	env -u DATABASE_URL $(PY) -m pytest -m browser

test-postgres: install postgres-server ## The tests that touch the database again, on a throwaway PostgreSQL 15 server started and stopped here (browser tests run once, on SQLite)
	scripts/with-postgres $(PY) -m pytest -m "not browser" -n $(PYTEST_WORKERS)

# Production-like: gunicorn, DJANGO_ENV=production, static files collected and served by whitenoise.
# SECRET_KEY must be set; HOST, PORT and WEB_CONCURRENCY (workers) may be.
HOST ?= 127.0.0.1
PORT ?= 8000
serve: install ## Serve with gunicorn under DJANGO_ENV=production (needs SECRET_KEY; see README "Deployment")
	DJANGO_ENV=production $(PY) manage.py collectstatic --no-input -v0
	DJANGO_ENV=production $(PY) manage.py migrate --no-input
	DJANGO_ENV=production $(PY) manage.py createcachetable
	DJANGO_ENV=production $(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_ENV=production $(BIN)/gunicorn -c improvement/gunicorn.conf.py --bind $(HOST):$(PORT) improvement.wsgi

load: install postgres-server ## 50 simulated users for 60 s against gunicorn and a throwaway PostgreSQL; prints the figures
	scripts/with-postgres $(PY) scripts/load_test.py

install: $(VENV)/.installed assets

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -U pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e ".[test]"
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

assets: static/build/application.css static/build/accessible-autocomplete.min.js

static/build/application.css: node_modules/.package-lock.json $(wildcard static/scss/*.scss)
	npm run -s build:css

static/build/accessible-autocomplete.min.js: node_modules/.package-lock.json
	npm run -s build:js

# The browser tests drive Debian's Chromium (never Playwright's own download). Installed only
# when missing; CI runs as root with no standard input.
CHROMIUM := /usr/bin/chromium
browser: $(CHROMIUM)

$(CHROMIUM):
	$(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive sh -c \
		'apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium'

# PostgreSQL 15's server for test-postgres and load (a throwaway cluster each run: scripts/with-postgres).
# Installed only when missing, like Chromium; Debian's package also creates the `postgres` user
# the server runs as. The cluster apt may set up as a service is not used.
PG_BIN ?= /usr/lib/postgresql/15/bin
export PG_BIN
postgres-server: $(PG_BIN)/initdb

$(PG_BIN)/initdb:
	$(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive sh -c \
		'apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql-15'

# Refresh the committed screenshots in docs/screenshots/ (the browser tests save them).
screenshots: install browser
	SCREENSHOT_DIR=docs/screenshots SCREENSHOT_PALETTE=32 $(PY) -m pytest -m browser -q

migrate: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable

demo: migrate
	$(PY) manage.py load_demo

clean:
	rm -rf $(VENV) node_modules static/build staticfiles db.sqlite3
