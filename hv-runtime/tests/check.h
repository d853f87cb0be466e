/* SPDX-License-Identifier: EPL-2.0 */
/*
 * The assertion and the closing line shared by the host unit tests. Each test program includes it
 * once; the closing line "NAME: N passed, N failed" is what `make check` adds up.
 */
#ifndef PARAPET_TESTS_CHECK_H
#define PARAPET_TESTS_CHECK_H

#include <stdio.h>

static unsigned passed, failed;

#define CHECK(cond, ...)                                            \
	do {                                                        \
		if (cond) {                                         \
			passed++;                                   \
		} else {                                            \
			failed++;                                   \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__);                        \
			printf("\n");                               \
		}                                                   \
	} while (0)

/* Prints the closing line and returns the exit status of the test program. */
static inline int check_summary(const char *suite)
{
	printf("%s: %u passed, %u failed\n", suite, passed, failed);
	return failed != 0;
}

#endif
