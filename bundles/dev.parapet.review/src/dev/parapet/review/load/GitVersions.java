// SPDX-License-Identifier: EPL-2.0
package dev.parapet.review.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.URIHandlerImpl;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import dev.parapet.review.FleetVersion;

/**
 * Loads a fleet from a git revision with JGit, without a checkout and without the git binary. Blobs
 * become resources with URIs {@code parapet-git://<commit>/<path>}; a relative import resolves to
 * another such URI, which a URI handler reads from the same commit.
 */
public final class GitVersions {

	/** The URI scheme of resources read from a commit. */
	public static final String SCHEME = "parapet-git";

	private GitVersions() {
	}

	/** Whether {@code revision} names a commit in the repository holding {@code inside}. */
	public static boolean isRevision(Path inside, String revision) {
		try (Repository repository = open(inside)) {
			return repository.resolve(revision + "^{commit}") != null;
		} catch (IOException | FleetLoadException | RuntimeException e) {
			return false;
		}
	}

	/**
	 * @param inside   a path inside the repository's work tree (or its .git folder)
	 * @param revision anything git rev-parse accepts: HEAD~1, a branch, a tag, a commit id
	 * @param under    only files below this path (relative to the repository's top), or empty for all
	 */
	public static FleetVersion load(Path inside, String revision, Optional<String> under) throws FleetLoadException {
		try (Repository repository = open(inside); RevWalk walk = new RevWalk(repository)) {
			ObjectId id = repository.resolve(revision + "^{commit}");
			if (id == null) {
				throw new FleetLoadException(revision + ": unknown revision in " + repository.getWorkTree());
			}
			RevCommit commit = walk.parseCommit(id);
			PolicyResources resources = new PolicyResources();
			resources.resourceSet().getURIConverter().getURIHandlers().add(0, new CommitHandler(repository, commit));
			try (TreeWalk tree = new TreeWalk(repository)) {
				tree.addTree(commit.getTree());
				tree.setRecursive(true);
				TreeFilter policies = PathSuffixFilter.create(FleetVersions.EXTENSION);
				String prefix = under.map(GitVersions::normalise).orElse("");
				tree.setFilter(prefix.isEmpty() ? policies : AndTreeFilter.create(PathFilter.create(prefix), policies));
				while (tree.next()) {
					byte[] content = repository.open(tree.getObjectId(0)).getBytes();
					resources.add(uri(commit, tree.getPathString()), content);
				}
			}
			String label = revision + " (" + commit.abbreviate(10).name() + ")";
			return resources.finish(label, uri -> SCHEME.equals(uri.scheme()) ? String.join("/", uri.segmentsList())
					: uri.toString());
		} catch (IOException e) {
			throw new FleetLoadException(revision + ": cannot read the repository: " + e.getMessage(), e);
		}
	}

	private static URI uri(RevCommit commit, String path) {
		return URI.createHierarchicalURI(SCHEME, commit.name(), null, path.split("/"), null, null);
	}

	private static String normalise(String path) {
		String p = path.replace('\\', '/');
		while (p.startsWith("./")) {
			p = p.substring(2);
		}
		while (p.endsWith("/")) {
			p = p.substring(0, p.length() - 1);
		}
		return p.equals(".") ? "" : p;
	}

	static Repository open(Path inside) throws IOException, FleetLoadException {
		FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
				.findGitDir(inside.toAbsolutePath().toFile());
		if (builder.getGitDir() == null) {
			throw new FleetLoadException(inside + ": not inside a git repository");
		}
		return builder.build();
	}

	/** Reads {@code parapet-git://<commit>/<path>} from the commit, for imports between files. */
	private static final class CommitHandler extends URIHandlerImpl {
		private final Repository repository;
		private final RevCommit commit;

		CommitHandler(Repository repository, RevCommit commit) {
			this.repository = repository;
			this.commit = commit;
		}

		@Override
		public boolean canHandle(URI uri) {
			return SCHEME.equals(uri.scheme());
		}

		@Override
		public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
			if (!commit.name().equals(uri.authority())) {
				throw new IOException(uri + ": not in commit " + commit.name());
			}
			String path = String.join("/", uri.segmentsList());
			try (ObjectReader reader = repository.newObjectReader();
					TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
				if (walk == null) {
					throw new IOException(path + ": no such file in " + commit.abbreviate(10).name());
				}
				return new ByteArrayInputStream(reader.open(walk.getObjectId(0)).getBytes());
			}
		}

		@Override
		public boolean exists(URI uri, Map<?, ?> options) {
			try (InputStream in = createInputStream(uri, options)) {
				return true;
			} catch (IOException e) {
				return false;
			}
		}
	}
}
