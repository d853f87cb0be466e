// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.ExecutorServiceProvider;
import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.Guice;
import com.google.inject.Injector;

import dev.parapet.cli.internal.ExitCode;

/**
 * Xtext's language server ({@link LanguageServerImpl} from {@link ServerModule}) for the policy
 * language, speaking JSON-RPC over the given streams. The language is registered explicitly from its
 * IDE injector rather than found through {@code META-INF/services}, which works on the launcher's
 * flat class path and inside OSGi alike.
 */
public final class PolicyLanguageServer {

	private static final long POLL_MILLIS = 200;

	private final Injector ideInjector;

	/**
	 * @param ideInjector the injector of the policy language with its generic IDE services
	 */
	public PolicyLanguageServer(Injector ideInjector) {
		this.ideInjector = ideInjector;
	}

	/**
	 * Serves one client until it sends {@code exit} or closes the input.
	 *
	 * @param in    the client's messages
	 * @param out   the server's messages; nothing else may be written to it
	 * @param trace where to log every message, or null
	 * @return 0 after an orderly shutdown and exit, 1 otherwise
	 * @throws InterruptedException when the serving thread is interrupted
	 */
	public int serve(InputStream in, OutputStream out, PrintWriter trace) throws InterruptedException {
		ResourceServiceProviderRegistryImpl languages = new ResourceServiceProviderRegistryImpl();
		languages.getExtensionToFactoryMap().put("parapet", ideInjector.getInstance(IResourceServiceProvider.class));
		ServerExit exit = new ServerExit();
		Injector server = Guice.createInjector(Modules2.mixin(new ServerModule(), binder -> {
			binder.bind(IResourceServiceProvider.Registry.class).toInstance(languages);
			binder.bind(ILanguageServerShutdownAndExitHandler.class).toInstance(exit);
		}));
		LanguageServerImpl languageServer = server.getInstance(LanguageServerImpl.class);
		ExecutorService messages = Executors.newCachedThreadPool(daemon());
		try {
			Launcher.Builder<LanguageClient> builder = new Launcher.Builder<LanguageClient>()
					.setLocalService(languageServer).setRemoteInterface(LanguageClient.class)
					.setInput(in).setOutput(out).setExecutorService(messages);
			if (trace != null) {
				builder.traceMessages(trace);
			}
			Launcher<LanguageClient> launcher = builder.create();
			languageServer.connect(launcher.getRemoteProxy());
			Future<Void> listening = launcher.startListening();
			boolean exited = false;
			while (!exited && !listening.isDone()) {
				exited = exit.awaitExit(POLL_MILLIS);
			}
			listening.cancel(true);
			return exit.orderly() ? ExitCode.OK : ExitCode.FINDINGS;
		} finally {
			server.getInstance(ExecutorServiceProvider.class).dispose();
			messages.shutdownNow();
		}
	}

	private static ThreadFactory daemon() {
		return runnable -> {
			Thread thread = new Thread(runnable, "parapet-lsp-jsonrpc");
			thread.setDaemon(true);
			return thread;
		};
	}
}
