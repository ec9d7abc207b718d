package org.studioresidency.notification.service;

import org.studioresidency.notification.event.ReportEvents.LearningLoopSnapshot;
import org.studioresidency.notification.event.ReportEvents.Medians;
import org.studioresidency.notification.event.ReportEvents.ReleasePoint;
import org.studioresidency.notification.event.ReportEvents.SchoolSteps;
import org.studioresidency.notification.mail.InlineImage;
import org.studioresidency.notification.mail.LearningLoopCharts;
import org.studioresidency.notification.mail.MailViews.DigestLoopView;
import org.studioresidency.notification.mail.MailViews.MediansView;
import org.studioresidency.notification.mail.MailViews.PairingLoopView;
import org.studioresidency.notification.mail.MailViews.ReleaseLineView;
import org.studioresidency.notification.mail.MailViews.SchoolStepsView;
import org.studioresidency.notification.mail.MailViews.ShareView;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Learning-loop snapshots as the emails show them. Nothing is computed here: every number is session-service's figure,
 * only formatted (a share as a whole percent, a median with at most one decimal) and drawn.
 */
public final class LearningLoopViews {

    private static final String NONE = "-";

    private LearningLoopViews() {
    }

    /** A pairing of the leader's email with its two charts (returned in {@code charts}, referenced by cid: from the view). */
    public static PairingLoopView pairing(LearningLoopSnapshot s, ZoneId zone, List<InlineImage> charts) {
        String release = "release-" + s.pairingId() + "@learning-loop";
        String steps = "steps-" + s.pairingId() + "@learning-loop";
        List<ReleasePoint> district = s.district() == null ? List.of() : s.district().gradualRelease();
        charts.add(InlineImage.png(release, "gradual-release-" + s.pairingId() + ".png",
                LearningLoopCharts.gradualRelease(shares(s.gradualRelease()), shares(district))));
        Medians medians = s.district() == null ? null : s.district().followThroughMedian();
        List<LearningLoopCharts.Steps> bars = s.schools().stream()
                .map(x -> new LearningLoopCharts.Steps(x.name(), x.open(), x.overdue(), x.closedSince())).toList();
        charts.add(InlineImage.png(steps, "follow-through-" + s.pairingId() + ".png", LearningLoopCharts.followThrough(bars,
                medians == null ? null : new LearningLoopCharts.Steps("District median", value(medians.open()), value(medians.overdue()),
                        value(medians.closedSince())))));
        return new PairingLoopView(s.label(), release, steps, release(s.gradualRelease(), district),
                s.schools().stream().map(LearningLoopViews::school).toList(), medians(medians), date(s.asOf(), zone), date(s.since(), zone),
                s.reportUrl());
    }

    /**
     * A principal's school in the digest, from the newest snapshots naming it (one per pairing it takes part in): the
     * school's steps from the newest, each pairing's line.
     */
    public static DigestLoopView digest(UUID schoolId, List<LearningLoopSnapshot> newestFirst, ZoneId zone) {
        if (newestFirst.isEmpty()) {
            return null;
        }
        LearningLoopSnapshot newest = newestFirst.get(0);
        SchoolSteps steps = newest.schools().stream().filter(x -> schoolId.equals(x.schoolId())).findFirst().orElse(null);
        if (steps == null) {
            return null;
        }
        List<ReleaseLineView> lines = newestFirst.stream().map(s -> new ReleaseLineView(s.label(),
                release(s.gradualRelease(), s.district() == null ? List.of() : s.district().gradualRelease()))).toList();
        return new DigestLoopView(steps.name(), steps.open(), steps.overdue(), steps.closedSince(), date(newest.since(), zone),
                date(newest.asOf(), zone), medians(newest.district() == null ? null : newest.district().followThroughMedian()), lines,
                newest.reportUrl());
    }

    /** The pairing's and the district's shares side by side, for every session number either has. */
    static List<ShareView> release(List<ReleasePoint> pairing, List<ReleasePoint> district) {
        Map<Integer, String[]> byNumber = new TreeMap<>();
        for (ReleasePoint p : pairing) {
            byNumber.computeIfAbsent(p.sessionNumber(), k -> new String[] {NONE, NONE})[0] = percent(p.schoolStaffShare());
        }
        for (ReleasePoint p : district) {
            byNumber.computeIfAbsent(p.sessionNumber(), k -> new String[] {NONE, NONE})[1] = percent(p.schoolStaffShare());
        }
        List<ShareView> views = new ArrayList<>();
        byNumber.forEach((number, shares) -> views.add(new ShareView(number, shares[0], shares[1])));
        return views;
    }

    static String percent(Double share) {
        return share == null ? NONE : Math.round(share * 100) + "%";
    }

    static String median(Double median) {
        if (median == null) {
            return NONE;
        }
        double rounded = Math.round(median * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    private static MediansView medians(Medians m) {
        return m == null ? new MediansView(NONE, NONE, NONE) : new MediansView(median(m.open()), median(m.overdue()), median(m.closedSince()));
    }

    private static SchoolStepsView school(SchoolSteps s) {
        return new SchoolStepsView(s.name(), Objects.requireNonNullElse(s.part(), "").toLowerCase(Locale.ROOT), s.open(), s.overdue(),
                s.closedSince());
    }

    private static List<LearningLoopCharts.Share> shares(List<ReleasePoint> points) {
        return points.stream().map(p -> new LearningLoopCharts.Share(p.sessionNumber(), p.schoolStaffShare())).toList();
    }

    private static double value(Double median) {
        return median == null ? 0 : median;
    }

    private static String date(OffsetDateTime at, ZoneId zone) {
        return at == null ? NONE : MailViewMapping.shortDate(at.atZoneSameInstant(zone).toLocalDate());
    }
}
