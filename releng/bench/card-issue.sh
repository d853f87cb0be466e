#!/bin/bash
# SPDX-License-Identifier: EPL-2.0
# Benchmark: issue one card over the real PC/SC path (pcscd + vpcd + Parapet's applet as a Type B card),
# once with `parapet card issue` and once with yubico-piv-tool doing the same steps (management key, PIN
# retries, PIN, PUK, CHUID, P-256 keys in 9a and 9d, CA-signed certificates, proof of both keys) on a fresh
# simulated card. APDUs are counted independently of both tools, from pcscd's APDU log.
# Needs: the card bundles built (mvnw verify), pcscd, vsmartcard-vpcd, yubico-piv-tool, openssl, opensc.
# Run as root (pcscd). Usage: releng/bench/card-issue.sh [rounds]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
M2=${M2_REPO:-$HOME/.m2/repository}
ROUNDS=${1:-3}
READER="Virtual PCD 00 00"
for t in pcscd yubico-piv-tool openssl opensc-tool java; do
  command -v "$t" >/dev/null || { echo "card-issue bench: $t not installed" >&2; exit 2; }
done
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || { echo "card-issue bench: vsmartcard-vpcd not installed" >&2; exit 2; }
if pgrep -x pcscd >/dev/null; then echo "card-issue bench: another pcscd is running" >&2; exit 2; fi

jar() { ls "$1"/target/*-SNAPSHOT.jar 2>/dev/null | head -1; }
CP=""
for b in card.applet card card.tests registry issue issue.cli; do
  j=$(jar "$ROOT/bundles/dev.parapet.$b"); [ -n "$j" ] || { echo "build bundles/dev.parapet.$b first" >&2; exit 2; }
  CP="$CP:$j"
done
for j in com/klinec/jcardsim/3.0.6.0/jcardsim-3.0.6.0.jar com/h2database/h2/2.3.232/h2-2.3.232.jar \
    org/flywaydb/flyway-core/13.12.0/flyway-core-13.12.0.jar org/bouncycastle/bcprov-jdk18on/1.86/bcprov-jdk18on-1.86.jar \
    org/bouncycastle/bcpkix-jdk18on/1.86/bcpkix-jdk18on-1.86.jar org/bouncycastle/bcutil-jdk18on/1.86/bcutil-jdk18on-1.86.jar \
    info/picocli/picocli/4.7.7/picocli-4.7.7.jar; do
  [ -e "$M2/$j" ] || { echo "missing $M2/$j" >&2; exit 2; }
  CP="$CP:$M2/$j"
done
CP=${CP#:}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java

WORK=$(mktemp -d)
PCSCD=""; CARD=""
cleanup() {
  [ -n "$CARD" ] && kill "$CARD" 2>/dev/null && wait "$CARD" 2>/dev/null || true
  [ -n "$PCSCD" ] && kill "$PCSCD" 2>/dev/null && wait "$PCSCD" 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
mkdir -p "$WORK/conf"
cat > "$WORK/conf/vpcd" <<CONF
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:0x9C40
LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so
CHANNELID    0x9C40
CONF
pcscd --foreground --apdu --config "$WORK/conf" > "$WORK/pcscd.log" 2>&1 &
PCSCD=$!
sleep 1

start_card() {
  "$JAVA" -cp "$CP" dev.parapet.card.tests.TypeBCardAdapter 40000 0A0B0C0D 1 50415241 > "$WORK/card.log" 2>&1 &
  CARD=$!
  for _ in $(seq 300); do opensc-tool -r "$READER" -a >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "card did not appear in 30 s:" >&2; cat "$WORK/card.log" >&2; exit 2
}
stop_card() { kill "$CARD"; wait "$CARD" 2>/dev/null || true; CARD=""; sleep 0.5; }
apdus() { grep -c 'APDU: ' "$WORK/pcscd.log" || true; }
now() { date +%s%N; }

cat > "$WORK/bench.cardprofile" <<PROFILE
profile: bench
management-key: 3des
pin-tries: 5
puk-tries: 4
pin-length: 6..8
slot: 9a p256 authentication
slot: 9d p256 key-management
PROFILE
export PARAPET_CA_PASSWORD=bench PARAPET_MASTER_PASSWORD=bench PARAPET_STATION_PASSWORD=bench
export PARAPET_NEW_PIN=24681357 PARAPET_NEW_PUK=87654321
"$JAVA" -cp "$CP" dev.parapet.issue.cli.IssueCommands ca init --workspace "$WORK/ws" --subject "CN=Bench CA" >/dev/null

# The host-side CA for yubico-piv-tool: openssl signs certificates for the public keys it generated.
openssl ecparam -name prime256v1 -genkey -noout -out "$WORK/ca.key" 2>/dev/null
openssl req -new -x509 -key "$WORK/ca.key" -subj "/CN=Bench CA" -days 30 -out "$WORK/ca.pem" 2>/dev/null
openssl req -new -key "$WORK/ca.key" -subj "/CN=Bench Holder" -out "$WORK/holder.csr" 2>/dev/null
NEWKEY=0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a09080
ykp() { yubico-piv-tool -r "$READER" "$@" >> "$WORK/ykp.log" 2>&1; }
certify() { openssl x509 -req -in "$WORK/holder.csr" -force_pubkey "$WORK/$1.pub" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" \
  -CAcreateserial -days 30 -out "$WORK/$1.pem" 2>/dev/null; }

printf '%-18s %5s %8s %10s\n' tool round apdus wall_ms
for r in $(seq "$ROUNDS"); do
  start_card; a0=$(apdus); t0=$(now)
  "$JAVA" -cp "$CP" dev.parapet.issue.cli.IssueCommands card issue --workspace "$WORK/ws" --reader "$READER" \
      --profile "$WORK/bench.cardprofile" --holder "b$r" --name "Bench Holder $r" > "$WORK/parapet.out" 2>"$WORK/parapet.err"
  t1=$(now); a1=$(apdus); stop_card
  printf '%-18s %5s %8s %10s   (%s)\n' parapet "$r" $((a1 - a0)) $(((t1 - t0) / 1000000)) "$(cat "$WORK/parapet.out")"

  start_card; a0=$(apdus); t0=$(now)
  ykp -a set-mgm-key -n "$NEWKEY"
  ykp -k"$NEWKEY" -a verify-pin -P 123456 -a pin-retries --pin-retries 5 --puk-retries 4
  ykp -a change-pin -P 123456 -N 24681357
  ykp -a change-puk -P 12345678 -N 87654321
  ykp -k"$NEWKEY" -a set-chuid -s 9a -a generate -A ECCP256 -o "$WORK/9a.pub"
  ykp -k"$NEWKEY" -s 9d -a generate -A ECCP256 -o "$WORK/9d.pub"
  certify 9a; certify 9d
  ykp -k"$NEWKEY" -s 9a -a import-certificate -i "$WORK/9a.pem"
  ykp -k"$NEWKEY" -s 9d -a import-certificate -i "$WORK/9d.pem"
  ykp -P 24681357 -s 9a -a verify-pin -a test-signature -i "$WORK/9a.pem"
  ykp -P 24681357 -s 9d -a verify-pin -a test-decipher -i "$WORK/9d.pem"
  t1=$(now); a1=$(apdus); stop_card
  printf '%-18s %5s %8s %10s\n' yubico-piv-tool "$r" $((a1 - a0)) $(((t1 - t0) / 1000000))
done
