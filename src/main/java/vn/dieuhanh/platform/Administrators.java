package vn.dieuhanh.platform;

import java.util.Collection;

/** The Camunda group of system administrators (created by the engine's admin-user set-up). */
public final class Administrators {

    public static final String GROUP = "camunda-admin";

    private Administrators() {
    }

    public static boolean includes(Collection<String> groupIds) {
        return groupIds != null && groupIds.contains(GROUP);
    }
}
