package vn.dieuhanh.assignment.internal;

import vn.dieuhanh.platform.InputRejected;

/** An official's handling choice that cannot be carried out (e.g. delegating outside the unit); shown back to them. */
class HandlingRejected extends InputRejected {

    HandlingRejected(String message) {
        super(message);
    }
}
