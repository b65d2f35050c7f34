package dev.memorygraph.model;

/**
 * What the user directory says about an event's user (the contract is in the README, *Stage 6*).
 *
 * @param tenantId the user's tenant; {@code null} when the directory names none
 * @param orgId the user's organisation within the tenant
 * @param attributesJson the directory's display attributes that {@code user.graph-attributes}
 *     allows, as a compact JSON object of strings ({@code null} when none); nothing else the
 *     directory sends is kept
 * @param source {@code directory}, or {@code stale} (an expired cache entry used because the
 *     directory did not answer)
 */
public record UserInfo(
        String userId, String tenantId, String orgId, String attributesJson, String source) {

    public static final String SOURCE_DIRECTORY = "directory";
    public static final String SOURCE_STALE = "stale";
}
