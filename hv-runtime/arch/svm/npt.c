/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Nested page tables (guest-physical -> host-physical, identity) and the host's
 * own page tables. Both identity-map the first 512 GiB with 2 MiB pages up
 * front; nested entries above that are created on the first nested page fault.
 * The hypervisor's region is left unmapped in the nested tables, which is what
 * makes it unreachable for the guest (CPU accesses; DMA is out of scope here).
 */
#include "svm.h"

#define NPT_P 0x1ull
#define NPT_RW 0x2ull
#define NPT_US 0x4ull   /* nested walks are user accesses: required at every level */
#define NPT_PS 0x80ull
#define TWO_MB (2ull << 20)
#define INITIAL_GB 512

bool hv_owns(const struct hv *hv, uint64_t pa, uint64_t len)
{
	return pa < hv->mem_base + hv->mem_size && pa + len > hv->mem_base;
}

static uint64_t *identity_512g(struct hv *hv, uint64_t flags)
{
	uint64_t *t = pool_alloc_pages(&hv->pool, 2 + INITIAL_GB);
	if (!t)
		return NULL;
	uint64_t *pml4 = t, *pdpt = t + 512, *pd = t + 1024;
	pml4[0] = (uint64_t)(uintptr_t)pdpt | flags;
	for (uint64_t i = 0; i < INITIAL_GB; i++) {
		pdpt[i] = (uint64_t)(uintptr_t)(pd + i * 512) | flags;
		for (uint64_t j = 0; j < 512; j++)
			pd[i * 512 + j] = ((i << 30) | (j << 21)) | flags | NPT_PS;
	}
	return pml4;
}

static uint64_t *pde_of(uint64_t *pml4, uint64_t pa)
{
	uint64_t *pdpt = (uint64_t *)(uintptr_t)(pml4[(pa >> 39) & 511] & PA_MASK);
	uint64_t *pd = (uint64_t *)(uintptr_t)(pdpt[(pa >> 30) & 511] & PA_MASK);
	return &pd[(pa >> 21) & 511];
}

const char *host_pt_build(struct hv *hv, struct svm_shared *s)
{
	s->host_pml4 = identity_512g(hv, NPT_P | NPT_RW);
	return s->host_pml4 ? NULL : "pool exhausted (host page tables)";
}

const char *npt_build(struct hv *hv, struct svm_shared *s)
{
	s->npt_pml4 = identity_512g(hv, NPT_P | NPT_RW | NPT_US);
	if (!s->npt_pml4)
		return "pool exhausted (nested page tables)";
	/* The region is 2 MiB aligned and sized (boot/main.c), so whole PDEs go. */
	for (uint64_t pa = hv->mem_base; pa < hv->mem_base + hv->mem_size; pa += TWO_MB)
		*pde_of(s->npt_pml4, pa) = 0;
	/*
	 * The xAPIC page becomes read-only so that ICR writes (INIT/SIPI) trap:
	 * split its 2 MiB page into 4 KiB entries.
	 */
	uint64_t *pt = pool_alloc_pages(&hv->pool, 1);
	if (!pt)
		return "pool exhausted (APIC page table)";
	uint64_t big = s->apic_page & ~(TWO_MB - 1);
	if (hv_owns(hv, big, TWO_MB))
		return "APIC page inside the hypervisor region";
	for (uint64_t i = 0; i < 512; i++)
		pt[i] = (big + i * PAGE) | NPT_P | NPT_RW | NPT_US;
	pt[(s->apic_page - big) / PAGE] = s->apic_page | NPT_P | NPT_US;
	*pde_of(s->npt_pml4, big) = (uint64_t)(uintptr_t)pt | NPT_P | NPT_RW | NPT_US;
	return NULL;
}

/*
 * Identity-maps the 2 MiB region around gpa when it lies beyond the initial
 * map (e.g. 64-bit BARs at 0xE0_0000_0000). Refuses anything inside the first
 * 512 GiB: a fault there is a real violation, not a missing entry.
 */
bool npt_lazy_map(struct hv *hv, struct svm_shared *s, uint64_t gpa)
{
	bool ok = false;
	if (gpa >> 48 || gpa < ((uint64_t)INITIAL_GB << 30) || hv_owns(hv, gpa & ~(TWO_MB - 1), TWO_MB))
		return false;
	spin_lock(&s->npt_lock);
	uint64_t *t = s->npt_pml4;
	for (int lvl = 3; lvl >= 2; lvl--) {
		uint64_t *e = &t[(gpa >> (12 + 9 * lvl)) & 511];
		if (!(*e & NPT_P)) {
			uint64_t *n = pool_alloc_pages(&hv->pool, 1);
			if (!n)
				goto out;
			*e = (uint64_t)(uintptr_t)n | NPT_P | NPT_RW | NPT_US;
		} else if (*e & NPT_PS) {
			goto out;
		}
		t = (uint64_t *)(uintptr_t)(*e & PA_MASK);
	}
	uint64_t *pde = &t[(gpa >> 21) & 511];
	/* Another CPU may have mapped it while we waited for the lock. */
	if (!(*pde & NPT_P))
		*pde = (gpa & ~(TWO_MB - 1)) | NPT_P | NPT_RW | NPT_US | NPT_PS;
	ok = true;
out:
	spin_unlock(&s->npt_lock);
	return ok;
}
