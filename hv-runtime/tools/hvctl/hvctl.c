/* SPDX-License-Identifier: EPL-2.0 */
/*
 * parapet-hvctl: reports the Parapet hypervisor's state from inside the guest
 * through the VMMCALL interface (arch/hvcall.h). Runs unprivileged.
 *   parapet-hvctl [status|policy-id|device-id|hv-mem]
 */
#include <cpuid.h>
#include <stdio.h>
#include <string.h>

#include "../../arch/hvcall.h"

static const char *const counter_names[HVC_COUNT] = {
	"exits", "cpuid", "msr", "vmmcall", "npf", "npf_lazy", "apic_write", "init", "sipi", "svm_insn",
	"hv_mem_violation", "refused",
};

static int present(void)
{
	unsigned a, b, c, d;
	__cpuid(1, a, b, c, d);
	if (!(c & (1u << 31)))
		return 0;
	__cpuid(0x40000000, a, b, c, d);
	return b == HV_CPUID_SIG_EBX && c == HV_CPUID_SIG_ECX && d == HV_CPUID_SIG_EDX;
}

static void hex(const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%02x", b[i]);
}

int main(int argc, char **argv)
{
	struct hv_info info;
	const char *cmd = argc > 1 ? argv[1] : "status";
	if (!present()) {
		fprintf(stderr, "parapet-hvctl: not running under the Parapet hypervisor\n");
		return 1;
	}
	if (hvcall_info_read(&info)) {
		fprintf(stderr, "parapet-hvctl: hypervisor did not answer the info call\n");
		return 1;
	}
	info.runtime_version[sizeof info.runtime_version - 1] = 0;
	info.device_id[sizeof info.device_id - 1] = 0;
	if (!strcmp(cmd, "policy-id")) {
		hex(info.policy_id, 32);
		printf("\n");
	} else if (!strcmp(cmd, "device-id")) {
		printf("%s\n", info.device_id);
	} else if (!strcmp(cmd, "hv-mem")) {
		printf("0x%llx 0x%llx\n", (unsigned long long)info.hv_mem_base, (unsigned long long)info.hv_mem_size);
	} else if (!strcmp(cmd, "status")) {
		printf("runtime:          %s\n", info.runtime_version);
		printf("policy id:        ");
		hex(info.policy_id, 32);
		printf("\ndevice id:        %s\n", info.device_id);
		printf("rollback counter: %llu\n", (unsigned long long)info.rollback_counter);
		printf("uptime:           %llu.%03llu s\n", (unsigned long long)info.uptime_ms / 1000,
		       (unsigned long long)info.uptime_ms % 1000);
		printf("cpus virtualized: %u\n", info.ncpus_virtualized);
		printf("hv memory:        0x%llx +0x%llx (guest access blocked)\n",
		       (unsigned long long)info.hv_mem_base, (unsigned long long)info.hv_mem_size);
		printf("exit counters:   ");
		for (int i = 0; i < HVC_COUNT; i++)
			printf(" %s=%llu", counter_names[i], (unsigned long long)info.counters[i]);
		printf("\nexits per cpu:   ");
		for (unsigned i = 0; i < info.ncpus_virtualized && i < HV_MAX_CPUS; i++)
			printf(" cpu%u=%llu", i, (unsigned long long)info.cpu_exits[i]);
		printf("\n");
	} else {
		fprintf(stderr, "usage: parapet-hvctl [status|policy-id|device-id|hv-mem]\n");
		return 2;
	}
	return 0;
}
