package org.studioresidency.notification.mail;

/** An email ready to queue: subject, HTML with its plain-text alternative, and an optional iCalendar part. */
public record RenderedEmail(String template, String subject, String html, String text, String calendar,
                            String calendarMethod) {

    public RenderedEmail withCalendar(String ics, String method) {
        return new RenderedEmail(template, subject, html, text, ics, method);
    }
}
