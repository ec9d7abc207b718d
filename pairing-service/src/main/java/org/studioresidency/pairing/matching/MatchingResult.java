package org.studioresidency.pairing.matching;

import java.util.List;

public record MatchingResult(List<Match> matches, List<Unmatched> unmatched, double totalScore) {
}
