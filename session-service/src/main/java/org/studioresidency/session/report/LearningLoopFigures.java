package org.studioresidency.session.report;

import org.studioresidency.session.report.LearningLoopReport.Attendance;
import org.studioresidency.session.report.LearningLoopReport.AttendanceCounts;
import org.studioresidency.session.report.LearningLoopReport.AttendanceGroup;
import org.studioresidency.session.report.LearningLoopReport.Evaluations;
import org.studioresidency.session.report.LearningLoopReport.Figures;
import org.studioresidency.session.report.LearningLoopReport.FocusFigure;
import org.studioresidency.session.report.LearningLoopReport.FollowThrough;
import org.studioresidency.session.report.LearningLoopReport.GradualRelease;
import org.studioresidency.session.report.LearningLoopReport.Mover;
import org.studioresidency.session.report.LearningLoopReport.Ownership;
import org.studioresidency.session.report.LearningLoopReport.ProblemOfPractice;
import org.studioresidency.session.report.LearningLoopReport.RatingPoint;
import org.studioresidency.session.report.LearningLoopReport.ReleasePoint;
import org.studioresidency.session.report.LearningLoopReport.SessionRef;
import org.studioresidency.session.report.LearningLoopReport.StepCounts;
import org.studioresidency.session.report.LearningLoopReport.StepGroup;
import org.studioresidency.session.report.YearRecords.PairingRow;
import org.studioresidency.session.report.YearRecords.SessionRow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the learning-loop figures of a scope from a year's records (pure: no database, no clock). A scope is a set of
 * pairings and, for a school, the school whose people the person-level figures count. Definitions: session-service README.
 */
public final class LearningLoopFigures {

    private final YearRecords year;
    private final Map<UUID, PairingRow> pairings;
    private final Map<UUID, SessionRow> sessions;
    private final Map<UUID, List<SessionRow>> sessionsOfPairing = new HashMap<>();
    private final Map<UUID, List<YearRecords.DemonstrationRow>> demonstrationsOf;
    private final Map<UUID, List<YearRecords.StepRow>> stepsOf;
    private final Map<UUID, List<YearRecords.AttendanceRow>> attendanceOf;
    private final Map<UUID, List<YearRecords.EvaluationRow>> evaluationsOfPairing;
    private final Set<String> unfilledCoverage = new HashSet<>();
    private final Map<UUID, SessionRow> nextVisit = new HashMap<>();
    /** The held sessions each person was present at. */
    private final Map<UUID, List<SessionRow>> attended = new HashMap<>();
    private final Map<UUID, String> schoolNames = new HashMap<>();
    /** Each person's first public demonstration of the year (session-ordered), with the demonstration. */
    private final Map<UUID, YearRecords.DemonstrationRow> firstDemonstration = new HashMap<>();

    public LearningLoopFigures(YearRecords year) {
        this.year = year;
        this.pairings = year.pairings().stream().collect(Collectors.toMap(PairingRow::pairingId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.sessions = year.sessions().stream().collect(Collectors.toMap(SessionRow::sessionId, Function.identity()));
        for (SessionRow s : year.sessions()) {
            sessionsOfPairing.computeIfAbsent(s.pairingId(), k -> new ArrayList<>()).add(s);
        }
        Comparator<SessionRow> order = Comparator.comparing(SessionRow::date).thenComparing(SessionRow::halfDay).thenComparing(SessionRow::number);
        sessionsOfPairing.values().forEach(list -> list.sort(order));
        for (List<SessionRow> list : sessionsOfPairing.values()) {
            List<SessionRow> visits = list.stream().filter(SessionRow::visit).toList();
            for (int i = 0; i + 1 < visits.size(); i++) {
                nextVisit.put(visits.get(i).sessionId(), visits.get(i + 1));
            }
        }
        this.demonstrationsOf = year.demonstrations().stream().filter(d -> sessions.containsKey(d.sessionId()))
                .collect(Collectors.groupingBy(YearRecords.DemonstrationRow::sessionId));
        this.stepsOf = year.steps().stream().collect(Collectors.groupingBy(YearRecords.StepRow::sessionId));
        this.attendanceOf = year.attendance().stream().collect(Collectors.groupingBy(YearRecords.AttendanceRow::sessionId));
        this.evaluationsOfPairing = year.evaluations().stream().collect(Collectors.groupingBy(YearRecords.EvaluationRow::pairingId));
        for (YearRecords.AttendanceRow a : year.attendance()) {
            SessionRow s = sessions.get(a.sessionId());
            if (a.present() && s != null && s.held()) {
                attended.computeIfAbsent(a.staffId(), k -> new ArrayList<>()).add(s);
            }
        }
        for (PairingRow p : year.pairings()) {
            schoolNames.putIfAbsent(p.studio().schoolId(), p.studio().name());
            p.residency().forEach(r -> schoolNames.putIfAbsent(r.schoolId(), r.name()));
        }
        for (YearRecords.CoverageRow c : year.coverage()) {
            if (!"FILLED".equals(c.status())) {
                unfilledCoverage.add(c.sessionId() + "/" + c.staffId());
            }
        }
        year.demonstrations().stream()
                .filter(d -> sessions.containsKey(d.sessionId()) && sessions.get(d.sessionId()).held())
                .sorted(Comparator.comparing((YearRecords.DemonstrationRow d) -> sessions.get(d.sessionId()), order)
                        .thenComparing(YearRecords.DemonstrationRow::position))
                .forEach(d -> firstDemonstration.putIfAbsent(d.staffId(), d));
    }

    public List<PairingRow> pairings() {
        return List.copyOf(pairings.values());
    }

    /** The district: every pairing of the year, everyone's figures. */
    public Figures district() {
        return figures(pairings.values(), null);
    }

    public Figures pairing(PairingRow pairing) {
        return figures(List.of(pairing), null);
    }

    /** A school: the sessions of the pairings it takes part in; person-level figures count its own people only. */
    public Figures school(UUID schoolId) {
        return figures(pairings.values().stream().filter(p -> p.concerns(schoolId)).toList(), schoolId);
    }

    private Figures figures(Iterable<PairingRow> scope, UUID school) {
        List<SessionRow> scoped = new ArrayList<>();
        Set<UUID> pairingIds = new HashSet<>();
        for (PairingRow p : scope) {
            pairingIds.add(p.pairingId());
            scoped.addAll(sessionsOfPairing.getOrDefault(p.pairingId(), List.of()));
        }
        return new Figures(gradualRelease(scoped, school), followThrough(scoped, school), focus(scoped), attendance(scoped, school),
                evaluations(scoped, pairingIds, school), ownership(scoped));
    }

    private GradualRelease gradualRelease(List<SessionRow> scoped, UUID school) {
        Map<Integer, int[]> byNumber = new TreeMap<>();
        List<Mover> movers = new ArrayList<>();
        for (SessionRow s : scoped) {
            List<YearRecords.DemonstrationRow> shown = demonstrationsOf.getOrDefault(s.sessionId(), List.of());
            if (!s.held() || shown.isEmpty()) {
                continue;
            }
            int[] counts = byNumber.computeIfAbsent(s.number(), k -> new int[4]);
            counts[0]++;
            for (YearRecords.DemonstrationRow d : shown) {
                counts[1]++;
                if (d.bySchoolStaff() && (school == null || school.equals(d.schoolId()))) {
                    counts[2]++;
                }
                if (!d.bySchoolStaff()) {
                    counts[3]++;
                }
                if (d.bySchoolStaff() && firstDemonstration.get(d.staffId()) == d && (school == null || school.equals(d.schoolId()))) {
                    int observed = observedBefore(d.staffId(), s);
                    if (observed > 0) {
                        movers.add(new Mover(d.staffId(), d.name(), d.schoolId(), d.role(), d.form(), ref(s), observed));
                    }
                }
            }
        }
        List<ReleasePoint> points = byNumber.entrySet().stream().map(e -> new ReleasePoint(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3], share(e.getValue()[2], e.getValue()[1]))).toList();
        movers.sort(Comparator.comparing((Mover m) -> m.session().date()).thenComparing(Mover::name));
        return new GradualRelease(points, movers);
    }

    /** Held sessions of the person's year before this one at which they were present (and so observed: they had not demonstrated yet). */
    private int observedBefore(UUID staffId, SessionRow first) {
        return (int) attended.getOrDefault(staffId, List.of()).stream().filter(s -> s.before(first)).count();
    }

    private FollowThrough followThrough(List<SessionRow> scoped, UUID school) {
        List<Classified> all = classified(scoped, school);
        Map<String, List<Classified>> byRole = new TreeMap<>(all.stream().collect(Collectors.groupingBy(Classified::ownerRole)));
        Map<UUID, List<Classified>> bySchool = all.stream().filter(c -> c.step().ownerSchoolId() != null)
                .collect(Collectors.groupingBy(c -> c.step().ownerSchoolId()));
        List<StepGroup> roleGroups = byRole.entrySet().stream().map(e -> new StepGroup(e.getKey(), e.getKey(), counts(e.getValue()))).toList();
        List<StepGroup> schoolGroups = bySchool.entrySet().stream()
                .map(e -> new StepGroup(e.getKey().toString(), schoolName(e.getKey()), counts(e.getValue())))
                .sorted(Comparator.comparing(StepGroup::name).thenComparing(StepGroup::key)).toList();
        return new FollowThrough(counts(all), roleGroups, schoolGroups);
    }

    /** The next steps agreed at the scope's sessions; for a school, those its own people own. */
    private List<Classified> classified(List<SessionRow> scoped, UUID school) {
        List<Classified> all = new ArrayList<>();
        for (SessionRow s : scoped) {
            for (YearRecords.StepRow step : stepsOf.getOrDefault(s.sessionId(), List.of())) {
                if (school == null || school.equals(step.ownerSchoolId())) {
                    all.add(classify(s, step));
                }
            }
        }
        return all;
    }

    /**
     * A school's next steps at a moment (the learning-loop snapshot; definitions in the session-service README): the same
     * steps as the school's {@code followThrough}; {@code open} is its {@code stillOpen}, {@code overdue} those of them due
     * before {@code asOf}'s date in the district's time zone, {@code closedSince} the {@code DONE} steps whose
     * {@code closedAt} is after {@code since} and not after {@code asOf}.
     */
    public StepsNow stepsNow(UUID schoolId, OffsetDateTime since, OffsetDateTime asOf) {
        List<SessionRow> scoped = new ArrayList<>();
        for (PairingRow p : pairings.values()) {
            if (p.concerns(schoolId)) {
                scoped.addAll(sessionsOfPairing.getOrDefault(p.pairingId(), List.of()));
            }
        }
        LocalDate today = asOf.atZoneSameInstant(year.zone()).toLocalDate();
        int open = 0;
        int overdue = 0;
        int closed = 0;
        for (Classified c : classified(scoped, schoolId)) {
            if (c.outcome() == Outcome.OPEN) {
                open++;
                if (c.step().dueDate() != null && c.step().dueDate().isBefore(today)) {
                    overdue++;
                }
            } else if ("DONE".equals(c.step().status()) && c.step().closedAt().isAfter(since) && !c.step().closedAt().isAfter(asOf)) {
                closed++;
            }
        }
        return new StepsNow(open, overdue, closed);
    }

    public record StepsNow(int open, int overdue, int closedSince) {
    }

    private enum Outcome { ON_TIME, LATE, OPEN, DROPPED }

    private record Classified(YearRecords.StepRow step, String ownerRole, Outcome outcome, Long daysToClose) {
    }

    /** Closed by the next visit: done on or before the date of the pairing's next visit (the due date when there is none). */
    private Classified classify(SessionRow session, YearRecords.StepRow step) {
        PairingRow pairing = pairings.get(session.pairingId());
        YearRecords.Member owner = pairing == null ? null : pairing.team().get(step.ownerStaffId());
        String role = ownerRole(owner == null ? null : owner.teamRole());
        return switch (step.status()) {
            case "DONE" -> {
                LocalDate closed = step.closedAt().atZoneSameInstant(year.zone()).toLocalDate();
                SessionRow next = nextVisit.get(session.sessionId());
                LocalDate deadline = next == null ? step.dueDate() : next.date();
                yield new Classified(step, role, closed.isAfter(deadline) ? Outcome.LATE : Outcome.ON_TIME,
                        ChronoUnit.DAYS.between(session.date(), closed));
            }
            case "DROPPED" -> new Classified(step, role, Outcome.DROPPED, null);
            default -> new Classified(step, role, Outcome.OPEN, null);
        };
    }

    /** Owner role groups: TEACHER (studio, residency), COACH (school and district literacy coaches), PRINCIPAL (and assistant), OTHER. */
    static String ownerRole(String teamRole) {
        if (teamRole == null) {
            return "OTHER";
        }
        return switch (teamRole) {
            case "STUDIO_TEACHER", "RESIDENCY_TEACHER" -> "TEACHER";
            case "LITERACY_COACH", "DISTRICT_LITERACY_COACH" -> "COACH";
            case "PRINCIPAL", "ASSISTANT_PRINCIPAL" -> "PRINCIPAL";
            default -> "OTHER";
        };
    }

    private static StepCounts counts(List<Classified> steps) {
        int onTime = 0;
        int late = 0;
        int open = 0;
        int dropped = 0;
        int evidence = 0;
        List<Long> days = new ArrayList<>();
        for (Classified c : steps) {
            switch (c.outcome()) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case OPEN -> open++;
                case DROPPED -> dropped++;
            }
            if (c.outcome() == Outcome.ON_TIME && c.step().evidence() != null && !c.step().evidence().isBlank()) {
                evidence++;
            }
            if (c.daysToClose() != null) {
                days.add(c.daysToClose());
            }
        }
        return new StepCounts(steps.size(), onTime, late, open, dropped, evidence, median(days));
    }

    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle).doubleValue() : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private List<FocusFigure> focus(List<SessionRow> scoped) {
        Map<String, List<SessionRow>> byFocus = new TreeMap<>(scoped.stream().filter(s -> s.focus() != null && !"CANCELLED".equals(s.status()))
                .collect(Collectors.groupingBy(SessionRow::focus)));
        List<FocusFigure> figures = new ArrayList<>();
        byFocus.forEach((focus, list) -> {
            Map<String, List<SessionRow>> byProblem = new TreeMap<>();
            Map<String, String> wording = new HashMap<>();
            for (SessionRow s : list) {
                if (s.problemOfPractice() != null && !s.problemOfPractice().isBlank()) {
                    String key = normalised(s.problemOfPractice());
                    byProblem.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                    wording.putIfAbsent(key, s.problemOfPractice().strip());
                }
            }
            List<ProblemOfPractice> problems = byProblem.entrySet().stream()
                    .map(e -> new ProblemOfPractice(wording.get(e.getKey()), e.getValue().size(), schoolsOf(e.getValue()),
                            e.getValue().stream().map(this::ref).toList()))
                    .sorted(Comparator.comparing(ProblemOfPractice::schools).reversed().thenComparing(ProblemOfPractice::problemOfPractice))
                    .toList();
            figures.add(new FocusFigure(focus, list.size(), schoolsOf(list), problems));
        });
        return figures;
    }

    /** Problems of practice are the same when their words are (case, spacing and end punctuation aside). */
    static String normalised(String problem) {
        return problem.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[.!?]+$", "");
    }

    /** Schools taking part in the sessions: each pairing's studio and residency schools. */
    private int schoolsOf(List<SessionRow> list) {
        Set<UUID> schools = new HashSet<>();
        for (SessionRow s : list) {
            PairingRow p = pairings.get(s.pairingId());
            if (p != null) {
                schools.add(p.studio().schoolId());
                p.residency().forEach(r -> schools.add(r.schoolId()));
            }
        }
        return schools.size();
    }

    private Attendance attendance(List<SessionRow> scoped, UUID school) {
        Map<String, int[]> byRole = new TreeMap<>();
        Map<UUID, int[]> bySchool = new HashMap<>();
        int[] all = new int[3];
        for (SessionRow s : scoped) {
            if (!s.held()) {
                continue;
            }
            PairingRow p = pairings.get(s.pairingId());
            for (YearRecords.AttendanceRow a : attendanceOf.getOrDefault(s.sessionId(), List.of())) {
                YearRecords.Member m = p == null ? null : p.team().get(a.staffId());
                UUID personSchool = m == null ? null : m.schoolId();
                if (school != null && !school.equals(personSchool)) {
                    continue;
                }
                boolean unfilled = !a.present() && unfilledCoverage.contains(s.sessionId() + "/" + a.staffId());
                add(all, a.present(), unfilled);
                add(byRole.computeIfAbsent(m == null ? "UNKNOWN" : m.teamRole(), k -> new int[3]), a.present(), unfilled);
                if (personSchool != null) {
                    add(bySchool.computeIfAbsent(personSchool, k -> new int[3]), a.present(), unfilled);
                }
            }
        }
        return new Attendance(attendanceCounts(all),
                byRole.entrySet().stream().map(e -> new AttendanceGroup(e.getKey(), e.getKey(), attendanceCounts(e.getValue()))).toList(),
                bySchool.entrySet().stream().map(e -> new AttendanceGroup(e.getKey().toString(), schoolName(e.getKey()), attendanceCounts(e.getValue())))
                        .sorted(Comparator.comparing(AttendanceGroup::name).thenComparing(AttendanceGroup::key)).toList());
    }

    private static void add(int[] counts, boolean present, boolean unfilled) {
        counts[present ? 0 : 1]++;
        if (unfilled) {
            counts[2]++;
        }
    }

    private static AttendanceCounts attendanceCounts(int[] c) {
        return new AttendanceCounts(c[0] + c[1], c[0], c[1], c[2], share(c[0], c[0] + c[1]));
    }

    private Evaluations evaluations(List<SessionRow> scoped, Set<UUID> pairingIds, UUID school) {
        Map<Integer, long[]> byNumber = new TreeMap<>();
        Map<UUID, SessionRow> scopedById = scoped.stream().collect(Collectors.toMap(SessionRow::sessionId, Function.identity()));
        long[] endOfYear = new long[2];
        for (UUID pairingId : pairingIds) {
            PairingRow p = pairings.get(pairingId);
            for (YearRecords.EvaluationRow e : evaluationsOfPairing.getOrDefault(pairingId, List.of())) {
                YearRecords.Member m = p.team().get(e.staffId());
                if (school != null && (m == null || !school.equals(m.schoolId()))) {
                    continue;
                }
                long[] into = e.sessionId() == null ? endOfYear : scopedById.containsKey(e.sessionId())
                        ? byNumber.computeIfAbsent(scopedById.get(e.sessionId()).number(), k -> new long[2]) : null;
                if (into != null) {
                    into[0]++;
                    into[1] += e.rating();
                }
            }
        }
        return new Evaluations(byNumber.entrySet().stream().map(e -> rating(e.getKey(), e.getValue())).toList(), rating(null, endOfYear));
    }

    private static RatingPoint rating(Integer number, long[] c) {
        return new RatingPoint(number, (int) c[0], c[0] == 0 ? null : (double) c[1] / c[0]);
    }

    /** Sessions in calendars or held; a pre-visit plan recorded by a principal, by the district office, by someone unknown, or none. */
    private static Ownership ownership(List<SessionRow> scoped) {
        int sessions = 0;
        int principal = 0;
        int office = 0;
        int unknown = 0;
        int none = 0;
        for (SessionRow s : scoped) {
            if (!s.visit()) {
                continue;
            }
            sessions++;
            if (!s.planRecorded()) {
                none++;
            } else if ("PRINCIPAL".equals(s.planRecordedAs())) {
                principal++;
            } else if ("DISTRICT_OFFICE".equals(s.planRecordedAs())) {
                office++;
            } else {
                unknown++;
            }
        }
        return new Ownership(sessions, principal, office, unknown, none, share(principal, principal + office));
    }

    private SessionRef ref(SessionRow s) {
        PairingRow p = pairings.get(s.pairingId());
        return new SessionRef(s.sessionId(), s.pairingId(), s.number(), s.date(), p == null ? null : p.studio().schoolId(),
                "/sessions/" + s.sessionId() + "/record");
    }

    /** The schools of the year's pairings, by name. */
    public Map<UUID, String> schools() {
        return schoolNames;
    }

    String schoolName(UUID schoolId) {
        return schoolNames.getOrDefault(schoolId, Objects.toString(schoolId));
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
