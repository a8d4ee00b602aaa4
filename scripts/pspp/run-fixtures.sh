#!/usr/bin/env bash
# Regenerates the PSPP fixtures the statistics tests compare against:
#   test/fixtures/pspp/survey-sample.csv  (deterministic data, from make-fixture-data.ts)
#   test/fixtures/pspp/<name>.csv          (PSPP's output of <name>.sps, CSV, ten decimals)
# The outputs are committed, so the unit tests never need PSPP; rerun this after changing
# the data generator or a .sps file and commit the new outputs together with the change.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/test/fixtures/pspp"
command -v pspp >/dev/null || { echo "pspp not found: apt-get install pspp" >&2; exit 1; }
(cd "$root" && npx tsx scripts/pspp/make-fixture-data.ts)
cd "$dir"
for sps in frequencies crosstabs correlations spearman weighted size-class; do
  pspp -O format=csv -o "$sps.out.csv" "$sps.sps" >/dev/null
  if grep -q "error:" "$sps.out.csv"; then echo "PSPP reported an error in $sps.sps" >&2; exit 1; fi
  echo "wrote $dir/$sps.out.csv"
done
