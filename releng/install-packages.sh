#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Installs the Debian packages Parapet's build and tests use (idempotent; needs root or sudo).
# Java and Maven come from the machine (Temurin 25) and the Maven Wrapper.
set -euo pipefail

packages=(
	# workbench UI tests and screenshots
	xvfb xauth imagemagick
	# hv-runtime build and QEMU end-to-end tests
	build-essential gnu-efi libbearssl-dev mtools dosfstools qemu-system-x86 ovmf busybox-static
	# independent peers used by the tests
	openssl python3 python3-cbor2 python3-cryptography python3-jsonschema softhsm2 opensc opensc-pkcs11
	pcscd libpcsclite1 vsmartcard-vpcd yubico-piv-tool pcsc-tools
	sbsigntool osslsigncode fdisk cryptsetup-bin postgresql
	# fuzzing and instruction counts (benchmarks, run on demand)
	clang libclang-rt-14-dev valgrind
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
	echo "install-packages: all ${#packages[@]} packages present"
	exit 0
fi
sudo=""
if [[ $(id -u) != 0 ]]; then sudo="sudo"; fi
echo "install-packages: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
