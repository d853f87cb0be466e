/* SPDX-License-Identifier: EPL-2.0 */
/* SMBIOS type 1 (System Information) serial number, for the policy's device binding. */
#include "boot.h"

static EFI_GUID smbios3_guid = { 0xf2fd1544, 0x9794, 0x4a2c, { 0x99, 0x2e, 0xe5, 0xbb, 0xcf, 0x20, 0xe3, 0x94 } };
static EFI_GUID smbios_guid = { 0xeb9d2d31, 0x2d88, 0x11d3, { 0x9a, 0x16, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d } };

static void *config_table(EFI_GUID *g)
{
	for (UINTN i = 0; i < ST->NumberOfTableEntries; i++)
		if (!CompareGuid(&ST->ConfigurationTable[i].VendorGuid, g))
			return ST->ConfigurationTable[i].VendorTable;
	return NULL;
}

const char *smbios_system_serial(char *buf, UINTN size)
{
	const uint8_t *ep, *t, *end;
	if ((ep = config_table(&smbios3_guid)) && !memcmp(ep, "_SM3_", 5)) {
		t = (const uint8_t *)(uintptr_t)*(const uint64_t *)(ep + 0x10);
		end = t + *(const uint32_t *)(ep + 0x0c);
	} else if ((ep = config_table(&smbios_guid)) && !memcmp(ep, "_SM_", 4)) {
		t = (const uint8_t *)(uintptr_t)*(const uint32_t *)(ep + 0x18);
		end = t + *(const uint16_t *)(ep + 0x16);
	} else {
		return NULL;
	}
	while (t + 4 <= end && t[0] != 127) {
		uint8_t type = t[0], len = t[1];
		if (len < 4 || t + len > end)
			return NULL;
		const uint8_t *s = t + len;
		if (type == 1 && len > 7 && t[7]) {
			/* Strings follow the formatted area, numbered from 1. */
			unsigned want = t[7];
			for (unsigned idx = 1; s < end && *s; idx++) {
				UINTN n = 0;
				while (s + n < end && s[n])
					n++;
				if (idx == want) {
					if (n >= size)
						n = size - 1;
					memcpy(buf, s, n);
					buf[n] = 0;
					return buf;
				}
				s += n + 1;
			}
			return NULL;
		}
		/* Skip the string set: it ends with two NULs. */
		while (s + 1 < end && (s[0] || s[1]))
			s++;
		t = s + 2;
	}
	return NULL;
}
