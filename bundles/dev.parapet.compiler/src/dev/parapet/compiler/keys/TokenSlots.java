// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.keys;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the slot holding the token with a given label. SunPKCS11 selects tokens only by slot, so
 * this reads the token labels through the JDK's PKCS#11 wrapper, which needs
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} (the
 * {@code parapet} launcher passes it). Without it, URIs must name the slot with {@code slot-id}.
 */
public final class TokenSlots {

	private static final String WRAPPER = "sun.security.pkcs11.wrapper.PKCS11";

	private TokenSlots() {
	}

	/** The slot id of the one token labelled {@code label} in the module at {@code modulePath}. */
	public static long slotOfToken(String modulePath, String label) throws KeySourceException {
		try {
			Class<?> pkcs11 = Class.forName(WRAPPER);
			Class<?> initArgs = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
			Method getInstance = pkcs11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class);
			Object module = getInstance.invoke(null, modulePath, "C_GetFunctionList", null, false);
			long[] slots = (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, true);
			Method tokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
			List<Long> matches = new ArrayList<>();
			for (long slot : slots) {
				Object info = tokenInfo.invoke(module, slot);
				String tokenLabel = new String((char[]) info.getClass().getField("label").get(info)).strip();
				if (tokenLabel.equals(label)) {
					matches.add(slot);
				}
			}
			if (matches.size() != 1) {
				throw new KeySourceException(matches.isEmpty() ? "No token labelled \"" + label + "\" in " + modulePath
						: "Several tokens labelled \"" + label + "\" in " + modulePath + ": name the slot with slot-id");
			}
			return matches.get(0);
		} catch (IllegalAccessException | RuntimeException e) {
			throw new KeySourceException("Cannot read token labels (run java with --add-exports "
					+ "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED) or name the slot with slot-id", e);
		} catch (ClassNotFoundException | NoSuchMethodException | NoSuchFieldException e) {
			throw new KeySourceException("This JDK has no PKCS#11 wrapper to read token labels: name the slot with slot-id", e);
		} catch (InvocationTargetException e) {
			throw new KeySourceException("PKCS#11 module " + modulePath + " failed: " + e.getCause(), e);
		}
	}
}
