/* SPDX-License-Identifier: EPL-2.0 */
#include "cbor.h"

void cbor_init(struct cbor_reader *r, const uint8_t *buf, size_t len)
{
	r->base = buf;
	r->pos = 0;
	r->len = len;
	r->err = NULL;
	r->err_pos = 0;
	if (len > CBOR_MAX_BLOB)
		cbor_fail(r, "blob larger than 1 MiB");
}

bool cbor_fail(struct cbor_reader *r, const char *why)
{
	/* Keep the first reason: later ones are consequences of it. */
	if (!r->err) {
		r->err = why;
		r->err_pos = r->pos;
	}
	return false;
}

bool cbor_ok(const struct cbor_reader *r)
{
	return r->err == NULL;
}

bool cbor_at_end(const struct cbor_reader *r)
{
	return r->pos == r->len;
}

static bool take(struct cbor_reader *r, size_t n, const uint8_t **p)
{
	if (r->err)
		return false;
	if (n > r->len - r->pos)
		return cbor_fail(r, "truncated");
	*p = r->base + r->pos;
	r->pos += n;
	return true;
}

bool cbor_read_head(struct cbor_reader *r, struct cbor_head *h)
{
	const uint8_t *p;
	h->start = r->pos;
	if (!take(r, 1, &p))
		return false;
	uint8_t ib = p[0];
	unsigned ai = ib & 0x1f;
	h->major = (enum cbor_major)(ib >> 5);
	if (ai < 24) {
		h->arg = ai;
	} else if (ai <= 27) {
		size_t n = (size_t)1 << (ai - 24);
		if (!take(r, n, &p))
			return false;
		uint64_t v = 0;
		for (size_t i = 0; i < n; i++)
			v = (v << 8) | p[i];
		h->arg = v;
		/* Shortest form: the value must not fit the next smaller encoding. */
		static const uint64_t min[4] = { 24, 0x100, 0x10000, 0x100000000ull };
		if (v < min[ai - 24])
			return cbor_fail(r, "non-shortest integer or length encoding");
		if (h->major == CBOR_SIMPLE)
			return cbor_fail(r, "floating point or extended simple value");
	} else if (ai == 31) {
		return cbor_fail(r, "indefinite length");
	} else {
		return cbor_fail(r, "reserved additional information");
	}
	if (h->major == CBOR_SIMPLE && h->arg != CBOR_FALSE && h->arg != CBOR_TRUE && h->arg != CBOR_NULL)
		return cbor_fail(r, "unsupported simple value");
	return true;
}

bool cbor_peek_head(struct cbor_reader *r, struct cbor_head *h)
{
	size_t save = r->pos;
	bool ok = cbor_read_head(r, h);
	if (ok)
		r->pos = save;
	return ok;
}

static bool expect(struct cbor_reader *r, enum cbor_major m, struct cbor_head *h, const char *why)
{
	if (!cbor_read_head(r, h))
		return false;
	if (h->major != m) {
		r->pos = h->start;
		return cbor_fail(r, why);
	}
	return true;
}

bool cbor_read_uint(struct cbor_reader *r, uint64_t *v)
{
	struct cbor_head h;
	if (!expect(r, CBOR_UINT, &h, "expected unsigned integer"))
		return false;
	*v = h.arg;
	return true;
}

bool cbor_read_uint_max(struct cbor_reader *r, uint64_t max, uint64_t *v)
{
	if (!cbor_read_uint(r, v))
		return false;
	if (*v > max)
		return cbor_fail(r, "integer out of range");
	return true;
}

bool cbor_read_int(struct cbor_reader *r, int64_t *v)
{
	struct cbor_head h;
	if (!cbor_read_head(r, &h))
		return false;
	if ((h.major != CBOR_UINT && h.major != CBOR_NINT) || h.arg > (uint64_t)INT64_MAX)
		return cbor_fail(r, "expected integer");
	*v = h.major == CBOR_UINT ? (int64_t)h.arg : -1 - (int64_t)h.arg;
	return true;
}

bool cbor_read_bool(struct cbor_reader *r, bool *v)
{
	struct cbor_head h;
	if (!expect(r, CBOR_SIMPLE, &h, "expected bool"))
		return false;
	if (h.arg != CBOR_TRUE && h.arg != CBOR_FALSE)
		return cbor_fail(r, "expected bool");
	*v = h.arg == CBOR_TRUE;
	return true;
}

bool cbor_peek_is_null(struct cbor_reader *r)
{
	/* null has exactly one encoding (0xf6), so one byte decides. */
	return !r->err && r->pos < r->len && r->base[r->pos] == 0xf6;
}

bool cbor_read_null(struct cbor_reader *r)
{
	struct cbor_head h;
	if (!expect(r, CBOR_SIMPLE, &h, "expected null"))
		return false;
	if (h.arg != CBOR_NULL)
		return cbor_fail(r, "expected null");
	return true;
}

bool cbor_read_bstr(struct cbor_reader *r, const uint8_t **p, size_t *n)
{
	struct cbor_head h;
	if (!expect(r, CBOR_BSTR, &h, "expected byte string"))
		return false;
	if (h.arg > r->len - r->pos)
		return cbor_fail(r, "truncated");
	*n = (size_t)h.arg;
	return take(r, *n, p);
}

bool cbor_read_tstr(struct cbor_reader *r, const char **p, size_t *n)
{
	struct cbor_head h;
	const uint8_t *s;
	if (!expect(r, CBOR_TSTR, &h, "expected text string"))
		return false;
	if (h.arg > CBOR_MAX_TSTR)
		return cbor_fail(r, "text string longer than 4096 bytes");
	if (!take(r, (size_t)h.arg, &s))
		return false;
	if (!cbor_utf8_valid(s, (size_t)h.arg))
		return cbor_fail(r, "text string is not valid UTF-8");
	*p = (const char *)s;
	*n = (size_t)h.arg;
	return true;
}

bool cbor_read_array(struct cbor_reader *r, uint64_t *n)
{
	struct cbor_head h;
	if (!expect(r, CBOR_ARRAY, &h, "expected array"))
		return false;
	if (h.arg > CBOR_MAX_ITEMS)
		return cbor_fail(r, "array longer than 4096 entries");
	/* Every entry is at least one byte: a cheap early bound against hostile counts. */
	if (h.arg > r->len - r->pos)
		return cbor_fail(r, "truncated");
	*n = h.arg;
	return true;
}

bool cbor_read_map(struct cbor_reader *r, uint64_t *n)
{
	struct cbor_head h;
	if (!expect(r, CBOR_MAP, &h, "expected map"))
		return false;
	if (h.arg > CBOR_MAX_ITEMS)
		return cbor_fail(r, "map larger than 4096 entries");
	if (h.arg * 2 > r->len - r->pos)
		return cbor_fail(r, "truncated");
	*n = h.arg;
	return true;
}

/* Bytewise comparison of two encoded keys, shorter-is-smaller only via content (RFC 8949 4.2.1). */
static int keycmp(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
	size_t n = an < bn ? an : bn;
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return an < bn ? -1 : an > bn ? 1 : 0;
}

bool cbor_skip(struct cbor_reader *r, unsigned depth)
{
	struct cbor_head h;
	const uint8_t *p;
	if (depth > CBOR_MAX_DEPTH)
		return cbor_fail(r, "nesting deeper than 16");
	if (!cbor_read_head(r, &h))
		return false;
	switch (h.major) {
	case CBOR_UINT:
	case CBOR_NINT:
	case CBOR_SIMPLE:
		return true;
	case CBOR_BSTR:
		if (h.arg > r->len - r->pos)
			return cbor_fail(r, "truncated");
		return take(r, (size_t)h.arg, &p);
	case CBOR_TSTR:
		if (h.arg > CBOR_MAX_TSTR)
			return cbor_fail(r, "text string longer than 4096 bytes");
		if (!take(r, (size_t)h.arg, &p))
			return false;
		return cbor_utf8_valid(p, (size_t)h.arg) || cbor_fail(r, "text string is not valid UTF-8");
	case CBOR_ARRAY:
		if (h.arg > CBOR_MAX_ITEMS)
			return cbor_fail(r, "array longer than 4096 entries");
		for (uint64_t i = 0; i < h.arg; i++)
			if (!cbor_skip(r, depth + 1))
				return false;
		return true;
	case CBOR_MAP: {
		if (h.arg > CBOR_MAX_ITEMS)
			return cbor_fail(r, "map larger than 4096 entries");
		size_t prev = 0, prevn = 0;
		for (uint64_t i = 0; i < h.arg; i++) {
			size_t k = r->pos;
			if (!cbor_skip(r, depth + 1))
				return false;
			if (i > 0 && keycmp(r->base + prev, prevn, r->base + k, r->pos - k) >= 0)
				return cbor_fail(r, "map keys unsorted or duplicate");
			prev = k;
			prevn = r->pos - k;
			if (!cbor_skip(r, depth + 1))
				return false;
		}
		return true;
	}
	case CBOR_TAG:
		return cbor_fail(r, "unexpected tag");
	}
	return cbor_fail(r, "unreachable major type");
}

bool cbor_map_begin(struct cbor_reader *r, struct cbor_map *m)
{
	m->have_last = false;
	m->last_key = 0;
	return cbor_read_map(r, &m->remaining);
}

bool cbor_map_next(struct cbor_reader *r, struct cbor_map *m, uint64_t *key)
{
	if (r->err || m->remaining == 0)
		return false;
	m->remaining--;
	struct cbor_head h;
	if (!cbor_read_head(r, &h))
		return false;
	if (h.major != CBOR_UINT) {
		r->pos = h.start;
		return cbor_fail(r, "map key is not an unsigned integer");
	}
	*key = h.arg;
	if (m->have_last && *key <= m->last_key)
		return cbor_fail(r, "map keys unsorted or duplicate");
	m->have_last = true;
	m->last_key = *key;
	return true;
}

bool cbor_utf8_valid(const uint8_t *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint8_t c = s[i];
		size_t len;
		uint32_t cp, min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			len = 2; cp = c & 0x1f; min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3; cp = c & 0x0f; min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			len = 4; cp = c & 0x07; min = 0x10000;
		} else {
			return false;
		}
		if (len > n - i)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		/* Overlong forms, UTF-16 surrogates and values above U+10FFFF are not UTF-8. */
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}
