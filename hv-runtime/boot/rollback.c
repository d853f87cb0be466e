/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Anti-rollback: the highest accepted policy counter is kept in a non-volatile
 * variable of Parapet's own vendor GUID with boot-service access only, so the
 * OS cannot read or lower it after ExitBootServices.
 */
#include "boot.h"

static EFI_GUID parapet_guid = { 0x8f3a6a2e, 0x7c1d, 0x4b6e, { 0x9a, 0x57, 0x50, 0x41, 0x52, 0x41, 0x50, 0x54 } };
static CHAR16 var_name[] = L"ParapetRollback";
#define ATTRS (EFI_VARIABLE_NON_VOLATILE | EFI_VARIABLE_BOOTSERVICE_ACCESS)

const char *rollback_check_and_commit(uint64_t counter, uint64_t *stored)
{
	uint64_t v = 0;
	UINT32 attrs = 0;
	UINTN size = sizeof v;
	EFI_STATUS st = uefi_call_wrapper(RT->GetVariable, 5, var_name, &parapet_guid, &attrs, &size, &v);
	if (st == EFI_NOT_FOUND) {
		v = 0;
	} else if (EFI_ERROR(st)) {
		return "cannot read the rollback counter variable";
	} else if (size != sizeof v) {
		return "rollback counter variable has the wrong size";
	} else if (attrs != ATTRS) {
		/* Someone else created it (e.g. with runtime access): its value cannot be trusted. */
		return "rollback counter variable has unexpected attributes";
	}
	*stored = v;
	if (st != EFI_NOT_FOUND && counter < v)
		return "policy rollback counter is lower than the highest accepted one (rolled back)";
	if (st == EFI_NOT_FOUND || counter > v) {
		st = uefi_call_wrapper(RT->SetVariable, 5, var_name, &parapet_guid, ATTRS, sizeof counter, &counter);
		if (EFI_ERROR(st))
			return "cannot store the rollback counter variable";
	}
	return NULL;
}
