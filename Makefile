# Two commands set up everything: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.hakam-installed
DEMO_DB := demo/hakam-demo.sqlite
QM := resources/translations/hakam_ar.qm resources/translations/hakam_en.qm

.PHONY: run test demo install translations package bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# CPU torch first: camel-tools asks for torch and pip would fetch a multi-GB CUDA build.
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev,data]"
	touch $(STAMP)

install: $(STAMP)

# Compiled translations are built, never committed.
resources/translations/%.qm: translations/%.ts | $(STAMP)
	mkdir -p $(@D)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# Idempotent: adds the samples that are missing, keeps decisions already made on the demo.
$(DEMO_DB): $(wildcard resources/samples/markup/*.txt) | $(STAMP)
	$(PY) -m hakam --db $(DEMO_DB) demo

demo: $(DEMO_DB)

run: $(DEMO_DB) $(QM)
	$(PY) -m hakam --db $(DEMO_DB) gui

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Update the .ts catalogs from the desk's sources (then translate what is new).
translations: $(STAMP)
	packaging/translations.sh

# PyInstaller one-folder build in dist/hakam, smoke-tested.
package: $(STAMP) $(QM)
	packaging/build.sh

bench: $(STAMP)
	$(PY) -m hakam bench store

clean:
	rm -rf $(VENV) demo build dist resources/translations
