/* SPDX-License-Identifier: EPL-2.0 */
/*
 * Chain-loading the OS: the ESP path from settings key 5, or else the
 * BootOrder entry after the one that started the runtime. The loader's own
 * load options can be supplied in \EFI\parapet\loader.opt (one UTF-8 line, e.g.
 * a kernel command line for an EFI-stub kernel); the OS loader is responsible
 * for its own integrity (Secure Boot), the policy only names it.
 */
#include "boot.h"

#define MAX_PATH 512
static CHAR16 options[1024];

static void load_options(EFI_HANDLE image, EFI_LOADED_IMAGE *child)
{
	uint8_t *buf;
	UINTN len, n = 0;
	if (EFI_ERROR(esp_read(image, L"\\EFI\\parapet\\loader.opt", &buf, &len, 4096)))
		return;
	for (UINTN i = 0; i < len && n + 1 < sizeof options / sizeof options[0]; i++) {
		if (buf[i] == '\n' || buf[i] == '\r')
			break;
		if (buf[i] >= 0x20 && buf[i] < 0x7f)   /* ASCII only: the stub parses UCS-2 */
			options[n++] = buf[i];
	}
	options[n] = 0;
	FreePool(buf);
	child->LoadOptions = options;
	child->LoadOptionsSize = (UINT32)((n + 1) * sizeof(CHAR16));
	say("[parapet] loader options: %u characters from \\EFI\\parapet\\loader.opt\n", (unsigned)n);
}

static const char *start(EFI_HANDLE image, EFI_DEVICE_PATH *dp, const char *what)
{
	EFI_HANDLE child;
	EFI_LOADED_IMAGE *li;
	EFI_STATUS st = uefi_call_wrapper(BS->LoadImage, 6, FALSE, image, dp, NULL, 0, &child);
	if (EFI_ERROR(st))
		return "the OS loader could not be loaded";
	if (!EFI_ERROR(uefi_call_wrapper(BS->HandleProtocol, 3, child, &LoadedImageProtocol, (void **)&li)))
		load_options(image, li);
	say("[parapet] starting OS loader %s\n", what);
	st = uefi_call_wrapper(BS->StartImage, 3, child, NULL, NULL);
	return "the OS loader returned";
}

static const char *next_boot_entry(EFI_HANDLE image)
{
	UINT16 current, order[64], name_buf[16];
	UINTN size = sizeof current;
	UINT32 attrs;
	if (EFI_ERROR(uefi_call_wrapper(RT->GetVariable, 5, L"BootCurrent", &EfiGlobalVariable, &attrs, &size, &current)))
		return "no OS loader in the policy and no BootCurrent variable";
	size = sizeof order;
	if (EFI_ERROR(uefi_call_wrapper(RT->GetVariable, 5, L"BootOrder", &EfiGlobalVariable, &attrs, &size, order)))
		return "no OS loader in the policy and no BootOrder variable";
	UINTN n = size / sizeof order[0], i = 0;
	while (i < n && order[i] != current)
		i++;
	if (i + 1 >= n)
		return "no OS loader in the policy and no boot entry after the runtime's";
	UINT16 next = order[i + 1];
	CHAR16 *name = (CHAR16 *)name_buf;
	static const char hex[] = "0123456789ABCDEF";
	const char *pfx = "Boot";
	for (int k = 0; k < 4; k++)
		name[k] = (CHAR16)pfx[k];
	for (int k = 0; k < 4; k++)
		name[4 + k] = (CHAR16)hex[(next >> (12 - 4 * k)) & 15];
	name[8] = 0;
	static uint8_t opt[4096];
	size = sizeof opt;
	if (EFI_ERROR(uefi_call_wrapper(RT->GetVariable, 5, name, &EfiGlobalVariable, &attrs, &size, opt)) || size < 8)
		return "the next boot entry cannot be read";
	/* EFI_LOAD_OPTION: Attributes, FilePathListLength, Description (UCS-2, NUL), FilePathList. */
	UINT16 fplen = *(UINT16 *)(opt + 4);
	UINTN off = 6;
	while (off + 1 < size && (opt[off] || opt[off + 1]))
		off += 2;
	off += 2;
	if (off + fplen > size || fplen < 4)
		return "the next boot entry is malformed";
	return start(image, (EFI_DEVICE_PATH *)(opt + off), "from the next BootOrder entry");
}

const char *chain_load(EFI_HANDLE image, const char *loader, UINTN len)
{
	if (!loader)
		return next_boot_entry(image);
	static CHAR16 path[MAX_PATH];
	if (len >= MAX_PATH)
		return "OS loader path too long";
	for (UINTN i = 0; i < len; i++) {
		if ((uint8_t)loader[i] >= 0x80)
			return "OS loader path is not ASCII";
		path[i] = (CHAR16)loader[i];
	}
	path[len] = 0;
	EFI_LOADED_IMAGE *li;
	if (EFI_ERROR(uefi_call_wrapper(BS->HandleProtocol, 3, image, &LoadedImageProtocol, (void **)&li)))
		return "no loaded-image protocol";
	EFI_DEVICE_PATH *dp = FileDevicePath(li->DeviceHandle, path);
	if (!dp)
		return "cannot build the OS loader device path";
	return start(image, dp, "named by the policy");
}
