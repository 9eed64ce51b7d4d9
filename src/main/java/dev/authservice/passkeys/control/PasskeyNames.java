package dev.authservice.passkeys.control;

import dev.authservice.devices.control.DeviceNames;
import dev.authservice.passkeys.entity.Passkey;
import dev.authservice.refusal.Refusal;

/**
 * What a person may call a passkey: 1 to 64 characters, no control characters, spaces at the ends
 * dropped. A passkey added without a name is named after the device that made it ("Chrome on
 * Linux"), which is what its owner will look for in the list.
 */
public final class PasskeyNames {

    /** The name of a passkey added without one from a device that says nothing readable. */
    public static final String DEFAULT = "Passkey";

    private PasskeyNames() {}

    /** The name offered for a passkey this device is about to make. */
    public static String suggested(String device) {
        return device == null || device.equals(DeviceNames.UNKNOWN) ? DEFAULT : device;
    }

    /** The name to keep (the device's when none was typed), or an invalid-request refusal saying what is wrong with it. */
    public static String valid(String typed, String device) {
        String name = typed == null || typed.isBlank() ? suggested(device) : typed.strip();
        if (name.length() > Passkey.MAX_NAME_LENGTH) {
            throw Refusal.invalidRequest("A passkey's name is at most " + Passkey.MAX_NAME_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw Refusal.invalidRequest("A passkey's name may not hold control characters.");
        }
        return name;
    }
}
