#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Interoperability: every policy blob the Java compiler writes for the example fleet must verify and
# decode in hv-runtime's C reader (the code that runs at boot), with the fleet key the image would carry.
# Usage: releng/interop/java-blobs-in-c-reader.sh PRODUCT_DIR HV_BUILD_DIR
# Prints one line per device and a closing "N passed, N failed".
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
product=${1:?product folder}
hv_build=${2:?hv-runtime build folder (with verify_once)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the example fleet signed with a throw-away PKCS#12 key instead of the HSM it names.
cp -r "$root/examples/acme-fleet" "$work/fleet"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=interop-policy-signing \
	-days 2 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
export INTEROP_PASS=interop-only
openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -name policy \
	-out "$work/fleet/policy.p12" -passout env:INTEROP_PASS
sed -i 's#^\([[:space:]]*policy-signing-key\) .*#\1 pkcs12 "policy.p12" alias "policy"#' "$work/fleet/fleet.parapet"
openssl ec -in "$work/key.pem" -pubout -outform DER 2>/dev/null | tail -c 65 > "$work/pub.bin"

# 9A certificates for every card UID of the fleet (the registry would export them).
mkdir -p "$work/cards"
grep -ho 'card "[0-9A-Fa-f]*"' "$work"/fleet/*.parapet | sed 's/card "\(.*\)"/\1/' | sort -u |
	while read -r uid; do
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=card $uid" \
			-days 2 -keyout /dev/null -out "$work/cards/$uid.pem" 2>/dev/null
	done

SOURCE_DATE_EPOCH=1767225600 "$product/parapet" compile "$work/fleet" --all --out "$work/blobs" \
	--card-certs "$work/cards" --pin-env INTEROP_PASS >/dev/null

passed=0 failed=0
for blob in "$work"/blobs/*.policy.cose; do
	case_dir="$work/case"
	rm -rf "$case_dir" && mkdir -p "$case_dir"
	cp "$blob" "$case_dir/good.cose" && cp "$work/pub.bin" "$case_dir/pub.bin"
	if out=$("$hv_build/verify_once" "$case_dir" 2>&1); then
		passed=$((passed + 1)); echo "ok   $(basename "$blob"): $out"
	else
		failed=$((failed + 1)); echo "FAIL $(basename "$blob"): $out"
	fi
done
echo "java-blobs-in-c-reader: $passed passed, $failed failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
