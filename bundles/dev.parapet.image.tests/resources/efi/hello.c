// SPDX-License-Identifier: EPL-2.0
// A stand-in EFI application with hv-runtime's .pppkey section layout (docs/formats.md section 4),
// used to test key patching and Authenticode signing independently of hv-runtime's build.
#include <efi.h>
#include <efilib.h>

__attribute__((section(".pppkey"), used, aligned(16)))
const unsigned char parapet_pppkey[128] = { 'P', 'P', 'P', 'K', 'E', 'Y', 0, 0, 1, 0, 0, 0 };

EFI_STATUS EFIAPI efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	InitializeLib(image, systab);
	Print(L"parapet test app: key byte %d\n", parapet_pppkey[12]);
	return EFI_SUCCESS;
}
