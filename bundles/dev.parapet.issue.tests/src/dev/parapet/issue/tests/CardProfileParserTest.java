// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parapet.card.piv.ManagementKeyAlgorithm;
import dev.parapet.card.piv.PivAlgorithm;
import dev.parapet.card.piv.PivSlot;
import dev.parapet.issue.CardProfile;
import dev.parapet.issue.CardProfileParser;
import dev.parapet.issue.ProfileException;

class CardProfileParserTest {

    @Test
    void validProfileGivesSlotsPolicyAndGroups() throws Exception {
        CardProfile p = CardProfileParser.parse("employee.cardprofile", IssueFixture.PROFILE);
        assertEquals("employee", p.name());
        assertEquals(ManagementKeyAlgorithm.AES256, p.managementKey());
        assertEquals(5, p.pinTries());
        assertEquals(4, p.pukTries());
        assertEquals(PivSlot.AUTHENTICATION, p.slots().get(0).slot());
        assertEquals(PivAlgorithm.ECCP256, p.slots().get(1).algorithm());
        assertEquals(List.of("staff"), p.groups());
    }

    private static String error(String text) {
        return assertThrows(ProfileException.class, () -> CardProfileParser.parse("x.cardprofile", text)).getMessage();
    }

    @Test
    void unknownFieldIsAnErrorNamingFileLineAndField() {
        assertEquals("x.cardprofile:2: field 'colour': unknown field (expected profile, management-key, pin-tries,"
                + " puk-tries, pin-length, validity-days, subject, group or slot)", error("profile: a\ncolour: red\n"));
    }

    @Test
    void outOfRangeRetryLimitIsAnError() {
        assertEquals("x.cardprofile:2: field 'pin-tries': expected a number 1..15, got \"20\"",
                error("profile: a\npin-tries: 20\nslot: 9a p256 authentication\nslot: 9d p256 key-management\n"));
    }

    @Test
    void slotWithTheWrongTemplateIsAnError() {
        assertEquals("x.cardprofile:2: field 'slot': slot 9a takes template authentication",
                error("profile: a\nslot: 9a p256 signature\n"));
    }

    @Test
    void profileWithoutKeyManagementSlotIsAnError() {
        assertEquals("x.cardprofile:3: field 'slot': a profile needs slot 9a (authentication) and 9d (key management)",
                error("profile: a\nslot: 9a p256 authentication\n"));
    }

    @Test
    void duplicateSingleFieldIsAnError() {
        assertEquals("x.cardprofile:2: field 'profile': given twice", error("profile: a\nprofile: b\n"));
    }
}
