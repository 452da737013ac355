# Cordata — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install hooks run migrate demo test lint typecheck format bench messages clean

help:
	@echo "make run     install, migrate, load the demo content and serve on http://$(HOST):$(PORT)/"
	@echo "make test    install and run the whole test suite"
	@echo "make lint    the pre-commit hooks over every file (ruff, ruff-format, django-upgrade, import contracts), bandit, mypy"
	@echo "make format  apply ruff's fixes and formatting;  make hooks  run the pre-commit hooks before each commit"
	@echo "make typecheck  mypy alone (django-stubs; settings cms.settings.test)"
	@echo "make bench   benchmarks (see docs/performance.md)"
	@echo "make messages  update the Italian interface catalogue (cms/locale) and compile it"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# PYTEST_ARGS narrows the run, e.g. PYTEST_ARGS=tests/groups for one app's tests (tests/README.md).
test: install
	$(PY) -m pytest --ds=cms.settings.test $(PYTEST_ARGS)

# The same hooks `make hooks` installs for each commit, over every tracked file.
lint: install
	$(VENV)/bin/pre-commit run --all-files --show-diff-on-failure
	$(VENV)/bin/bandit -c pyproject.toml -r cms search -ll -q
	$(VENV)/bin/mypy

hooks: install
	$(VENV)/bin/pre-commit install

# Files, exclusions and the typed boundary (selectors, services) are set in pyproject.toml.
typecheck: install
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Builds a throwaway corpus, serves it with gunicorn and measures it (docs/performance.md);
# BENCH_ARGS passes options, e.g. BENCH_ARGS="--pages 500 --duration 5". Uses wrk when installed.
bench: install
	$(PY) -m bench.run $(BENCH_ARGS)

# Italian interface catalogue: extract the English source strings into the .po (dropping obsolete
# ones) and compile the .mo, which is committed so a fresh checkout needs no gettext. New entries
# come out untranslated: translate them in the .po and run the target again.
I18N_IGNORE := --ignore=.venv --ignore=bench --ignore=tests --ignore=staticfiles --ignore=media

messages: install
	$(PY) manage.py makemessages -l it --no-obsolete $(I18N_IGNORE)
	$(PY) manage.py compilemessages -l it $(I18N_IGNORE)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache test-artifacts
