// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

/** Decides whether output may be coloured: only on a terminal, and never when NO_COLOR is set. */
public final class Terminal {

	private static final String RESET = "\u001b[0m";

	private Terminal() {
	}

	/**
	 * @param stdout the stream results go to
	 * @return true when {@code stdout} is the process's standard output, it is a terminal and the
	 *         environment variable NO_COLOR (https://no-color.org) is not set
	 */
	public static boolean coloursFor(PrintStream stdout) {
		String noColor = System.getenv("NO_COLOR");
		if (noColor != null && !noColor.isEmpty()) {
			return false;
		}
		return stdout == System.out && standardStreamsAreTerminal();
	}

	/**
	 * @param stderr the stream progress goes to
	 * @return true when {@code stderr} is the process's standard error and the standard streams are a
	 *         terminal, so a redrawn progress bar makes sense
	 */
	public static boolean progressBarFor(PrintStream stderr) {
		return stderr == System.err && standardStreamsAreTerminal();
	}

	/**
	 * Wraps text in an ANSI style when colours are on.
	 *
	 * @param colour whether colours are on
	 * @param style  the SGR parameters, e.g. "1;31" for bold red
	 * @param text   the text
	 * @return the text, styled or not
	 */
	public static String style(boolean colour, String style, String text) {
		return colour ? "\u001b[" + style + "m" + text + RESET : text;
	}

	private static boolean standardStreamsAreTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		// From Java 22 on, System.console() exists even when redirected; Console.isTerminal() tells.
		try {
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		} catch (ReflectiveOperationException e) {
			return true;
		}
	}
}
