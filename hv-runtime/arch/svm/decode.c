/* SPDX-License-Identifier: EPL-2.0 */
/*
 * The little x86 decoding the host needs. QEMU's SVM has neither next-RIP
 * saving nor decode assists, so every intercepted instruction is re-read from
 * guest memory: the known fixed-opcode ones are matched byte for byte, and
 * writes to the trapped APIC page are decoded as MOV/XCHG stores. Anything
 * else is refused by the caller.
 */
#include "svm.h"

unsigned insn_prefixes(const uint8_t *b, unsigned n, enum cpu_mode m, struct insn_prefix *p)
{
	unsigned i = 0;
	*p = (struct insn_prefix){ 0 };
	for (; i < n && i < INSN_MAX; i++) {
		switch (b[i]) {
		case 0x66:
			p->opsize = true;
			continue;
		case 0x67:
			p->addrsize = true;
			continue;
		case 0xf0:
			p->lock = true;
			continue;
		case 0xf2:
		case 0xf3:
			p->rep = true;
			continue;
		case 0x26: case 0x2e: case 0x36: case 0x3e: case 0x64: case 0x65:
			continue;
		}
		break;
	}
	/* REX only counts directly before the opcode and only in 64-bit mode. */
	if (m == MODE_LONG64 && i < n && (b[i] & 0xf0) == 0x40)
		p->rex = b[i++];
	p->len = i;
	return i;
}

unsigned insn_expect(const uint8_t *b, unsigned n, enum cpu_mode m, const uint8_t *op, unsigned oplen)
{
	struct insn_prefix p;
	unsigned i = insn_prefixes(b, n, m, &p);
	if (p.lock || i + oplen > n || i + oplen > INSN_MAX)
		return 0;
	for (unsigned k = 0; k < oplen; k++)
		if (b[i + k] != op[k])
			return 0;
	return i + oplen;
}

const char *insn_decode_store(const uint8_t *b, unsigned n, enum cpu_mode m, struct mov_store *out)
{
	struct insn_prefix p;
	unsigned i = insn_prefixes(b, n, m, &p);
	if (i + 2 > n)
		return "instruction truncated";
	uint8_t op = b[i++];
	bool wide = op & 1;
	bool def32 = m == MODE_PROT32 || m == MODE_LONG64;
	switch (op) {
	case 0x88: case 0x89: case 0x86: case 0x87: case 0xc6: case 0xc7:
		break;
	default:
		return "not a MOV/XCHG store";
	}
	if (!wide)
		out->size = 1;
	else if (p.rex & 8)
		out->size = 8;
	else
		out->size = (def32 != p.opsize) ? 4 : 2;
	uint8_t modrm = b[i++];
	unsigned mod = modrm >> 6, reg = (modrm >> 3) & 7, rm = modrm & 7;
	if (mod == 3)
		return "register operand, not a store";
	bool addr32 = (m == MODE_LONG64) || (def32 != p.addrsize);
	if (!addr32)
		return "16-bit addressing is not supported";
	if (rm == 4) {
		if (i >= n)
			return "instruction truncated";
		uint8_t sib = b[i++];
		if (mod == 0 && (sib & 7) == 5)
			i += 4;
	}
	if (mod == 0 && rm == 5)
		i += 4;       /* disp32, RIP-relative in 64-bit mode */
	else if (mod == 1)
		i += 1;
	else if (mod == 2)
		i += 4;
	out->xchg = op == 0x86 || op == 0x87;
	out->imm = op == 0xc6 || op == 0xc7;
	if (out->imm) {
		if (reg != 0)
			return "C6/C7 with reg field other than 0";
		unsigned isz = out->size == 8 ? 4 : out->size;
		if (i + isz > n)
			return "instruction truncated";
		uint64_t v = 0;
		for (unsigned k = 0; k < isz; k++)
			v |= (uint64_t)b[i + k] << (8 * k);
		if (out->size == 8 && (v & 0x80000000u))
			v |= 0xffffffff00000000ull;   /* imm32 sign-extended to 64 bits */
		out->value = v;
		i += isz;
	} else {
		out->reg = reg | ((p.rex & 4) ? 8 : 0);
		if (out->size == 1 && !p.rex && reg >= 4)
			return "high-byte register source is not supported";
	}
	if (i > n || i > INSN_MAX)
		return "instruction too long";
	out->len = i;
	return NULL;
}
