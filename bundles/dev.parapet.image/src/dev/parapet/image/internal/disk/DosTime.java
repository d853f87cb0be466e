// SPDX-License-Identifier: EPL-2.0
package dev.parapet.image.internal.disk;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A FAT timestamp (date and two-second time words) from seconds since the epoch, in UTC, clamped to
 * the range FAT can express (1980-01-01 .. 2107-12-31).
 *
 * @param date      FAT date word
 * @param time      FAT time word
 * @param tenths    creation time hundredths field (0 or 100 for odd seconds)
 */
public record DosTime(int date, int time, int tenths) {

	/** The FAT timestamp of {@code epochSeconds}. */
	public static DosTime of(long epochSeconds) {
		LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
		if (t.getYear() < 1980) {
			t = LocalDateTime.of(1980, 1, 1, 0, 0);
		} else if (t.getYear() > 2107) {
			t = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
		}
		int date = (t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
		int time = t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() / 2;
		return new DosTime(date, time, (t.getSecond() % 2) * 100);
	}
}
