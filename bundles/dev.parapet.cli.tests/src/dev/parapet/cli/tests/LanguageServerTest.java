// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parapet.cli.Main;

/**
 * {@code parapet lsp} driven by an lsp4j client over pipes, as an editor drives it over the
 * process's stdin/stdout: initialize, diagnostics of an opened file, keyword completion, shutdown
 * and exit.
 */
class LanguageServerTest {

	private static final long TIMEOUT_SECONDS = 60;

	@TempDir
	Path workspace;

	private final ExecutorService threads = Executors.newCachedThreadPool();
	private final ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
	private final PipedOutputStream toServer = new PipedOutputStream();
	private final PipedOutputStream fromServer = new PipedOutputStream();
	private final RecordingClient client = new RecordingClient();

	@AfterEach
	void stop() {
		threads.shutdownNow();
	}

	@Test
	void anEditorGetsDiagnosticsAndKeywordCompletionAndTheServerExitsWithZeroAfterShutdown() throws Exception {
		String text = "device lab-1 extends missing-profile {\n\tserial \"L1\"\n}\n";
		Path file = workspace.resolve("lab.parapet");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		String uri = file.toUri().toString();
		Future<Integer> server = startServer();
		LanguageServer languageServer = connect();

		InitializeResult initialized = languageServer.initialize(initializeParams()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		assertNotNull(initialized.getCapabilities().getCompletionProvider());
		languageServer.initialized(new InitializedParams());
		languageServer.getTextDocumentService()
				.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "parapet", 1, text)));

		Diagnostic unresolved = client.firstDiagnosticOf("lab.parapet");
		assertEquals(DiagnosticSeverity.Error, unresolved.getSeverity());
		assertTrue(unresolved.getMessage().getLeft().startsWith("Unknown profile missing-profile"),
				unresolved.getMessage().getLeft());
		assertEquals(new Position(0, 21), unresolved.getRange().getStart());
		assertEquals("PP1001", unresolved.getCode().getLeft(), "diagnostics carry the language's PP code");

		Either<List<CompletionItem>, CompletionList> completion = languageServer.getTextDocumentService()
				.completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(3, 0)))
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		List<String> labels = (completion.isLeft() ? completion.getLeft() : completion.getRight().getItems()).stream()
				.map(CompletionItem::getLabel).toList();
		assertTrue(labels.containsAll(List.of("device", "profile", "fleet", "holder")), labels.toString());

		languageServer.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		languageServer.exit();
		assertEquals(0, server.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), serverErr.toString(StandardCharsets.UTF_8));
	}

	@Test
	void aClientThatDisconnectsWithoutShutdownEndsTheServerWithExitOne() throws Exception {
		Future<Integer> server = startServer();
		LanguageServer languageServer = connect();
		languageServer.initialize(initializeParams()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		toServer.close();
		assertEquals(1, server.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
	}

	private InitializeParams initializeParams() {
		InitializeParams params = new InitializeParams();
		params.setProcessId((int) ProcessHandle.current().pid());
		params.setRootUri(workspace.toUri().toString());
		params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "fleet")));
		WorkspaceClientCapabilities workspaceCapabilities = new WorkspaceClientCapabilities();
		workspaceCapabilities.setWorkspaceFolders(true);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setWorkspace(workspaceCapabilities);
		params.setCapabilities(capabilities);
		return params;
	}

	private Future<Integer> startServer() throws IOException {
		PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
		PrintStream serverOut = new PrintStream(fromServer, true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(serverErr, true, StandardCharsets.UTF_8);
		return threads.submit(() -> {
			try {
				return Main.run(new String[] { "lsp" }, serverIn, serverOut, err);
			} finally {
				serverOut.close();
			}
		});
	}

	private LanguageServer connect() throws IOException {
		PipedInputStream clientIn = new PipedInputStream(fromServer, 1 << 16);
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer, threads, null);
		launcher.startListening();
		return launcher.getRemoteProxy();
	}

	/** Records what the server sends to the editor. */
	private static final class RecordingClient implements LanguageClient {

		private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

		Diagnostic firstDiagnosticOf(String fileName) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
			while (System.nanoTime() < deadline) {
				PublishDiagnosticsParams published = diagnostics.poll(1, TimeUnit.SECONDS);
				if (published != null && published.getUri().endsWith("/" + fileName)
						&& !published.getDiagnostics().isEmpty()) {
					return published.getDiagnostics().get(0);
				}
			}
			throw new AssertionError("no diagnostics published for " + fileName);
		}

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams published) {
			diagnostics.add(published);
		}

		@Override
		public void telemetryEvent(Object object) {
			// not used by the policy language server
		}

		@Override
		public void showMessage(MessageParams message) {
			// informational only
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
			// informational only
		}
	}
}
