// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parapet.card.piv.ManagementKeyAlgorithm;
import dev.parapet.card.piv.PivAlgorithm;
import dev.parapet.card.piv.PivSlot;

/**
 * Reads card profile files ({@code *.cardprofile}): one {@code field: value} per line, {@code #} comments.
 * Unknown fields, duplicates and bad values are errors naming file, line and field (fail closed).
 */
public final class CardProfileParser {

    private static final Pattern LINE = Pattern.compile("([a-z][a-z0-9-]*)\\s*:\\s*(.*?)\\s*");
    private static final Pattern RANGE = Pattern.compile("([0-9]+)\\.\\.([0-9]+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> SINGLE = Set.of("profile", "management-key", "pin-tries", "puk-tries",
            "pin-length", "validity-days", "subject");

    private CardProfileParser() {
    }

    /** Parses a profile file. */
    public static CardProfile parse(Path file) throws ProfileException, IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses profile text.
     *
     * @param source file name for messages
     */
    public static CardProfile parse(String source, String text) throws ProfileException {
        String name = null;
        ManagementKeyAlgorithm mk = ManagementKeyAlgorithm.AES256;
        int pinTries = 3;
        int pukTries = 3;
        int pinMin = 6;
        int pinMax = 8;
        int validity = 365;
        String subject = "";
        List<SlotPlan> slots = new ArrayList<>();
        Set<PivSlot> seenSlots = EnumSet.noneOf(PivSlot.class);
        List<String> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].strip();
            int lineNo = i + 1;
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(raw);
            if (!m.matches()) {
                throw error(source, lineNo, "?", "expected \"field: value\"");
            }
            String field = m.group(1);
            String value = m.group(2);
            if (SINGLE.contains(field) && !seen.add(field)) {
                throw error(source, lineNo, field, "given twice");
            }
            switch (field) {
            case "profile" -> {
                if (!NAME.matcher(value).matches()) {
                    throw error(source, lineNo, field, "expected a name of letters, digits, '.', '_' or '-'");
                }
                name = value;
            }
            case "management-key" -> {
                try {
                    mk = ManagementKeyAlgorithm.fromLabel(value);
                } catch (IllegalArgumentException e) {
                    throw error(source, lineNo, field, e.getMessage());
                }
            }
            case "pin-tries" -> pinTries = number(source, lineNo, field, value, 1, 15);
            case "puk-tries" -> pukTries = number(source, lineNo, field, value, 1, 15);
            case "validity-days" -> validity = number(source, lineNo, field, value, 1, 3650);
            case "pin-length" -> {
                Matcher r = RANGE.matcher(value);
                if (!r.matches()) {
                    throw error(source, lineNo, field, "expected MIN..MAX, for example 6..8");
                }
                pinMin = number(source, lineNo, field, r.group(1), 6, 8);
                pinMax = number(source, lineNo, field, r.group(2), 6, 8);
                if (pinMin > pinMax) {
                    throw error(source, lineNo, field, "minimum " + pinMin + " exceeds maximum " + pinMax);
                }
            }
            case "subject" -> subject = value;
            case "group" -> {
                if (!NAME.matcher(value).matches()) {
                    throw error(source, lineNo, field, "expected a group name");
                }
                groups.add(value);
            }
            case "slot" -> slots.add(slot(source, lineNo, value, seenSlots));
            default -> throw error(source, lineNo, field, "unknown field (expected profile, management-key, pin-tries,"
                    + " puk-tries, pin-length, validity-days, subject, group or slot)");
            }
        }
        if (name == null) {
            throw error(source, 1, "profile", "missing");
        }
        if (!seenSlots.contains(PivSlot.AUTHENTICATION) || !seenSlots.contains(PivSlot.KEY_MANAGEMENT)) {
            throw error(source, lines.length, "slot", "a profile needs slot 9a (authentication) and 9d (key management)");
        }
        return new CardProfile(name, mk, pinTries, pukTries, pinMin, pinMax, List.copyOf(slots), validity,
                List.copyOf(groups), subject);
    }

    private static SlotPlan slot(String source, int line, String value, Set<PivSlot> seen) throws ProfileException {
        String[] p = value.split("\\s+");
        if (p.length != 3) {
            throw error(source, line, "slot", "expected \"slot: SLOT ALGORITHM TEMPLATE\", e.g. \"slot: 9a p256 authentication\"");
        }
        PivSlot slot;
        PivAlgorithm alg;
        try {
            slot = PivSlot.fromId(p[0]);
            alg = PivAlgorithm.fromLabel(p[1]);
        } catch (IllegalArgumentException e) {
            throw error(source, line, "slot", e.getMessage());
        }
        CertificateTemplate t = CertificateTemplate.fromLabel(p[2]);
        if (t == null) {
            throw error(source, line, "slot", "unknown template \"" + p[2]
                    + "\" (expected authentication, signature, key-management or card-authentication)");
        }
        CertificateTemplate expected = switch (slot) {
        case AUTHENTICATION -> CertificateTemplate.AUTHENTICATION;
        case SIGNATURE -> CertificateTemplate.SIGNATURE;
        case KEY_MANAGEMENT -> CertificateTemplate.KEY_MANAGEMENT;
        case CARD_AUTHENTICATION -> CertificateTemplate.CARD_AUTHENTICATION;
        };
        if (t != expected) {
            throw error(source, line, "slot", "slot " + slot.id() + " takes template " + expected.label());
        }
        if (!seen.add(slot)) {
            throw error(source, line, "slot", "slot " + slot.id() + " given twice");
        }
        return new SlotPlan(slot, alg, t);
    }

    private static int number(String source, int line, String field, String value, int min, int max)
            throws ProfileException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw error(source, line, field, "expected a number " + min + ".." + max + ", got \"" + value + "\"");
    }

    private static ProfileException error(String source, int line, String field, String message) {
        return new ProfileException(source + ":" + line + ": field '" + field + "': " + message);
    }
}
