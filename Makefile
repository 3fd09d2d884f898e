# Two commands set up everything: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.hakam-installed
DEMO_DB := demo/hakam-demo.sqlite
export QT_API := pyside6

.PHONY: run test demo install package translations bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# CPU torch first: camel-tools asks for torch and pip would fetch a multi-GB CUDA build.
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev,data]"
	touch $(STAMP)

install: $(STAMP)

$(DEMO_DB): $(STAMP) $(wildcard resources/samples/*.txt)
	$(PY) -m hakam --db $(DEMO_DB) demo

demo: $(DEMO_DB)

run: $(DEMO_DB)
	$(PY) -m hakam --db $(DEMO_DB) gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m hakam bench store

clean:
	rm -rf $(VENV) demo build dist
