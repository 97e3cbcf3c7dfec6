package vn.dieuhanh.assignment;

/** Input a caller can fix (unknown unit, deadline in the past, ...); the REST API answers 400 with the message. */
public class AssignmentInputException extends RuntimeException {

    public AssignmentInputException(String message) {
        super(message);
    }
}
