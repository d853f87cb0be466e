#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Builds the Parapet product (tests skipped) and opens the workbench on a fleet folder
# (default: the bundled example fleet).
# Usage: releng/workbench.sh [FLEET-DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fleet=$(readlink -f "${1:-$root/examples/acme-fleet}")
export JAVA_HOME="${PARAPET_BUILD_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"
./mvnw -B -q -DskipTests verify
product="$root/product/target/products/dev.parapet.product/linux/gtk/x86_64/parapet"
exec "$product/parapet" workbench "$fleet"
