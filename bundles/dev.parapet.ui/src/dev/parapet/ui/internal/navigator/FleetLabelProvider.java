// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal.navigator;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.viewers.DecorationOverlayIcon;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.ICommonContentExtensionSite;
import org.eclipse.ui.navigator.ICommonLabelProvider;
import org.eclipse.ui.IMemento;

import dev.parapet.policy.ui.internal.editor.PolicyImages;
import dev.parapet.policy.ui.internal.model.FleetSources;
import dev.parapet.ui.FleetWorkspace;

/** Labels of the fleet navigator: fleets with their folder, policy files, declarations and rules. */
public final class FleetLabelProvider extends LabelProvider implements ICommonLabelProvider, IStyledLabelProvider {

	private final ResourceManager resources = new LocalResourceManager(JFaceResources.getResources());

	@Override
	public void init(ICommonContentExtensionSite site) {
		// no per-site state
	}

	@Override
	public void restoreState(IMemento memento) {
		// nothing saved
	}

	@Override
	public void saveState(IMemento memento) {
		// nothing to save
	}

	@Override
	public String getText(Object element) {
		return getStyledText(element).getString();
	}

	@Override
	public StyledString getStyledText(Object element) {
		if (element instanceof FleetElement fleetElement) {
			StyledString text = new StyledString(fleetElement.label());
			if (!fleetElement.detail().isEmpty()) {
				text.append("  " + fleetElement.detail(), StyledString.DECORATIONS_STYLER);
			}
			return text;
		}
		if (element instanceof IProject project) {
			StyledString text = new StyledString(project.getName());
			FleetWorkspace.folderOf(project).map(IFolder::getLocation)
					.ifPresent(location -> text.append("  " + location.toOSString(), StyledString.QUALIFIER_STYLER));
			return text;
		}
		if (element instanceof org.eclipse.core.resources.IResource resource) {
			return new StyledString(resource.getName());
		}
		return new StyledString(String.valueOf(element));
	}

	@Override
	public Image getImage(Object element) {
		Image base = baseImage(element);
		int severity = ProblemSeverity.of(element);
		if (severity < IMarker.SEVERITY_WARNING) {
			return base;
		}
		String overlay = severity == IMarker.SEVERITY_ERROR ? ISharedImages.IMG_DEC_FIELD_ERROR
				: ISharedImages.IMG_DEC_FIELD_WARNING;
		ImageDescriptor decorated = new DecorationOverlayIcon(base,
				PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(overlay), IDecoration.BOTTOM_LEFT);
		return resources.create(decorated);
	}

	@Override
	public void dispose() {
		resources.dispose();
		super.dispose();
	}

	private static Image baseImage(Object element) {
		ISharedImages shared = PlatformUI.getWorkbench().getSharedImages();
		if (element instanceof FleetElement fleetElement) {
			return PolicyImages.forKind(fleetElement.kind(), fleetElement.section());
		}
		if (element instanceof IProject) {
			return PolicyImages.fleet();
		}
		if (element instanceof IFile file) {
			return FleetSources.isPolicyFile(file) ? PolicyImages.policyFile() : shared.getImage(ISharedImages.IMG_OBJ_FILE);
		}
		return shared.getImage(ISharedImages.IMG_OBJ_FOLDER);
	}

	@Override
	public String getDescription(Object element) {
		if (element instanceof FleetElement fleetElement) {
			return fleetElement.label() + " - " + fleetElement.file().getName();
		}
		return element instanceof org.eclipse.core.resources.IResource resource ? resource.getFullPath().toString() : "";
	}
}
