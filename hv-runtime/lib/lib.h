/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Freestanding support for the EFI build: string functions (also what the
 * Debian BearSSL archive expects from libc), a small formatter, the serial and
 * debug-console logger that works with or without UEFI, and the reserved pool.
 */
#ifndef PARAPET_LIB_H
#define PARAPET_LIB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

int vfmt(char *buf, size_t size, const char *fmt, va_list ap);
int fmt(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * Log to COM1 and the QEMU debug console (port 0xE9) by programmed I/O. Safe in
 * host (hypervisor) context on any CPU; serialised by a spinlock.
 */
void hvlog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Only the debug console: for the loader, whose console output the firmware already mirrors to COM1. */
void dbglog_str(const char *s);

struct spinlock {
	volatile uint32_t v;
};
void spin_lock(struct spinlock *l);
void spin_unlock(struct spinlock *l);

/*
 * Reserved pool: one physically contiguous region allocated before
 * ExitBootServices, hidden from the guest by nested paging. Allocation is a
 * bump pointer; nothing is ever freed.
 */
struct pool {
	uint64_t base, size, used;
	struct spinlock lock;
};
void pool_init(struct pool *p, uint64_t base, uint64_t size);
/* Page-aligned, zeroed; NULL when exhausted. */
void *pool_alloc_pages(struct pool *p, uint64_t npages);

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" ::"a"(v), "Nd"(port));
}
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}
static inline void cpu_relax(void)
{
	__asm__ volatile("pause" ::: "memory");
}

#endif
