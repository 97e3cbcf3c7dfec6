package vn.dieuhanh.dossier.internal;

/**
 * One of the 41 reception points ({@code dossier/reception-points-<version>.csv}).
 *
 * @param kind       {@code city-centre}, {@code regional-centre} or {@code area-team}
 * @param hostUnit   the unit whose officials receive there (and whose group sees its reception-point tasks)
 * @param confirmed  {@code yes} or {@code partly} (see {@code note})
 */
public record ReceptionPoint(String code, String name, String kind, String parent, String hostUnit, String address,
                             String confirmed, String note) {
}
