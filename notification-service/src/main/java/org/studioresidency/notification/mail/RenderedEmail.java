package org.studioresidency.notification.mail;

import java.util.List;

/**
 * An email ready to queue: subject, HTML with its plain-text alternative, an optional iCalendar part, and the images
 * the HTML shows inline (none for most emails).
 */
public record RenderedEmail(String template, String subject, String html, String text, String calendar,
                            String calendarMethod, List<InlineImage> images) {

    public RenderedEmail(String template, String subject, String html, String text, String calendar, String calendarMethod) {
        this(template, subject, html, text, calendar, calendarMethod, List.of());
    }

    public RenderedEmail withCalendar(String ics, String method) {
        return new RenderedEmail(template, subject, html, text, ics, method, images);
    }

    public RenderedEmail withImages(List<InlineImage> inline) {
        return new RenderedEmail(template, subject, html, text, calendar, calendarMethod, List.copyOf(inline));
    }
}
