package costplan.catalog;

/**
 * One quantized release of a model: its file size in decimal GB, bits per weight, and whether the size was
 * measured from a real file ({@code measured}) or estimated from the bits-per-weight table.
 */
public record Quantization(String id, double fileGB, double bitsPerWeight, boolean measured, String artifact) {

    /** Bits per weight of routed experts: 4.25 in MXFP4 files (only the experts are MXFP4), else the file's average. */
    public double expertBitsPerWeight() {
        return id.equals("mxfp4") ? 4.25 : bitsPerWeight;
    }

    public long fileBytes() {
        return Math.round(fileGB * 1e9);
    }
}
