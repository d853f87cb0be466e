// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.tests;

import dev.parapet.issue.PinSource;

/** A holder who types known values (test only). Optionally runs an action when asked, to pull the card. */
final class FixedPins implements PinSource {

    private final String pin;
    private final String puk;
    private Runnable onNewPin = () -> {
    };

    FixedPins(String pin, String puk) {
        this.pin = pin;
        this.puk = puk;
    }

    FixedPins onNewPin(Runnable action) {
        this.onNewPin = action;
        return this;
    }

    @Override
    public char[] newSecret(String purpose, int minLength, int maxLength) {
        if (purpose.contains("PUK")) {
            return puk.toCharArray();
        }
        Runnable r = onNewPin;
        onNewPin = () -> {
        };
        r.run();
        return pin.toCharArray();
    }

    @Override
    public char[] existingSecret(String purpose) {
        return (purpose.contains("PUK") ? puk : pin).toCharArray();
    }
}
