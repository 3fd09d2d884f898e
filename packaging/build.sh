#!/usr/bin/env bash
# Build Hakam as one folder (dist/hakam) with PyInstaller, then smoke-test the binary:
# --version, a demo database built by the binary itself, and an offscreen screenshot
# of the desk on it. HAKAM_WITH_TORCH=1 keeps torch/transformers in the bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV_BIN:-.venv/bin}
SHOT=${HAKAM_SMOKE_SCREENSHOT:-build/smoke/desk.png}

"$BIN/python" -m pip install --quiet "pyinstaller>=6.5"
packaging/translations.sh --release-only
"$BIN/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/hakam.spec

echo "== smoke test: dist/hakam"
app=dist/hakam/hakam
"$app" --version
if [[ "${HAKAM_WITH_TORCH:-0}" != 1 ]] && find dist/hakam -maxdepth 3 -type d \( -name torch -o -name transformers \) | grep -q .; then
    echo "torch or transformers found in the bundle" >&2
    exit 1
fi
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
export HAKAM_CONFIG="$smoke/config" HAKAM_DB="$smoke/demo.sqlite"  # keep the user's files out of it
"$app" --db "$smoke/demo.sqlite" demo
"$app" --db "$smoke/demo.sqlite" stats
mkdir -p "$(dirname "$SHOT")"
QT_QPA_PLATFORM=offscreen "$app" --db "$smoke/demo.sqlite" --annotator smoke gui --screenshot "$SHOT"
size=$(stat -c %s "$SHOT")
if (( size < 10000 )); then
    echo "the screenshot $SHOT is suspiciously small ($size bytes)" >&2
    exit 1
fi
echo "== ok: $(du -sh dist/hakam | cut -f1) in dist/hakam; screenshot $SHOT ($size bytes)"
