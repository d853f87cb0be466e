// SPDX-License-Identifier: EPL-2.0
package dev.parapet.ui.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;

/** Workbench of the Parapet application: the Fleet perspective, the workspace, IDE adapters and images. */
public final class ParapetWorkbenchAdvisor extends WorkbenchAdvisor {

	private static final String IDE_BUNDLE = "org.eclipse.ui.ide";

	private final Optional<Path> fleet;

	/** A workbench that opens {@code fleet} (from {@code -parapetFleet}) once its window is open. */
	public ParapetWorkbenchAdvisor(Optional<Path> fleet) {
		this.fleet = fleet;
	}

	@Override
	public void initialize(IWorkbenchConfigurer configurer) {
		super.initialize(configurer);
		configurer.setSaveAndRestore(true);
		// resource labels and icons, and the problem icons that the Problems view asks the advisor for
		IDE.registerAdapters();
		declare(configurer, IDE.SharedImages.IMG_OBJ_PROJECT, "icons/full/obj16/prj_obj.png");
		declare(configurer, IDE.SharedImages.IMG_OBJ_PROJECT_CLOSED, "icons/full/obj16/cprj_obj.png");
		declare(configurer, "IMG_OBJS_ERROR_PATH", "icons/full/obj16/error_tsk.png");
		declare(configurer, "IMG_OBJS_WARNING_PATH", "icons/full/obj16/warn_tsk.png");
		declare(configurer, "IMG_OBJS_INFO_PATH", "icons/full/obj16/info_tsk.png");
	}

	private static void declare(IWorkbenchConfigurer configurer, String key, String path) {
		ImageDescriptor image = ResourceLocator.imageDescriptorFromBundle(IDE_BUNDLE, path)
				.orElse(ImageDescriptor.getMissingImageDescriptor());
		configurer.declareImage(key, image, true);
	}

	@Override
	public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
		return new ParapetWindowAdvisor(configurer, fleet);
	}

	@Override
	public String getInitialWindowPerspectiveId() {
		return FleetPerspective.ID;
	}

	@Override
	public IAdaptable getDefaultPageInput() {
		return ResourcesPlugin.getWorkspace().getRoot();
	}

	@Override
	public void postShutdown() {
		try {
			ResourcesPlugin.getWorkspace().save(true, null);
		} catch (CoreException e) {
			ILog.of(ParapetWorkbenchAdvisor.class).log(e.getStatus());
		}
	}
}
