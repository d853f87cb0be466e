#!/usr/bin/python3
# SPDX-License-Identifier: EPL-2.0
"""QEMU end-to-end tests for parapet-hv.efi, grouped by capability.

Each case is one boot of q35 + OVMF (pflash, writable vars copy) under TCG with
SVM and NPT, and passes when the serial console shows its expected line(s).
The guest is a Debian kernel and a busybox initramfs, both from Debian
packages (apt-get download / busybox-static). Signing keys are generated per
run in a temporary directory. QEMU runs strictly one at a time.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MKBLOB = [sys.executable, os.path.join(ROOT, "tests", "mkblob.py")]
OVMF_CODE = "/usr/share/OVMF/OVMF_CODE_4M.fd"
OVMF_VARS = "/usr/share/OVMF/OVMF_VARS_4M.fd"
SERIAL = "PARAPET-SN-0001"
ANSI = re.compile(rb"\x1b\[[0-9;?=]*[a-zA-Z]")
CMDLINE = "console=ttyS0,115200 initrd=\\EFI\\linux\\initrd.img rdinit=/init panic=-1 tsc=unstable earlycon=uart8250,io,0x3f8,115200"


def sh(*cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def fetch_kernel(cache):
    """The newest Debian amd64 kernel image, via apt-get download."""
    os.makedirs(cache, exist_ok=True)
    found = sorted(glob.glob(os.path.join(cache, "vmlinuz-*")))
    if found:
        return found[-1]
    def resolve():
        dep = subprocess.run(["apt-cache", "depends", "linux-image-amd64"], capture_output=True, text=True).stdout
        return re.search(r"Depends: (linux-image-\S+-amd64)", dep)
    m = resolve()
    if not m and os.geteuid() == 0:
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        m = resolve()
    if not m:
        raise SystemExit("e2e: cannot resolve linux-image-amd64 (apt-get update?)")
    sh("apt-get", "download", "-q", m.group(1), cwd=cache)
    deb = glob.glob(os.path.join(cache, m.group(1) + "_*.deb"))[0]
    x = os.path.join(cache, "x")
    sh("dpkg-deb", "-x", deb, x)
    k = glob.glob(os.path.join(x, "boot", "vmlinuz-*"))[0]
    dst = os.path.join(cache, os.path.basename(k))
    shutil.copy(k, dst)
    shutil.rmtree(x)
    os.unlink(deb)
    return dst


def cpio_newc(entries):
    """entries: (name, mode, data). Writes an initramfs without external tools."""
    out = bytearray()
    ino = 1
    for name, mode, data in entries + [("TRAILER!!!", 0, b"")]:
        nb = name.encode() + b"\0"
        hdr = "070701" + "".join("%08x" % v for v in (
            ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(nb), 0))
        out += hdr.encode() + nb
        out += b"\0" * ((4 - len(out) % 4) % 4)
        out += data
        out += b"\0" * ((4 - len(out) % 4) % 4)
        ino += 1
    return bytes(out)


def make_initrd(path, init_script, hvctl):
    d = 0o40755
    entries = [(n, d, b"") for n in ("bin", "sbin", "proc", "sys", "dev", "usr", "usr/bin", "usr/sbin")]
    entries.append(("bin/busybox", 0o100755, open("/bin/busybox", "rb").read()))
    entries.append(("init", 0o100755, open(init_script, "rb").read()))
    if hvctl:
        entries.append(("bin/parapet-hvctl", 0o100755, open(hvctl, "rb").read()))
    import gzip
    with open(path, "wb") as f:
        f.write(gzip.compress(cpio_newc(entries), 6))


def make_esp(path, files):
    if os.path.exists(path):
        os.unlink(path)
    sh("mkfs.vfat", "-C", "-n", "PARAPETESP", path, "65536", stdout=subprocess.DEVNULL)
    dirs = set()
    for dst in files:
        parts = dst.strip("/").split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add("/".join(parts[:i]))
    for dname in sorted(dirs, key=len):
        sh("mmd", "-i", path, "::/" + dname)
    for dst, src in files.items():
        sh("mcopy", "-i", path, src, "::/" + dst.strip("/"))


class Boot:
    def __init__(self, work, name):
        self.work, self.name = work, name
        self.log = os.path.join(work, name + ".serial.log")
        self.lines = []
        self.elapsed = 0.0
        self.marks = {}

    def run(self, esp, vars_fd, smp=1, serial=SERIAL, timeout=300, stop=None, kernel_args=None):
        cmd = ["qemu-system-x86_64", "-machine", "q35", "-accel", "tcg", "-cpu", "qemu64,+svm,+npt",
               "-m", "1G", "-smp", str(smp), "-net", "none", "-display", "none", "-monitor", "none",
               "-serial", "stdio", "-no-reboot",
               "-debugcon", "file:" + os.path.join(self.work, self.name + ".debugcon.log"),
               "-smbios", "type=1,serial=" + serial,
               "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + OVMF_CODE,
               "-drive", "if=pflash,format=raw,unit=1,file=" + vars_fd]
        if esp:
            cmd += ["-drive", "file=%s,format=raw" % esp]
        if kernel_args:
            cmd += kernel_args
        t0 = time.time()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        os.set_blocking(p.stdout.fileno(), False)
        import select
        buf = b""
        with open(self.log, "w") as log:
            log.write(" ".join(cmd) + "\n")
            while True:
                if time.time() - t0 > timeout:
                    log.write("*** timeout after %d s\n" % timeout)
                    self.lines.append("*** timeout")
                    p.kill()
                    break
                r, _, _ = select.select([p.stdout], [], [], 0.5)
                if r:
                    chunk = p.stdout.read()
                    if not chunk:
                        break
                    buf += chunk
                    while b"\n" in buf:
                        line, buf = buf.split(b"\n", 1)
                        line = ANSI.sub(b"", line).replace(b"\r", b"").decode("utf-8", "replace").rstrip()
                        if not line.strip():
                            continue
                        now = time.time() - t0
                        self.lines.append(line)
                        log.write("[%7.2f] %s\n" % (now, line))
                        log.flush()
                        if "/init running" in line:
                            self.marks["init"] = now
                        if stop and stop in line:
                            p.kill()
                elif p.poll() is not None:
                    break
            p.wait()
            self.elapsed = time.time() - t0
            log.write("*** qemu exit %s after %.1f s\n" % (p.returncode, self.elapsed))
        return self

    def has(self, text):
        return any(text in l for l in self.lines)

    def find(self, regex):
        for l in self.lines:
            m = re.search(regex, l)
            if m:
                return m
        return None


class Suite:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, group, name, ok, detail=""):
        print("%s %-10s %-52s %s" % ("PASS" if ok else "FAIL", group, name, detail), flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--only", help="comma-separated groups: policy,binding,chain,rollback,linux,perf")
    a = ap.parse_args()
    groups = set((a.only or "policy,binding,chain,rollback,linux,perf").split(","))
    build = os.path.abspath(a.build)
    efi = os.path.join(build, "parapet-hv.efi")
    hvctl = os.path.join(build, "parapet-hvctl")
    cache = os.path.join(build, "e2e-cache")
    work = os.path.join(build, "e2e")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    tmp = tempfile.mkdtemp(prefix="parapet-e2e-keys-")
    s = Suite()
    try:
        kernel = fetch_kernel(cache)
        initrd = os.path.join(work, "initrd.img")
        make_initrd(initrd, os.path.join(HERE, "init.sh"), hvctl)
        opt = os.path.join(work, "loader.opt")
        with open(opt, "w") as f:
            f.write(CMDLINE + "\n")
        sh(*MKBLOB, "keygen", os.path.join(tmp, "fleet"))
        sh(*MKBLOB, "keygen", os.path.join(tmp, "other"))
        key = os.path.join(tmp, "fleet", "key.pem")
        baked = os.path.join(work, "parapet-hv.efi")
        shutil.copy(efi, baked)
        sh(*MKBLOB, "patch-key", baked, os.path.join(tmp, "fleet", "pub.bin"))

        def blob(name, counter=5, signer=key, tamper=False, serial=SERIAL, loader="\\EFI\\linux\\vmlinuz.efi"):
            out = os.path.join(work, name + ".cose")
            args = ["blob", signer, out, "--counter", str(counter), "--serial", serial]
            if loader:
                args += ["--loader", loader]
            pid = subprocess.run(MKBLOB + args, check=True, capture_output=True, text=True).stdout.strip()
            if tamper:
                data = bytearray(open(out, "rb").read())
                i = data.find(b"fleet-test")
                data[i + 1] ^= 0x20
                open(out, "wb").write(data)
            return out, pid

        def esp(name, policy, image=baked, with_os=False):
            files = {"EFI/BOOT/BOOTX64.EFI": image, "EFI/parapet/policy.cose": policy}
            if with_os:
                files.update({"EFI/linux/vmlinuz.efi": kernel, "EFI/linux/initrd.img": initrd,
                              "EFI/parapet/loader.opt": opt})
            path = os.path.join(work, name + ".img")
            make_esp(path, files)
            return path

        def fresh_vars(name):
            path = os.path.join(work, name + ".vars.fd")
            shutil.copy(OVMF_VARS, path)
            return path

        refuse = "REFUSING TO BOOT"
        if "policy" in groups:
            p, _ = blob("tampered", tamper=True)
            b = Boot(work, "policy-tampered").run(esp("policy-tampered", p), fresh_vars("t"), timeout=120,
                                                  stop=refuse)
            s.check("policy", "tampered blob refused (signature)",
                    b.has(refuse + ": policy rejected: signature: ES256 signature does not verify"))
            p, _ = blob("wrongkey", signer=os.path.join(tmp, "other", "key.pem"))
            b = Boot(work, "policy-wrong-key").run(esp("policy-wrong-key", p), fresh_vars("w"), timeout=120,
                                                   stop=refuse)
            s.check("policy", "blob signed with another key refused",
                    b.has(refuse + ": policy rejected: signature: ES256 signature does not verify"))
            p, _ = blob("unsetkey")
            b = Boot(work, "policy-unset-key").run(esp("policy-unset-key", p, image=efi), fresh_vars("u"),
                                                   timeout=120, stop=refuse)
            s.check("policy", "image without baked key refuses", b.has(refuse + ": no policy key baked"))
        if "binding" in groups:
            p, _ = blob("binding")
            b = Boot(work, "binding-wrong-serial").run(esp("binding", p), fresh_vars("b"), serial="OTHER-SN",
                                                       timeout=120, stop=refuse)
            s.check("binding", "wrong SMBIOS serial refused", b.has(refuse + ": device binding mismatch"))
        if "chain" in groups:
            # No settings key 5: the runtime starts the BootOrder entry after its own, which on
            # this OVMF build is the built-in UEFI Shell; it must run as the hypervisor's guest.
            p, _ = blob("noloader", loader=None)
            b = Boot(work, "chain-next-entry").run(esp("chain", p), fresh_vars("c"), timeout=120,
                                                   stop="UEFI Interactive Shell")
            s.check("chain", "no loader in policy: next BootOrder entry started as guest",
                    b.has("firmware now runs as a guest") and
                    b.has("starting OS loader from the next BootOrder entry") and b.has("UEFI Interactive Shell"))
        if "rollback" in groups:
            v = fresh_vars("rollback")
            p7, _ = blob("counter7", counter=7)
            b = Boot(work, "rollback-accept-7").run(esp("rb7", p7), v, timeout=120, stop="rollback check ok")
            s.check("rollback", "counter 7 accepted and stored", b.has("rollback check ok: counter 7"))
            p6, _ = blob("counter6", counter=6)
            b = Boot(work, "rollback-refuse-6").run(esp("rb6", p6), v, timeout=120, stop=refuse)
            s.check("rollback", "counter 6 after 7 refused (rolled back)", b.has(refuse + ": policy rollback"))
        if "linux" in groups:
            p, pid = blob("linux", counter=9)
            b = Boot(work, "linux-smp2").run(esp("linux", p, with_os=True), fresh_vars("l"), smp=2, timeout=420,
                                             stop="[e2e] done")
            s.check("linux", "loader verified policy and virtualized 2 CPUs",
                    b.has("2 of 2 CPUs virtualized"))
            s.check("linux", "Linux reached /init under the hypervisor", b.has("[e2e] /init running"),
                    "(%.1f s)" % b.marks.get("init", -1))
            s.check("linux", "hvctl reports the hypervisor", b.has("[e2e] hvctl status ok"))
            m = b.find(r"\[e2e\] policy-id ([0-9a-f]{64})")
            s.check("linux", "hvctl policy id equals the blob's", bool(m) and m.group(1) == pid,
                    "guest=%s blob=%s" % (m.group(1)[:16] if m else None, pid[:16]))
            s.check("linux", "Linux sees both CPUs online", b.has("[e2e] cpus online: 0-1"))
            s.check("linux", "guest sees the hypervisor bit and no SVM on both CPUs",
                    b.has("[e2e] cpuinfo flags: hypervisor on 2 cpus, svm on 0 cpus"))
            s.check("linux", "cpu0 and cpu1 each run under the hypervisor",
                    b.has("[e2e] cpu0 under hypervisor: yes") and b.has("[e2e] cpu1 under hypervisor: yes"))
            s.check("linux", "guest write to hypervisor memory blocked and logged",
                    b.has("BLOCKED guest write of hypervisor memory") and
                    bool(b.find(r"hv-mem write exit status (1[0-9][0-9])")))
            m = b.find(r"exit counters:\s+exits=(\d+)")
            up = b.find(r"uptime:\s+([\d.]+) s")
            if m and up:
                print("INFO perf: %s exits in %s s of hypervisor uptime = %.0f exits/s"
                      % (m.group(1), up.group(1), int(m.group(1)) / float(up.group(1))))
            if "perf" in groups and "init" in b.marks:
                base_initrd = os.path.join(work, "initrd-base.img")
                make_initrd(base_initrd, os.path.join(HERE, "baseline-init.sh"), None)
                k = ["-kernel", kernel, "-initrd", base_initrd, "-append",
                     CMDLINE.replace("initrd=\\EFI\\linux\\initrd.img ", "")]
                nb = Boot(work, "baseline-nohv-smp2").run(None, fresh_vars("n"), smp=2, timeout=300,
                                                          stop="[e2e] done", kernel_args=k)
                if "init" in nb.marks:
                    print("INFO perf: QEMU start to /init: %.1f s with the hypervisor, %.1f s without "
                          "(ratio %.2f)" % (b.marks["init"], nb.marks["init"], b.marks["init"] / nb.marks["init"]))
                g1 = b.find(r"/init running, guest uptime ([\d.]+) s")
                g0 = nb.find(r"/init running, guest uptime ([\d.]+) s")
                if g1 and g0:
                    print("INFO perf: Linux uptime at /init: %s s with the hypervisor, %s s without (ratio %.2f)"
                          % (g1.group(1), g0.group(1), float(g1.group(1)) / float(g0.group(1))))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("e2e: %d passed, %d failed" % (s.passed, s.failed))
    print("%d passed, %d failed" % (s.passed, s.failed))
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
