package vn.dieuhanh.kpi;

/** Who is scored: an official (cán bộ, công chức) or a unit (cơ quan, đơn vị); the DMN input {@code subjectKind}. */
public enum SubjectKind {
    OFFICIAL, UNIT
}
