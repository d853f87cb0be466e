/* SPDX-License-Identifier: EPL-2.0 */
#include "boot.h"

EFI_STATUS esp_read(EFI_HANDLE image, const CHAR16 *path, uint8_t **buf, UINTN *len, UINTN max)
{
	EFI_LOADED_IMAGE *li;
	EFI_FILE_HANDLE root, f;
	EFI_STATUS st = uefi_call_wrapper(BS->HandleProtocol, 3, image, &LoadedImageProtocol, (void **)&li);
	if (EFI_ERROR(st))
		return st;
	root = LibOpenRoot(li->DeviceHandle);
	if (!root)
		return EFI_NOT_FOUND;
	st = uefi_call_wrapper(root->Open, 5, root, &f, (CHAR16 *)path, EFI_FILE_MODE_READ, 0);
	uefi_call_wrapper(root->Close, 1, root);
	if (EFI_ERROR(st))
		return st;
	EFI_FILE_INFO *info = LibFileInfo(f);
	if (!info) {
		uefi_call_wrapper(f->Close, 1, f);
		return EFI_DEVICE_ERROR;
	}
	UINT64 size = info->FileSize;
	FreePool(info);
	if (size > max) {
		uefi_call_wrapper(f->Close, 1, f);
		return EFI_BAD_BUFFER_SIZE;
	}
	uint8_t *b = AllocatePool(size ? size : 1);
	if (!b) {
		uefi_call_wrapper(f->Close, 1, f);
		return EFI_OUT_OF_RESOURCES;
	}
	UINTN n = size;
	st = uefi_call_wrapper(f->Read, 3, f, &n, b);
	uefi_call_wrapper(f->Close, 1, f);
	if (!EFI_ERROR(st) && n != size)
		st = EFI_DEVICE_ERROR;
	if (EFI_ERROR(st)) {
		FreePool(b);
		return st;
	}
	*buf = b;
	*len = n;
	return EFI_SUCCESS;
}
