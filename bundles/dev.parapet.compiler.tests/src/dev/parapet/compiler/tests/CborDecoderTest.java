// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.parapet.compiler.cbor.Cbor;
import dev.parapet.compiler.cbor.CborDecoder;
import dev.parapet.compiler.cbor.CborEncoder;
import dev.parapet.compiler.cbor.CborFormatException;
import dev.parapet.compiler.cbor.CborItem;

class CborDecoderTest {

	private static byte[] hex(String text) {
		return HexFormat.of().parseHex(text);
	}

	@Test
	void encoderWritesShortestFormsAndSortsMapKeysBytewise() {
		CborItem map = Cbor.map().put(Cbor.text("b"), Cbor.uint(1)).put(10, Cbor.uint(24)).put(1, Cbor.uint(256))
				.put(Cbor.integer(-1), Cbor.uint(65536)).build();
		// keys 1 (01), 10 (0a), -1 (20), "b" (6162)
		assertEquals("a401190100" + "0a1818" + "201a00010000" + "616201",
				HexFormat.of().formatHex(CborEncoder.encode(map)));
	}

	@Test
	void encoderRefusesDuplicateKeys() {
		CborItem map = Cbor.map().put(1, Cbor.uint(1)).put(1, Cbor.uint(2)).build();
		assertThrows(IllegalArgumentException.class, () -> CborEncoder.encode(map));
	}

	@Test
	void decoderReadsBackWhatTheEncoderWrote() throws CborFormatException {
		CborItem item = Cbor.array(Cbor.uint(Long.MAX_VALUE), Cbor.integer(-500), Cbor.text("\u00e9t\u00e9"),
				Cbor.bytes(new byte[] { 1, 2 }), Cbor.nil(), Cbor.bool(true),
				Cbor.map().put(2, Cbor.map().build()).put(3, Cbor.array()).build());
		byte[] encoded = CborEncoder.encode(item);
		assertEquals(item, CborDecoder.decode(encoded));
		assertArrayEquals(encoded, CborEncoder.encode(CborDecoder.decode(encoded)));
	}

	@Test
	void decoderRejectsNonShortestIntegers() {
		assertRejected("1817", "shortest");
		assertRejected("190017", "shortest");
		assertRejected("1a0000ffff", "shortest");
		assertRejected("1b00000000ffffffff", "shortest");
	}

	@Test
	void decoderRejectsIndefiniteLengths() {
		assertRejected("9f01ff", "Indefinite");
		assertRejected("5f4101ff", "Indefinite");
	}

	@Test
	void decoderRejectsUnsortedAndDuplicateKeys() {
		assertRejected("a202010101", "order");
		assertRejected("a201010101", "Duplicate");
	}

	@Test
	void decoderRejectsFloatsUndefinedTagsAndTrailingBytes() {
		assertRejected("f93c00", "Floating");
		assertRejected("f7", "Simple value 23");
		assertRejected("c101", "Tag 1");
		assertRejected("0101", "Trailing");
	}

	@Test
	void decoderAcceptsTheAllowedTagOnlyOutermost() throws CborFormatException {
		assertEquals(new CborItem.Tagged(18, Cbor.uint(1)), CborDecoder.decode(hex("d201"), 18));
		assertThrows(CborFormatException.class, () -> CborDecoder.decode(hex("81d201"), 18));
	}

	@Test
	void decoderRejectsInvalidUtf8AndOverlongText() {
		assertRejected("62c328", "UTF-8");
		assertRejected("791001" + "41".repeat(4097), "longer");
	}

	@Test
	void decoderRejectsNestingDeeperThanSixteen() {
		assertRejected("81".repeat(16) + "01", "Nesting");
	}

	@Test
	void decoderRejectsTruncatedInput() {
		assertRejected("430102", "past the end");
		assertRejected("82", "end of input");
	}

	private static void assertRejected(String hexInput, String reasonPart) {
		CborFormatException e = assertThrows(CborFormatException.class, () -> CborDecoder.decode(hex(hexInput)));
		if (!e.getMessage().contains(reasonPart)) {
			throw new AssertionError("Expected reason containing '" + reasonPart + "', got: " + e.getMessage());
		}
	}
}
