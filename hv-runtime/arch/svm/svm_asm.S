/* SPDX-License-Identifier: EPL-2.0 */
/*
 * World switch and blue pill for the SVM back end. Position independent
 * (RIP-relative only): the code runs from the relocated copy in the pool.
 * Offsets below are checked against struct gregs / struct vcpu by
 * _Static_assert in svm.c.
 */

#define G_RBX 8
#define G_RCX 16
#define G_RDX 24
#define G_RBP 32
#define G_RSI 40
#define G_RDI 48
#define G_R8 56
#define G_R9 64
#define G_R10 72
#define G_R11 80
#define G_R12 88
#define G_R13 96
#define G_R14 104
#define G_R15 112

#define V_VMCB 128
#define V_HOST_CR3 136
#define V_HOST_RSP 144
#define V_HOST_ENTRY 152
#define V_GDTR 160
#define V_IDTR 176

#define VMCB_RFLAGS 0x570
#define VMCB_RIP 0x578
#define VMCB_RSP 0x5d8
#define VMCB_RAX 0x5f8

	.text

/*
 * void svm_vmrun(struct gregs *g, uint64_t vmcb_pa)
 * Runs the guest until the next #VMEXIT. The guest's RAX, RSP, RIP and RFLAGS
 * live in the VMCB; the other general registers are swapped here. VMLOAD and
 * VMSAVE carry FS/GS/TR/LDTR and the syscall MSRs, which VMRUN leaves alone.
 */
	.globl svm_vmrun
	.type svm_vmrun, @function
svm_vmrun:
	push %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	push %rdi
	mov %rsi, %rax
	mov G_RBX(%rdi), %rbx
	mov G_RCX(%rdi), %rcx
	mov G_RDX(%rdi), %rdx
	mov G_RBP(%rdi), %rbp
	mov G_RSI(%rdi), %rsi
	mov G_R8(%rdi), %r8
	mov G_R9(%rdi), %r9
	mov G_R10(%rdi), %r10
	mov G_R11(%rdi), %r11
	mov G_R12(%rdi), %r12
	mov G_R13(%rdi), %r13
	mov G_R14(%rdi), %r14
	mov G_R15(%rdi), %r15
	mov G_RDI(%rdi), %rdi
	vmload %rax
	vmrun %rax
	vmsave %rax
	push %rdi
	mov 8(%rsp), %rdi
	mov %rbx, G_RBX(%rdi)
	mov %rcx, G_RCX(%rdi)
	mov %rdx, G_RDX(%rdi)
	mov %rbp, G_RBP(%rdi)
	mov %rsi, G_RSI(%rdi)
	mov %r8, G_R8(%rdi)
	mov %r9, G_R9(%rdi)
	mov %r10, G_R10(%rdi)
	mov %r11, G_R11(%rdi)
	mov %r12, G_R12(%rdi)
	mov %r13, G_R13(%rdi)
	mov %r14, G_R14(%rdi)
	mov %r15, G_R15(%rdi)
	pop %rax
	mov %rax, G_RDI(%rdi)
	pop %rdi
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret
	.size svm_vmrun, .-svm_vmrun

/*
 * uint64_t svm_bluepill(struct vcpu *v)
 * Makes the caller's own context the guest: the guest resumes at .Lguest with
 * the caller's stack and callee-saved registers, returning 1. Meanwhile this
 * CPU switches to the host environment (own GDT, IDT, CR3, stack) and enters
 * v->host_entry(v) in the relocated copy, which never returns.
 */
	.globl svm_bluepill
	.type svm_bluepill, @function
svm_bluepill:
	push %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	pushfq
	cli
	mov V_VMCB(%rdi), %r8
	lea .Lguest(%rip), %rax
	mov %rax, VMCB_RIP(%r8)
	mov %rsp, VMCB_RSP(%r8)
	mov (%rsp), %rax
	mov %rax, VMCB_RFLAGS(%r8)
	movq $1, VMCB_RAX(%r8)
	lgdt V_GDTR(%rdi)
	lidt V_IDTR(%rdi)
	mov V_HOST_CR3(%rdi), %rax
	mov %rax, %cr3
	mov V_HOST_RSP(%rdi), %rsp
	mov $0x10, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	pushq $0x08
	pushq V_HOST_ENTRY(%rdi)
	lretq
.Lguest:
	popfq
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret
	.size svm_bluepill, .-svm_bluepill

/* Host exception entry: 32 stubs of 16 bytes, uniform frame with an error code. */
	.balign 16
	.globl svm_exc_stubs
svm_exc_stubs:
	.irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.balign 16
	.if (\n == 8) || (\n == 10) || (\n == 11) || (\n == 12) || (\n == 13) || (\n == 14) || (\n == 17) || (\n == 21) || (\n == 29) || (\n == 30)
	.else
	pushq $0
	.endif
	pushq $\n
	jmp svm_exc_common
	.endr
/* Host NMI gate: see handle_nmi in svm.c. */
	.globl svm_nmi_return
svm_nmi_return:
	iretq

svm_exc_common:
	mov %rsp, %rdi
	and $-16, %rsp
	call svm_host_exception
1:	cli
	hlt
	jmp 1b

	.section .note.GNU-stack, "", @progbits
