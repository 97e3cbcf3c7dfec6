package vn.dieuhanh.organisation;

/** An official (cán bộ, công chức): a Camunda user who belongs to one unit, optionally one division, with one role. */
public record Official(String userId, String fullName, String email, String unitCode, String divisionCode, Role role) {
}
