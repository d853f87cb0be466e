/* SPDX-License-Identifier: EPL-2.0 */
#ifndef PARAPET_CRYPTO_EFI_H
#define PARAPET_CRYPTO_EFI_H

#include "../policy/policy.h"

/* policy_verify() run inside the envelope the hosted-ABI BearSSL archive needs (efi_shim.c). */
bool policy_verify_envelope(const uint8_t *blob, size_t n, const uint8_t pub[P256_POINT_LEN],
			    struct policy *out, struct policy_error *err);

#endif
