package org.studioresidency.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A generated district as its office would bring it, the same every time for the same size: OneRoster 1.2 files (a zip
 * of orgs, users and roles), a demographics file naming each school's supervising leader, a designations file, the
 * district calendar and the consultants' contracts.
 *
 * <p>Every third school is a studio (capacity 2, its first teacher hosting, its second a residency teacher); the others
 * are residency candidates sending their first two teachers. Each school has a principal, a primary literacy coach and
 * three teachers; the central office has a leader per eight schools, a district literacy coach per six studios and a
 * consultant per five studios. Sourced ids start with {@code prefix}, so districts of several tests share a directory.
 */
final class OnboardingDistrict {

    private static final String MODIFIED = "2060-08-01T00:00:00Z";
    private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    final String prefix;
    final int schools;
    final LocalDate firstDay;
    final LocalDate lastDay;

    /** A district of {@code schools} schools whose school year starts in August of {@code startYear}. */
    OnboardingDistrict(String prefix, int schools, int startYear) {
        this.prefix = prefix;
        this.schools = schools;
        this.firstDay = LocalDate.of(startYear, 8, 23);
        this.lastDay = LocalDate.of(startYear + 1, 6, 10);
    }

    String yearName() {
        return firstDay.getYear() + "-" + String.format("%02d", lastDay.getYear() % 100);
    }

    boolean isStudio(int school) {
        return school % 3 == 0;
    }

    int studios() {
        return (schools + 2) / 3;
    }

    int leaders() {
        return Math.max(3, (schools + 7) / 8);
    }

    int districtCoaches() {
        return Math.max(2, studios() / 6);
    }

    int consultants() {
        return Math.max(2, (studios() + 4) / 5);
    }

    /** Pairings each consultant is contracted for: together just enough for every studio. */
    int consultantCapacity() {
        return (studios() + consultants() - 1) / consultants();
    }

    String school(int s) {
        return prefix + "-s" + s;
    }

    String principal(int s) {
        return school(s) + "-principal";
    }

    String coach(int s) {
        return school(s) + "-coach";
    }

    String teacher(int s, int t) {
        return school(s) + "-t" + t;
    }

    String leader(int i) {
        return prefix + "-leader" + i;
    }

    /** The leader supervising a school: one per group of eight neighbouring schools. */
    String leaderOf(int s) {
        return leader((s / 8) % leaders());
    }

    String districtCoach(int i) {
        return prefix + "-dcoach" + i;
    }

    String consultant(int i) {
        return prefix + "-consultant" + i;
    }

    /** The teachers of a school who take part in its pairing as residency teachers. */
    List<String> residencyTeachers(int s) {
        return isStudio(s) ? List.of(teacher(s, 2)) : List.of(teacher(s, 1), teacher(s, 2));
    }

    byte[] oneRosterZip() {
        StringBuilder orgs = new StringBuilder("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n")
                .append("%s-d,active,%s,%s Public Schools,district,,\n".formatted(prefix, MODIFIED, prefix));
        StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,"
                + "email,grades,primaryOrgSourcedId,metadata.staffRole\n");
        StringBuilder roles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\n");
        for (int s = 0; s < schools; s++) {
            orgs.append("%s,active,%s,%s Elementary %d,school,%d,%s-d\n".formatted(school(s), MODIFIED, prefix, s, s, prefix));
            user(users, principal(s), "", school(s), "");
            roles.append(role(principal(s), "principal", school(s)));
            user(users, coach(s), "", school(s), "LITERACY_COACH_PRIMARY");
            for (int t = 1; t <= 3; t++) {
                user(users, teacher(s, t), t == 3 ? "04,05" : "0" + t, school(s), "");
                roles.append(role(teacher(s, t), "teacher", school(s)));
            }
        }
        for (int i = 0; i < leaders(); i++) {
            user(users, leader(i), "", prefix + "-d", "CENTRAL_OFFICE_LEADER");
        }
        for (int i = 0; i < districtCoaches(); i++) {
            user(users, districtCoach(i), "", prefix + "-d", "DISTRICT_LITERACY_COACH");
        }
        for (int i = 0; i < consultants(); i++) {
            user(users, consultant(i), "", prefix + "-d", "EXTERNAL_CONSULTANT");
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String[] file : new String[][]{{"orgs.csv", orgs.toString()}, {"users.csv", users.toString()}, {"roles.csv", roles.toString()}}) {
                out.putNextEntry(new ZipEntry(file[0]));
                out.write(file[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    private void user(StringBuilder users, String id, String grades, String org, String staffRole) {
        users.append("%s,active,%s,true,%s,Person,%s,%s,\"%s\",%s,%s\n".formatted(id, MODIFIED, id, id, email(id), grades, org, staffRole));
    }

    private static String role(String user, String role, String org) {
        return "%s-r,active,%s,%s,primary,%s,%s\n".formatted(user, MODIFIED, user, role, org);
    }

    String email(String id) {
        return id.toLowerCase(Locale.ROOT) + "@onboarding.example";
    }

    /** Seeded by the district's size, so the same district gets the same demographics every run. */
    byte[] demographics() {
        StringBuilder csv = new StringBuilder("externalId,enrollment,freeReducedLunchPercent,englishLearnerPercent,"
                + "readingProficiencyPercent,homeLanguages,latitude,longitude,race.latino,race.asian,race.black,race.white,supervisingLeader\n");
        Random random = new Random(schools);
        for (int s = 0; s < schools; s++) {
            int latino = random.nextInt(60);
            int asian = random.nextInt(100 - latino);
            int black = random.nextInt(100 - latino - asian);
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%.4f,%.4f,%d,%d,%d,%d,%s\n", school(s), 300 + random.nextInt(500),
                    random.nextInt(90), random.nextInt(50), 20 + random.nextInt(70), 1 + random.nextInt(20),
                    47.3 + random.nextDouble() * 0.5, -122.6 + random.nextDouble() * 0.5, latino, asian, black,
                    100 - latino - asian - black, leaderOf(s)));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Studios with their focus teacher, coach and capacity; every school with the residency teachers it sends. */
    byte[] designations() {
        StringBuilder csv = new StringBuilder("externalId,readiness,readinessNote,studio,focusTeacher,literacyCoach,capacity,residencyTeachers\n");
        for (int s = 0; s < schools; s++) {
            String teachers = String.join(";", residencyTeachers(s));
            if (isStudio(s)) {
                csv.append("%s,4,Strong coaching culture,true,%s,%s,2,%s\n".formatted(school(s), teacher(s, 1), coach(s), teachers));
            } else {
                csv.append("%s,2,,false,,,,%s\n".formatted(school(s), teachers));
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The district's own calendar for the year: Labor Day, Thanksgiving, winter and spring breaks, a testing window. */
    String calendar() {
        int y = firstDay.getYear();
        LocalDate laborDay = LocalDate.of(y, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate thanksgiving = LocalDate.of(y, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        LocalDate spring = LocalDate.of(y + 1, 3, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate testing = LocalDate.of(y + 1, 4, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//" + prefix + " Public Schools//Calendar//EN\n");
        event(ics, "labor-day", "Labor Day - no school", laborDay, laborDay.plusDays(1));
        event(ics, "thanksgiving", "Thanksgiving break", thanksgiving.minusDays(1), thanksgiving.plusDays(2));
        event(ics, "winter", "Winter break", LocalDate.of(y, 12, 21), LocalDate.of(y + 1, 1, 3));
        event(ics, "spring", "Spring break", spring, spring.plusDays(5));
        event(ics, "testing", "State testing window", testing, testing.plusDays(12));
        return ics.append("END:VCALENDAR\n").toString().replace("\n", "\r\n");
    }

    private void event(StringBuilder ics, String uid, String summary, LocalDate from, LocalDate until) {
        ics.append("BEGIN:VEVENT\nUID:%s-%s@%s\nDTSTAMP:%sT000000Z\nDTSTART;VALUE=DATE:%s\nDTEND;VALUE=DATE:%s\nSUMMARY:%s\nEND:VEVENT\n"
                .formatted(uid, firstDay.getYear(), prefix, ICS_DATE.format(firstDay.minusMonths(2)), ICS_DATE.format(from),
                        ICS_DATE.format(until), summary));
    }

    /** Consultants are contracted Tuesday to Thursday; each has a week of vacation inside those days, a different one each. */
    List<LocalDate> contractedDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.WEDNESDAY || d.getDayOfWeek() == DayOfWeek.THURSDAY) {
                days.add(d);
            }
        }
        return days;
    }

    List<LocalDate> vacationOf(int consultant) {
        LocalDate tuesday = LocalDate.of(firstDay.getYear(), 10, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY))
                .plusWeeks(3L * (consultant % 8));
        return List.of(tuesday, tuesday.plusDays(1), tuesday.plusDays(2));
    }
}
