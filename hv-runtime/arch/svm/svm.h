/* SPDX-License-Identifier: EPL-2.0 */
/* AMD SVM back end: VMCB layout (AMD APM vol. 2, appendix B) and private state. */
#ifndef PARAPET_SVM_H
#define PARAPET_SVM_H

#include "../arch.h"

#define PAGE 4096ull
#define PA_MASK 0x000ffffffffff000ull

/* VMCB control area */
#define VMCB_EXC 0x008
#define VMCB_INTERCEPT1 0x00c
#define VMCB_INTERCEPT2 0x010
#define VMCB_IOPM 0x040
#define VMCB_MSRPM 0x048
#define VMCB_ASID 0x058
#define VMCB_TLBCTL 0x05c
#define VMCB_INTCTL 0x060
#define VMCB_EXITCODE 0x070
#define VMCB_EXITINFO1 0x078
#define VMCB_EXITINFO2 0x080
#define VMCB_EXITINTINFO 0x088
#define VMCB_NPCTL 0x090
#define VMCB_EVENTINJ 0x0a8
#define VMCB_NCR3 0x0b0
/* VMCB state save area */
#define VMCB_ES 0x400
#define VMCB_CS 0x410
#define VMCB_SS 0x420
#define VMCB_DS 0x430
#define VMCB_FS 0x440
#define VMCB_GS 0x450
#define VMCB_GDTR 0x460
#define VMCB_LDTR 0x470
#define VMCB_IDTR 0x480
#define VMCB_TR 0x490
#define VMCB_CPL 0x4cb
#define VMCB_EFER 0x4d0
#define VMCB_CR4 0x548
#define VMCB_CR3 0x550
#define VMCB_CR0 0x558
#define VMCB_DR7 0x560
#define VMCB_DR6 0x568
#define VMCB_RFLAGS 0x570
#define VMCB_RIP 0x578
#define VMCB_RSP 0x5d8
#define VMCB_RAX 0x5f8
#define VMCB_CR2 0x640
#define VMCB_GPAT 0x668

/* Intercept vector 3 (offset 0x0c) */
#define I1_NMI (1u << 1)
#define I1_INIT (1u << 3)
#define I1_CPUID (1u << 18)
#define I1_IOIO (1u << 27)
#define I1_MSR (1u << 28)
#define I1_SHUTDOWN (1u << 31)
/* Intercept vector 4 (offset 0x10) */
#define I2_VMRUN (1u << 0)
#define I2_VMMCALL (1u << 1)
#define I2_VMLOAD (1u << 2)
#define I2_VMSAVE (1u << 3)
#define I2_STGI (1u << 4)
#define I2_CLGI (1u << 5)
#define I2_SKINIT (1u << 6)
#define I2_INVLPGA (1u << 7)

#define EXIT_NMI 0x61
#define EXIT_INIT 0x63
#define EXIT_CPUID 0x72
#define EXIT_MSR 0x7c
#define EXIT_SHUTDOWN 0x7f
#define EXIT_VMRUN 0x80
#define EXIT_VMMCALL 0x81
#define EXIT_VMLOAD 0x82
#define EXIT_VMSAVE 0x83
#define EXIT_STGI 0x84
#define EXIT_CLGI 0x85
#define EXIT_SKINIT 0x86
#define EXIT_INVLPGA 0x7a
#define EXIT_NPF 0x400
#define EXIT_INVALID ((uint64_t)-1)

#define MSR_APIC_BASE 0x1b
#define MSR_PAT 0x277
#define MSR_EFER 0xc0000080u
#define MSR_VM_CR 0xc0010114u
#define MSR_VM_HSAVE_PA 0xc0010117u
#define EFER_SVME (1ull << 12)
#define EFER_LMA (1ull << 10)

#define V8(p, o) (*(volatile uint8_t *)((uint8_t *)(p) + (o)))
#define V16(p, o) (*(volatile uint16_t *)((uint8_t *)(p) + (o)))
#define V32(p, o) (*(volatile uint32_t *)((uint8_t *)(p) + (o)))
#define V64(p, o) (*(volatile uint64_t *)((uint8_t *)(p) + (o)))

struct gregs {  /* layout shared with svm_asm.S; RAX and RSP live in the VMCB */
	uint64_t rax_unused, rbx, rcx, rdx, rbp, rsi, rdi;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
};

struct dtr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

/* INIT/SIPI hand-over between the CPU that sends the IPIs and the target. */
enum sipi_state { SIPI_NONE, SIPI_INIT_SENT, SIPI_WAITING, SIPI_READY };

struct vcpu {
	struct gregs g;          /* 0 */
	uint64_t pad;            /* 120 */
	uint8_t *vmcb;           /* 128: VA == PA */
	uint64_t host_cr3;       /* 136 */
	uint64_t host_rsp;       /* 144 */
	uint64_t host_entry;     /* 152 */
	struct dtr gdtr;         /* 160 */
	uint8_t pad0[6];
	struct dtr idtr;         /* 176 */
	uint8_t pad1[6];
	uint64_t vmcb_pa;
	struct hv *hv;
	uint32_t index;
	uint32_t apic_id;
	uint32_t sipi_state;     /* enum sipi_state, atomic */
	uint32_t sipi_vector;
	uint32_t icr_high;       /* last value the guest wrote to its APIC ICR[63:32] */
	uint64_t exits;
	struct hv_info snap;     /* hvctl snapshot, see hvcall.h */
};

struct svm_shared {
	uint64_t *npt_pml4;
	uint64_t *host_pml4;
	uint8_t *iopm;           /* 12 KiB */
	uint8_t *msrpm;          /* 8 KiB */
	uint64_t *gdt, *idt;
	uint64_t apic_page;      /* guest-physical xAPIC page; writes trap */
	struct spinlock npt_lock;
	uint32_t lazy_logged;
	uint32_t violations_logged;
	uint32_t ipis_logged;
	uint32_t refusals_logged;
};

/* svm_asm.S */
void svm_vmrun(struct gregs *g, uint64_t vmcb_pa);
uint64_t svm_bluepill(struct vcpu *v);
extern char svm_exc_stubs[];
extern char svm_nmi_return[];

/* npt.c */
const char *npt_build(struct hv *hv, struct svm_shared *s);
const char *host_pt_build(struct hv *hv, struct svm_shared *s);
bool npt_lazy_map(struct hv *hv, struct svm_shared *s, uint64_t gpa);
bool hv_owns(const struct hv *hv, uint64_t pa, uint64_t len);

/* decode.c: instructions the host has to understand (no decode assists under TCG). */
#define INSN_MAX 15
struct insn_prefix {
	unsigned len;       /* legacy prefixes + REX */
	bool opsize;        /* 0x66 */
	bool addrsize;      /* 0x67 */
	bool lock, rep;
	uint8_t rex;        /* 0 when absent */
};
enum cpu_mode { MODE_REAL, MODE_PROT16, MODE_PROT32, MODE_LONG64 };
unsigned insn_prefixes(const uint8_t *b, unsigned n, enum cpu_mode m, struct insn_prefix *p);
/* Length of a prefixed instruction whose opcode bytes must equal op, or 0 if they differ. */
unsigned insn_expect(const uint8_t *b, unsigned n, enum cpu_mode m, const uint8_t *op, unsigned oplen);

struct mov_store {
	unsigned len;
	unsigned size;      /* 1, 2, 4 or 8 bytes */
	bool imm;
	uint64_t value;     /* immediate, or ... */
	unsigned reg;       /* ... source register number (0 = rax .. 15 = r15) */
	bool xchg;          /* 87 /r: the register receives the old memory value */
};
/* Decodes MOV r/m,reg (88/89), MOV r/m,imm (C6/C7 /0) and XCHG r/m,reg (86/87). */
const char *insn_decode_store(const uint8_t *b, unsigned n, enum cpu_mode m, struct mov_store *out);

#endif
