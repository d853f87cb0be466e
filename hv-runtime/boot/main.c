/* SPDX-License-Identifier: EPL-2.0 */
/*
 * parapet-hv.efi: verifies the signed policy, then moves the running firmware
 * and every CPU under the hypervisor and chain-loads the OS as its guest.
 * Every failure before the OS starts refuses to boot (fail closed): the reason
 * goes to the console and to COM1, and the machine powers off.
 */
#include "boot.h"
#include "../crypto/crypto_efi.h"
#include "../policy/policy.h"

#define REGION_SIZE (8ull << 20)    /* hypervisor memory, hidden from the guest */
#define TWO_MB (2ull << 20)
#define MAX_BLOB (1u << 20)

void say(const char *f, ...)
{
	char buf[512];
	CHAR16 w[512];
	va_list ap;
	va_start(ap, f);
	vfmt(buf, sizeof buf, f, ap);
	va_end(ap);
	UINTN n = 0;
	for (const char *s = buf; *s && n + 2 < 512; s++) {
		if (*s == '\n')
			w[n++] = L'\r';
		w[n++] = (CHAR16)(uint8_t)*s;
	}
	w[n] = 0;
	uefi_call_wrapper(ST->ConOut->OutputString, 2, ST->ConOut, w);
	dbglog_str(buf);
}

static void refuse_to_boot(const char *why) __attribute__((noreturn));
static void refuse_to_boot(const char *why)
{
	say("[parapet] REFUSING TO BOOT: %s\n", why);
	/* Also straight to COM1, for machines whose console is not the serial port. */
	hvlog("[parapet/serial] REFUSING TO BOOT: %s\n", why);
	uefi_call_wrapper(BS->Stall, 1, 500000);
	uefi_call_wrapper(RT->ResetSystem, 4, EfiResetShutdown, EFI_SUCCESS, 0, NULL);
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* Re-applies the image's own relocations to a copy at another address. */
typedef struct { int64_t tag; uint64_t val; } Dyn;
typedef struct { uint64_t off, info; int64_t addend; } Rela;
extern Dyn _DYNAMIC[] __attribute__((visibility("hidden")));

static void relocate_copy(uint8_t *old_base, uint8_t *new_base)
{
	Rela *rela = NULL;
	uint64_t relasz = 0, relaent = sizeof(Rela);
	for (Dyn *d = _DYNAMIC; d->tag != 0; d++) {
		if (d->tag == 7)
			rela = (Rela *)(old_base + d->val);
		else if (d->tag == 8)
			relasz = d->val;
		else if (d->tag == 9)
			relaent = d->val;
	}
	for (uint64_t i = 0; rela && i < relasz / relaent; i++) {
		Rela *r = (Rela *)((uint8_t *)rela + i * relaent);
		if ((r->info & 0xffffffff) == 8)   /* R_X86_64_RELATIVE */
			*(uint64_t *)(new_base + r->off) = (uint64_t)(uintptr_t)new_base + (uint64_t)r->addend;
	}
}

static uint64_t tsc_hz(void)
{
	uint64_t t0 = rdtsc();
	uefi_call_wrapper(BS->Stall, 1, 20000);
	return (rdtsc() - t0) * 50;
}

static void hex32(char *out, const uint8_t *b)
{
	for (int i = 0; i < 32; i++) {
		out[2 * i] = "0123456789abcdef"[b[i] >> 4];
		out[2 * i + 1] = "0123456789abcdef"[b[i] & 15];
	}
	out[64] = 0;
}

static const char *load_policy(EFI_HANDLE image, struct policy *p, uint8_t **blob)
{
	uint8_t key[P256_POINT_LEN];
	UINTN len;
	struct policy_error err;
	static char reason[200];
	const char *why = pppkey_get(key);
	if (why)
		return why;
	EFI_STATUS st = esp_read(image, L"\\EFI\\parapet\\policy.cose", blob, &len, MAX_BLOB);
	if (st == EFI_BAD_BUFFER_SIZE)
		return "policy blob larger than 1 MiB";
	if (EFI_ERROR(st))
		return "no policy blob at \\EFI\\parapet\\policy.cose";
	if (!policy_verify_envelope(*blob, len, key, p, &err)) {
		fmt(reason, sizeof reason, "policy rejected: %s: %s (byte %lu)", err.where, err.reason,
		    (uint64_t)err.offset);
		return reason;
	}
	say("[parapet] policy signature verified (ES256, %lu bytes)\n", (uint64_t)len);
	return NULL;
}

static const char *check_binding(const struct policy *p)
{
	static char serial[128];
	if (!p->bound || !p->has_serial) {
		say("[parapet] policy is not bound to a machine serial\n");
		return NULL;
	}
	if (!smbios_system_serial(serial, sizeof serial))
		return "policy is bound to a serial number but the machine reports none (SMBIOS type 1)";
	if (strlen(serial) != p->serial.n || memcmp(serial, p->serial.p, p->serial.n))
		return "device binding mismatch: SMBIOS serial differs from the policy's";
	say("[parapet] device binding ok: SMBIOS serial %s\n", serial);
	return NULL;
}

/* Presence of the other ESP inputs (formats.md 1.5); their formats are not defined yet. */
static void note_inputs(EFI_HANDLE image)
{
	static const CHAR16 *names[] = { L"\\EFI\\parapet\\envelopes.cbor", L"\\EFI\\parapet\\manifest.p7s" };
	static const char *labels[] = { "key envelopes", "manifest" };
	for (int i = 0; i < 2; i++) {
		uint8_t *b;
		UINTN n;
		if (!EFI_ERROR(esp_read(image, names[i], &b, &n, MAX_BLOB))) {
			say("[parapet] %s present (%lu bytes; not interpreted by this version)\n", labels[i], (uint64_t)n);
			FreePool(b);
		}
	}
}

static struct hv *hv_setup(EFI_HANDLE image, const struct policy *p, const char **why)
{
	EFI_PHYSICAL_ADDRESS a = 0;
	EFI_LOADED_IMAGE *li;
	EFI_STATUS st = uefi_call_wrapper(BS->AllocatePages, 4, AllocateAnyPages, EfiReservedMemoryType,
					  (REGION_SIZE + TWO_MB) / 4096, &a);
	if (EFI_ERROR(st)) {
		*why = "cannot reserve hypervisor memory";
		return NULL;
	}
	uint64_t base = (a + TWO_MB - 1) & ~(TWO_MB - 1);
	struct pool pool;
	pool_init(&pool, base, REGION_SIZE);
	struct hv *hv = pool_alloc_pages(&pool, (sizeof *hv + 4095) / 4096);
	hv->pool = pool;
	hv->mem_base = base;
	hv->mem_size = REGION_SIZE;

	if (EFI_ERROR(uefi_call_wrapper(BS->HandleProtocol, 3, image, &LoadedImageProtocol, (void **)&li))) {
		*why = "no loaded-image protocol";
		return NULL;
	}
	/* The hypervisor runs from a copy: the loaded image is reclaimed by the OS. */
	uint8_t *copy = pool_alloc_pages(&hv->pool, (li->ImageSize + 4095) / 4096);
	if (!copy) {
		*why = "pool exhausted (image copy)";
		return NULL;
	}
	hv->image_delta = (uint64_t)(uintptr_t)copy - (uint64_t)(uintptr_t)li->ImageBase;

	struct hv_info *id = &hv->ident;
	id->magic = HV_INFO_MAGIC;
	id->version = HV_INFO_VERSION;
	memcpy(id->runtime_version, PARAPET_VERSION, sizeof PARAPET_VERSION);
	memcpy(id->policy_id, p->policy_id, 32);
	memcpy(id->device_id, p->device_id.p, p->device_id.n < 63 ? p->device_id.n : 63);
	id->rollback_counter = p->counter;
	id->hv_mem_base = hv->mem_base;
	id->hv_mem_size = hv->mem_size;
	hv->tsc_hz = tsc_hz();

	*why = arch_prepare(hv, (uint32_t)mp_cpu_count());
	if (*why)
		return NULL;
	/* Copy last, so the copy's data matches what the loader set up. */
	memcpy(copy, li->ImageBase, li->ImageSize);
	relocate_copy(li->ImageBase, copy);
	return hv;
}

static const char *boot(EFI_HANDLE image)
{
	struct policy p;
	uint8_t *blob = NULL;
	char idhex[65];
	uint64_t stored = 0;
	const char *why;

	say("\n[parapet] %s starting\n", PARAPET_VERSION);
	if ((why = load_policy(image, &p, &blob)))
		return why;
	hex32(idhex, p.policy_id);
	say("[parapet] policy id %s\n", idhex);
	say("[parapet] device id %.*s, fleet %.*s, rollback counter %lu\n", (int)p.device_id.n, p.device_id.p,
	    (int)p.fleet_id.n, p.fleet_id.p, p.counter);
	if ((why = check_binding(&p)))
		return why;
	if ((why = rollback_check_and_commit(p.counter, &stored)))
		return why;
	say("[parapet] rollback check ok: counter %lu, highest accepted before %lu\n", p.counter, stored);
	note_inputs(image);

	if ((why = arch_unsupported()))
		return why;
	struct hv *hv = hv_setup(image, &p, &why);
	if (!hv)
		return why;
	say("[parapet] hypervisor memory 0x%lx-0x%lx (reserved, hidden from the guest), %u CPUs\n",
	    hv->mem_base, hv->mem_base + hv->mem_size - 1, hv->ncpus);
	uint32_t ncpus = hv->ncpus;
	if ((why = mp_virtualize_aps(hv)))
		return why;
	hv->tsc0 = rdtsc();
	if ((why = arch_virtualize_cpu(hv, 0)))
		return why;
	/*
	 * From here on this code is a guest: hv now lies in memory nested paging
	 * hides, so all state comes through the same VMMCALL interface hvctl uses.
	 */
	hv = NULL;
	struct hv_info info;
	if (!arch_hv_present() || hvcall_info_read(&info))
		return "hypervisor not answering after the blue pill";
	say("[parapet] firmware now runs as a guest; %u of %u CPUs virtualized\n", info.ncpus_virtualized, ncpus);
	if (info.ncpus_virtualized != ncpus || memcmp(info.policy_id, p.policy_id, 32))
		return "not every CPU could be virtualized";
	const char *loader = p.settings.has_loader ? p.settings.loader.p : NULL;
	return chain_load(image, loader, p.settings.loader.n);
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	InitializeLib(image, systab);
	refuse_to_boot(boot(image));
}
