package org.peerclear.solver.ortools;

import com.google.ortools.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the OR-Tools native library once, on first use, from whichever thread asks first (the
 * holder idiom makes that thread-safe without locks). A failure is remembered as a message,
 * never rethrown: the back-ends then report themselves unavailable and return
 * {@link org.peerclear.opt.Status#ERROR}. This is the module's only global state.
 */
final class OrToolsNatives {
    private static final Logger LOG = LoggerFactory.getLogger(OrToolsNatives.class);

    private OrToolsNatives() {
    }

    private static final class Holder {
        static final String FAILURE = load();

        private static String load() {
            try {
                Loader.loadNativeLibraries();
                return null;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("OR-Tools native library could not be loaded", e);
                return "OR-Tools native library could not be loaded: " + e;
            }
        }
    }

    static boolean loaded() {
        return Holder.FAILURE == null;
    }

    /** Why the natives did not load, or null. */
    static String failure() {
        return Holder.FAILURE;
    }
}
