/* SPDX-License-Identifier: EPL-2.0 */
#include "crypto.h"

#include <bearssl_ec.h>
#include <bearssl_hash.h>

_Static_assert(sizeof(struct sha256_ctx) >= sizeof(br_sha256_context), "sha256_ctx too small");

void sha256_init(struct sha256_ctx *c)
{
	br_sha256_init((br_sha256_context *)c);
}

void sha256_update(struct sha256_ctx *c, const void *data, size_t n)
{
	br_sha256_update((br_sha256_context *)c, data, n);
}

void sha256_final(struct sha256_ctx *c, uint8_t out[SHA256_LEN])
{
	br_sha256_out((const br_sha256_context *)c, out);
}

void sha256(const void *data, size_t n, uint8_t out[SHA256_LEN])
{
	struct sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, data, n);
	sha256_final(&c, out);
}

/* P-256 group order n, big-endian. */
static const uint8_t p256_n[32] = {
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
};

/* 1 <= v <= n-1, i.e. v != 0 and v < n; constant time is not needed for public values. */
static bool scalar_in_range(const uint8_t v[32])
{
	bool nonzero = false;
	for (int i = 0; i < 32; i++)
		nonzero |= v[i] != 0;
	if (!nonzero)
		return false;
	for (int i = 0; i < 32; i++)
		if (v[i] != p256_n[i])
			return v[i] < p256_n[i];
	return false;
}

bool es256_verify(const uint8_t pub[P256_POINT_LEN], const uint8_t digest[SHA256_LEN],
		  const uint8_t sig[ES256_SIG_LEN])
{
	/* The spec makes the range check normative; do not rely on the library for it. */
	if (pub[0] != 0x04 || !scalar_in_range(sig) || !scalar_in_range(sig + 32))
		return false;
	br_ec_public_key pk = {
		.curve = BR_EC_secp256r1,
		.q = (unsigned char *)pub,
		.qlen = P256_POINT_LEN,
	};
	/* The m31 P-256 implementation also rejects points that are not on the curve. */
	return br_ecdsa_i31_vrfy_raw(&br_ec_p256_m31, digest, SHA256_LEN, &pk, sig, ES256_SIG_LEN) == 1;
}
