// SPDX-License-Identifier: EPL-2.0
package dev.parapet.compiler.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.parapet.compiler.cose.DecodedBlob;
import dev.parapet.compiler.cose.InvalidPolicyException;
import dev.parapet.compiler.cose.PolicyBlobReader;
import dev.parapet.compiler.model.SourceLink;

/**
 * A read-only viewer for policy blobs (.cose, .blob): the decoded, schema-checked contents as a tree
 * with named fields, and the verification state. "Verify with certificate..." checks the ES256
 * signature against a certificate the user picks; an invalid blob shows the reader's reason. Fields link
 * to the lines that wrote them when the fleet the blob came from is found ({@link BlobSources});
 * double-click opens the line.
 */
public final class PolicyBlobEditor extends EditorPart {

	public static final String ID = "dev.parapet.compiler.ui.blobEditor";

	private Path file;
	private byte[] blob;
	private Label status;
	private Label sources;
	private TreeViewer tree;
	private BlobSources.Links links = BlobSources.Links.none("");

	/** One named value of the decoded policy; {@code path} names it for source links ("policy/usb/rules/[0]"). */
	record Node(String name, String path, JsonElement value) {
	}

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof IURIEditorInput uriInput) || !"file".equals(uriInput.getURI().getScheme())) {
			throw new PartInitException("The policy blob viewer opens local files only");
		}
		setSite(site);
		setInput(input);
		file = Path.of(uriInput.getURI());
		setPartName(file.getFileName().toString());
		try {
			blob = Files.readAllBytes(file);
		} catch (IOException e) {
			throw new PartInitException("Cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(2, false));
		status = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
		Button verify = new Button(parent, SWT.PUSH);
		verify.setText("Verify with certificate...");
		verify.addListener(SWT.Selection, event -> {
			FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
			dialog.setText("Certificate of the policy signing key");
			dialog.setFilterExtensions(new String[] { "*.pem;*.crt;*.der;*.cer", "*" });
			String chosen = dialog.open();
			if (chosen != null) {
				verifyWith(Path.of(chosen));
			}
		});
		sources = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(sources);
		tree = new TreeViewer(parent, SWT.BORDER | SWT.FULL_SELECTION);
		tree.getTree().setHeaderVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(tree.getTree());
		column("Field", 200, node -> node.name());
		column("Value", 420, node -> node.value().isJsonPrimitive() ? node.value().getAsString()
				: node.value().isJsonNull() ? "(none)" : "");
		column("Source", 220, node -> {
			SourceLink link = links.byPath().get(node.path());
			return link == null ? "" : Path.of(java.net.URI.create(link.uri())).getFileName() + ":" + link.line();
		});
		tree.setContentProvider(new NodeContent());
		tree.addDoubleClickListener(event -> {
			Object selected = ((org.eclipse.jface.viewers.IStructuredSelection) event.getSelection()).getFirstElement();
			if (selected instanceof Node node && links.byPath().containsKey(node.path())) {
				SourceOpener.open(getSite().getPage(), links.byPath().get(node.path()));
			}
		});
		Object decoded = read(null);
		if (decoded instanceof DecodedBlob blobView) {
			links = BlobSources.find(file, blobView);
		}
		sources.setText(links.note());
		show(decoded);
	}

	private void column(String title, int width, java.util.function.Function<Node, String> text) {
		TreeViewerColumn column = new TreeViewerColumn(tree, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Node) element);
			}
		});
	}

	/** Verifies the blob with the certificate's key and shows the result. */
	public void verifyWith(Path certificate) {
		try {
			PublicKey key = CertificateFactory.getInstance("X.509")
					.generateCertificate(Files.newInputStream(certificate)).getPublicKey();
			show(read(key));
		} catch (IOException | java.security.cert.CertificateException e) {
			status.setText("Cannot use " + certificate + " as a certificate: " + e.getMessage());
		}
	}

	/** The status line, for tests. */
	public String statusText() {
		return status.getText();
	}

	/** The source link of a field path ("policy/storageRules/[0]"), for tests. */
	public java.util.Optional<SourceLink> sourceOf(String path) {
		return java.util.Optional.ofNullable(links.byPath().get(path));
	}

	/** The top-level rows of the tree, for tests. */
	public List<String> rows() {
		List<String> rows = new ArrayList<>();
		for (org.eclipse.swt.widgets.TreeItem item : tree.getTree().getItems()) {
			rows.add(item.getText(0) + "=" + item.getText(1));
		}
		return rows;
	}

	private Object read(PublicKey key) {
		try {
			DecodedBlob decoded = key == null ? PolicyBlobReader.decodeUnverified(blob) : PolicyBlobReader.verify(blob, key);
			String device = decoded.policy().get("device").getAsString();
			status.setText((key == null ? "Not verified: choose the signing certificate. " : "Signature verified. ")
					+ "Device " + device + ", policy id " + decoded.policyIdHex());
			return decoded;
		} catch (InvalidPolicyException e) {
			status.setText("Invalid policy blob: " + e.getMessage());
			return null;
		}
	}

	private void show(Object decoded) {
		if (decoded instanceof DecodedBlob blobView) {
			tree.setInput(blobView.toJson());
			tree.expandToLevel(2);
		} else {
			tree.setInput(new JsonObject());
		}
		status.getParent().layout(true);
	}

	@Override
	public void setFocus() {
		tree.getTree().setFocus();
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		// read-only viewer
	}

	@Override
	public void doSaveAs() {
		// read-only viewer
	}

	@Override
	public boolean isDirty() {
		return false;
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	/** Children of JSON objects and arrays as named nodes. */
	private static final class NodeContent implements ITreeContentProvider {

		@Override
		public Object[] getElements(Object input) {
			return children("", (JsonElement) input);
		}

		@Override
		public Object[] getChildren(Object parent) {
			return children(((Node) parent).path() + "/", ((Node) parent).value());
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			JsonElement value = ((Node) element).value();
			return value.isJsonObject() && !value.getAsJsonObject().isEmpty()
					|| value.isJsonArray() && !value.getAsJsonArray().isEmpty();
		}

		private static Object[] children(String prefix, JsonElement value) {
			List<Node> nodes = new ArrayList<>();
			if (value instanceof JsonObject object) {
				for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
					nodes.add(new Node(entry.getKey(), prefix + entry.getKey(), entry.getValue()));
				}
			} else if (value instanceof JsonArray array) {
				for (int i = 0; i < array.size(); i++) {
					nodes.add(new Node("[" + i + "]", prefix + "[" + i + "]", array.get(i)));
				}
			}
			return nodes.toArray();
		}
	}
}
