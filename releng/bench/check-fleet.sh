#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Benchmark of `parapet check` on a synthetic fleet (run on demand, never in the test suite).
# Target: 10,000 devices in 100 files checked in <= 10 s wall time, JVM start included, on 2 cores.
# Usage: releng/bench/check-fleet.sh PATH/TO/parapet [DEVICES=10000] [FILES=100]
set -euo pipefail
parapet="${1:?usage: $0 PATH/TO/parapet [DEVICES] [FILES]}"
devices="${2:-10000}"
files="${3:-100}"
fleet="$(mktemp -d)/fleet"
trap 'rm -rf "$(dirname "$fleet")"' EXIT
python3 "$(dirname "$0")/generate-fleet.py" "$fleet" "$devices" "$files"
start=$(date +%s.%N)
"$parapet" check "$fleet" >/dev/null
end=$(date +%s.%N)
printf 'parapet check: %d devices in %d files: %.2f s\n' "$devices" "$files" "$(echo "$end - $start" | bc)"
