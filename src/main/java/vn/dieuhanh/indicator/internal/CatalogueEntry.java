package vn.dieuhanh.indicator.internal;

import vn.dieuhanh.indicator.Indicator;

/** An indicator of a catalogue version with what only this capability needs: its direction and a description. */
public record CatalogueEntry(String version, Indicator indicator, Direction direction, String description) {

    public String code() {
        return indicator.code();
    }
}
