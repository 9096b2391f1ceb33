package costplan.catalog;

import java.util.Set;

/** The hardware kinds devices declare and engines run on. */
final class Platforms {
    static final Set<String> KNOWN = Set.of("apple-silicon", "nvidia-cuda", "amd-rocm", "cpu");

    private Platforms() {
    }
}
