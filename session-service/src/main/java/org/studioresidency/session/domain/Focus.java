package org.studioresidency.session.domain;

/** The balanced-literacy component a session focuses on. */
public enum Focus {
    READ_ALOUD, SHARED_READING, GUIDED_READING, INDEPENDENT_READING, WORD_STUDY, WRITING_WORKSHOP
}
