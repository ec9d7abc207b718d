package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.domain.RecipientPreference;
import org.studioresidency.notification.repository.RecipientPreferenceRepository;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A principal's choices about their mail; the defaults are summaries straight away and the digest on. */
@ApplicationScoped
public class PreferenceService {

    private final RecipientPreferenceRepository preferences;

    PreferenceService(RecipientPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    public RecipientPreference of(UUID schoolId) {
        return preferences.findByIdOptional(schoolId).orElseGet(() -> RecipientPreference.defaults(schoolId));
    }

    @Transactional
    public RecipientPreference set(UUID schoolId, boolean summariesInDigest, boolean digestEnabled) {
        RecipientPreference preference = preferences.findByIdOptional(schoolId).orElseGet(() -> {
            RecipientPreference created = RecipientPreference.defaults(schoolId);
            preferences.persist(created);
            return created;
        });
        preference.summariesInDigest = summariesInDigest;
        preference.digestEnabled = digestEnabled;
        preference.updatedAt = OffsetDateTime.now();
        return preference;
    }
}
