package dev.mvirt.vmm.service;

import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.InvalidSpecException;
import dev.mvirt.vmm.model.NicSpec;
import dev.mvirt.vmm.model.VmSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks a spec before it is stored or reaches a command line: names, CPU and memory bounds, paths (absolute,
 * no "..", under an image directory also after resolving symlinks, existing), TAP names, MACs, cloud-init.
 * Throws {@link InvalidSpecException} naming the field.
 */
public final class SpecValidator {
    static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TAP = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern KEY = Pattern.compile("(ssh|ecdsa|sk)-[A-Za-z0-9@.+/=_ -]{1,8000}");
    private static final int MAX_TEXT = 64 * 1024;
    private final Limits limits;

    public SpecValidator(Limits limits) {
        this.limits = limits;
    }

    public void validate(VmSpec s) {
        require(NAME.matcher(s.name()).matches(), "name", "must match " + NAME.pattern());
        require(s.vcpus() >= 1 && s.vcpus() <= limits.maxVcpus(), "vcpus", "must be 1.." + limits.maxVcpus());
        require(
                s.memoryMib() >= limits.minMemoryMib() && s.memoryMib() <= limits.maxMemoryMib(),
                "memoryMib",
                "must be " + limits.minMemoryMib() + ".." + limits.maxMemoryMib());
        s.directBoot().ifPresent(b -> {
            imagePath("directBoot.kernel", b.kernel());
            b.initramfs().ifPresent(i -> imagePath("directBoot.initramfs", i));
            require(
                    b.cmdline().length() <= 4096 && noControl(b.cmdline()),
                    "directBoot.cmdline",
                    "at most 4096 printable characters");
        });
        require(s.directBoot().isPresent() || !s.disks().isEmpty(), "disks", "a VM without a kernel needs a disk");
        require(s.disks().size() <= 16 && s.nics().size() <= 8, "disks/nics", "at most 16 disks and 8 nics");
        for (int i = 0; i < s.disks().size(); i++) {
            DiskSpec d = s.disks().get(i);
            imagePath("disks[" + i + "].path", d.path());
        }
        for (int i = 0; i < s.nics().size(); i++) {
            NicSpec n = s.nics().get(i);
            require(TAP.matcher(n.tap()).matches(), "nics[" + i + "].tap", "must match " + TAP.pattern());
            require(MAC.matcher(n.mac()).matches(), "nics[" + i + "].mac", "must be aa:bb:cc:dd:ee:ff (lower case)");
        }
        s.cloudInit().ifPresent(SpecValidator::cloudInit);
    }

    private static void cloudInit(CloudInit c) {
        require(NAME.matcher(c.hostname()).matches(), "cloudInit.hostname", "must match " + NAME.pattern());
        require(c.userData().length() <= MAX_TEXT, "cloudInit.userData", "at most 64 KiB");
        require(c.networkConfig().length() <= MAX_TEXT, "cloudInit.networkConfig", "at most 64 KiB");
        for (String k : c.sshAuthorizedKeys()) {
            require(KEY.matcher(k).matches(), "cloudInit.sshAuthorizedKeys", "not a single-line public key");
        }
    }

    private void imagePath(String field, Path p) {
        String text = p.toString();
        require(p.isAbsolute(), field, "must be an absolute path");
        require(noControl(text) && text.length() <= 4096, field, "contains control characters or is too long");
        for (Path part : p) {
            require(!part.toString().equals(".."), field, "must not contain '..'");
            require(!part.toString().startsWith("-"), field, "no path element may start with '-'");
        }
        require(underImageDir(p.normalize()), field, "must lie under one of " + limits.imageDirs());
        require(Files.exists(p), field, "does not exist: " + p);
        try {
            require(underImageDir(p.toRealPath()), field, "resolves (through a symlink) outside the image directories");
        } catch (IOException e) {
            throw new InvalidSpecException(field, "cannot resolve " + p + ": " + e.getMessage());
        }
    }

    private boolean underImageDir(Path p) {
        for (Path dir : limits.imageDirs()) {
            Path real = dir;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                // a missing image dir matches only literally
            }
            if ((p.startsWith(dir) && !p.equals(dir)) || (p.startsWith(real) && !p.equals(real))) {
                return true;
            }
        }
        return false;
    }

    private static boolean noControl(String s) {
        return s.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new InvalidSpecException(field, problem);
        }
    }
}
