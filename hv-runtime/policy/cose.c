/* SPDX-License-Identifier: EPL-2.0 */
/*
 * COSE_Sign1 envelope (docs/formats.md 1.1) and ES256 verification.
 */
#include "cbor.h"
#include "policy.h"

#define TRY(x)                         \
	do {                           \
		if (!(x))              \
			return false;  \
	} while (0)

static const char content_type[] = "application/vnd.parapet.policy+cbor";

static bool protected_header(const uint8_t *p, size_t n, struct policy_error *err)
{
	struct cbor_reader r;
	struct cbor_map m;
	uint64_t k;
	int64_t alg = 0;
	bool have_alg = false, have_ct = false;
	cbor_init(&r, p, n);
	if (cbor_map_begin(&r, &m)) {
		while (cbor_map_next(&r, &m, &k)) {
			if (k == 1) {
				if (!cbor_read_int(&r, &alg))
					break;
				have_alg = true;
			} else if (k == 3) {
				const char *s;
				size_t len;
				if (!cbor_read_tstr(&r, &s, &len))
					break;
				if (len != sizeof content_type - 1) {
					cbor_fail(&r, "wrong content type");
					break;
				}
				for (size_t i = 0; i < len; i++)
					if (s[i] != content_type[i]) {
						cbor_fail(&r, "wrong content type");
						break;
					}
				have_ct = true;
			} else {
				cbor_fail(&r, "unknown key in protected header");
			}
		}
	}
	if (cbor_ok(&r) && !cbor_at_end(&r))
		cbor_fail(&r, "trailing bytes after the protected header");
	if (cbor_ok(&r) && !have_alg)
		cbor_fail(&r, "protected header lacks alg");
	if (cbor_ok(&r) && alg != -7)
		cbor_fail(&r, "alg is not ES256");
	if (cbor_ok(&r) && !have_ct)
		cbor_fail(&r, "protected header lacks content type");
	if (cbor_ok(&r))
		return true;
	err->reason = r.err;
	err->offset = r.err_pos;
	err->where = "protected header";
	return false;
}

static bool envelope(struct cbor_reader *r, struct cose_sign1 *out)
{
	struct cbor_head h;
	struct cbor_map m;
	uint64_t n, k;
	size_t len;

	TRY(cbor_read_head(r, &h));
	if (h.major != CBOR_TAG || h.arg != 18)
		return cbor_fail(r, "not a tagged COSE_Sign1 (tag 18)");
	TRY(cbor_read_array(r, &n));
	if (n != 4)
		return cbor_fail(r, "COSE_Sign1 is not a 4-element array");
	TRY(cbor_read_bstr(r, &out->protected_hdr, &out->protected_len));
	TRY(cbor_map_begin(r, &m));
	out->kid = NULL;
	while (cbor_map_next(r, &m, &k)) {
		if (k != 4)
			return cbor_fail(r, "unknown key in unprotected header");
		TRY(cbor_read_bstr(r, &out->kid, &len));
		if (len != SHA256_LEN)
			return cbor_fail(r, "kid is not a SHA-256 digest");
	}
	TRY(cbor_ok(r));
	if (cbor_peek_is_null(r))
		return cbor_fail(r, "detached payload");
	TRY(cbor_read_bstr(r, &out->payload, &out->payload_len));
	TRY(cbor_read_bstr(r, &out->sig, &len));
	if (len != ES256_SIG_LEN)
		return cbor_fail(r, "signature is not 64 bytes");
	if (!cbor_at_end(r))
		return cbor_fail(r, "trailing bytes after COSE_Sign1");
	return true;
}

bool cose_parse(const uint8_t *blob, size_t n, struct cose_sign1 *out, struct policy_error *err)
{
	struct cbor_reader r;
	cbor_init(&r, blob, n);
	if (!cbor_ok(&r) || !envelope(&r, out)) {
		err->reason = r.err;
		err->offset = r.err_pos;
		err->where = "envelope";
		return false;
	}
	return protected_header(out->protected_hdr, out->protected_len, err);
}

/* Encodes a CBOR head of major type m with argument v in shortest form. */
static size_t head(uint8_t *b, unsigned m, uint64_t v)
{
	m <<= 5;
	if (v < 24) {
		b[0] = (uint8_t)(m | v);
		return 1;
	}
	unsigned bytes = v <= 0xff ? 1 : v <= 0xffff ? 2 : v <= 0xffffffffu ? 4 : 8;
	b[0] = (uint8_t)(m | (bytes == 1 ? 24 : bytes == 2 ? 25 : bytes == 4 ? 26 : 27));
	for (unsigned i = 0; i < bytes; i++)
		b[1 + i] = (uint8_t)(v >> (8 * (bytes - 1 - i)));
	return 1 + bytes;
}

/* SHA-256 of Sig_structure = ["Signature1", protected, h'', payload], streamed. */
static void sig_structure_digest(const struct cose_sign1 *s, uint8_t out[SHA256_LEN])
{
	static const uint8_t prefix[] = { 0x84, 0x6a, 'S', 'i', 'g', 'n', 'a', 't', 'u', 'r', 'e', '1' };
	static const uint8_t empty_bstr = 0x40;
	uint8_t h[9];
	struct sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, prefix, sizeof prefix);
	sha256_update(&c, h, head(h, CBOR_BSTR, s->protected_len));
	sha256_update(&c, s->protected_hdr, s->protected_len);
	sha256_update(&c, &empty_bstr, 1);
	sha256_update(&c, h, head(h, CBOR_BSTR, s->payload_len));
	sha256_update(&c, s->payload, s->payload_len);
	sha256_final(&c, out);
}

bool policy_verify(const uint8_t *blob, size_t n, const uint8_t pub[P256_POINT_LEN],
		   struct policy *out, struct policy_error *err)
{
	struct cose_sign1 s;
	uint8_t digest[SHA256_LEN];
	TRY(cose_parse(blob, n, &s, err));
	sig_structure_digest(&s, digest);
	if (!es256_verify(pub, digest, s.sig)) {
		err->reason = "ES256 signature does not verify with the .pppkey key";
		err->offset = (size_t)(s.sig - blob);
		err->where = "signature";
		return false;
	}
	if (!policy_decode(s.payload, s.payload_len, out, err)) {
		/* Report offsets relative to the whole blob. */
		err->offset += (size_t)(s.payload - blob);
		return false;
	}
	return true;
}
