package vn.dieuhanh.assignment;

/**
 * The Government Office's four status buckets, plus "due soon" (a part of "open within deadline"). Always computed
 * from the recorded completion and the deadline at query time, never stored.
 */
public enum StatusBucket {
    COMPLETED_ON_TIME("Hoàn thành đúng hạn"),
    COMPLETED_LATE("Hoàn thành quá hạn"),
    OPEN_WITHIN_DEADLINE("Đang thực hiện trong hạn"),
    OPEN_OVERDUE("Đang thực hiện quá hạn"),
    DUE_SOON("Sắp đến hạn");

    private final String label;

    StatusBucket(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
