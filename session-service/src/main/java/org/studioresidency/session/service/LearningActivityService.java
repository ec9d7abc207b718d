package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.Demonstration;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.ProblemPresenter;
import org.studioresidency.session.domain.SchoolRef;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.TeamMember;
import org.studioresidency.session.repository.LearningActivityRepository;
import org.studioresidency.session.repository.SessionRepository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public learning activity of a session: who presented the problem of practice, what was demonstrated by whom and in
 * what form, and who led the debrief. A person's first public demonstration of the year is derived, never entered.
 */
@ApplicationScoped
public class LearningActivityService {

    public record DemonstrationInput(UUID staffId, Demonstration.Role role, Demonstration.Form form, String what) {
    }

    public record ActivityInput(ProblemPresenter presentedBy, UUID presentingSchoolId, UUID debriefLedByStaffId,
                                List<DemonstrationInput> demonstrations) {
    }

    /** A demonstration, and whether it was its demonstrator's first public demonstration in the school year. */
    public record Shown(Demonstration demonstration, boolean firstPublicDemonstration) {
    }

    public record LearningActivity(Session session, Pairing pairing, List<Shown> demonstrations) {
        public Optional<TeamMember> member(UUID staffId) {
            return staffId == null ? Optional.empty() : pairing.team.stream().filter(m -> m.staffId.equals(staffId)).findFirst();
        }
    }

    private final SessionService sessions;
    private final SessionRepository sessionRows;
    private final LearningActivityRepository activity;

    LearningActivityService(SessionService sessions, SessionRepository sessionRows, LearningActivityRepository activity) {
        this.sessions = sessions;
        this.sessionRows = sessionRows;
        this.activity = activity;
    }

    public LearningActivity get(UUID sessionId, Optional<UUID> onlySchool) {
        SessionService.SessionView view = sessions.get(sessionId, onlySchool);
        List<Demonstration> shown = activity.demonstrations(sessionId);
        Map<UUID, UUID> firsts = activity.firstDemonstrationSessions(view.session().schoolYearId,
                shown.stream().map(d -> d.staffId).distinct().toList());
        return new LearningActivity(view.session(), view.pairing(),
                shown.stream().map(d -> new Shown(d, sessionId.equals(firsts.get(d.staffId)))).toList());
    }

    /** Records (replaces) the session's learning activity; every field that breaks a rule is named. */
    @Transactional
    public LearningActivity record(UUID sessionId, long expectedVersion, ActivityInput input) {
        SessionService.SessionView view = sessions.get(sessionId, Optional.empty());
        Session session = view.session();
        if (session.version != expectedVersion) {
            throw new SessionException.StaleVersion("Session " + sessionId);
        }
        Pairing pairing = view.pairing();
        Map<UUID, TeamMember> team = pairing.team.stream().collect(Collectors.toMap(m -> m.staffId, Function.identity(), (a, b) -> a));
        List<SessionException.Reason> reasons = new ArrayList<>();
        UUID presentingSchool = presentingSchool(pairing, input, reasons);
        if (input.debriefLedByStaffId() != null && !team.containsKey(input.debriefLedByStaffId())) {
            reasons.add(new SessionException.Reason("debriefLedByStaffId", "must be a member of the session's team"));
        }
        List<Demonstration> demonstrations = new ArrayList<>();
        for (int i = 0; i < input.demonstrations().size(); i++) {
            DemonstrationInput d = input.demonstrations().get(i);
            TeamMember by = team.get(d.staffId());
            if (by == null) {
                reasons.add(new SessionException.Reason("demonstrations[" + i + "].staffId", "must be a member of the session's team"));
            } else if (!d.role().fits(by.teamRole)) {
                reasons.add(new SessionException.Reason("demonstrations[" + i + "].role",
                        "does not fit " + by.name + "'s part in the team (" + by.teamRole + ")"));
            } else {
                demonstrations.add(Demonstration.of(sessionId, i + 1, by, d.role(), d.form(), d.what()));
            }
        }
        if (!reasons.isEmpty()) {
            throw new InvalidFields(reasons);
        }
        session.recordLearningActivity(input.presentedBy(), presentingSchool, input.debriefLedByStaffId(), OffsetDateTime.now(ZoneOffset.UTC));
        activity.replaceDemonstrations(sessionId, demonstrations);
        sessionRows.flush();
        return get(sessionId, Optional.empty());
    }

    /** The host team presents for the studio school; a residency team for its school (the only one, when not named). */
    private static UUID presentingSchool(Pairing pairing, ActivityInput input, List<SessionException.Reason> reasons) {
        UUID named = input.presentingSchoolId();
        if (input.presentedBy() == ProblemPresenter.HOST_TEAM) {
            if (named != null && !named.equals(pairing.studioSchoolId)) {
                reasons.add(new SessionException.Reason("presentingSchoolId", "must be the studio school when the host team presents"));
            }
            return pairing.studioSchoolId;
        }
        List<UUID> residency = pairing.residencySchools.stream().map((SchoolRef s) -> s.schoolId).toList();
        if (named == null) {
            if (residency.size() != 1) {
                reasons.add(new SessionException.Reason("presentingSchoolId", "must name which residency school's team presented"));
                return null;
            }
            return residency.get(0);
        }
        if (!residency.contains(named)) {
            reasons.add(new SessionException.Reason("presentingSchoolId", "must be one of the pairing's residency schools"));
        }
        return named;
    }
}
