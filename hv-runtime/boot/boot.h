/* SPDX-License-Identifier: EPL-2.0 */
/* UEFI loader internals. */
#ifndef PARAPET_BOOT_H
#define PARAPET_BOOT_H

#include <efi.h>
#include <efilib.h>

#include "../arch/arch.h"
#include "../crypto/crypto.h"

#define PARAPET_VERSION "parapet-hv 0.1.0"

/* Console (firmware ConOut, mirrored to the QEMU debug console). */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* esp.c: reads a whole file from the volume this image was loaded from. */
EFI_STATUS esp_read(EFI_HANDLE image, const CHAR16 *path, uint8_t **buf, UINTN *len, UINTN max);

/* pppkey.c: the policy-verification key baked into the .pppkey PE section. */
const char *pppkey_get(uint8_t out[P256_POINT_LEN]);

/* smbios.c: SMBIOS type 1 serial number, NUL-terminated; NULL if absent. */
const char *smbios_system_serial(char *buf, UINTN size);

/* rollback.c: enforces and records the highest accepted rollback counter. */
const char *rollback_check_and_commit(uint64_t counter, uint64_t *stored);

/* mp.c: number of CPUs, and virtualizing the application processors. */
UINTN mp_cpu_count(void);
const char *mp_virtualize_aps(struct hv *hv);

/* chain.c: starts the OS loader; returns only on failure, with the reason. */
const char *chain_load(EFI_HANDLE image, const char *loader_utf8, UINTN loader_len);

#endif
