/* SPDX-License-Identifier: EPL-2.0 */
/*
 * The only cryptography the runtime needs at boot: SHA-256 and ES256 verification.
 * Implemented on BearSSL (crypto/bearssl_glue.c) for both the EFI and the host build.
 */
#ifndef PARAPET_CRYPTO_H
#define PARAPET_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32
#define P256_POINT_LEN 65   /* uncompressed SEC1: 0x04 || X || Y */
#define ES256_SIG_LEN 64    /* r || s */

/* Opaque enough for callers, large enough for br_sha256_context (checked in the glue). */
struct sha256_ctx {
	uint64_t opaque[16];
};

void sha256_init(struct sha256_ctx *c);
void sha256_update(struct sha256_ctx *c, const void *data, size_t n);
void sha256_final(struct sha256_ctx *c, uint8_t out[SHA256_LEN]);
void sha256(const void *data, size_t n, uint8_t out[SHA256_LEN]);

/*
 * Verifies an ES256 signature (raw r||s) over a SHA-256 digest with an
 * uncompressed P-256 public key. Returns false for any malformed input, including
 * r or s outside [1, n-1] and a point that is not on the curve.
 */
bool es256_verify(const uint8_t pub[P256_POINT_LEN], const uint8_t digest[SHA256_LEN],
		  const uint8_t sig[ES256_SIG_LEN]);

#endif
