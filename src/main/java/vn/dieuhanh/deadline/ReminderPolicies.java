package vn.dieuhanh.deadline;

/** Looks the alert policy up in the analysts' decision table ({@code reminder-policy}, latest deployed version). */
public interface ReminderPolicies {

    /**
     * @param urgency the assignment's urgency ({@code NORMAL}, {@code URGENT}, {@code VERY_URGENT}, {@code EXPRESS})
     * @param source  where the work comes from ({@code CENTRAL}, {@code CITY_PARTY_COMMITTEE},
     *                {@code CITY_PEOPLES_COMMITTEE}, {@code INSTANT})
     * @throws IllegalStateException if no rule matches or a value is invalid (the table is broken)
     */
    ReminderPolicy policyFor(String urgency, String source);
}
