/* SPDX-License-Identifier: EPL-2.0 */
/*
 * AMD SVM back end: blue pill of the running firmware on every CPU, the exit
 * handlers and INIT/SIPI emulation for application processors.
 *
 * Intercepted: CPUID (hypervisor bit, leaf 0x40000000, SVM hidden), EFER /
 * VM_CR / VM_HSAVE_PA (SVM hidden, EFER.SVME kept for VMRUN), VMMCALL (hvctl),
 * the SVM instructions (#UD: no nesting), INIT (AP start-up), SHUTDOWN, and
 * nested page faults (hypervisor memory, the xAPIC page, lazy mapping).
 */
#include "svm.h"

_Static_assert(__builtin_offsetof(struct gregs, rbx) == 8, "gregs layout");
_Static_assert(__builtin_offsetof(struct gregs, r15) == 112, "gregs layout");
_Static_assert(__builtin_offsetof(struct vcpu, vmcb) == 128, "vcpu layout");
_Static_assert(__builtin_offsetof(struct vcpu, host_cr3) == 136, "vcpu layout");
_Static_assert(__builtin_offsetof(struct vcpu, host_rsp) == 144, "vcpu layout");
_Static_assert(__builtin_offsetof(struct vcpu, host_entry) == 152, "vcpu layout");
_Static_assert(__builtin_offsetof(struct vcpu, gdtr) == 160, "vcpu layout");
_Static_assert(__builtin_offsetof(struct vcpu, idtr) == 176, "vcpu layout");

#define HOST_STACK_PAGES 4
#define ICR_LOW 0x300
#define ICR_HIGH 0x310

void svm_host_exception(uint64_t *frame);
void svm_host_main(struct vcpu *v) __attribute__((noreturn));

/* ------------------------------------------------------------ CPU helpers */

static inline uint64_t rdmsr(uint32_t m)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(m));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t m, uint64_t v)
{
	__asm__ volatile("wrmsr" ::"c"(m), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t *a, uint32_t *b, uint32_t *c, uint32_t *d)
{
	__asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(sub));
}

#define RDCR(n) ({ uint64_t v_; __asm__ volatile("mov %%cr" #n ", %0" : "=r"(v_)); v_; })
#define RDSEL(s) ({ uint16_t v_; __asm__ volatile("mov %%" #s ", %0" : "=r"(v_)); v_; })

static void halt_forever(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* ------------------------------------------------------------ probing */

const char *arch_unsupported(void)
{
	uint32_t a, b, c, d;
	cpuid(0x80000000, 0, &a, &b, &c, &d);
	if (a < 0x8000000a)
		return "CPU has no extended leaf 0x8000000A (not AMD-V capable)";
	cpuid(0x80000001, 0, &a, &b, &c, &d);
	if (!(c & (1u << 2)))
		return "CPU does not support AMD SVM (CPUID 80000001h ECX.SVM = 0)";
	if (rdmsr(MSR_VM_CR) & (1u << 4))
		return "SVM is disabled by the firmware (VM_CR.SVMDIS)";
	cpuid(0x8000000a, 0, &a, &b, &c, &d);
	if (!(d & 1))
		return "CPU does not support nested paging (CPUID 8000000Ah EDX.NP = 0)";
	return NULL;
}

bool arch_hv_present(void)
{
	uint32_t a, b, c, d;
	cpuid(1, 0, &a, &b, &c, &d);
	if (!(c & (1u << 31)))
		return false;
	cpuid(0x40000000, 0, &a, &b, &c, &d);
	return b == HV_CPUID_SIG_EBX && c == HV_CPUID_SIG_ECX && d == HV_CPUID_SIG_EDX;
}

/* ------------------------------------------------------------ preparation */

static void msrpm_intercept(uint8_t *msrpm, uint32_t msr)
{
	/* Two bits (read, write) per MSR in three 2 KiB ranges. */
	uint32_t base, off;
	if (msr < 0x2000) {
		base = 0;
		off = msr;
	} else if (msr >= 0xc0000000u && msr < 0xc0002000u) {
		base = 0x800;
		off = msr - 0xc0000000u;
	} else {
		base = 0x1000;
		off = msr - 0xc0010000u;
	}
	msrpm[base + off * 2 / 8] |= (uint8_t)(3u << (off * 2 % 8));
}

const char *arch_prepare(struct hv *hv, uint32_t ncpus)
{
	struct svm_shared *s = pool_alloc_pages(&hv->pool, 1);
	if (!s)
		return "pool exhausted";
	hv->arch = s;
	s->apic_page = rdmsr(MSR_APIC_BASE) & PA_MASK;
	s->iopm = pool_alloc_pages(&hv->pool, 3);
	s->msrpm = pool_alloc_pages(&hv->pool, 2);
	uint8_t *gdtidt = pool_alloc_pages(&hv->pool, 2);
	if (!s->iopm || !s->msrpm || !gdtidt)
		return "pool exhausted";
	/* No port I/O is intercepted: the IOPM stays all zero. */
	msrpm_intercept(s->msrpm, MSR_EFER);
	msrpm_intercept(s->msrpm, MSR_VM_CR);
	msrpm_intercept(s->msrpm, MSR_VM_HSAVE_PA);

	s->gdt = (uint64_t *)gdtidt;
	s->gdt[1] = 0x00af9a000000ffffull;   /* 0x08: 64-bit code */
	s->gdt[2] = 0x00cf92000000ffffull;   /* 0x10: data */
	s->idt = (uint64_t *)(gdtidt + PAGE);
	for (int i = 0; i < 32; i++) {
		uint64_t h = (uint64_t)(uintptr_t)svm_exc_stubs + hv->image_delta + (uint64_t)i * 16;
		s->idt[i * 2] = (h & 0xffff) | (0x08ull << 16) | (0x8eull << 40) | (((h >> 16) & 0xffff) << 48);
		s->idt[i * 2 + 1] = h >> 32;
	}
	/* NMI in the host only ever means "drain the NMI an exit left pending": return at once. */
	uint64_t h = (uint64_t)(uintptr_t)svm_nmi_return + hv->image_delta;
	s->idt[2 * 2] = (h & 0xffff) | (0x08ull << 16) | (0x8eull << 40) | (((h >> 16) & 0xffff) << 48);
	s->idt[2 * 2 + 1] = h >> 32;
	const char *why = host_pt_build(hv, s);
	if (!why)
		why = npt_build(hv, s);
	if (why)
		return why;

	hv->ncpus = ncpus > HV_MAX_CPUS ? HV_MAX_CPUS : ncpus;
	for (uint32_t i = 0; i < hv->ncpus; i++) {
		struct vcpu *v = pool_alloc_pages(&hv->pool, (sizeof(struct vcpu) + PAGE - 1) / PAGE);
		uint8_t *vmcb = pool_alloc_pages(&hv->pool, 2 + HOST_STACK_PAGES);
		if (!v || !vmcb)
			return "pool exhausted (per-CPU state)";
		v->hv = hv;
		v->index = i;
		v->vmcb = vmcb;
		v->vmcb_pa = (uint64_t)(uintptr_t)vmcb;
		v->host_cr3 = (uint64_t)(uintptr_t)s->host_pml4;
		v->host_rsp = v->vmcb_pa + (2 + HOST_STACK_PAGES) * PAGE - 8;
		v->host_entry = (uint64_t)(uintptr_t)svm_host_main + hv->image_delta;
		v->gdtr.limit = 3 * 8 - 1;
		v->gdtr.base = (uint64_t)(uintptr_t)s->gdt;
		v->idtr.limit = 32 * 16 - 1;
		v->idtr.base = (uint64_t)(uintptr_t)s->idt;
		hv->cpu[i] = v;
	}
	return NULL;
}

/* ------------------------------------------------------------ VMCB set-up */

static uint16_t seg_attr(uint64_t gdt_base, uint16_t sel)
{
	if ((sel & ~7) == 0)
		return 0;
	uint64_t d = *(uint64_t *)(uintptr_t)(gdt_base + (sel & ~7u));
	return (uint16_t)(((d >> 40) & 0xff) | (((d >> 52) & 0xf) << 8));
}

static void set_seg(uint8_t *vmcb, uint32_t off, uint16_t sel, uint16_t attr, uint32_t limit, uint64_t base)
{
	V16(vmcb, off) = sel;
	V16(vmcb, off + 2) = attr;
	V32(vmcb, off + 4) = limit;
	V64(vmcb, off + 8) = base;
}

static void vmcb_controls(struct vcpu *v)
{
	struct svm_shared *s = v->hv->arch;
	uint8_t *c = v->vmcb;
	V32(c, VMCB_INTERCEPT1) = I1_NMI | I1_INIT | I1_CPUID | I1_MSR | I1_SHUTDOWN;
	V32(c, VMCB_INTERCEPT2) = I2_VMRUN | I2_VMMCALL | I2_VMLOAD | I2_VMSAVE | I2_STGI | I2_CLGI |
				  I2_SKINIT | I2_INVLPGA;
	V32(c, VMCB_EXC) = 0;
	V32(c, VMCB_ASID) = 1;
	V8(c, VMCB_TLBCTL) = 1;
	V64(c, VMCB_IOPM) = (uint64_t)(uintptr_t)s->iopm;
	V64(c, VMCB_MSRPM) = (uint64_t)(uintptr_t)s->msrpm;
	V64(c, VMCB_NPCTL) = 1;
	V64(c, VMCB_NCR3) = (uint64_t)(uintptr_t)s->npt_pml4;
}

/* The guest state is the calling CPU's current state. */
static void vmcb_capture(struct vcpu *v)
{
	uint8_t *c = v->vmcb;
	struct dtr gdtr, idtr;
	__asm__ volatile("sgdt %0" : "=m"(gdtr));
	__asm__ volatile("sidt %0" : "=m"(idtr));
	uint16_t cs = RDSEL(cs), ss = RDSEL(ss), ds = RDSEL(ds), es = RDSEL(es);
	set_seg(c, VMCB_CS, cs, seg_attr(gdtr.base, cs), 0xffffffff, 0);
	set_seg(c, VMCB_SS, ss, seg_attr(gdtr.base, ss), 0xffffffff, 0);
	set_seg(c, VMCB_DS, ds, seg_attr(gdtr.base, ds), 0xffffffff, 0);
	set_seg(c, VMCB_ES, es, seg_attr(gdtr.base, es), 0xffffffff, 0);
	V32(c, VMCB_GDTR + 4) = gdtr.limit;
	V64(c, VMCB_GDTR + 8) = gdtr.base;
	V32(c, VMCB_IDTR + 4) = idtr.limit;
	V64(c, VMCB_IDTR + 8) = idtr.base;
	/* FS, GS, TR, LDTR, KernelGSbase and the syscall MSRs. */
	__asm__ volatile("vmsave %%rax" ::"a"(v->vmcb_pa) : "memory");
	V8(c, VMCB_CPL) = 0;
	V64(c, VMCB_EFER) = rdmsr(MSR_EFER);
	V64(c, VMCB_CR0) = RDCR(0);
	V64(c, VMCB_CR2) = RDCR(2);
	V64(c, VMCB_CR3) = RDCR(3);
	V64(c, VMCB_CR4) = RDCR(4);
	V64(c, VMCB_DR7) = 0x400;
	V64(c, VMCB_DR6) = 0xffff0ff0;
	V64(c, VMCB_GPAT) = rdmsr(MSR_PAT);
}

/* Architectural state after INIT + SIPI(vector): real mode at vector:0000. */
static void vmcb_sipi_state(struct vcpu *v, uint32_t vector)
{
	uint8_t *c = v->vmcb;
	for (uint32_t off = 0x400; off < 0x700; off += 8)
		V64(c, off) = 0;
	set_seg(c, VMCB_CS, (uint16_t)(vector << 8), 0x9b, 0xffff, (uint64_t)vector << 12);
	set_seg(c, VMCB_DS, 0, 0x93, 0xffff, 0);
	set_seg(c, VMCB_ES, 0, 0x93, 0xffff, 0);
	set_seg(c, VMCB_SS, 0, 0x93, 0xffff, 0);
	set_seg(c, VMCB_FS, 0, 0x93, 0xffff, 0);
	set_seg(c, VMCB_GS, 0, 0x93, 0xffff, 0);
	set_seg(c, VMCB_LDTR, 0, 0x82, 0xffff, 0);
	set_seg(c, VMCB_TR, 0, 0x8b, 0xffff, 0);
	V32(c, VMCB_GDTR + 4) = 0xffff;
	V32(c, VMCB_IDTR + 4) = 0xffff;
	V64(c, VMCB_EFER) = EFER_SVME;       /* VMRUN requires it; hidden from the guest */
	V64(c, VMCB_CR0) = 0x60000010;
	V64(c, VMCB_DR7) = 0x400;
	V64(c, VMCB_DR6) = 0xffff0ff0;
	V64(c, VMCB_RFLAGS) = 2;
	V64(c, VMCB_GPAT) = 0x0007040600070406ull;
	V64(c, VMCB_EVENTINJ) = 0;
	V8(c, VMCB_TLBCTL) = 1;
	uint32_t a, b, cc, d;
	cpuid(1, 0, &a, &b, &cc, &d);
	for (uint64_t *r = &v->g.rax_unused; r <= &v->g.r15; r++)
		*r = 0;
	v->g.rdx = a;   /* processor signature, as after RESET/INIT */
}

const char *arch_virtualize_cpu(struct hv *hv, uint32_t idx)
{
	if (idx >= hv->ncpus)
		return "more CPUs than the runtime supports";
	struct vcpu *v = hv->cpu[idx];
	uint32_t a, b, c, d;
	cpuid(1, 0, &a, &b, &c, &d);
	v->apic_id = b >> 24;
	v->sipi_state = SIPI_NONE;
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SVME);
	/* The host save area is the VMCB's second page. */
	wrmsr(MSR_VM_HSAVE_PA, v->vmcb_pa + PAGE);
	vmcb_controls(v);
	vmcb_capture(v);
	if (svm_bluepill(v) != 1)
		return "blue pill did not resume as a guest";
	return NULL;
}

/* ------------------------------------------------------------ guest memory */

static enum cpu_mode guest_mode(const uint8_t *c)
{
	uint16_t cs_attr = V16(c, VMCB_CS + 2);
	if (!(V64(c, VMCB_CR0) & 1))
		return MODE_REAL;
	if ((V64(c, VMCB_EFER) & EFER_LMA) && (cs_attr & (1u << 9)))
		return MODE_LONG64;
	return (cs_attr & (1u << 10)) ? MODE_PROT32 : MODE_PROT16;
}

static bool guest_phys_ok(const struct hv *hv, uint64_t pa, uint64_t len)
{
	return pa + len <= (512ull << 30) && !hv_owns(hv, pa, len);
}

/* Guest-linear to guest-physical (= host-physical) for an instruction fetch. */
static bool guest_translate(struct vcpu *v, uint64_t la, uint64_t *pa)
{
	const uint8_t *c = v->vmcb;
	uint64_t cr0 = V64(c, VMCB_CR0), cr4 = V64(c, VMCB_CR4);
	if (!(cr0 & (1ull << 31))) {
		*pa = la & 0xffffffffull;
		return true;
	}
	if (!(V64(c, VMCB_EFER) & EFER_LMA) || !(cr4 & (1u << 5)) || (cr4 & (1u << 12)))
		return false;   /* only 4-level long-mode paging is walked */
	uint64_t table = V64(c, VMCB_CR3) & PA_MASK;
	for (int lvl = 3; lvl >= 0; lvl--) {
		uint64_t ea = table + ((la >> (12 + 9 * lvl)) & 511) * 8;
		if (!guest_phys_ok(v->hv, ea, 8))
			return false;
		uint64_t e = *(volatile uint64_t *)(uintptr_t)ea;
		if (!(e & 1))
			return false;
		if ((lvl == 1 || lvl == 2) && (e & 0x80)) {
			uint64_t size = 1ull << (12 + 9 * lvl);
			*pa = (e & PA_MASK & ~(size - 1)) | (la & (size - 1));
			return true;
		}
		table = e & PA_MASK;
	}
	*pa = table | (la & 0xfff);
	return true;
}

/* Copies up to INSN_MAX bytes at CS:RIP; returns how many could be read. */
static unsigned fetch_insn(struct vcpu *v, uint8_t *buf)
{
	const uint8_t *c = v->vmcb;
	uint64_t rip = V64(c, VMCB_RIP);
	enum cpu_mode m = guest_mode(c);
	uint64_t la = m == MODE_LONG64 ? rip : V64(c, VMCB_CS + 8) + (rip & (m == MODE_PROT32 ? 0xffffffffull : 0xffff));
	unsigned n = 0;
	for (; n < INSN_MAX; n++) {
		uint64_t pa;
		if (!guest_translate(v, la + n, &pa) || !guest_phys_ok(v->hv, pa, 1))
			break;
		buf[n] = *(volatile uint8_t *)(uintptr_t)pa;
	}
	return n;
}

/* ------------------------------------------------------------ exit handlers */

static void inject_exception(struct vcpu *v, uint8_t vector, bool has_error, uint32_t error)
{
	V64(v->vmcb, VMCB_EVENTINJ) = vector | (3ull << 8) | (has_error ? 1ull << 11 : 0) | (1ull << 31) |
				      ((uint64_t)error << 32);
}

static void refuse(struct vcpu *v, const char *what)
{
	struct svm_shared *s = v->hv->arch;
	hv_count(v->hv, HVC_REFUSED);
	/* Rate-limited: a guest must not be able to flood the log. */
	if (__atomic_fetch_add(&s->refusals_logged, 1, __ATOMIC_RELAXED) < 16)
		hvlog("[hv] cpu%u: refused %s at rip 0x%lx: #UD injected\n", v->index, what, V64(v->vmcb, VMCB_RIP));
	inject_exception(v, 6, false, 0);
}

static void panic(struct vcpu *v, const char *why) __attribute__((noreturn));
static void panic(struct vcpu *v, const char *why)
{
	uint8_t *c = v->vmcb;
	hvlog("\n[hv] PANIC cpu%u: %s exitcode=0x%lx info1=0x%lx info2=0x%lx rip=0x%lx cs=0x%x cr0=0x%lx\n",
	      v->index, why, V64(c, VMCB_EXITCODE), V64(c, VMCB_EXITINFO1), V64(c, VMCB_EXITINFO2),
	      V64(c, VMCB_RIP), V16(c, VMCB_CS), V64(c, VMCB_CR0));
	halt_forever();
	__builtin_unreachable();
}

/* Matches the fixed opcode at RIP and advances RIP past it, else refuses. */
static bool skip_insn(struct vcpu *v, const uint8_t *op, unsigned oplen, const char *name)
{
	uint8_t b[INSN_MAX];
	unsigned n = fetch_insn(v, b);
	unsigned len = insn_expect(b, n, guest_mode(v->vmcb), op, oplen);
	if (!len) {
		refuse(v, name);
		return false;
	}
	V64(v->vmcb, VMCB_RIP) += len;
	return true;
}

static void handle_cpuid(struct vcpu *v)
{
	static const uint8_t op[] = { 0x0f, 0xa2 };
	uint8_t *c = v->vmcb;
	uint32_t leaf = (uint32_t)V64(c, VMCB_RAX), sub = (uint32_t)v->g.rcx, a, b, cx, d;
	hv_count(v->hv, HVC_CPUID);
	if (!skip_insn(v, op, sizeof op, "CPUID"))
		return;
	if (leaf == 0x40000000) {
		a = 0x40000000;
		b = HV_CPUID_SIG_EBX;
		cx = HV_CPUID_SIG_ECX;
		d = HV_CPUID_SIG_EDX;
	} else if (leaf > 0x40000000 && leaf <= 0x400000ff) {
		a = b = cx = d = 0;
	} else {
		cpuid(leaf, sub, &a, &b, &cx, &d);
		if (leaf == 1)
			cx |= 1u << 31;            /* hypervisor present */
		else if (leaf == 0x80000001)
			cx &= ~(1u << 2);          /* no SVM for the guest */
		else if (leaf == 0x8000000a)
			a = b = cx = d = 0;
	}
	V64(c, VMCB_RAX) = a;
	v->g.rbx = b;
	v->g.rcx = cx;
	v->g.rdx = d;
}

static void handle_msr(struct vcpu *v)
{
	static const uint8_t rd[] = { 0x0f, 0x32 }, wr[] = { 0x0f, 0x30 };
	uint8_t *c = v->vmcb;
	uint32_t msr = (uint32_t)v->g.rcx;
	bool write = V64(c, VMCB_EXITINFO1) & 1;
	uint64_t val = ((uint64_t)(uint32_t)v->g.rdx << 32) | (uint32_t)V64(c, VMCB_RAX);
	hv_count(v->hv, HVC_MSR);
	if (!skip_insn(v, write ? wr : rd, 2, write ? "WRMSR" : "RDMSR"))
		return;
	switch (msr) {
	case MSR_EFER:
		if (write)
			V64(c, VMCB_EFER) = val | EFER_SVME;
		else
			val = V64(c, VMCB_EFER) & ~EFER_SVME;
		break;
	case MSR_VM_CR:
		val = 0x18;        /* SVMDIS | LOCK: SVM disabled and locked, as on a CPU without it */
		break;
	case MSR_VM_HSAVE_PA:
		val = 0;
		break;
	default:
		panic(v, "MSR intercept for an MSR not in the permission map");
	}
	if (!write) {
		V64(c, VMCB_RAX) = (uint32_t)val;
		v->g.rdx = val >> 32;
	}
}

static void snapshot(struct vcpu *v)
{
	struct hv *hv = v->hv;
	struct hv_info *s = &v->snap;
	*s = hv->ident;
	s->ncpus_virtualized = __atomic_load_n(&hv->nvirt, __ATOMIC_RELAXED);
	s->uptime_ms = hv->tsc_hz ? (rdtsc() - hv->tsc0) / (hv->tsc_hz / 1000) : 0;
	for (int i = 0; i < HVC_COUNT; i++)
		s->counters[i] = __atomic_load_n(&hv->counters[i], __ATOMIC_RELAXED);
	for (uint32_t i = 0; i < hv->ncpus; i++)
		s->cpu_exits[i] = hv->cpu[i]->exits;
}

static void handle_vmmcall(struct vcpu *v)
{
	static const uint8_t op[] = { 0x0f, 0x01, 0xd9 };
	uint8_t *c = v->vmcb;
	hv_count(v->hv, HVC_VMMCALL);
	if (!skip_insn(v, op, sizeof op, "VMMCALL"))
		return;
	uint64_t fn = V64(c, VMCB_RAX), off = v->g.rbx;
	if (fn != HVCALL_INFO_READ) {
		V64(c, VMCB_RAX) = HVCALL_ENOSYS;
		return;
	}
	if (off % 32 || off >= sizeof(struct hv_info)) {
		V64(c, VMCB_RAX) = HVCALL_EINVAL;
		return;
	}
	if (off == 0)
		snapshot(v);
	const uint64_t *q = (const uint64_t *)((const uint8_t *)&v->snap + off);
	V64(c, VMCB_RAX) = 0;
	v->g.rbx = q[0];
	v->g.rcx = q[1];
	v->g.rdx = q[2];
	v->g.rsi = q[3];
}

/* Register operand by its x86 number; RAX and RSP live in the VMCB. */
static uint64_t *gpr(struct vcpu *v, unsigned reg)
{
	switch (reg) {
	case 0: return (uint64_t *)(uintptr_t)((uint8_t *)v->vmcb + VMCB_RAX);
	case 1: return &v->g.rcx;
	case 2: return &v->g.rdx;
	case 3: return &v->g.rbx;
	case 4: return (uint64_t *)(uintptr_t)((uint8_t *)v->vmcb + VMCB_RSP);
	case 5: return &v->g.rbp;
	case 6: return &v->g.rsi;
	case 7: return &v->g.rdi;
	case 8: return &v->g.r8;
	case 9: return &v->g.r9;
	case 10: return &v->g.r10;
	case 11: return &v->g.r11;
	case 12: return &v->g.r12;
	case 13: return &v->g.r13;
	case 14: return &v->g.r14;
	default: return &v->g.r15;
	}
}

static void sipi_to(struct vcpu *from, struct vcpu *t, uint32_t icr)
{
	uint32_t mode = (icr >> 8) & 7;
	if (mode == 5) {
		/* INIT assert: the target will see it as an NMI exit (see emulate_apic_write). */
		__atomic_store_n(&t->sipi_state, SIPI_INIT_SENT, __ATOMIC_SEQ_CST);
		return;
	}
	uint32_t st = __atomic_load_n(&t->sipi_state, __ATOMIC_SEQ_CST);
	/* Like hardware, a SIPI only counts for a CPU that has seen INIT. */
	if (st == SIPI_INIT_SENT || st == SIPI_WAITING) {
		t->sipi_vector = icr & 0xff;
		__atomic_store_n(&t->sipi_state, SIPI_READY, __ATOMIC_SEQ_CST);
		hv_count(from->hv, HVC_SIPI);
	}
}

/*
 * Applies an INIT or SIPI written to the ICR to the vCPUs it addresses.
 * Returns how many of them are virtualized.
 */
static unsigned ipi_targets(struct vcpu *v, uint32_t icr)
{
	struct hv *hv = v->hv;
	uint32_t shorthand = (icr >> 18) & 3, dest = v->icr_high >> 24;
	unsigned hits = 0;
	if (shorthand == 0 && (icr & (1u << 11))) {
		hvlog("[hv] cpu%u: logical-destination INIT/SIPI not supported, ignored\n", v->index);
		return 0;
	}
	for (uint32_t i = 0; i < hv->ncpus; i++) {
		struct vcpu *t = hv->cpu[i];
		bool hit = shorthand == 0 ? t->apic_id == dest : shorthand == 1 ? t == v
			 : shorthand == 2 ? true : t != v;
		if (hit) {
			sipi_to(v, t, icr);
			hits++;
		}
	}
	return hits;
}

static void emulate_apic_write(struct vcpu *v, uint64_t gpa)
{
	uint8_t b[INSN_MAX];
	struct mov_store st;
	unsigned n = fetch_insn(v, b);
	const char *why = insn_decode_store(b, n, guest_mode(v->vmcb), &st);
	hv_count(v->hv, HVC_APIC_WRITE);
	if (!why && (st.size != 4 || (gpa & 3)))
		why = "APIC access that is not an aligned 32-bit store";
	if (!why && st.xchg)
		why = "XCHG on the APIC page";
	if (why) {
		hv_count(v->hv, HVC_REFUSED);
		if (__atomic_fetch_add(&((struct svm_shared *)v->hv->arch)->refusals_logged, 1, __ATOMIC_RELAXED) < 16)
			hvlog("[hv] cpu%u: APIC write at 0x%lx refused (%s), #GP injected\n", v->index, gpa, why);
		inject_exception(v, 13, true, 0);
		return;
	}
	uint32_t val = (uint32_t)(st.imm ? st.value : *gpr(v, st.reg));
	uint32_t reg = gpa & 0xfff;
	if (reg == ICR_HIGH) {
		v->icr_high = val;
	} else if (reg == ICR_LOW) {
		uint32_t mode = (val >> 8) & 7;
		bool assert = val & (1u << 14);
		if (mode == 5 || mode == 6) {
			if (__atomic_fetch_add(&((struct svm_shared *)v->hv->arch)->ipis_logged, 1, __ATOMIC_RELAXED) < 16)
				hvlog("[hv] cpu%u: %s IPI icr=0x%x dest=0x%x\n", v->index,
				      mode == 5 ? "INIT" : "STARTUP", val, v->icr_high);
		}
		/*
		 * A real INIT must not reach a virtualized CPU: QEMU takes a pending
		 * INIT again right after the intercept's #VMEXIT, in host mode, and
		 * resets the CPU under the hypervisor. The target is kicked with an
		 * NMI instead (intercepted, see handle_nmi) and picks the SIPI vector
		 * up from its vCPU state. INIT de-assert is a no-op on these CPUs;
		 * SIPIs never reach the APIC, so no CPU can be started natively.
		 */
		if (mode == 5 && assert && ipi_targets(v, val)) {
			val = (val & ~(7u << 8) & ~0xffu) | (4u << 8);
		} else if (mode == 5 && !assert) {
			V64(v->vmcb, VMCB_RIP) += st.len;
			return;
		} else if (mode == 6) {
			ipi_targets(v, val);
			V64(v->vmcb, VMCB_RIP) += st.len;
			return;
		}
	}
	*(volatile uint32_t *)(uintptr_t)gpa = val;
	V64(v->vmcb, VMCB_RIP) += st.len;
}

static void handle_npf(struct vcpu *v)
{
	struct hv *hv = v->hv;
	struct svm_shared *s = hv->arch;
	uint8_t *c = v->vmcb;
	uint64_t gpa = V64(c, VMCB_EXITINFO2), err = V64(c, VMCB_EXITINFO1);
	hv_count(hv, HVC_NPF);
	if (hv_owns(hv, gpa, 1)) {
		hv_count(hv, HVC_HV_MEM_VIOLATION);
		if (__atomic_fetch_add(&s->violations_logged, 1, __ATOMIC_RELAXED) < 16)
			hvlog("[hv] BLOCKED guest %s of hypervisor memory: gpa 0x%lx rip 0x%lx cpl %u cpu%u, #GP injected\n",
			      (err & 2) ? "write" : "read", gpa, V64(c, VMCB_RIP), V8(c, VMCB_CPL), v->index);
		inject_exception(v, 13, true, 0);
		return;
	}
	if ((gpa & PA_MASK) == s->apic_page && (err & 3) == 3) {
		emulate_apic_write(v, gpa);
		return;
	}
	if (!(err & 1) && npt_lazy_map(hv, s, gpa)) {
		hv_count(hv, HVC_NPF_LAZY);
		if (__atomic_fetch_add(&s->lazy_logged, 1, __ATOMIC_RELAXED) < 4)
			hvlog("[hv] mapped guest-physical 2 MiB page at 0x%lx on demand\n", gpa & ~(uint64_t)0x1fffff);
		V8(c, VMCB_TLBCTL) = 1;
		return;
	}
	panic(v, "unexpected nested page fault");
}

/*
 * INIT reached this CPU (its APIC got it from another CPU's ICR write, which
 * that CPU's handler recorded). Wait for the SIPI vector the sender's handler
 * stores, then restart the guest in real mode at vector:0000, which is what
 * INIT-SIPI would have done to a bare CPU.
 */
static void handle_init(struct vcpu *v)
{
	hv_count(v->hv, HVC_INIT);
	uint32_t st = SIPI_INIT_SENT;
	if (!__atomic_compare_exchange_n(&v->sipi_state, &st, SIPI_WAITING, false, __ATOMIC_SEQ_CST,
					 __ATOMIC_SEQ_CST) && st != SIPI_READY)
		__atomic_store_n(&v->sipi_state, SIPI_WAITING, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&v->sipi_state, __ATOMIC_SEQ_CST) != SIPI_READY)
		cpu_relax();
	uint32_t vector = v->sipi_vector;
	__atomic_store_n(&v->sipi_state, SIPI_NONE, __ATOMIC_SEQ_CST);
	vmcb_sipi_state(v, vector);
	hvlog("[hv] cpu%u (APIC %u): INIT-SIPI, starting guest at %x:0000 in real mode\n", v->index, v->apic_id,
	      vector << 8);
}

/*
 * An NMI exit leaves the NMI pending (GIF is 0 in the host). Take it in the
 * host by opening GIF for a moment (the host IDT's NMI gate just returns);
 * then either it was our INIT kick, or a genuine NMI that goes to the guest.
 */
static void handle_nmi(struct vcpu *v)
{
	__asm__ volatile("stgi; nop; nop; clgi" ::: "memory");
	uint32_t st = __atomic_load_n(&v->sipi_state, __ATOMIC_SEQ_CST);
	if (st == SIPI_INIT_SENT || st == SIPI_READY) {
		handle_init(v);
		return;
	}
	V64(v->vmcb, VMCB_EVENTINJ) = 2 | (2ull << 8) | (1ull << 31);
}

void svm_host_main(struct vcpu *v)
{
	struct hv *hv = v->hv;
	uint8_t *c = v->vmcb;
	uint32_t n = __atomic_add_fetch(&hv->nvirt, 1, __ATOMIC_SEQ_CST);
	hvlog("[hv] cpu%u (APIC %u) now runs under the hypervisor (%u of %u)\n", v->index, v->apic_id, n,
	      hv->ncpus);
	for (;;) {
		svm_vmrun(&v->g, v->vmcb_pa);
		uint64_t code = V64(c, VMCB_EXITCODE);
		v->exits++;
		hv_count(hv, HVC_EXITS);
		V8(c, VMCB_TLBCTL) = 0;
		switch (code) {
		case EXIT_CPUID:
			handle_cpuid(v);
			break;
		case EXIT_MSR:
			handle_msr(v);
			break;
		case EXIT_VMMCALL:
			handle_vmmcall(v);
			break;
		case EXIT_NPF:
			handle_npf(v);
			break;
		case EXIT_NMI:
			handle_nmi(v);
			break;
		case EXIT_INIT:
			handle_init(v);
			break;
		case EXIT_VMRUN: case EXIT_VMLOAD: case EXIT_VMSAVE: case EXIT_STGI:
		case EXIT_CLGI: case EXIT_SKINIT: case EXIT_INVLPGA:
			/* SVM is hidden: these behave as on a CPU without it. */
			hv_count(hv, HVC_SVM_INSN);
			inject_exception(v, 6, false, 0);
			break;
		case EXIT_SHUTDOWN:
			panic(v, "guest triple fault (shutdown)");
		case EXIT_INVALID:
			panic(v, "VMRUN refused the guest state");
		default:
			panic(v, "unhandled #VMEXIT");
		}
	}
}

void svm_host_exception(uint64_t *f)
{
	hvlog("\n[hv] HOST EXCEPTION vector=%lu err=0x%lx rip=0x%lx cr2=0x%lx\n", f[0], f[1], f[2], RDCR(2));
	halt_forever();
}
