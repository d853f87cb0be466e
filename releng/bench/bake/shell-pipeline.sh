#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# The equivalent shell pipeline for one device (the benchmark's comparison, not used by Parapet):
#   shell-pipeline.sh PARTS_DIR EFI SB_KEY SB_CERT OUT_IMG
# PARTS_DIR holds policy.cose, envelopes.cbor and sbom.cdx.json of the device; EFI is hv-runtime
# with the policy key already in .pppkey. Same layout as `parapet bake`: 1 MiB-aligned GPT, FAT32
# ESP with 512-byte clusters, sbsign'ed BOOTX64.EFI, openssl cms signed manifest (SHA-256 list).
set -eu
parts=$1
efi=$2
key=$3
cert=$4
img=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
esp_sectors=68594
sbsign --key "$key" --cert "$cert" --output "$work/BOOTX64.EFI" "$efi" 2>/dev/null
cp "$parts/policy.cose" "$parts/envelopes.cbor" "$parts/sbom.cdx.json" "$work/"
(cd "$work" && sha256sum BOOTX64.EFI policy.cose envelopes.cbor sbom.cdx.json > manifest.txt)
openssl cms -sign -binary -nodetach -outform DER -in "$work/manifest.txt" -signer "$cert" -inkey "$key" \
	-md sha256 -out "$work/manifest.p7s"
mkfs.vfat -F 32 -S 512 -s 1 -n PARAPET -C "$work/esp.img" $((esp_sectors / 2)) >/dev/null
export MTOOLS_SKIP_CHECK=1
mmd -i "$work/esp.img" ::/EFI ::/EFI/BOOT ::/EFI/parapet
mcopy -i "$work/esp.img" "$work/BOOTX64.EFI" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$work/esp.img" "$work/policy.cose" "$work/envelopes.cbor" "$work/sbom.cdx.json" "$work/manifest.p7s" ::/EFI/parapet/
truncate -s 36700160 "$img"
printf 'label: gpt\nstart=2048, size=%d, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="EFI System Partition"\n' \
	"$esp_sectors" | sfdisk -q "$img"
dd if="$work/esp.img" of="$img" bs=1M seek=1 conv=notrunc,sparse status=none
sha256sum "$img" > "$img.sha256"
