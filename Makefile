# Two commands: `make run` serves the demo county, `make test` runs every test.
# Both set up what they need on a fresh machine.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
# The demo county lives in 2015; pin its "today" inside the campaign so phases and deadlines
# read as they would have then. Override with `make run TODAY=` for the real date.
TODAY ?= 2016-03-15
HOST ?= 127.0.0.1
PORT ?= 8000
# `make test` runs the tests in one process per core (pytest-xdist); TEST_WORKERS=0 runs them in
# this one, as a debugger needs.
TEST_WORKERS ?= auto

.PHONY: run setup test lint check-deploy system-packages messages bench clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

setup: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_plan
	TODAY=$(TODAY) $(PY) manage.py seed_demo

# The web server and, beside it, the worker that runs long exports, imports and the daily
# reminders (manage.py qcluster); the worker stops when the server does.
run: setup
	@echo "Serving on http://$(HOST):$(PORT)/ (campaign date pinned to $(TODAY)), with a worker"
	@TODAY=$(TODAY) $(PY) manage.py qcluster & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  TODAY=$(TODAY) $(PY) manage.py runserver $(HOST):$(PORT)

system-packages:
	@scripts/ensure-system-packages.sh

test: $(STAMP) system-packages
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

check-deploy: $(STAMP)
	DEBUG=False ALLOWED_HOSTS=shuangyong.example.org \
	  SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	  FIELD_KEYS=k1:$$($(PY) -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())') \
	  FIELD_HASH_KEY=$$($(PY) -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())') \
	  $(PY) manage.py check --deploy --fail-level WARNING

messages: $(STAMP)
	$(PY) manage.py makemessages -l zh_Hans --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --no-obsolete
	$(PY) manage.py compilemessages -l zh_Hans --ignore=.venv

# The province-scale benchmark (issue 20: 100 counties, 150,000 cases) and the 300-user load test
# on one and two app servers, on the local PostgreSQL, about 45 min on 2 cores (migrations ~5,
# generation 7–11, measurement ~10, load tests 10 + 7, of which 4 logging in 300 users): drops and recreates shuangyong_bench_county and
# shuangyong_bench_province only; prints the table and writes bench/results/latest.json.
# Options: make bench BENCH_ARGS="--runs 3 --no-load"
bench: $(STAMP)
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
