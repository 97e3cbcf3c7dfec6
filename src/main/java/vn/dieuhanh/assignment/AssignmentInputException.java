package vn.dieuhanh.assignment;

import vn.dieuhanh.platform.InputRejected;

/** Input a caller can fix (unknown unit, deadline in the past, ...): a 400 with the message through every door. */
public class AssignmentInputException extends InputRejected {

    public AssignmentInputException(String message) {
        super(message);
    }
}
