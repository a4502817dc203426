# Two commands: `make run` serves the demo, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install assets browser migrate demo serve clean screenshots

run: demo ## Install everything, load the demo and serve it on http://127.0.0.1:8000
	$(PY) manage.py runserver 127.0.0.1:8000

test: install browser ## Install what the tests need and run the whole suite
	$(PY) -m pytest

install: $(VENV)/.installed assets

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -U pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e ".[test]"
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

assets: static/build/application.css

static/build/application.css: node_modules/.package-lock.json $(wildcard static/scss/*.scss)
	npm run -s build:css

# The browser tests drive Debian's Chromium (never Playwright's own download). Installed only
# when missing; CI runs as root with no standard input.
CHROMIUM := /usr/bin/chromium
browser: $(CHROMIUM)

$(CHROMIUM):
	$(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive sh -c \
		'apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium'

# Refresh the committed screenshots in docs/screenshots/ (the browser tests save them).
screenshots: install browser
	SCREENSHOT_DIR=docs/screenshots SCREENSHOT_PALETTE=32 $(PY) -m pytest -m browser -q

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

clean:
	rm -rf $(VENV) node_modules static/build staticfiles db.sqlite3
