/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Host unit tests for policy/ and crypto/: the corpus written by mkblob.py
 * (good and deliberately broken signed blobs, each with the expected reason),
 * plus exhaustive truncation, bit flips and hand-made hostile encodings.
 * Usage: test_policy VECTOR_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../policy/cbor.h"
#include "../policy/policy.h"
#include "check.h"


static uint8_t *slurp(const char *dir, const char *name, size_t *n)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(2);
	}
	uint8_t *buf = malloc(2 << 20);
	*n = fread(buf, 1, 2 << 20, f);
	fclose(f);
	return buf;
}

static void corpus(const char *dir, const uint8_t *pub)
{
	char path[4096], line[512];
	snprintf(path, sizeof path, "%s/cases.tsv", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(2);
	}
	while (fgets(line, sizeof line, f)) {
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab++ = 0;
		tab[strcspn(tab, "\n")] = 0;
		char file[600];
		snprintf(file, sizeof file, "%s.cose", line);
		size_t n;
		uint8_t *blob = slurp(dir, file, &n);
		struct policy p;
		struct policy_error e = { 0 };
		bool ok = policy_verify(blob, n, pub, &p, &e);
		if (!strcmp(tab, "OK"))
			CHECK(ok, "%s: expected OK, got %s: %s at %zu", line, e.where, e.reason, e.offset);
		else
			CHECK(!ok && e.reason && strstr(e.reason, tab), "%s: expected '%s', got %s", line, tab,
			      ok ? "OK" : e.reason);
		free(blob);
	}
	fclose(f);
}

static void good_fields(const char *dir, const uint8_t *pub)
{
	size_t n, idn;
	uint8_t *blob = slurp(dir, "good.cose", &n);
	uint8_t *idhex = slurp(dir, "good.id", &idn);
	struct policy p;
	struct policy_error e;
	CHECK(policy_verify(blob, n, pub, &p, &e), "good blob");
	char hex[65];
	for (int i = 0; i < 32; i++)
		sprintf(hex + 2 * i, "%02x", p.policy_id[i]);
	CHECK(idn >= 64 && !memcmp(hex, idhex, 64), "policy id %s", hex);
	CHECK(p.device_id.n == 8 && !memcmp(p.device_id.p, "dev-0001", 8), "device id");
	CHECK(p.counter == 5 && p.schema == 1, "counter/schema");
	CHECK(p.has_serial && p.serial.n == 15 && !memcmp(p.serial.p, "PARAPET-SN-0001", 15), "serial");
	CHECK(p.n_storage_keys == 2 && p.n_storage_rules == 3 && p.n_usb_rules == 2, "storage/usb counts");
	CHECK(p.n_nics == 3 && p.n_peers == 2 && p.n_bypass == 2 && p.encrypt_all, "network");
	CHECK(p.iommu == 1 && p.dma_protect_self && p.n_dma_scopes == 2, "dma");
	CHECK(p.n_login_methods == 2 && p.pin_min == 6 && p.pin_max == 8 && p.n_anchors == 1, "login");
	CHECK(p.settings.has_loader && p.settings.loader.n == 23 && p.settings.log_level == 2, "settings");

	/* Every truncation of the blob is refused with a reason. */
	unsigned bad = 0;
	for (size_t i = 0; i < n; i++) {
		e.reason = NULL;
		if (policy_verify(blob, i, pub, &p, &e) || !e.reason)
			bad++;
	}
	CHECK(bad == 0, "%u truncations accepted or without reason", bad);

	/*
	 * Every single-bit flip of the blob is refused (signature or parse), except
	 * in the kid, which COSE leaves unprotected and the runtime does not use.
	 */
	struct cose_sign1 s;
	CHECK(cose_parse(blob, n, &s, &e) && s.kid, "parse good envelope");
	size_t kid0 = (size_t)(s.kid - blob) * 8, kid1 = kid0 + 32 * 8;
	bad = 0;
	for (size_t i = 0; i < n * 8; i++) {
		if (i >= kid0 && i < kid1)
			continue;
		blob[i / 8] ^= (uint8_t)(1u << (i % 8));
		e.reason = NULL;
		if (policy_verify(blob, n, pub, &p, &e) || !e.reason)
			bad++;
		blob[i / 8] ^= (uint8_t)(1u << (i % 8));
	}
	CHECK(bad == 0, "%u bit flips accepted", bad);

	/* The unsigned decoder itself on truncated and flipped payloads: must not crash. */
	uint8_t *pl = malloc(s.payload_len);
	memcpy(pl, s.payload, s.payload_len);
	bad = 0;
	for (size_t i = 0; i < s.payload_len; i++) {
		e.reason = NULL;
		if (policy_decode(pl, i, &p, &e) || !e.reason)
			bad++;
	}
	CHECK(bad == 0, "%u payload truncations accepted", bad);
	unsigned accepted = 0;
	for (size_t i = 0; i < s.payload_len * 8; i++) {
		pl[i / 8] ^= (uint8_t)(1u << (i % 8));
		e.reason = NULL;
		if (policy_decode(pl, s.payload_len, &p, &e))
			accepted++;
		else if (!e.reason)
			bad++;
		pl[i / 8] ^= (uint8_t)(1u << (i % 8));
	}
	/* A flip anywhere changes either the structure or the hashed content. */
	CHECK(accepted == 0 && bad == 0, "payload flips: %u accepted, %u without reason", accepted, bad);
	free(pl);
	free(blob);
	free(idhex);
}

static void expect_decode_error(const char *name, const uint8_t *b, size_t n, const char *reason)
{
	struct policy p;
	struct policy_error e = { 0 };
	bool ok = policy_decode(b, n, &p, &e);
	CHECK(!ok && e.reason && strstr(e.reason, reason), "%s: expected '%s', got '%s'", name, reason,
	      ok ? "OK" : e.reason);
}

static void expect_cose_error(const char *name, const uint8_t *b, size_t n, const char *reason)
{
	struct cose_sign1 s;
	struct policy_error e = { 0 };
	bool ok = cose_parse(b, n, &s, &e);
	CHECK(!ok && e.reason && strstr(e.reason, reason), "%s: expected '%s', got '%s'", name, reason,
	      ok ? "OK" : e.reason);
}

static void hostile(void)
{
	static const uint8_t huge_bstr[] = { 0xd2, 0x84, 0x5b, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	expect_cose_error("huge bstr length", huge_bstr, sizeof huge_bstr, "truncated");
	static const uint8_t huge_map[] = { 0xba, 0xff, 0xff, 0xff, 0xff };
	expect_decode_error("huge map count", huge_map, sizeof huge_map, "larger than 4096");
	static const uint8_t empty[] = { 0 };
	expect_decode_error("empty input", empty, 0, "truncated");
	expect_cose_error("empty envelope", empty, 0, "truncated");
	static const uint8_t neg_key[] = { 0xa1, 0x20, 0x00 };
	expect_decode_error("negative key", neg_key, sizeof neg_key, "not an unsigned integer");
	static const uint8_t text_key[] = { 0xa1, 0x61, 0x61, 0x00 };
	expect_decode_error("text key", text_key, sizeof text_key, "not an unsigned integer");
	static const uint8_t reserved[] = { 0xa1, 0x01, 0x1c };
	expect_decode_error("reserved ai", reserved, sizeof reserved, "reserved");
	static const uint8_t dup[] = { 0xa2, 0x01, 0x01, 0x01, 0x01 };
	expect_decode_error("duplicate key", dup, sizeof dup, "unsorted or duplicate");
	static const uint8_t notmap[] = { 0x80 };
	expect_decode_error("array at top", notmap, sizeof notmap, "expected map");
	static const uint8_t tag_inside[] = { 0xa1, 0x02, 0xc0, 0x60 };
	expect_decode_error("tag in payload", tag_inside, sizeof tag_inside, "expected text string");
	/* Oversized input is refused before parsing. */
	size_t big = CBOR_MAX_BLOB + 1;
	uint8_t *b = calloc(1, big);
	expect_cose_error("blob > 1 MiB", b, big, "larger than 1 MiB");
	/* 10,000-deep nested arrays in the protected header: skip depth limit. */
	size_t depth = 10000;
	uint8_t *nest = calloc(1, depth + 1);
	memset(nest, 0x81, depth);
	struct cbor_reader r;
	cbor_init(&r, nest, depth + 1);
	CHECK(!cbor_skip(&r, 0) && r.err && strstr(r.err, "deeper than 16"), "deep nesting: %s", r.err);
	free(nest);
	free(b);
	/* UTF-8 edge cases. */
	CHECK(cbor_utf8_valid((const uint8_t *)"\xf0\x9f\x98\x80", 4), "4-byte UTF-8");
	CHECK(!cbor_utf8_valid((const uint8_t *)"\xed\xa0\x80", 3), "surrogate");
	CHECK(!cbor_utf8_valid((const uint8_t *)"\xf4\x90\x80\x80", 4), "above U+10FFFF");
	CHECK(!cbor_utf8_valid((const uint8_t *)"\xe0\x80\xaf", 3), "overlong");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s VECTOR_DIR\n", argv[0]);
		return 2;
	}
	size_t n, m;
	uint8_t *pub = slurp(argv[1], "pub.bin", &n);
	uint8_t *other = slurp(argv[1], "other.bin", &m);
	CHECK(n == P256_POINT_LEN && m == P256_POINT_LEN, "key files");
	corpus(argv[1], pub);
	good_fields(argv[1], pub);
	hostile();
	free(pub);
	free(other);
	return check_summary("policy");
}
