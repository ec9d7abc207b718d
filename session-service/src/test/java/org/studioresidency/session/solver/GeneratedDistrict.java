package org.studioresidency.session.solver;

import org.studioresidency.session.domain.HalfDay;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A made-up district for solver tests and the benchmark: a school year with breaks, a testing window and
 * early-release Wednesdays, pairings whose teams share consultants, central-office leaders and district coaches.
 */
public final class GeneratedDistrict {

    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 31);
    private static final Set<LocalDate> BREAKS = breaks();

    public final List<Slot> slots = new ArrayList<>();
    public final List<PairingTeam> pairings = new ArrayList<>();
    public final List<ConsultantCalendar> consultants = new ArrayList<>();
    public final List<SchoolBlackout> schoolBlackouts = new ArrayList<>();
    public final List<PlannedSession> sessions = new ArrayList<>();
    public final LocalDate lastDay;

    /**
     * @param pairings          how many pairings (each hosts {@code sessionsPerPairing} sessions)
     * @param consultants       how many external consultants share them
     * @param instructionalDays length of the school year
     * @param substituteCap     substitute half-days available per day
     */
    public GeneratedDistrict(int pairings, int consultants, int instructionalDays, int substituteCap, int sessionsPerPairing,
                             long seed) {
        Random random = new Random(seed);
        LocalDate day = FIRST_DAY;
        int instructional = 0;
        LocalDate last = FIRST_DAY;
        while (instructional < instructionalDays) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                boolean isBreak = BREAKS.contains(day);
                boolean testing = !day.isBefore(LocalDate.of(2027, 4, 12)) && !day.isAfter(LocalDate.of(2027, 4, 16));
                boolean earlyRelease = day.getDayOfWeek() == DayOfWeek.WEDNESDAY && day.getDayOfMonth() <= 7;
                boolean nextToBreak = !isBreak && (BREAKS.contains(previousWeekday(day)) || BREAKS.contains(nextWeekday(day)));
                boolean preferred = day.getDayOfWeek() != DayOfWeek.MONDAY && day.getDayOfWeek() != DayOfWeek.FRIDAY;
                SchoolDay schoolDay = new SchoolDay(day, !isBreak, testing, earlyRelease, nextToBreak, preferred, substituteCap);
                slots.add(new Slot(schoolDay, HalfDay.AM));
                slots.add(new Slot(schoolDay, HalfDay.PM));
                if (!isBreak) {
                    instructional++;
                }
                last = day;
            }
            day = day.plusDays(1);
        }
        lastDay = last;
        for (int c = 0; c < consultants; c++) {
            Set<LocalDate> unavailable = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                unavailable.add(FIRST_DAY.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(FIRST_DAY, lastDay))));
            }
            this.consultants.add(new ConsultantCalendar(UUID.randomUUID(), "Consultant " + (c + 1), Set.of(), unavailable, 3));
        }
        int leaders = Math.max(1, pairings / 10);
        List<Person> leaderPeople = people("Director", leaders);
        List<Person> districtCoaches = people("District coach", Math.max(1, pairings / 20));
        long span = ChronoUnit.DAYS.between(FIRST_DAY, lastDay);
        for (int p = 0; p < pairings; p++) {
            ConsultantCalendar consultant = this.consultants.get(p % consultants);
            List<Person> team = new ArrayList<>(people("Pairing " + (p + 1) + " staff", 9));
            team.add(new Person(consultant.staffId(), consultant.name()));
            team.add(leaderPeople.get(p % leaders));
            team.add(districtCoaches.get(p % districtCoaches.size()));
            PairingTeam pairing = new PairingTeam(UUID.randomUUID(), "Pairing " + (p + 1), UUID.randomUUID(), team, 3, 14);
            this.pairings.add(pairing);
            if (random.nextInt(4) == 0) {
                schoolBlackouts.add(new SchoolBlackout(pairing.hostSchoolId(),
                        FIRST_DAY.plusDays(random.nextInt((int) span)), "school event"));
            }
            for (int n = 1; n <= sessionsPerPairing; n++) {
                LocalDate ideal = FIRST_DAY.plusDays(Math.round((n - 0.5) * span / sessionsPerPairing));
                sessions.add(new PlannedSession(UUID.randomUUID(), pairing, n, consultant, ideal, null));
            }
        }
    }

    public SchedulePlan plan() {
        return new SchedulePlan(slots, schoolBlackouts, sessions);
    }

    private static List<Person> people(String label, int count) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(new Person(UUID.randomUUID(), label + " " + (i + 1)));
        }
        return people;
    }

    private static LocalDate previousWeekday(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static LocalDate nextWeekday(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static Set<LocalDate> breaks() {
        Set<LocalDate> days = new HashSet<>();
        addRange(days, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 27));
        addRange(days, LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 1));
        addRange(days, LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 26));
        days.add(LocalDate.of(2026, 9, 7));
        days.add(LocalDate.of(2027, 1, 18));
        return days;
    }

    private static void addRange(Set<LocalDate> days, LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
    }
}
