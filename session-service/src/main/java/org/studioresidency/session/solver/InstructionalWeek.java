package org.studioresidency.session.solver;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Monday-to-Sunday week of the school year as the district-wide leveling rule sees it: how many of its days can
 * hold a session (instructional, outside district blackouts) and the week's share of the year's load (each session
 * counts one, plus one per substitute half-day it needs), in proportion to those days, rounded up.
 */
public record InstructionalWeek(LocalDate monday, int openDays, int share) {

    /** One week per Monday of the slots, sharing out the load of these sessions by open days. */
    public static List<InstructionalWeek> of(List<Slot> slots, List<PlannedSession> sessions) {
        Map<LocalDate, java.util.Set<LocalDate>> open = new TreeMap<>();
        for (Slot slot : slots) {
            LocalDate monday = ScheduleConstraints.weekOf(slot.date());
            java.util.Set<LocalDate> days = open.computeIfAbsent(monday, m -> new java.util.HashSet<>());
            if (slot.day().instructional() && !slot.day().districtBlackout()) {
                days.add(slot.date());
            }
        }
        long load = sessions.stream().mapToLong(ScheduleConstraints::load).sum();
        int totalDays = open.values().stream().mapToInt(java.util.Set::size).sum();
        return open.entrySet().stream()
                .map(e -> new InstructionalWeek(e.getKey(), e.getValue().size(),
                        totalDays == 0 ? 0 : (int) Math.ceil((double) load * e.getValue().size() / totalDays)))
                .toList();
    }
}
