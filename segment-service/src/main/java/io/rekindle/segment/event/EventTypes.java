package io.rekindle.segment.event;

import java.util.Set;

/** The event types the metrics read. */
public final class EventTypes {

    public static final String EMAIL_OPENED = "email_opened";
    public static final String EMAIL_CLICKED = "email_clicked";
    public static final String SMS_CLICKED = "sms_clicked";
    public static final String PUSH_OPENED = "push_opened";
    public static final String SITE_VISIT = "site_visit";
    public static final String PRODUCT_VIEWED = "product_viewed";
    public static final String CART_UPDATED = "cart_updated";
    public static final String CHECKOUT_STARTED = "checkout_started";
    public static final String SURVEY_ANSWERED = "survey_answered";

    /** What counts as the customer interacting with the shop (opens, clicks, visits). */
    public static final Set<String> ENGAGEMENT = Set.of(EMAIL_OPENED, EMAIL_CLICKED, SMS_CLICKED, PUSH_OPENED,
            SITE_VISIT, PRODUCT_VIEWED, CART_UPDATED, CHECKOUT_STARTED, SURVEY_ANSWERED);

    private EventTypes() {
    }
}
