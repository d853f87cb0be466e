#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Builds Parapet and runs the whole test suite: the Java reactor (unit, integration and UI tests,
# the latter under Xvfb) and hv-runtime (build, host unit tests, QEMU end-to-end tests).
# Usage: releng/test-all.sh            (from a fresh clone; installs missing Debian packages)
set -euo pipefail
cd "$(dirname "$0")/.."

releng/install-packages.sh

export JAVA_HOME="${PARAPET_BUILD_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
status=0

echo "== Java: build and test (Tycho)"
xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw -B verify || status=1

if [[ -f hv-runtime/Makefile ]]; then
	echo "== hv-runtime: build"
	make -C hv-runtime || status=1
	echo "== hv-runtime: host unit tests"
	make -C hv-runtime check || status=1
	echo "== hv-runtime: QEMU end-to-end tests"
	make -C hv-runtime e2e || status=1
	echo "== interop: policy blobs of the Java compiler in hv-runtime's C reader"
	product=product/target/products/dev.parapet.product/linux/gtk/x86_64/parapet
	if make -C hv-runtime build/verify_once && [[ -x $product/parapet ]]; then
		releng/interop/java-blobs-in-c-reader.sh "$product" hv-runtime/build || status=1
	else
		echo "interop: product or hv-runtime host build missing: 0 passed, 1 failed"
		status=1
	fi
fi

if ((status != 0)); then
	echo "test-all: FAILED"
else
	echo "test-all: all suites passed"
fi
exit $status
