package costplan.speed;

import costplan.catalog.Device;
import costplan.catalog.EfficiencyFactor;
import costplan.catalog.Engine;

/**
 * Where the speed model's factors for an engine on a device come from: the decode and prefill efficiencies' sources
 * (a person's own calibration, this chip's calibration rows, other chips of its class or platform, an estimate, the
 * engine default), for the commands to say how much to trust a speed.
 */
public record SpeedFactors(EfficiencyFactor.Source decode, EfficiencyFactor.Source prefill, String chipClass) {

    public static SpeedFactors of(Engine engine, Device device) {
        return new SpeedFactors(engine.efficiency().decodeBandwidth().sourceOf(device),
                engine.efficiency().prefillCompute().sourceOf(device), EfficiencyFactor.classKey(device));
    }

    /** Whether a {@code --calibration} file set either factor. */
    public boolean ownCalibration() {
        return decode == EfficiencyFactor.Source.OWN_CALIBRATION || prefill == EfficiencyFactor.Source.OWN_CALIBRATION;
    }

    /** For example "decode: measured on this chip; prefill: fitted on other chips of its class (nvidia-cuda/workstation)". */
    public String describe() {
        return "decode: " + label(decode) + "; prefill: " + label(prefill);
    }

    private String label(EfficiencyFactor.Source source) {
        return source == EfficiencyFactor.Source.CLASS ? source.label() + " (" + chipClass + ")" : source.label();
    }
}
