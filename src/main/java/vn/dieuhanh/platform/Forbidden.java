package vn.dieuhanh.platform;

/**
 * The caller may see it but not do this (không có quyền): a 403. Mapped through every door (see {@link
 * InputRejected}); modules subclass it only where the subtype carries meaning. The message is shown to the caller:
 * Vietnamese first, English in parentheses.
 */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
