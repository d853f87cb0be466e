#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Prepares a bakeable copy of a fleet (by default examples/acme-fleet) for tests and benchmarks:
#   prepare-fleet.sh SRC OUT [EXTRA_DEVICES]
# OUT/fleet    the fleet with its two key references pointing at PKCS#12 files in OUT/keys
# OUT/keys     policy.p12 (P-256, alias "policy"), sb.p12 (RSA-2048, alias "sb") + PEM certificates;
#              passphrase: $PARAPET_BENCH_PIN (default "bench-pin")
# OUT/cards/9a/UID.pem and OUT/cards/9d/UID.pem (+ .key) for every card of the fleet's holders (P-256,
#              self-signed): what --card-certs and --card-keys read
# EXTRA_DEVICES > 0 adds devices bench-0001.. (office laptops) in OUT/fleet/devices/bench.parapet.
# Test keys only: generated per run, never committed.
set -eu
src=$1
out=$2
extra=${3:-0}
PARAPET_BENCH_PIN=${PARAPET_BENCH_PIN:-bench-pin}
export PARAPET_BENCH_PIN
rm -rf "$out"
mkdir -p "$out/keys" "$out/cards/9a" "$out/cards/9d" "$out/fleet"
cp -R "$src"/. "$out/fleet"
k=$out/keys
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$k/policy.key" -out "$k/policy.pem" \
	-days 3650 -subj "/O=ACME Corporation/CN=ACME policy signing (test)" 2>/dev/null
openssl pkcs12 -export -inkey "$k/policy.key" -in "$k/policy.pem" -name policy -passout env:PARAPET_BENCH_PIN -out "$k/policy.p12"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$k/sb.key" -out "$k/sb.pem" -days 3650 \
	-subj "/O=ACME Corporation/CN=ACME Secure Boot db (test)" -addext extendedKeyUsage=codeSigning 2>/dev/null
openssl pkcs12 -export -inkey "$k/sb.key" -in "$k/sb.pem" -name sb -passout env:PARAPET_BENCH_PIN -out "$k/sb.p12"
sed -i -e 's#policy-signing-key pkcs11 "[^"]*"#policy-signing-key pkcs12 "../keys/policy.p12" alias "policy"#' \
	-e 's#secure-boot-key pkcs11 "[^"]*"#secure-boot-key pkcs12 "../keys/sb.p12" alias "sb"#' "$out/fleet/fleet.parapet"
grep -q 'policy-signing-key pkcs12' "$out/fleet/fleet.parapet"
grep -q 'secure-boot-key pkcs12' "$out/fleet/fleet.parapet"
for uid in $(grep -ho 'card "[^"]*"' "$out"/fleet/*.parapet | cut -d'"' -f2 | sort -u); do
	for slot in 9a 9d; do
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$out/cards/$slot/$uid.key" \
			-out "$out/cards/$slot/$uid.pem" -days 3650 -subj "/O=ACME Corporation/CN=card $uid $slot (test)" 2>/dev/null
	done
done
if [ "$extra" -gt 0 ]; then
	{
		echo '// SPDX-License-Identifier: EPL-2.0'
		echo 'import "../profiles.parapet"'
		i=1
		while [ "$i" -le "$extra" ]; do
			printf 'device bench-%04d extends office-laptop {\n\tserial "BENCH%06d"\n}\n' "$i" "$i"
			i=$((i + 1))
		done
	} > "$out/fleet/devices/bench.parapet"
fi
