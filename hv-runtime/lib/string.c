/* SPDX-License-Identifier: EPL-2.0 */
#include "lib.h"

/* memcpy and memset come from gnu-efi's libefi. */

void *memmove(void *d, const void *s, size_t n)
{
	uint8_t *a = d;
	const uint8_t *b = s;
	if (a < b) {
		while (n--)
			*a++ = *b++;
	} else {
		while (n--)
			a[n] = b[n];
	}
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;
	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

/*
 * Debian builds libbearssl.a with _FORTIFY_SOURCE, which routes some memcpy and
 * memset calls through the checked variants; honour the check, then do the work.
 */
void *__memcpy_chk(void *d, const void *s, size_t n, size_t dlen);
void *__memset_chk(void *d, int c, size_t n, size_t dlen);

void *__memcpy_chk(void *d, const void *s, size_t n, size_t dlen)
{
	if (n > dlen)
		__builtin_trap();
	return memcpy(d, s, n);
}

void *__memset_chk(void *d, int c, size_t n, size_t dlen)
{
	if (n > dlen)
		__builtin_trap();
	return memset(d, c, n);
}
