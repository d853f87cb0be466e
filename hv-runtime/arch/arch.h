/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Interface between the loader (boot/) and a virtualization back end (arch/).
 * Only AMD SVM (arch/svm/) exists; an Intel VT-x back end would implement the
 * same functions in arch/vmx/. Everything the back end allocates comes from
 * the reserved pool in struct hv, before ExitBootServices.
 */
#ifndef PARAPET_ARCH_H
#define PARAPET_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../lib/lib.h"
#include "hvcall.h"

struct vcpu;

/* State shared by all CPUs; lives in the protected region. */
struct hv {
	struct pool pool;
	uint64_t mem_base, mem_size;     /* the region nested paging hides from the guest */
	uint64_t image_delta;            /* relocated copy minus the loaded image */
	uint64_t tsc0, tsc_hz;
	struct hv_info ident;            /* static part of the hvctl record */
	uint64_t counters[HVC_COUNT];    /* updated atomically */
	uint32_t ncpus;                  /* CPUs the firmware reports */
	uint32_t nvirt;                  /* CPUs running under the hypervisor */
	struct vcpu *cpu[HV_MAX_CPUS];
	void *arch;                      /* back-end private state */
};

/* Returns NULL when the CPU can host this back end, else the reason it cannot. */
const char *arch_unsupported(void);

/*
 * Builds the back end's shared structures (nested page tables, host page
 * tables, permission maps, per-CPU blocks for ncpus CPUs) in hv->pool. The
 * loader has already reserved a pool page range for the relocated copy of the
 * image and set hv->image_delta, which the host entry points are based on.
 * Returns NULL or the reason for failure.
 */
const char *arch_prepare(struct hv *hv, uint32_t ncpus);

/*
 * Moves the calling CPU (number idx) under the hypervisor: on return it runs as
 * a guest. Callable on application processors (no firmware services used).
 * Returns NULL on success, else the reason.
 */
const char *arch_virtualize_cpu(struct hv *hv, uint32_t idx);

/* True when the current CPU runs under this hypervisor (CPUID signature). */
bool arch_hv_present(void);

static inline void hv_count(struct hv *hv, enum hv_counter c)
{
	__atomic_fetch_add(&hv->counters[c], 1, __ATOMIC_RELAXED);
}

#endif
