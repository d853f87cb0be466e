/* SPDX-License-Identifier: EPL-2.0 */
/*
 * VMMCALL ABI between a guest (parapet-hvctl) and the runtime. Shared by the
 * runtime and the Linux tool, so it uses only fixed-width types.
 *
 * A call is VMMCALL with RAX = function. Data travels in registers only: the
 * hypervisor never writes guest memory on behalf of a caller, so no caller, at
 * any privilege level, can aim it at memory it could not write itself.
 *
 *   HVCALL_INFO_READ (RBX = byte offset, multiple of 32, into struct hv_info):
 *     RAX = 0 on success, HVCALL_EINVAL for a bad offset;
 *     RBX, RCX, RDX, RSI = the 32 bytes at that offset, little-endian.
 *   Any other function: RAX = HVCALL_ENOSYS.
 * The record is regenerated on every call at offset 0 and held per CPU until the
 * next offset-0 read, so a reader that starts at 0 gets one consistent snapshot.
 */
#ifndef PARAPET_HVCALL_H
#define PARAPET_HVCALL_H

#include <stdint.h>

/* CPUID 0x40000000: EBX ECX EDX = "ParapetHV\0\0\0". */
#define HV_CPUID_SIG_EBX 0x61726150u   /* "Para" */
#define HV_CPUID_SIG_ECX 0x48746570u   /* "petH" */
#define HV_CPUID_SIG_EDX 0x00000056u   /* "V\0\0\0" */

#define HVCALL_INFO_READ 0x50500001ull
#define HVCALL_EINVAL ((uint64_t)-22)
#define HVCALL_ENOSYS ((uint64_t)-38)

#define HV_INFO_MAGIC 0x4f464e4950505048ull /* "HPPPINFO" */
#define HV_INFO_VERSION 1
#define HV_MAX_CPUS 8

enum hv_counter {
	HVC_EXITS,
	HVC_CPUID,
	HVC_MSR,
	HVC_VMMCALL,
	HVC_NPF,
	HVC_NPF_LAZY,
	HVC_APIC_WRITE,
	HVC_INIT,
	HVC_SIPI,
	HVC_SVM_INSN,
	HVC_HV_MEM_VIOLATION,
	HVC_REFUSED,
	HVC_COUNT
};

struct hv_info {
	uint64_t magic;
	uint32_t version;
	uint32_t ncpus_virtualized;
	char runtime_version[32];
	uint8_t policy_id[32];
	char device_id[64];        /* NUL-padded; truncated if longer */
	uint64_t rollback_counter;
	uint64_t uptime_ms;        /* since the blue pill on the boot CPU */
	uint64_t hv_mem_base;      /* the guest-inaccessible region */
	uint64_t hv_mem_size;
	uint64_t counters[16];     /* enum hv_counter, summed over CPUs */
	uint64_t cpu_exits[HV_MAX_CPUS];
	uint8_t reserved[80];
};

#define HV_INFO_SIZE 448
_Static_assert(sizeof(struct hv_info) == HV_INFO_SIZE, "hv_info ABI size");

/* Reads the whole record (caller must have checked the CPUID signature). 0 on success. */
static inline int hvcall_info_read(struct hv_info *info)
{
	uint64_t *q = (uint64_t *)(void *)info;
	for (uint64_t off = 0; off < sizeof *info; off += 32) {
		uint64_t rax = HVCALL_INFO_READ, rbx = off, rcx, rdx, rsi;
		__asm__ volatile("vmmcall" : "+a"(rax), "+b"(rbx), "=c"(rcx), "=d"(rdx), "=S"(rsi)::"memory");
		if (rax != 0)
			return -1;
		q[off / 8] = rbx;
		q[off / 8 + 1] = rcx;
		q[off / 8 + 2] = rdx;
		q[off / 8 + 3] = rsi;
	}
	return info->magic == HV_INFO_MAGIC && info->version == HV_INFO_VERSION ? 0 : -1;
}

#endif
