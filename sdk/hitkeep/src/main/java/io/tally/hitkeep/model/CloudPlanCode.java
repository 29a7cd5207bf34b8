package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A HitKeep Cloud plan. Open: the hosted service may add plans. */
public final class CloudPlanCode {
    /** The free plan. */
    public static final CloudPlanCode FREE = new CloudPlanCode("free");
    /** The Pro plan (paid). */
    public static final CloudPlanCode PRO = new CloudPlanCode("pro");
    /** The Business plan (paid). */
    public static final CloudPlanCode BUSINESS = new CloudPlanCode("business");

    private final String value;

    private CloudPlanCode(String value) {
        this.value = value;
    }

    /** A plan by code, e.g. {@code pro}. */
    @JsonCreator
    public static CloudPlanCode of(String value) {
        return new CloudPlanCode(OpenValue.require(value, "plan code", "free, pro or business"));
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloudPlanCode && ((CloudPlanCode) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
