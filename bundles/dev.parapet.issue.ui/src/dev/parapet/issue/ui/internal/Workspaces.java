// SPDX-License-Identifier: EPL-2.0
package dev.parapet.issue.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;

import dev.parapet.issue.Station;

/** The workbench's station: the fleet folder given with {@code -parapetFleet}, else the working directory. */
public final class Workspaces {

    private Workspaces() {
    }

    /** @return the station of this workbench */
    public static Station station() {
        String[] args = Platform.isRunning() ? Platform.getApplicationArgs() : new String[0];
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-parapetFleet")) {
                return new Station(Path.of(args[i + 1]));
            }
        }
        return new Station(Path.of(System.getProperty("user.dir")));
    }
}
