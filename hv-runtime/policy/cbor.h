/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Strict CBOR reader (RFC 8949) for core deterministic encoding (section 4.2.1).
 *
 * The reader is a cursor over a caller-owned buffer; it never allocates and never
 * reads past the end. Every violation sets a static reason string and the byte
 * offset where it was detected, so the loader can print why a blob was refused.
 */
#ifndef PARAPET_POLICY_CBOR_H
#define PARAPET_POLICY_CBOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum cbor_major {
	CBOR_UINT = 0,
	CBOR_NINT = 1,
	CBOR_BSTR = 2,
	CBOR_TSTR = 3,
	CBOR_ARRAY = 4,
	CBOR_MAP = 5,
	CBOR_TAG = 6,
	CBOR_SIMPLE = 7,
};

/* Simple values we accept; floats and other simple values are not deterministic-schema data. */
#define CBOR_FALSE 20
#define CBOR_TRUE 21
#define CBOR_NULL 22

/* Limits of docs/formats.md 1.2. */
#define CBOR_MAX_BLOB (1u << 20)
#define CBOR_MAX_DEPTH 16
#define CBOR_MAX_ITEMS 4096
#define CBOR_MAX_TSTR 4096

struct cbor_reader {
	const uint8_t *base;
	size_t pos;
	size_t len;
	const char *err;  /* first error; sticky */
	size_t err_pos;
};

struct cbor_head {
	enum cbor_major major;
	uint64_t arg;     /* value, length, count, tag number or simple value */
	size_t start;     /* offset of the initial byte */
};

void cbor_init(struct cbor_reader *r, const uint8_t *buf, size_t len);
bool cbor_fail(struct cbor_reader *r, const char *why);
bool cbor_ok(const struct cbor_reader *r);
bool cbor_at_end(const struct cbor_reader *r);

/* Reads one initial byte + argument, enforcing shortest form and definite length. */
bool cbor_read_head(struct cbor_reader *r, struct cbor_head *h);
bool cbor_peek_head(struct cbor_reader *r, struct cbor_head *h);

/* Typed helpers; each fails the reader on a type mismatch. */
bool cbor_read_uint(struct cbor_reader *r, uint64_t *v);
bool cbor_read_uint_max(struct cbor_reader *r, uint64_t max, uint64_t *v);
bool cbor_read_int(struct cbor_reader *r, int64_t *v);
bool cbor_read_bool(struct cbor_reader *r, bool *v);
bool cbor_read_null(struct cbor_reader *r);
bool cbor_peek_is_null(struct cbor_reader *r);
bool cbor_read_bstr(struct cbor_reader *r, const uint8_t **p, size_t *n);
bool cbor_read_tstr(struct cbor_reader *r, const char **p, size_t *n);
bool cbor_read_array(struct cbor_reader *r, uint64_t *n);
bool cbor_read_map(struct cbor_reader *r, uint64_t *n);

/*
 * Skips one complete well-formed, deterministic item (used only for validation of
 * nested structures inside the COSE envelope, never to ignore unknown policy keys).
 */
bool cbor_skip(struct cbor_reader *r, unsigned depth);

/*
 * Map key cursor for integer-keyed maps: keys must be unsigned, strictly
 * ascending (for unsigned keys numeric order equals the bytewise order of their
 * encodings, which is what deterministic encoding demands).
 */
struct cbor_map {
	uint64_t remaining;
	uint64_t last_key;
	bool have_last;
};
bool cbor_map_begin(struct cbor_reader *r, struct cbor_map *m);
/* Returns true and the next key, or false at the end of the map / on error. */
bool cbor_map_next(struct cbor_reader *r, struct cbor_map *m, uint64_t *key);

bool cbor_utf8_valid(const uint8_t *s, size_t n);

#endif
