#!/usr/bin/env bash
# The offline install (README, "Installing with no internet"): on a connected machine, a folder of
# wheels for sdm-facilitator and its encryption and web extras; then, with no index and no network
# (pip is pointed at a proxy that does not exist, so any download would fail), a fresh virtual
# environment installed from that folder alone, which opens the demo headlessly and starts serve.
set -euo pipefail
cd "$(dirname "$0")/.."
source_tree="$PWD"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wheels="$work/wheels"

# 1. Connected: every wheel needed, the project's own built from this tree.
python -m pip wheel --quiet --wheel-dir "$wheels" "$source_tree[encryption,web]"
echo "offline install: $(find "$wheels" -name '*.whl' | wc -l) wheels in the folder"

# 2. Not connected: nothing but the folder.
python3 -m venv "$work/venv"
export PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1
export HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
"$work/venv/bin/python" -m pip install --quiet --no-index --find-links "$wheels" 'sdm-facilitator[encryption,web]'

# 3. From outside the source tree, so the installed copy is the one that runs.
cd "$work"
"$work/venv/bin/sdm-facilitator" --version
"$work/venv/bin/python" "$source_tree/.ci/open_demo_headless.py" | tee "$work/opened.txt"
grep -q "from $work/venv/" "$work/opened.txt" || { echo "offline install: the demo did not run from the offline venv" >&2; exit 1; }
"$work/venv/bin/python" -c "import cryptography, textual_serve; print('offline install: encryption and web extras import')"
"$work/venv/bin/sdm-facilitator" serve --help >/dev/null
echo "offline install: passed"
