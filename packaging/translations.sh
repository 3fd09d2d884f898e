#!/usr/bin/env bash
# Update the catalogs from the desk's sources and compile them for the build.
#   packaging/translations.sh          lupdate translations/*.ts, then lrelease to resources/translations/*.qm
#   packaging/translations.sh --release-only  only compile (the build; leaves the .ts files alone)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV_BIN:-.venv/bin}
SOURCES=(desktop/hakam/desk/*.py)
# Same flags as tests/desk_i18n/test_translations.py; the action table marks its texts with
# ``_T = QT_TRANSLATE_NOOP``, which lupdate only sees through the alias.
FLAGS=(-no-obsolete -locations none -source-language en -tr-function-alias QT_TRANSLATE_NOOP+=_T)
mkdir -p resources/translations
for lang in ar en; do
    ts=translations/hakam_$lang.ts
    if [[ "${1:-}" != "--release-only" ]]; then
        "$BIN/pyside6-lupdate" "${FLAGS[@]}" -target-language "$lang" "${SOURCES[@]}" -ts "$ts"
    fi
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "resources/translations/hakam_$lang.qm"
done
