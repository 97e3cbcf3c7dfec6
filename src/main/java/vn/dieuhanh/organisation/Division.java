package vn.dieuhanh.organisation;

/** A division (phòng, ban) of a unit; its code is {@code <unit-code>.<suffix>} and also a Camunda group id. */
public record Division(String code, String unitCode, String name) {
}
