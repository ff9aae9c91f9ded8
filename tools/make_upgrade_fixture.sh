#!/usr/bin/env bash
# Make the upgrade test's fixture from a release: its demo database (SQLite, gzipped) and the
# figures it printed. Run at each release and point ops/tests/test_upgrade.py's RELEASE at it:
#   bash tools/make_upgrade_fixture.sh 53d9068
set -euo pipefail
cd "$(dirname "$0")/.."
RELEASE=${1:?usage: make_upgrade_fixture.sh COMMIT}
OUT=src/tuyengiao/ops/tests/upgrade
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
git archive "$RELEASE" | tar -x -C "$WORK"
export PYTHONPATH=$WORK/src DEBUG=true TUYENGIAO_VAR_DIR=$WORK/var DJANGO_SETTINGS_MODULE=tuyengiao.settings
unset DATABASE_URL
mkdir -p "$WORK/var"
run() { .venv/bin/python -m tuyengiao.manage "$@"; }
.venv/bin/python -m tuyengiao.core.i18n >/dev/null
run migrate --noinput -v0
run demo --quiet
run rollup --form HT-NQ --unit QU-Q1 --period 2022 --json >"$WORK/rollup.json"
run report data --unit QU-Q1 --year 2022 --json >"$WORK/report.json"
mkdir -p "$OUT"
gzip -9 -c "$WORK/var/tuyengiao.sqlite3" >"$OUT/release-$RELEASE.sqlite3.gz"
.venv/bin/python - "$WORK" "$RELEASE" "$OUT/release-$RELEASE.figures.json" <<'PY'
import json, sys
work, release, out = sys.argv[1:]
rollup = json.load(open(f"{work}/rollup.json"))
report = json.load(open(f"{work}/report.json"))
data = {
    "release": release,
    "rollup HT-NQ QU-Q1 2022": rollup,
    "report figures QU-Q1 2022": {f["id"]: f["value"] for f in report["figures"]},
}
json.dump(data, open(out, "w"), ensure_ascii=False, indent=1, sort_keys=True)
PY
ls -l "$OUT"
