/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Host unit tests for the instruction decoding the SVM host relies on
 * (arch/svm/decode.c): fixed-opcode matching with prefixes, and the MOV/XCHG
 * stores the APIC page emulation accepts or refuses.
 */
#include <stdio.h>
#include <string.h>

#include "../arch/svm/svm.h"
#include "check.h"


static void expect(void)
{
	static const uint8_t cpuid[] = { 0x0f, 0xa2 }, vmmcall[] = { 0x0f, 0x01, 0xd9 };
	static const uint8_t plain[] = { 0x0f, 0xa2, 0x90 };
	static const uint8_t prefixed[] = { 0x66, 0x2e, 0x48, 0x0f, 0xa2 };
	static const uint8_t other[] = { 0x0f, 0x31 };
	static const uint8_t locked[] = { 0xf0, 0x0f, 0xa2 };
	static const uint8_t call[] = { 0x0f, 0x01, 0xd9 };
	CHECK(insn_expect(plain, 3, MODE_LONG64, cpuid, 2) == 2, "cpuid");
	CHECK(insn_expect(prefixed, 5, MODE_LONG64, cpuid, 2) == 5, "prefixed cpuid");
	/* REX is not a prefix outside 64-bit mode (0x48 is DEC EAX there). */
	CHECK(insn_expect(prefixed, 5, MODE_PROT32, cpuid, 2) == 0, "REX in 32-bit mode");
	CHECK(insn_expect(other, 2, MODE_LONG64, cpuid, 2) == 0, "rdtsc is not cpuid");
	CHECK(insn_expect(locked, 3, MODE_LONG64, cpuid, 2) == 0, "LOCK cpuid refused");
	CHECK(insn_expect(call, 3, MODE_REAL, vmmcall, 3) == 3, "vmmcall in real mode");
	CHECK(insn_expect(call, 2, MODE_LONG64, vmmcall, 3) == 0, "truncated fetch");
}

static void store(void)
{
	struct mov_store s;
	/* mov %esi, 0xb0(%rdi) */
	static const uint8_t a[] = { 0x89, 0xb7, 0xb0, 0x00, 0x00, 0x00 };
	CHECK(!insn_decode_store(a, sizeof a, MODE_LONG64, &s) && s.len == 6 && s.size == 4 && s.reg == 6 && !s.imm,
	      "mov r32 -> disp32(reg)");
	/* mov %r9d, (%rax) with REX.R */
	static const uint8_t b[] = { 0x44, 0x89, 0x08 };
	CHECK(!insn_decode_store(b, sizeof b, MODE_LONG64, &s) && s.len == 3 && s.reg == 9 && s.size == 4, "REX.R");
	/* mov %eax, 0xfee000b0 (SIB, no base, disp32) */
	static const uint8_t c[] = { 0x89, 0x04, 0x25, 0xb0, 0x00, 0xe0, 0xfe };
	CHECK(!insn_decode_store(c, sizeof c, MODE_LONG64, &s) && s.len == 7 && s.reg == 0, "absolute via SIB");
	/* movl $0x0, 0x1234(%rip) */
	static const uint8_t d[] = { 0xc7, 0x05, 0x34, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };
	CHECK(!insn_decode_store(d, sizeof d, MODE_LONG64, &s) && s.len == 10 && s.imm && s.value == 0, "mov imm32 rip-rel");
	/* movl $0xc4500, 0x300(%rbx) in 32-bit protected mode */
	static const uint8_t e[] = { 0xc7, 0x83, 0x00, 0x03, 0x00, 0x00, 0x00, 0x45, 0x0c, 0x00 };
	CHECK(!insn_decode_store(e, sizeof e, MODE_PROT32, &s) && s.len == 10 && s.value == 0xc4500, "32-bit imm");
	/* movq $-1, (%rax): imm32 sign-extended */
	static const uint8_t f[] = { 0x48, 0xc7, 0x00, 0xff, 0xff, 0xff, 0xff };
	CHECK(!insn_decode_store(f, sizeof f, MODE_LONG64, &s) && s.size == 8 && s.value == UINT64_MAX, "sign extension");
	/* 16-bit store via 0x66 */
	static const uint8_t g[] = { 0x66, 0x89, 0x07 };
	CHECK(!insn_decode_store(g, sizeof g, MODE_LONG64, &s) && s.size == 2, "operand-size prefix");
	/* xchg %eax, (%rdx) */
	static const uint8_t h[] = { 0x87, 0x02 };
	CHECK(!insn_decode_store(h, sizeof h, MODE_LONG64, &s) && s.xchg, "xchg");
	/* Refused: loads, register forms, 16-bit addressing, bad C7 reg field, truncation. */
	static const uint8_t load[] = { 0x8b, 0x07 };
	CHECK(insn_decode_store(load, sizeof load, MODE_LONG64, &s) != NULL, "load refused");
	static const uint8_t regform[] = { 0x89, 0xc0 };
	CHECK(insn_decode_store(regform, sizeof regform, MODE_LONG64, &s) != NULL, "register form refused");
	static const uint8_t a16[] = { 0x89, 0x07 };
	CHECK(insn_decode_store(a16, sizeof a16, MODE_REAL, &s) != NULL, "16-bit addressing refused");
	static const uint8_t c7r1[] = { 0xc7, 0x08, 0, 0, 0, 0 };
	CHECK(insn_decode_store(c7r1, sizeof c7r1, MODE_LONG64, &s) != NULL, "C7 /1 refused");
	CHECK(insn_decode_store(d, 5, MODE_LONG64, &s) != NULL, "truncated immediate refused");
	static const uint8_t ah[] = { 0x88, 0x27 };
	CHECK(insn_decode_store(ah, sizeof ah, MODE_LONG64, &s) != NULL, "AH source refused");
	/* Never reads beyond n, for every prefix length of a valid instruction. */
	for (unsigned n = 0; n < sizeof d; n++)
		CHECK(insn_decode_store(d, n, MODE_LONG64, &s) != NULL, "prefix of length %u refused", n);
}

int main(void)
{
	expect();
	store();
	return check_summary("decode");
}
