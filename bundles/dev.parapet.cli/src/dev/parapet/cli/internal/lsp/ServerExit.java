// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.lsp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;

/**
 * Records the client's {@code shutdown} request and {@code exit} notification. Xtext's default
 * handler calls System.exit; this one lets the command return its exit code instead: 0 after
 * shutdown then exit, 1 when the client exits without shutdown or disappears (LSP 3.17, "exit").
 */
final class ServerExit implements ILanguageServerShutdownAndExitHandler {

	private final CountDownLatch exit = new CountDownLatch(1);
	private volatile boolean shutdown;

	@Override
	public void shutdown() {
		shutdown = true;
	}

	@Override
	public void exit() {
		exit.countDown();
	}

	boolean awaitExit(long millis) throws InterruptedException {
		return exit.await(millis, TimeUnit.MILLISECONDS);
	}

	boolean exited() {
		return exit.getCount() == 0;
	}

	boolean orderly() {
		return shutdown && exited();
	}
}
