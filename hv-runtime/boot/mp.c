/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Application processors are moved under the hypervisor through the firmware's
 * MP services (PI spec vol. 2, EFI_MP_SERVICES_PROTOCOL) before the boot CPU
 * is: once the boot CPU is a guest, the firmware's INIT-SIPI-SIPI wake-ups go
 * through the hypervisor's SIPI emulation, which only starts CPUs that are
 * already virtualized.
 */
#include "boot.h"

static EFI_GUID mp_guid = { 0x3fdda605, 0xa76e, 0x4f46, { 0xad, 0x29, 0x12, 0xf4, 0x53, 0x1b, 0x3d, 0x08 } };

typedef struct mp_services MP_SERVICES;
typedef VOID(EFIAPI *AP_PROCEDURE)(VOID *arg);
struct mp_services {
	EFI_STATUS(EFIAPI *GetNumberOfProcessors)(MP_SERVICES *self, UINTN *n, UINTN *enabled);
	EFI_STATUS(EFIAPI *GetProcessorInfo)(MP_SERVICES *self, UINTN cpu, VOID *info);
	EFI_STATUS(EFIAPI *StartupAllAPs)(MP_SERVICES *self, AP_PROCEDURE proc, BOOLEAN single, EFI_EVENT ev,
					  UINTN timeout_us, VOID *arg, UINTN **failed);
	EFI_STATUS(EFIAPI *StartupThisAP)(MP_SERVICES *self, AP_PROCEDURE proc, UINTN cpu, EFI_EVENT ev,
					  UINTN timeout_us, VOID *arg, BOOLEAN *finished);
	EFI_STATUS(EFIAPI *SwitchBSP)(MP_SERVICES *self, UINTN cpu, BOOLEAN enable_old);
	EFI_STATUS(EFIAPI *EnableDisableAP)(MP_SERVICES *self, UINTN cpu, BOOLEAN enable, UINT32 *health);
	EFI_STATUS(EFIAPI *WhoAmI)(MP_SERVICES *self, UINTN *cpu);
};

static MP_SERVICES *mp(void)
{
	MP_SERVICES *m = NULL;
	if (EFI_ERROR(uefi_call_wrapper(BS->LocateProtocol, 3, &mp_guid, NULL, (void **)&m)))
		return NULL;
	return m;
}

UINTN mp_cpu_count(void)
{
	MP_SERVICES *m = mp();
	UINTN n = 1, enabled = 1;
	if (m && !EFI_ERROR(m->GetNumberOfProcessors(m, &n, &enabled)))
		return enabled;
	return 1;
}

struct ap_arg {
	struct hv *hv;
	uint32_t idx;
	const char *result;
};

/* Runs on the AP: no firmware services may be used here. */
static VOID EFIAPI ap_entry(VOID *p)
{
	struct ap_arg *a = p;
	a->result = arch_virtualize_cpu(a->hv, a->idx);
}

const char *mp_virtualize_aps(struct hv *hv)
{
	MP_SERVICES *m = mp();
	UINTN self = 0;
	if (hv->ncpus <= 1)
		return NULL;
	if (!m)
		return "firmware has no MP services protocol; cannot virtualize the other CPUs";
	if (EFI_ERROR(m->WhoAmI(m, &self)) || self != 0)
		return "boot CPU is not processor 0";
	for (uint32_t i = 1; i < hv->ncpus; i++) {
		struct ap_arg a = { hv, i, "AP did not run" };
		EFI_STATUS st = m->StartupThisAP(m, ap_entry, i, NULL, 0, &a, NULL);
		if (EFI_ERROR(st))
			return "MP services could not start an application processor";
		if (a.result)
			return a.result;
	}
	return NULL;
}
