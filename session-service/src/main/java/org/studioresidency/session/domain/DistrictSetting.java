package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The district's programme settings (one row). The daily substitute cap and the team roles that need a substitute
 * are shared with substitute coverage.
 */
@Entity
@Table(name = "district_setting")
public class DistrictSetting extends PanacheEntityBase {

    public static final int ID = 1;

    @Id
    public int id;

    @Column(name = "sessions_per_pairing")
    public int sessionsPerPairing;

    @Column(name = "min_days_between")
    public int minDaysBetween;

    /** Substitute half-days the programme may use per day, unless a date has an override. */
    @Column(name = "daily_substitute_cap")
    public int dailySubstituteCap;

    /** Comma-separated team roles whose members need a substitute while in a session. */
    @Column(name = "substitute_team_roles")
    public String substituteTeamRoles;

    @Column(name = "preferred_weekdays")
    public String preferredWeekdays;

    @Column(name = "am_start")
    public LocalTime amStart;

    @Column(name = "am_end")
    public LocalTime amEnd;

    @Column(name = "pm_start")
    public LocalTime pmStart;

    @Column(name = "pm_end")
    public LocalTime pmEnd;

    @Column(name = "time_zone")
    public String timeZone;

    @Version
    public long version;

    public static DistrictSetting current() {
        return findById(ID);
    }

    public Set<String> substituteRoles() {
        return split(substituteTeamRoles);
    }

    public Set<DayOfWeek> preferredDays() {
        return split(preferredWeekdays).stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** When a half-day on this date begins, in the district's time zone (summer time included). */
    public java.time.OffsetDateTime startsAt(java.time.LocalDate date, HalfDay halfDay) {
        return date.atTime(startOf(halfDay)).atZone(zone()).toOffsetDateTime();
    }

    /** When a half-day on this date ends, in the district's time zone. */
    public java.time.OffsetDateTime endsAt(java.time.LocalDate date, HalfDay halfDay) {
        return date.atTime(endOf(halfDay)).atZone(zone()).toOffsetDateTime();
    }

    public LocalTime startOf(HalfDay halfDay) {
        return halfDay == HalfDay.AM ? amStart : pmStart;
    }

    public LocalTime endOf(HalfDay halfDay) {
        return halfDay == HalfDay.AM ? amEnd : pmEnd;
    }

    private static Set<String> split(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
