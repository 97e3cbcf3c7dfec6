package vn.dieuhanh.assignment.internal;

/** Who holds an assignment: always a group (unit or division), optionally one official of it. */
record Holder(String group, String user) {
}
