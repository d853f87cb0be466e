/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Policy blob reader: COSE_Sign1/ES256 envelope and schema-1 payload
 * (docs/formats.md section 1). Plain C11 without firmware dependencies so the
 * same code runs in the loader, in host unit tests and under the fuzzer.
 *
 * Strings point into the caller's blob buffer, which must outlive the result.
 */
#ifndef PARAPET_POLICY_H
#define PARAPET_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../crypto/crypto.h"

struct pstr {
	const char *p;
	size_t n;
};

struct policy_settings {
	uint8_t log_level;   /* 0 error .. 3 debug */
	uint8_t console;     /* 0 none, 1 serial, 2 vga */
	bool oob;
	uint8_t panic;       /* 0 halt, 1 reboot */
	bool has_loader;
	struct pstr loader;  /* ESP path of the OS loader to chain-load */
};

struct policy {
	uint64_t schema;
	struct pstr fleet_id;
	struct pstr device_id;
	uint8_t policy_id[SHA256_LEN];
	uint64_t counter;
	uint64_t created;
	bool bound;
	bool has_serial;
	struct pstr serial;  /* SMBIOS type 1 serial the machine must report */
	/* Decoded and validated in full; the runtime keeps only counts for now. */
	uint32_t n_storage_keys;
	uint32_t n_storage_rules;
	uint32_t n_usb_rules;
	uint8_t usb_default;
	uint32_t n_nics;
	bool encrypt_all;
	uint32_t n_peers;
	uint32_t n_bypass;
	uint8_t iommu;
	bool dma_protect_self;
	uint32_t n_dma_scopes;
	uint32_t n_login_methods;
	uint64_t pin_min, pin_max, pin_tries;
	uint32_t n_anchors, n_cards;
	struct policy_settings settings;
};

struct policy_error {
	const char *reason;  /* static string, never NULL after a failure */
	size_t offset;       /* byte offset in the input where it was detected */
	const char *where;   /* "envelope", "protected header", "payload" or "signature" */
};

/*
 * Decodes and validates a schema-1 payload (the bstr inside COSE_Sign1) and
 * recomputes the policy id (1.4). No signature check.
 */
bool policy_decode(const uint8_t *payload, size_t n, struct policy *out, struct policy_error *err);

/* Parsed COSE_Sign1 envelope; all pointers into the blob. */
struct cose_sign1 {
	const uint8_t *protected_hdr;
	size_t protected_len;
	const uint8_t *kid;  /* NULL when absent */
	const uint8_t *payload;
	size_t payload_len;
	const uint8_t *sig;
};

bool cose_parse(const uint8_t *blob, size_t n, struct cose_sign1 *out, struct policy_error *err);

/*
 * Full verification: envelope, ES256 signature with pub, then the payload.
 * The signature is checked before the payload is decoded so that unsigned input
 * only ever reaches the small envelope parser.
 */
bool policy_verify(const uint8_t *blob, size_t n, const uint8_t pub[P256_POINT_LEN],
		   struct policy *out, struct policy_error *err);

#endif
