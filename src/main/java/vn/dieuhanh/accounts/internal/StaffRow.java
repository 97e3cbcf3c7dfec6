package vn.dieuhanh.accounts.internal;

/** One row of the staff list as read from the file (trimmed text, null when empty); {@code rowNo} as the file counts. */
record StaffRow(int rowNo, String fullName, String login, String email, String phone, String unitCode,
                String division, String jobTitle, String role) {
}
