package vn.dieuhanh.platform;

/**
 * The current state does not allow this, e.g. the step is already done (xung đột trạng thái): a 409. Mapped through
 * every door (see {@link InputRejected}); modules subclass it only where the subtype carries meaning. The message is
 * shown to the caller: Vietnamese first, English in parentheses.
 */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
