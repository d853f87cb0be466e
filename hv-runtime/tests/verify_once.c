/* SPDX-License-Identifier: EPL-2.0 */
/*
 * One policy verification of VECTOR_DIR/good.cose, for instruction counts:
 *   valgrind --tool=callgrind --toggle-collect=policy_verify build/verify_once VECTOR_DIR
 */
#include <stdio.h>
#include <stdlib.h>

#include "../policy/policy.h"

static size_t slurp(const char *dir, const char *name, uint8_t *buf, size_t max)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(2);
	}
	size_t n = fread(buf, 1, max, f);
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	static uint8_t blob[1 << 20], pub[P256_POINT_LEN];
	if (argc != 2)
		return 2;
	size_t n = slurp(argv[1], "good.cose", blob, sizeof blob);
	if (slurp(argv[1], "pub.bin", pub, sizeof pub) != sizeof pub)
		return 2;
	struct policy p;
	struct policy_error e;
	if (!policy_verify(blob, n, pub, &p, &e)) {
		printf("verify failed: %s\n", e.reason);
		return 1;
	}
	printf("verified %zu bytes, device %.*s\n", n, (int)p.device_id.n, p.device_id.p);
	return 0;
}
