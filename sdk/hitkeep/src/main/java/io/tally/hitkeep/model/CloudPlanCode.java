package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/** A HitKeep Cloud plan. Open: the hosted service may add plans. */
public final class CloudPlanCode extends OpenValue {
    /** The free plan. */
    public static final CloudPlanCode FREE = new CloudPlanCode("free");
    /** The Pro plan (paid). */
    public static final CloudPlanCode PRO = new CloudPlanCode("pro");
    /** The Business plan (paid). */
    public static final CloudPlanCode BUSINESS = new CloudPlanCode("business");

    private CloudPlanCode(String value) {
        super(value);
    }

    /** A plan by code, e.g. {@code pro}. */
    @JsonCreator
    public static CloudPlanCode of(String value) {
        return new CloudPlanCode(OpenValue.lowerCase(value, "plan code", "free, pro or business"));
    }
}
