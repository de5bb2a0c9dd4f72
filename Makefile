# Everything the project needs is installed by these targets into .venv.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run lint test bench bundle bundle-check clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "vscdesk needs Python 3.11 or newer")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Qt's xcb plugin needs X11 libraries pip cannot install: packaging/xcb_check.py installs the
# missing ones with apt-get (root or sudo) or names the command, before the window starts.
run: $(STAMP)
	$(PY) packaging/xcb_check.py
	$(VENV)/bin/vscdesk $(FILE)

# The contracts the tools check: lint rules, the import layers, types (pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) scripts/mypy_baseline.py

# --durations: the slowest tests are named after every run.
test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q --durations=15

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# The one-folder desktop bundle dist/vscdesk/, frozen from the wheel (docs/packaging.md).
BUNDLE_STAMP := $(VENV)/.bundle-installed

$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	bash packaging/need-tools.sh objdump=binutils strip=binutils
	rm -rf build/bundle build/lib dist/vscdesk
	$(PY) -m pip wheel --quiet --no-deps -w build/bundle/wheel .
	$(PY) -m zipfile -e build/bundle/wheel/vscdesk-*.whl build/bundle/site
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/bundle/work packaging/vscdesk.spec
	du -sh dist/vscdesk

# Validates the desktop files, smoke-tests dist/vscdesk and packaging/install.sh (the wheel is
# tested by make test); installs the validators and Xvfb if missing.
bundle-check: $(BUNDLE_STAMP)
	bash packaging/need-tools.sh desktop-file-validate=desktop-file-utils appstreamcli=appstream Xvfb=xvfb \
		update-mime-database=shared-mime-info
	VSCDESK_BUNDLE_DIR=dist/vscdesk VSCDESK_PACKAGING_STRICT=1 QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -q tests/packaging --ignore=tests/packaging/test_wheel_install.py

clean:
	rm -rf $(VENV) build dist *.egg-info
