/* SPDX-License-Identifier: EPL-2.0 */
/*
 * libFuzzer harness for hv-runtime/policy: the first input byte picks the
 * entry point, the rest is the data.
 *   even: policy_decode() on a raw schema-1 payload (the deep decoder, which a
 *         real attacker only reaches with a valid signature);
 *   odd:  policy_verify() on a whole blob with a fixed key (envelope parser,
 *         protected header, Sig_structure hashing, ES256 range checks).
 */
#include <stddef.h>
#include <stdint.h>

#include "../../../hv-runtime/policy/policy.h"

/* Any valid P-256 point will do: the generator G. */
static const uint8_t key[P256_POINT_LEN] = {
	0x04, 0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42, 0x47, 0xf8, 0xbc, 0xe6, 0xe5, 0x63, 0xa4, 0x40, 0xf2,
	0x77, 0x03, 0x7d, 0x81, 0x2d, 0xeb, 0x33, 0xa0, 0xf4, 0xa1, 0x39, 0x45, 0xd8, 0x98, 0xc2, 0x96,
	0x4f, 0xe3, 0x42, 0xe2, 0xfe, 0x1a, 0x7f, 0x9b, 0x8e, 0xe7, 0xeb, 0x4a, 0x7c, 0x0f, 0x9e, 0x16,
	0x2b, 0xce, 0x33, 0x57, 0x6b, 0x31, 0x5e, 0xce, 0xcb, 0xb6, 0x40, 0x68, 0x37, 0xbf, 0x51, 0xf5,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy p;
	struct policy_error e = { 0 };
	if (size < 1)
		return 0;
	bool ok = (data[0] & 1) ? policy_verify(data + 1, size - 1, key, &p, &e)
				: policy_decode(data + 1, size - 1, &p, &e);
	/* Every refusal must carry a reason. */
	if (!ok && !e.reason)
		__builtin_trap();
	return 0;
}
