/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Schema-1 payload decoder (docs/formats.md 1.3). Every key, enum and
 * cross-reference the format defines is checked; anything else is refused.
 */
#include "cbor.h"
#include "policy.h"

#define TRY(x)                         \
	do {                           \
		if (!(x))              \
			return false;  \
	} while (0)

/* Map walk with a bitmask of the keys seen; keys above 63 are never valid here. */
struct mapwalk {
	struct cbor_map m;
	uint64_t seen;
};

static bool mw_begin(struct cbor_reader *r, struct mapwalk *w)
{
	w->seen = 0;
	return cbor_map_begin(r, &w->m);
}

static bool mw_next(struct cbor_reader *r, struct mapwalk *w, uint64_t *key)
{
	if (!cbor_map_next(r, &w->m, key))
		return false;
	if (*key >= 64)
		return cbor_fail(r, "unknown map key");
	w->seen |= 1ull << *key;
	return true;
}

static bool mw_end(struct cbor_reader *r, struct mapwalk *w, uint64_t required, const char *missing)
{
	TRY(cbor_ok(r));
	if ((w->seen & required) != required)
		return cbor_fail(r, missing);
	return true;
}

#define BIT(k) (1ull << (k))

static bool read_enum(struct cbor_reader *r, uint64_t max, uint8_t *v, const char *why)
{
	uint64_t x;
	TRY(cbor_read_uint(r, &x));
	if (x > max)
		return cbor_fail(r, why);
	*v = (uint8_t)x;
	return true;
}

static bool read_bstr_len(struct cbor_reader *r, size_t want, const uint8_t **p)
{
	size_t n;
	TRY(cbor_read_bstr(r, p, &n));
	if (n != want)
		return cbor_fail(r, "byte string has the wrong length");
	return true;
}

static bool read_pstr(struct cbor_reader *r, struct pstr *s)
{
	return cbor_read_tstr(r, &s->p, &s->n);
}

static bool read_cipher(struct cbor_reader *r, uint8_t *c)
{
	return read_enum(r, 2, c, "cipher out of range");
}

/* ------------------------------------------------------------ storage */

static bool storage_key(struct cbor_reader *r, uint64_t index)
{
	struct mapwalk w;
	uint64_t k, v;
	TRY(mw_begin(r, &w));
	while (mw_next(r, &w, &k)) {
		switch (k) {
		case 1:
			TRY(cbor_read_uint(r, &v));
			if (v != index)
				return cbor_fail(r, "storage key slot differs from its index");
			break;
		case 2: {
			struct pstr s;
			TRY(read_pstr(r, &s));
			if (s.n == 0)
				return cbor_fail(r, "empty storage key id");
			break;
		}
		case 3:
			TRY(cbor_read_uint(r, &v));
			if (v != 256 && v != 512)
				return cbor_fail(r, "storage key size is neither 256 nor 512");
			break;
		case 4:
			TRY(cbor_read_uint(r, &v));
			break;
		default:
			return cbor_fail(r, "unknown key in storage-key");
		}
	}
	return mw_end(r, &w, BIT(1) | BIT(2) | BIT(3) | BIT(4), "storage-key lacks a required key");
}

/* Sort key of a storage rule; an absent location sorts before any present one. */
/* Sort key of storage rules (formats.md 1.3); absent location or drive sort first, hence the +1. */
struct rule_order {
	uint64_t controller, index, location, drive, start;
};

static int order_cmp(const struct rule_order *a, const struct rule_order *b)
{
	const uint64_t *x = &a->controller, *y = &b->controller;
	for (int i = 0; i < 5; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

static bool storage_rule(struct cbor_reader *r, uint32_t n_keys, struct rule_order *o)
{
	struct mapwalk w;
	uint64_t k, v, last = 0;
	uint8_t controller = 0, cipher = 0;
	bool has_last = false;
	TRY(mw_begin(r, &w));
	o->location = 0;
	o->drive = 0;
	while (mw_next(r, &w, &k)) {
		switch (k) {
		case 1:
			TRY(read_enum(r, 3, &controller, "storage controller out of range"));
			o->controller = controller;
			break;
		case 2:
			TRY(cbor_read_uint(r, &o->index));
			break;
		case 3:
			TRY(cbor_read_uint(r, &v));
			if (v == UINT64_MAX)
				return cbor_fail(r, "storage location out of range");
			o->location = v + 1;
			break;
		case 4:
			TRY(cbor_read_uint_max(r, 1, &v));
			if (controller != 0)
				return cbor_fail(r, "master/slave given for a non-ATA controller");
			o->drive = v + 1;
			break;
		case 5:
			TRY(cbor_read_uint(r, &o->start));
			break;
		case 6:
			if (cbor_peek_is_null(r)) {
				TRY(cbor_read_null(r));
			} else {
				TRY(cbor_read_uint(r, &last));
				has_last = true;
			}
			break;
		case 7:
			TRY(read_cipher(r, &cipher));
			break;
		case 8:
			TRY(cbor_read_uint(r, &v));
			if (v >= n_keys)
				return cbor_fail(r, "storage rule names a key slot that does not exist");
			break;
		default:
			return cbor_fail(r, "unknown key in storage-rule");
		}
	}
	TRY(mw_end(r, &w, BIT(1) | BIT(2) | BIT(5) | BIT(6) | BIT(7), "storage-rule lacks a required key"));
	if (has_last && last < o->start)
		return cbor_fail(r, "storage rule ends before it starts");
	if ((cipher != 0) != ((w.seen & BIT(8)) != 0))
		return cbor_fail(r, "storage rule key slot must be present iff cipher is not plain");
	return true;
}

/* ------------------------------------------------------------ usb */

static bool usb_action(struct cbor_reader *r, uint32_t n_keys, uint8_t *action)
{
	uint64_t n, v;
	TRY(cbor_read_array(r, &n));
	if (n == 0)
		return cbor_fail(r, "empty usb-action");
	TRY(read_enum(r, 3, action, "usb action out of range"));
	if (*action < 3) {
		if (n != 1)
			return cbor_fail(r, "usb action takes no arguments");
		return true;
	}
	if (n != 3)
		return cbor_fail(r, "usb encrypt action needs cipher and key slot");
	uint8_t cipher = 0;
	TRY(read_cipher(r, &cipher));
	if (cipher == 0)
		return cbor_fail(r, "usb encrypt action with plain cipher");
	TRY(cbor_read_uint(r, &v));
	if (v >= n_keys)
		return cbor_fail(r, "usb rule names a key slot that does not exist");
	return true;
}

static bool usb_rule(struct cbor_reader *r, uint32_t n_keys)
{
	struct mapwalk w;
	uint64_t k, v;
	uint8_t a;
	struct pstr s;
	TRY(mw_begin(r, &w));
	while (mw_next(r, &w, &k)) {
		switch (k) {
		case 1:
		case 2:
			TRY(cbor_read_uint_max(r, 65535, &v));
			break;
		case 3:
			TRY(read_pstr(r, &s));
			break;
		case 4:
			TRY(cbor_read_uint_max(r, 255, &v));
			break;
		case 5:
			TRY(usb_action(r, n_keys, &a));
			break;
		default:
			return cbor_fail(r, "unknown key in usb-rule");
		}
	}
	return mw_end(r, &w, BIT(5), "usb-rule lacks an action");
}

static bool usb(struct cbor_reader *r, uint32_t n_keys, struct policy *p)
{
	struct mapwalk w;
	uint64_t k, n;
	TRY(mw_begin(r, &w));
	while (mw_next(r, &w, &k)) {
		switch (k) {
		case 1:
			TRY(cbor_read_array(r, &n));
			p->n_usb_rules = (uint32_t)n;
			for (uint64_t i = 0; i < n; i++)
				TRY(usb_rule(r, n_keys));
			break;
		case 2:
			TRY(usb_action(r, n_keys, &p->usb_default));
			break;
		default:
			return cbor_fail(r, "unknown key in usb");
		}
	}
	return mw_end(r, &w, BIT(1) | BIT(2), "usb lacks a required key");
}

/* ------------------------------------------------------------ network */

static bool pci_selector(struct cbor_reader *r)
{
	uint64_t n, v;
	uint8_t form = 0;
	TRY(cbor_read_array(r, &n));
	if (n == 0)
		return cbor_fail(r, "empty pci-selector");
	TRY(read_enum(r, 2, &form, "pci-selector form out of range"));
	static const uint8_t arity[3] = { 3, 5, 2 };
	static const uint64_t max[3][4] = {
		{ 65535, 65535 },
		{ 65535, 255, 31, 7 },
		{ 65535 },
	};
	if (n != arity[form])
		return cbor_fail(r, "pci-selector has the wrong number of fields");
	for (uint64_t i = 0; i + 1 < n; i++)
		TRY(cbor_read_uint_max(r, max[form][i], &v));
	return true;
}

static bool ip_address(struct cbor_reader *r, size_t *len)
{
	const uint8_t *p;
	TRY(cbor_read_bstr(r, &p, len));
	if (*len != 4 && *len != 16)
		return cbor_fail(r, "IP address is neither 4 nor 16 bytes");
	return true;
}

static bool ip_prefix(struct cbor_reader *r)
{
	uint64_t n, plen;
	size_t alen;
	TRY(cbor_read_array(r, &n));
	if (n != 2)
		return cbor_fail(r, "ip-prefix is not [address, length]");
	TRY(ip_address(r, &alen));
	TRY(cbor_read_uint(r, &plen));
	if (plen > alen * 8)
		return cbor_fail(r, "prefix length longer than the address");
	return true;
}

static bool protocol(struct cbor_reader *r)
{
	uint64_t v;
	TRY(cbor_read_uint(r, &v));
	if (v != 0 && v != 6 && v != 17 && v != 1 && v != 58)
		return cbor_fail(r, "IP protocol not one of any, tcp, udp, icmp, icmpv6");
	return true;
}

static bool dh_group(struct cbor_reader *r, bool nullable)
{
	uint64_t v;
	if (nullable && cbor_peek_is_null(r))
		return cbor_read_null(r);
	TRY(cbor_read_uint(r, &v));
	switch (v) {
	case 2: case 5: case 14: case 15: case 16: case 19: case 20: case 21: case 31:
		return true;
	default:
		return cbor_fail(r, "DH group not supported");
	}
}

static bool nullable_enum(struct cbor_reader *r, uint64_t max, const char *why)
{
	uint8_t v;
	if (cbor_peek_is_null(r))
		return cbor_read_null(r);
	return read_enum(r, max, &v, why);
}

static bool proposal(struct cbor_reader *r, bool ike)
{
	uint64_t n;
	uint8_t v;
	TRY(cbor_read_array(r, &n));
	if (n != (ike ? 4u : 3u))
		return cbor_fail(r, "proposal has the wrong number of fields");
	TRY(read_enum(r, 5, &v, "encryption algorithm out of range"));
	TRY(nullable_enum(r, 4, "integrity algorithm out of range"));
	if (ike) {
		TRY(read_enum(r, 4, &v, "PRF out of range"));
		return dh_group(r, false);
	}
	return dh_group(r, true);
}

static bool peer_auth(struct cbor_reader *r)
{
	uint64_t n;
	uint8_t form = 0;
	const uint8_t *p;
	size_t len;
	struct pstr s;
	TRY(cbor_read_array(r, &n));
	if (n == 0)
		return cbor_fail(r, "empty peer-auth");
	TRY(read_enum(r, 2, &form, "peer-auth form out of range"));
	if (n != (form == 0 ? 1u : 2u))
		return cbor_fail(r, "peer-auth has the wrong number of fields");
	if (form == 1) {
		TRY(cbor_read_bstr(r, &p, &len));
		if (len == 0)
			return cbor_fail(r, "empty peer certificate");
	} else if (form == 2) {
		TRY(read_pstr(r, &s));
		if (s.n == 0)
			return cbor_fail(r, "empty pre-shared key reference");
	}
	return true;
}

static bool nonempty_array(struct cbor_reader *r, uint64_t *n, const char *why)
{
	TRY(cbor_read_array(r, n));
	if (*n == 0)
		return cbor_fail(r, why);
	return true;
}

static bool peer(struct cbor_reader *r)
{
	struct mapwalk w;
	uint64_t k, n, v;
	size_t alen;
	struct pstr s;
	const uint8_t *p;
	TRY(mw_begin(r, &w));
	while (mw_next(r, &w, &k)) {
		switch (k) {
		case 1:
		case 6:
			TRY(read_pstr(r, &s));
			break;
		case 2:
			TRY(nonempty_array(r, &n, "peer without addresses"));
			for (uint64_t i = 0; i < n; i++)
				TRY(ip_address(r, &alen));
			break;
		case 3:
		case 4:
			TRY(nonempty_array(r, &n, "peer without proposals"));
			for (uint64_t i = 0; i < n; i++)
				TRY(proposal(r, k == 3));
			break;
		case 5:
			TRY(peer_auth(r));
			break;
		case 7:
			TRY(nonempty_array(r, &n, "peer without traffic selectors"));
			for (uint64_t i = 0; i < n; i++) {
				uint64_t m;
				TRY(cbor_read_array(r, &m));
				if (m != 4)
					return cbor_fail(r, "selector has the wrong number of fields");
				TRY(ip_prefix(r));
				TRY(ip_prefix(r));
				TRY(protocol(r));
				TRY(cbor_read_uint_max(r, 65535, &v));
			}
			break;
		case 8:
		case 9:
			TRY(cbor_read_uint(r, &v));
			break;
		case 10:
			TRY(cbor_read_bstr(r, &p, &alen));
			break;
		default:
			return cbor_fail(r, "unknown key in peer");
		}
	}
	return mw_end(r, &w, BIT(1) | BIT(2) | BIT(3) | BIT(4) | BIT(5) | BIT(7) | BIT(8) | BIT(9),
		      "peer lacks a required key");
}

static bool bypass(struct cbor_reader *r)
{
	uint64_t n, v;
	struct pstr s;
	TRY(cbor_read_array(r, &n));
	if (n != 4)
		return cbor_fail(r, "bypass has the wrong number of fields");
	TRY(read_pstr(r, &s));
	TRY(protocol(r));
	if (cbor_peek_is_null(r))
		TRY(cbor_read_null(r));
	else
		TRY(ip_prefix(r));
	return cbor_read_uint_max(r, 65535, &v);
}

static bool network(struct cbor_reader *r, struct policy *p)
{
	struct mapwalk w;
	uint64_t k, n;
	TRY(mw_begin(r, &w));
	while (mw_next(r, &w, &k)) {
		switch (k) {
		case 1:
			TRY(cbor_read_array(r, &n));
			p->n_nics = (uint32_t)n;
			for (uint64_t i = 0; i < n; i++)
				TRY(pci_selector(r));
			break;
		case 2:
			TRY(cbor_read_bool(r, &p->encrypt_all));
			break;
		case 3:
			TRY(cbor_read_array(r, &n));
			p->n_peers = (uint32_t)n;
			for (uint64_t i = 0; i < n; i++)
				TRY(peer(r));
			break;
		case 4:
			TRY(cbor_read_array(r, &n));
			p->n_bypass = (uint32_t)n;
			for (uint64_t i = 0; i < n; i++)
				TRY(bypass(r));
			break;
		default:
			return cbor_fail(r, "unknown key in network");
		}
	}
	return mw_end(r, &w, BIT(1) | BIT(2) | BIT(3) | BIT(4), "network lacks a required key");
}

/* ------------------------------------------------------------ dma, login, settings */

static bool dma(struct cbor_reader *r, struct policy *p)
{
	struct mapwalk w;
	uint64_t k, n, m;
	uint8_t v;
	TRY(mw_begin(r, &w));
	while (mw_next(r, &w, &k)) {
		switch (k) {
		case 1:
			TRY(read_enum(r, 2, &p->iommu, "iommu kind out of range"));
			break;
		case 2:
			TRY(cbor_read_bool(r, &p->dma_protect_self));
			break;
		case 3:
			TRY(cbor_read_array(r, &n));
			p->n_dma_scopes = (uint32_t)n;
			for (uint64_t i = 0; i < n; i++) {
				TRY(cbor_read_array(r, &m));
				if (m != 2)
					return cbor_fail(r, "dma-scope is not [selector, mode]");
				TRY(pci_selector(r));
				TRY(read_enum(r, 2, &v, "dma-scope mode out of range"));
			}
			break;
		default:
			return cbor_fail(r, "unknown key in dma");
		}
	}
	return mw_end(r, &w, BIT(1) | BIT(2) | BIT(3), "dma lacks a required key");
}

static bool digest_list(struct cbor_reader *r, uint32_t *count)
{
	uint64_t n;
	const uint8_t *d;
	TRY(cbor_read_array(r, &n));
	*count = (uint32_t)n;
	for (uint64_t i = 0; i < n; i++)
		TRY(read_bstr_len(r, SHA256_LEN, &d));
	return true;
}

static bool login(struct cbor_reader *r, struct policy *p)
{
	struct mapwalk w;
	uint64_t k, n;
	uint8_t method = 0, seen_methods = 0;
	TRY(mw_begin(r, &w));
	while (mw_next(r, &w, &k)) {
		switch (k) {
		case 1:
			TRY(nonempty_array(r, &n, "login without methods"));
			p->n_login_methods = (uint32_t)n;
			for (uint64_t i = 0; i < n; i++) {
				TRY(read_enum(r, 1, &method, "login method out of range"));
				if (seen_methods & (1u << method))
					return cbor_fail(r, "login method listed twice");
				seen_methods |= (uint8_t)(1u << method);
			}
			break;
		case 2:
			TRY(cbor_read_uint(r, &p->pin_min));
			break;
		case 3:
			TRY(cbor_read_uint(r, &p->pin_max));
			break;
		case 4:
			TRY(cbor_read_uint(r, &p->pin_tries));
			break;
		case 5:
			TRY(digest_list(r, &p->n_anchors));
			break;
		case 6:
			TRY(digest_list(r, &p->n_cards));
			break;
		default:
			return cbor_fail(r, "unknown key in login");
		}
	}
	TRY(mw_end(r, &w, BIT(1) | BIT(2) | BIT(3) | BIT(4) | BIT(5) | BIT(6), "login lacks a required key"));
	if (p->pin_min > p->pin_max)
		return cbor_fail(r, "PIN minimum length above maximum");
	return true;
}

static bool settings(struct cbor_reader *r, struct policy_settings *s)
{
	struct mapwalk w;
	uint64_t k;
	TRY(mw_begin(r, &w));
	while (mw_next(r, &w, &k)) {
		switch (k) {
		case 1:
			TRY(read_enum(r, 3, &s->log_level, "log level out of range"));
			break;
		case 2:
			TRY(read_enum(r, 2, &s->console, "console out of range"));
			break;
		case 3:
			TRY(cbor_read_bool(r, &s->oob));
			break;
		case 4:
			TRY(read_enum(r, 1, &s->panic, "panic action out of range"));
			break;
		case 5:
			TRY(read_pstr(r, &s->loader));
			if (s->loader.n == 0)
				return cbor_fail(r, "empty OS loader path");
			s->has_loader = true;
			break;
		default:
			return cbor_fail(r, "unknown key in settings");
		}
	}
	return mw_end(r, &w, BIT(1) | BIT(2) | BIT(3) | BIT(4), "settings lacks a required key");
}

static bool binding(struct cbor_reader *r, struct policy *p)
{
	struct mapwalk w;
	uint64_t k;
	TRY(mw_begin(r, &w));
	while (mw_next(r, &w, &k)) {
		if (k != 1)
			return cbor_fail(r, "unknown key in binding");
		TRY(read_pstr(r, &p->serial));
		p->has_serial = true;
	}
	TRY(cbor_ok(r));
	p->bound = true;
	return true;
}

/* ------------------------------------------------------------ top level */

static bool decode(struct cbor_reader *r, struct policy *p)
{
	struct mapwalk w;
	uint64_t k, n;
	size_t id_start = 0, id_end = 0, body_start;
	const uint8_t *id = NULL;
	struct rule_order prev = { 0 }, cur;

	TRY(mw_begin(r, &w));
	body_start = r->pos;
	while (true) {
		size_t key_start = r->pos;
		if (!mw_next(r, &w, &k))
			break;
		switch (k) {
		case 1:
			TRY(cbor_read_uint(r, &p->schema));
			if (p->schema != 1)
				return cbor_fail(r, "unsupported schema version");
			break;
		case 2:
			TRY(read_pstr(r, &p->fleet_id));
			break;
		case 3:
			TRY(read_pstr(r, &p->device_id));
			if (p->device_id.n == 0)
				return cbor_fail(r, "empty device id");
			break;
		case 4:
			id_start = key_start;
			TRY(read_bstr_len(r, SHA256_LEN, &id));
			id_end = r->pos;
			break;
		case 5:
			TRY(cbor_read_uint_max(r, UINT32_MAX, &p->counter));
			break;
		case 6:
			TRY(cbor_read_uint(r, &p->created));
			break;
		case 7:
			TRY(binding(r, p));
			break;
		case 8:
			TRY(cbor_read_array(r, &n));
			p->n_storage_keys = (uint32_t)n;
			for (uint64_t i = 0; i < n; i++)
				TRY(storage_key(r, i));
			break;
		case 9:
			TRY(cbor_read_array(r, &n));
			p->n_storage_rules = (uint32_t)n;
			for (uint64_t i = 0; i < n; i++) {
				TRY(storage_rule(r, p->n_storage_keys, &cur));
				if (i > 0 && order_cmp(&prev, &cur) >= 0)
					return cbor_fail(r, "storage rules not sorted or duplicate");
				prev = cur;
			}
			break;
		case 10:
			TRY(usb(r, p->n_storage_keys, p));
			break;
		case 11:
			TRY(network(r, p));
			break;
		case 12:
			TRY(dma(r, p));
			break;
		case 13:
			TRY(login(r, p));
			break;
		case 14:
			TRY(settings(r, &p->settings));
			break;
		default:
			return cbor_fail(r, "unknown key in policy");
		}
	}
	uint64_t required = 0x7ffeull & ~BIT(7);
	TRY(mw_end(r, &w, required, "policy lacks a required key"));
	if (!cbor_at_end(r))
		return cbor_fail(r, "trailing bytes after the policy");

	/*
	 * Policy id (1.4): hash of the same map without key 4. The input is proven
	 * deterministic at this point, so splicing out the key-4 entry and
	 * decrementing the count yields exactly the re-encoding; the map has at most
	 * 14 entries, so its header is the single byte 0xa0 + count.
	 */
	uint8_t hdr = (uint8_t)(r->base[0] - 1);
	if (r->base[0] < 0xa1 || r->base[0] > 0xb7 || body_start != 1)
		return cbor_fail(r, "policy map header not a single byte");
	struct sha256_ctx c;
	uint8_t digest[SHA256_LEN];
	sha256_init(&c);
	sha256_update(&c, &hdr, 1);
	sha256_update(&c, r->base + body_start, id_start - body_start);
	sha256_update(&c, r->base + id_end, r->len - id_end);
	sha256_final(&c, digest);
	for (int i = 0; i < SHA256_LEN; i++)
		p->policy_id[i] = id[i];
	int diff = 0;
	for (int i = 0; i < SHA256_LEN; i++)
		diff |= digest[i] ^ id[i];
	if (diff) {
		r->pos = id_start;
		r->err = NULL;
		return cbor_fail(r, "policy id does not match the policy (1.4)");
	}
	return true;
}

bool policy_decode(const uint8_t *payload, size_t n, struct policy *out, struct policy_error *err)
{
	struct cbor_reader r;
	uint8_t *z = (uint8_t *)out;
	for (size_t i = 0; i < sizeof *out; i++)
		z[i] = 0;
	cbor_init(&r, payload, n);
	if (cbor_ok(&r) && decode(&r, out))
		return true;
	err->reason = r.err ? r.err : "invalid policy";
	err->offset = r.err_pos;
	err->where = "payload";
	return false;
}
