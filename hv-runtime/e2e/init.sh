#!/bin/busybox sh
# SPDX-License-Identifier: EPL-2.0
# /init of the e2e test guest: reports what the harness asserts on, then powers off.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
echo "[e2e] /init running, guest uptime $(cut -d' ' -f1 /proc/uptime) s"
echo "[e2e] cpus online: $(cat /sys/devices/system/cpu/online)"
echo "[e2e] cpuinfo flags: hypervisor on $(grep -c -w hypervisor /proc/cpuinfo) cpus, svm on $(grep -c -w svm /proc/cpuinfo) cpus"
if /bin/parapet-hvctl status; then echo "[e2e] hvctl status ok"; else echo "[e2e] hvctl status FAILED"; fi
echo "[e2e] policy-id $(/bin/parapet-hvctl policy-id)"
for c in $(seq 0 $(($(nproc --all) - 1))); do
	if taskset -c "$c" /bin/parapet-hvctl device-id >/dev/null 2>&1; then
		echo "[e2e] cpu$c under hypervisor: yes"
	else
		echo "[e2e] cpu$c under hypervisor: no"
	fi
done
set -- $(/bin/parapet-hvctl hv-mem)
if [ -n "$1" ]; then
	echo "[e2e] writing to hypervisor memory at $1 from the guest"
	devmem "$1" 32 0x41414141
	echo "[e2e] hv-mem write exit status $?"
fi
/bin/parapet-hvctl status | grep -E 'uptime|exit counters'
echo "[e2e] guest uptime at end $(cut -d' ' -f1 /proc/uptime) s"
echo "[e2e] done"
poweroff -f
