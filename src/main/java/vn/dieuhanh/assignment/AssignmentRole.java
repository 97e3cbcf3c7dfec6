package vn.dieuhanh.assignment;

/** Why a unit holds an assignment. */
public enum AssignmentRole {
    /** Đơn vị chủ trì: responsible for the result of a directive. */
    LEAD("Chủ trì"),
    /** Đơn vị phối hợp: contributes to the lead unit by its own, earlier deadline. */
    COORDINATING("Phối hợp"),
    /** Giao việc ngay: assigned directly by a leader, outside any directive. */
    INSTANT("Giao việc ngay");

    private final String label;

    AssignmentRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
