package vn.dieuhanh.organisation;

/**
 * A unit of the city government. Its code is also the id of the Camunda group of its members, so BPMN routes work to
 * a unit with {@code camunda:candidateGroups="${unitCode}"}.
 */
public record Unit(String code, String name, UnitKind kind, String parentCode) {
}
