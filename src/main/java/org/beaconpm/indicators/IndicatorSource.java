package org.beaconpm.indicators;

/** Where an indicator comes from; a proxy is a local indicator that stands in for a national one. */
public enum IndicatorSource {
    NATIONAL("National"),
    LOCAL("Local"),
    PROXY("Proxy for a national indicator"),
    PARTNER("Partner");

    private final String label;

    IndicatorSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
