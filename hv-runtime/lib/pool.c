/* SPDX-License-Identifier: EPL-2.0 */
#include "lib.h"

#define PAGE 4096ull

void pool_init(struct pool *p, uint64_t base, uint64_t size)
{
	p->base = base;
	p->size = size;
	p->used = 0;
	p->lock.v = 0;
}

void *pool_alloc_pages(struct pool *p, uint64_t npages)
{
	void *r = NULL;
	spin_lock(&p->lock);
	if (npages <= (p->size - p->used) / PAGE) {
		r = (void *)(uintptr_t)(p->base + p->used);
		p->used += npages * PAGE;
	}
	spin_unlock(&p->lock);
	if (r)
		memset(r, 0, npages * PAGE);
	return r;
}
