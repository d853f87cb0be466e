#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Builds hello.efi (gnu-efi) with a .pppkey section into $1.
set -eu
src=$(dirname "$0")
out=$1
mkdir -p "$out"
gcc -std=gnu11 -O2 -I/usr/include/efi -I/usr/include/efi/x86_64 -fpic -ffreestanding -fno-stack-protector \
	-fshort-wchar -mno-red-zone -DGNU_EFI_USE_MS_ABI -c "$src/hello.c" -o "$out/hello.o"
ld -nostdlib -znocombreloc -T /usr/lib/elf_x86_64_efi.lds -shared -Bsymbolic -L/usr/lib \
	/usr/lib/crt0-efi-x86_64.o "$out/hello.o" -o "$out/hello.so" -lefi -lgnuefi
objcopy -j .text -j .sdata -j .data -j .rodata -j .dynamic -j .dynsym -j .rel -j .rela -j '.rel.*' \
	-j '.rela.*' -j .reloc -j .pppkey --target efi-app-x86_64 --subsystem=10 "$out/hello.so" "$out/hello.efi"
