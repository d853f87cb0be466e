/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Execution envelope for Debian's libbearssl.a inside the EFI application.
 *
 * The archive is built for the hosted SysV ABI: it may use the 128-byte red
 * zone below RSP, reads the stack-protector canary from %fs:0x28 and calls
 * __stack_chk_fail and the _FORTIFY_SOURCE helpers. Rather than rebuild
 * BearSSL (no source is available from the Debian binary archive), the loader
 * links the unmodified members and calls them inside this envelope:
 *  - interrupts are disabled, so no firmware interrupt frame can land in the
 *    red zone (the only asynchronous writer of the stack in boot services);
 *  - FS.base points at a private block whose word at 0x28 is the canary;
 *  - the libc symbols come from lib/string.c and below.
 * The code is otherwise position independent (Debian's toolchain builds PIE),
 * so its relocations are the R_X86_64_RELATIVE kind gnu-efi applies.
 */
#include <efi.h>

#include "../lib/lib.h"
#include "crypto.h"
#include "crypto_efi.h"

#define MSR_FS_BASE 0xc0000100u

static uint64_t tls_block[8] __attribute__((aligned(64)));

void __stack_chk_fail(void);
void __stack_chk_fail(void)
{
	hvlog("parapet: BearSSL stack protector tripped, halting\n");
	for (;;)
		__asm__ volatile("cli; hlt");
}

static uint64_t rdmsr(uint32_t m)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(m));
	return ((uint64_t)hi << 32) | lo;
}

static void wrmsr(uint32_t m, uint64_t v)
{
	__asm__ volatile("wrmsr" ::"c"(m), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

bool policy_verify_envelope(const uint8_t *blob, size_t n, const uint8_t pub[P256_POINT_LEN],
			    struct policy *out, struct policy_error *err)
{
	uint64_t flags;
	__asm__ volatile("pushfq; popq %0; cli" : "=r"(flags)::"memory");
	uint64_t fs = rdmsr(MSR_FS_BASE);
	tls_block[5] = rdtsc() * 0x9e3779b97f4a7c15ull;   /* canary at %fs:0x28 */
	wrmsr(MSR_FS_BASE, (uint64_t)(uintptr_t)tls_block);
	bool ok = policy_verify(blob, n, pub, out, err);
	wrmsr(MSR_FS_BASE, fs);
	if (flags & 0x200)
		__asm__ volatile("sti" ::: "memory");
	return ok;
}
