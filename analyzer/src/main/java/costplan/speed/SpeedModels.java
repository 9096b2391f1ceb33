package costplan.speed;

/** The speed model the commands use. */
public final class SpeedModels {
    private SpeedModels() {
    }

    /** The roofline model with the catalog's efficiency factors (see {@link RooflineSpeedModel}). */
    public static SpeedModel standard() {
        return new RooflineSpeedModel();
    }
}
