package vn.dieuhanh.assignment.internal;

/** An official's handling choice that cannot be carried out (e.g. delegating outside the unit); shown back to them. */
class HandlingRejected extends RuntimeException {

    HandlingRejected(String message) {
        super(message);
    }
}
