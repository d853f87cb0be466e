// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal.navigator;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.widgets.Control;

import dev.parapet.policy.ui.internal.model.FleetSources;
import dev.parapet.ui.FleetWorkspace;

/**
 * Content of the fleet navigator: open fleets, their folders and files, the declarations of each policy
 * file and the rules inside them. Follows changes to the files on disk and in the workspace.
 */
public final class FleetContentProvider implements ITreeContentProvider, IResourceChangeListener {

	private final FleetElements elements = new FleetElements();
	private StructuredViewer viewer;

	@Override
	public void inputChanged(Viewer newViewer, Object oldInput, Object newInput) {
		if (viewer == null && newViewer instanceof StructuredViewer structured) {
			viewer = structured;
			ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
		}
	}

	@Override
	public Object[] getElements(Object input) {
		if (input instanceof IWorkspaceRoot root) {
			List<IProject> fleets = new ArrayList<>();
			for (IProject project : root.getProjects()) {
				if (FleetWorkspace.isFleet(project)) {
					fleets.add(project);
				}
			}
			return fleets.toArray();
		}
		return getChildren(input);
	}

	@Override
	public Object[] getChildren(Object parent) {
		if (parent instanceof IProject project) {
			return FleetWorkspace.folderOf(project).map(this::members).orElse(new Object[0]);
		}
		if (parent instanceof IContainer container) {
			return members(container);
		}
		if (parent instanceof IFile file && FleetSources.isPolicyFile(file)) {
			return elements.of(file).toArray();
		}
		if (parent instanceof FleetElement element) {
			return element.children().toArray();
		}
		return new Object[0];
	}

	private Object[] members(IContainer container) {
		List<IResource> shown = new ArrayList<>();
		try {
			for (IResource member : container.members()) {
				if (!member.getName().startsWith(".")) {
					shown.add(member);
				}
			}
		} catch (CoreException e) {
			return new Object[0];
		}
		// folders first, then files, each alphabetically
		shown.sort((a, b) -> a.getType() != b.getType() ? b.getType() - a.getType() : a.getName().compareToIgnoreCase(b.getName()));
		return shown.toArray();
	}

	@Override
	public Object getParent(Object element) {
		if (element instanceof FleetElement fleetElement) {
			return fleetElement.parent() != null ? fleetElement.parent() : fleetElement.file();
		}
		if (element instanceof IResource resource) {
			IContainer parent = resource.getParent();
			if (parent != null && parent.getParent() instanceof IProject project && parent.getName().equals(FleetWorkspace.LINK)) {
				return project;
			}
			return parent;
		}
		return null;
	}

	@Override
	public boolean hasChildren(Object element) {
		if (element instanceof FleetElement fleetElement) {
			return !fleetElement.children().isEmpty();
		}
		if (element instanceof IFile file) {
			return FleetSources.isPolicyFile(file) && !elements.of(file).isEmpty();
		}
		return element instanceof IContainer container && container.isAccessible();
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null || !touchesFleets(delta)) {
			return;
		}
		Control control = viewer == null ? null : viewer.getControl();
		if (control != null && !control.isDisposed()) {
			control.getDisplay().asyncExec(() -> {
				if (!control.isDisposed()) {
					viewer.refresh();
				}
			});
		}
	}

	private boolean touchesFleets(IResourceDelta delta) {
		boolean[] touched = { false };
		try {
			delta.accept(child -> {
				IResource resource = child.getResource();
				boolean addedOrRemoved = child.getKind() != IResourceDelta.CHANGED;
				boolean projectChanged = resource instanceof IProject
						&& (child.getFlags() & (IResourceDelta.OPEN | IResourceDelta.DESCRIPTION)) != 0;
				boolean policyEdited = FleetSources.isPolicyFile(resource)
						&& (child.getFlags() & IResourceDelta.CONTENT) != 0;
				boolean problemsChanged = (child.getFlags() & IResourceDelta.MARKERS) != 0;
				if (problemsChanged) {
					touched[0] = true;
				}
				if (addedOrRemoved || projectChanged || policyEdited) {
					touched[0] = true;
					if (resource instanceof IFile file) {
						elements.forget(file);
					}
				}
				return true;
			});
		} catch (CoreException e) {
			return true;
		}
		return touched[0];
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
	}
}
