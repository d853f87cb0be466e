/* SPDX-License-Identifier: EPL-2.0 */
/*
 * The fleet's policy-verification public key lives in a PE section of this
 * binary so that it is covered by the image's Authenticode signature. The build
 * leaves it unset (all zero); image baking (or tests/mkblob.py patch-key)
 * writes the key into the section before signing. Layout: docs/formats.md 4.
 */
#include "boot.h"

#define PPPKEY_VERSION 1

struct pppkey {
	uint8_t magic[8];          /* "PPPKEY\0\0" */
	uint32_t version;          /* little-endian, 1 */
	uint8_t point[65];         /* SEC1 uncompressed P-256 point; all zero = unset */
	uint8_t reserved[51];      /* zero */
};
_Static_assert(sizeof(struct pppkey) == 128, ".pppkey block size (docs/formats.md 4)");

/* volatile: the contents change after linking, so the compiler must not fold them. */
__attribute__((section(".pppkey"), used, aligned(4096)))
volatile struct pppkey parapet_pppkey = {
	.magic = { 'P', 'P', 'P', 'K', 'E', 'Y', 0, 0 },
	.version = PPPKEY_VERSION,
};

const char *pppkey_get(uint8_t out[P256_POINT_LEN])
{
	static const char magic[8] = { 'P', 'P', 'P', 'K', 'E', 'Y', 0, 0 };
	uint8_t any = 0;
	for (int i = 0; i < 8; i++)
		if (parapet_pppkey.magic[i] != (uint8_t)magic[i])
			return ".pppkey section is corrupt (bad magic)";
	if (parapet_pppkey.version != PPPKEY_VERSION)
		return ".pppkey section has an unknown version";
	for (int i = 0; i < P256_POINT_LEN; i++) {
		out[i] = parapet_pppkey.point[i];
		any |= out[i];
	}
	if (!any)
		return "no policy key baked into this image (.pppkey is unset)";
	if (out[0] != 0x04)
		return ".pppkey does not hold an uncompressed P-256 point";
	return NULL;
}
