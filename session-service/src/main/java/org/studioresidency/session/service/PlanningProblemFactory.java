package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.session.domain.Consultant;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.SchoolYear;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.repository.CalendarRepository;
import org.studioresidency.session.repository.CalendarRepository.DayKind;
import org.studioresidency.session.repository.ConsultantRepository;
import org.studioresidency.session.repository.SessionRepository;
import org.studioresidency.session.solver.ConsultantCalendar;
import org.studioresidency.session.solver.PairingTeam;
import org.studioresidency.session.solver.Person;
import org.studioresidency.session.solver.PlannedSession;
import org.studioresidency.session.solver.ReplanRepair;
import org.studioresidency.session.solver.SchedulePlan;
import org.studioresidency.session.solver.SchoolBlackout;
import org.studioresidency.session.solver.SchoolDay;
import org.studioresidency.session.solver.Slot;
import org.studioresidency.session.solver.TeamSchool;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Turns a school year's calendar, settings, consultants, pairings and sessions into the solver's problem. */
@ApplicationScoped
public class PlanningProblemFactory {

    private final CalendarRepository calendar;
    private final ConsultantRepository consultants;
    private final SessionRepository sessions;
    private final SessionSolver solver;

    PlanningProblemFactory(CalendarRepository calendar, ConsultantRepository consultants, SessionRepository sessions,
                           SessionSolver solver) {
        this.calendar = calendar;
        this.consultants = consultants;
        this.sessions = sessions;
        this.solver = solver;
    }

    /**
     * The year as a problem; with {@code addMissing} (a planning job), each pairing gets new sessions up to the
     * district's number, and a year with published sessions is re-planned as a repair ({@link ReplanRepair}): broken
     * sessions move to their best slot, published ones are pinned, the solver places what has no slot yet.
     */
    public Problem build(SchoolYear year, Predicate<Session> include, boolean addMissing) {
        DistrictSetting settings = DistrictSetting.current();
        List<Slot> slots = slots(year, settings);
        Map<String, Slot> slotByKey = slots.stream().collect(Collectors.toMap(s -> key(s.date(), s.halfDay()), s -> s));
        Map<UUID, ConsultantCalendar> consultantCalendars = consultantCalendars();
        List<SchoolBlackout> blackouts = calendar.blackouts(year.id).stream()
                .map(b -> new SchoolBlackout(b.schoolId(), b.date(), b.reason())).toList();

        List<Pairing> pairings = Pairing.list("schoolYearId = ?1 and dissolved = false", year.id);
        Map<UUID, PairingTeam> teams = new HashMap<>();
        Map<UUID, Pairing> pairingById = new HashMap<>();
        for (Pairing pairing : pairings) {
            teams.put(pairing.id, team(pairing, settings));
            pairingById.put(pairing.id, pairing);
        }
        Map<UUID, List<Session>> existingByPairing = sessions.countingOfYear(year.id).stream()
                .filter(include)
                .filter(s -> teams.containsKey(s.pairingId))
                .collect(Collectors.groupingBy(s -> s.pairingId));

        long span = Math.max(1, ChronoUnit.DAYS.between(year.firstDay, year.lastDay));
        List<PlannedSession> planned = new ArrayList<>();
        Map<UUID, Session> stored = new HashMap<>();
        for (Pairing pairing : pairings) {
            PairingTeam team = teams.get(pairing.id);
            ConsultantCalendar consultant = pairing.consultant()
                    .map(m -> consultantCalendars.getOrDefault(m.staffId, ConsultantCalendar.withoutTerms(m.staffId, m.name)))
                    .orElse(null);
            List<Session> existing = existingByPairing.getOrDefault(pairing.id, List.of());
            int total = Math.max(settings.sessionsPerPairing, existing.size());
            Set<Integer> numbers = new java.util.HashSet<>();
            for (Session session : existing) {
                numbers.add(session.number);
                Slot slot = slotByKey.get(key(session.date, session.halfDay));
                if (slot == null) {
                    continue;
                }
                PlannedSession p = new PlannedSession(session.id, team, session.number, consultant,
                        ideal(year, span, session.number, total), slot);
                if (session.status.booksPeople()) {
                    p.setPublishedSlot(slot);
                }
                p.setPinned(session.status == SessionStatus.HELD || session.status == SessionStatus.SUMMARISED);
                planned.add(p);
                stored.put(session.id, session);
            }
            if (addMissing) {
                for (int n = 1; n <= settings.sessionsPerPairing; n++) {
                    if (!numbers.contains(n)) {
                        planned.add(new PlannedSession(UUID.randomUUID(), team, n, consultant, ideal(year, span, n, total), null));
                    }
                }
            }
        }
        SchedulePlan plan = new SchedulePlan(slots, blackouts, planned);
        if (addMissing) {
            ReplanRepair.repair(plan, solver.solutions());
        }
        return new Problem(plan, slotByKey, stored, pairingById, teams, consultantCalendars, settings);
    }

    /** The problem, with lookups back to what is stored. */
    public record Problem(SchedulePlan plan, Map<String, Slot> slotByKey, Map<UUID, Session> stored,
                          Map<UUID, Pairing> pairings, Map<UUID, PairingTeam> teams,
                          Map<UUID, ConsultantCalendar> consultants, DistrictSetting settings) {

        /** A session of this pairing at this slot, as the solver would see it. */
        public PlannedSession candidate(Pairing pairing, UUID sessionId, int number, Slot slot) {
            ConsultantCalendar consultant = pairing.consultant()
                    .map(m -> consultants.getOrDefault(m.staffId, ConsultantCalendar.withoutTerms(m.staffId, m.name)))
                    .orElse(null);
            PairingTeam team = teams.computeIfAbsent(pairing.id, id -> team(pairing, settings));
            return new PlannedSession(sessionId, team, number, consultant, slot.date(), slot);
        }

        public Slot slot(LocalDate date, HalfDay halfDay) {
            return slotByKey.get(key(date, halfDay));
        }
    }

    static String key(LocalDate date, HalfDay halfDay) {
        return date + "/" + halfDay;
    }

    private static LocalDate ideal(SchoolYear year, long span, int number, int total) {
        return year.firstDay.plusDays(Math.round((number - 0.5) * span / total));
    }

    private List<Slot> slots(SchoolYear year, DistrictSetting settings) {
        Map<LocalDate, CalendarRepository.DayEntry> entries = calendar.days(year.id).stream()
                .collect(Collectors.toMap(CalendarRepository.DayEntry::date, e -> e));
        Map<LocalDate, Integer> caps = calendar.capOverrides(year.firstDay, year.lastDay);
        Set<DayOfWeek> preferred = settings.preferredDays();
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = year.firstDay; !day.isAfter(year.lastDay); day = day.plusDays(1)) {
            if (weekend(day)) {
                continue;
            }
            DayKind kind = kind(entries, day);
            boolean offDay = kind == DayKind.HOLIDAY || kind == DayKind.BREAK;
            boolean nextToBreak = !offDay && (isBreak(entries, weekday(day, -1)) || isBreak(entries, weekday(day, 1)));
            SchoolDay schoolDay = new SchoolDay(day, !offDay, kind == DayKind.DISTRICT_BLACKOUT, kind == DayKind.EARLY_RELEASE,
                    nextToBreak, preferred.isEmpty() || preferred.contains(day.getDayOfWeek()),
                    caps.getOrDefault(day, settings.dailySubstituteCap));
            slots.add(new Slot(schoolDay, HalfDay.AM));
            slots.add(new Slot(schoolDay, HalfDay.PM));
        }
        return slots;
    }

    private Map<UUID, ConsultantCalendar> consultantCalendars() {
        Map<UUID, Set<LocalDate>> contracted = consultants.days(ConsultantRepository.DayKind.CONTRACTED);
        Map<UUID, Set<LocalDate>> unavailable = consultants.days(ConsultantRepository.DayKind.UNAVAILABLE);
        Map<UUID, ConsultantCalendar> calendars = new HashMap<>();
        for (Consultant c : consultants.listAll()) {
            calendars.put(c.staffId, new ConsultantCalendar(c.staffId, c.name, contracted.getOrDefault(c.staffId, Set.of()),
                    unavailable.getOrDefault(c.staffId, Set.of()), c.maxSessionsPerWeek));
        }
        return calendars;
    }

    static PairingTeam team(Pairing pairing, DistrictSetting settings) {
        Set<String> needSubstitute = settings.substituteRoles();
        List<Person> members = pairing.team.stream().map(m -> new Person(m.staffId, m.name)).distinct().toList();
        int substitutes = (int) pairing.team.stream().filter(m -> needSubstitute.contains(m.teamRole))
                .map(m -> m.staffId).distinct().count();
        List<TeamSchool> schools = new ArrayList<>();
        schools.add(new TeamSchool(pairing.studioSchoolId, pairing.studioSchoolName, true));
        pairing.residencySchools.forEach(r -> schools.add(new TeamSchool(r.schoolId, r.name, false)));
        return new PairingTeam(pairing.id, pairing.label(), pairing.studioSchoolId, List.copyOf(schools), members, substitutes,
                settings.minDaysBetween);
    }

    static List<UUID> participantIds(Pairing pairing) {
        return pairing.team.stream().map(m -> m.staffId).distinct().toList();
    }

    private static DayKind kind(Map<LocalDate, CalendarRepository.DayEntry> entries, LocalDate day) {
        CalendarRepository.DayEntry entry = entries.get(day);
        return entry == null ? DayKind.INSTRUCTIONAL : entry.kind();
    }

    private static boolean isBreak(Map<LocalDate, CalendarRepository.DayEntry> entries, LocalDate day) {
        DayKind kind = kind(entries, day);
        return kind == DayKind.BREAK || kind == DayKind.HOLIDAY;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate weekday(LocalDate day, int step) {
        LocalDate d = day.plusDays(step);
        while (weekend(d)) {
            d = d.plusDays(step);
        }
        return d;
    }
}
