package vn.dieuhanh.platform;

/**
 * Not found, or not the caller's to see (không tìm thấy): a 404. Mapped through every door (see {@link
 * InputRejected}); modules subclass it only where the subtype carries meaning. The message is shown to the caller:
 * Vietnamese first, English in parentheses.
 */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
