// SPDX-License-Identifier: EPL-2.0
package dev.parapet.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.jar.Manifest;

import picocli.CommandLine.IVersionProvider;

/**
 * The product version is the Bundle-Version of this bundle (all Parapet bundles share one version),
 * read from the manifest next to this class: in the jar on the launcher's flat class path and inside
 * OSGi alike.
 */
public final class ProductVersion implements IVersionProvider {

	private static final String SELF = ProductVersion.class.getName().replace('.', '/') + ".class";

	@Override
	public String[] getVersion() throws IOException {
		return new String[] { "parapet " + bundleVersion(),
				"Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")" };
	}

	/**
	 * @return the Bundle-Version of dev.parapet.cli, e.g. 0.1.0.202611220135
	 * @throws IOException when the manifest cannot be read
	 */
	public static String bundleVersion() throws IOException {
		URL self = ProductVersion.class.getClassLoader().getResource(SELF);
		if (self == null) {
			throw new IOException("cannot locate " + SELF);
		}
		String location = self.toString();
		URL manifest = URI.create(location.substring(0, location.length() - SELF.length()) + "META-INF/MANIFEST.MF").toURL();
		try (InputStream in = manifest.openStream()) {
			String version = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
			if (version == null) {
				throw new IOException(manifest + " has no Bundle-Version");
			}
			return version;
		}
	}
}
