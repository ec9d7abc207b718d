package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.repository.CalendarRepository;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** The district's programme settings and the daily substitute cap (district-wide, with per-date overrides). */
@ApplicationScoped
public class SettingsService {

    public static final Set<String> TEAM_ROLES = Set.of("PRINCIPAL", "ASSISTANT_PRINCIPAL", "LITERACY_COACH", "STUDIO_TEACHER",
            "RESIDENCY_TEACHER", "CONSULTANT", "CENTRAL_OFFICE_LEADER", "DISTRICT_LITERACY_COACH");

    /** New values; {@code version} must match the current one. */
    public record Change(int sessionsPerPairing, int minDaysBetweenSessions, int dailySubstituteCap,
                         Set<String> substituteTeamRoles, Set<DayOfWeek> preferredWeekdays, LocalTime amStart, LocalTime amEnd,
                         LocalTime pmStart, LocalTime pmEnd, String timeZone) {
    }

    private final CalendarRepository calendar;

    SettingsService(CalendarRepository calendar) {
        this.calendar = calendar;
    }

    public DistrictSetting get() {
        return DistrictSetting.current();
    }

    @Transactional
    public DistrictSetting update(Change change, long expectedVersion) {
        DistrictSetting settings = DistrictSetting.current();
        if (expectedVersion != settings.version) {
            throw new SessionException.StaleVersion("The district settings");
        }
        for (String role : change.substituteTeamRoles()) {
            if (!TEAM_ROLES.contains(role)) {
                throw new SessionException.InvalidField("substituteTeamRoles", "must contain only team roles " + TEAM_ROLES.stream().sorted().toList());
            }
        }
        if (!change.amStart().isBefore(change.amEnd()) || !change.amEnd().isAfter(change.amStart())
                || !change.pmStart().isBefore(change.pmEnd()) || change.pmStart().isBefore(change.amEnd())) {
            throw new SessionException.InvalidField("pmStart", "must be after amEnd, and each half-day must start before it ends");
        }
        try {
            ZoneId.of(change.timeZone());
        } catch (RuntimeException e) {
            throw new SessionException.InvalidField("timeZone", "must be an IANA time zone such as America/Los_Angeles");
        }
        settings.sessionsPerPairing = change.sessionsPerPairing();
        settings.minDaysBetween = change.minDaysBetweenSessions();
        settings.dailySubstituteCap = change.dailySubstituteCap();
        settings.substituteTeamRoles = String.join(",", change.substituteTeamRoles().stream().sorted().toList());
        settings.preferredWeekdays = String.join(",", change.preferredWeekdays().stream().sorted().map(DayOfWeek::name).toList());
        settings.amStart = change.amStart();
        settings.amEnd = change.amEnd();
        settings.pmStart = change.pmStart();
        settings.pmEnd = change.pmEnd();
        settings.timeZone = change.timeZone();
        return settings;
    }

    /** The substitute half-days available on a date: its override, else the district-wide cap. */
    public int substituteCapOn(LocalDate date) {
        return calendar.capOverrides(date, date).getOrDefault(date, DistrictSetting.current().dailySubstituteCap);
    }

    public Map<LocalDate, Integer> capOverrides(LocalDate from, LocalDate to) {
        return calendar.capOverrides(from, to);
    }

    @Transactional
    public void setCapOverride(LocalDate date, int cap) {
        calendar.upsertCapOverride(date, cap);
    }

    @Transactional
    public void clearCapOverride(LocalDate date) {
        calendar.deleteCapOverride(date);
    }
}
