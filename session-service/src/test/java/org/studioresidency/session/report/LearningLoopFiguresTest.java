package org.studioresidency.session.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules behind the report's figures, without a database. */
class LearningLoopFiguresTest {

    @Test
    void shouldTakeTheMiddleValueOrTheMeanOfTheTwoMiddleOnesAsTheMedian() {
        assertThat(LearningLoopFigures.median(List.of())).isNull();
        assertThat(LearningLoopFigures.median(List.of(28L, 14L, 33L))).isEqualTo(28.0);
        assertThat(LearningLoopFigures.median(List.of(19L, 18L))).isEqualTo(18.5);
    }

    @Test
    void shouldCountTheSameWordsAsOneProblemOfPractice() {
        assertThat(LearningLoopFigures.normalised("  Students do  not talk about books. "))
                .isEqualTo(LearningLoopFigures.normalised("students do not talk about books"));
        assertThat(LearningLoopFigures.normalised("Turn-and-talk is silent")).isNotEqualTo(LearningLoopFigures.normalised("Turn and talk is silent"));
    }

    @Test
    void shouldGroupOwnersAsTeachersCoachesPrincipalsAndOthers() {
        assertThat(List.of("STUDIO_TEACHER", "RESIDENCY_TEACHER", "LITERACY_COACH", "DISTRICT_LITERACY_COACH", "ASSISTANT_PRINCIPAL", "CONSULTANT")
                .stream().map(LearningLoopFigures::ownerRole).toList())
                .containsExactly("TEACHER", "TEACHER", "COACH", "COACH", "PRINCIPAL", "OTHER");
        assertThat(LearningLoopFigures.ownerRole(null)).isEqualTo("OTHER");
    }

    @Test
    void shouldNotLetASpreadsheetRunATypedNameAsAFormula() {
        assertThat(LearningLoopCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(LearningLoopCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(LearningLoopCsv.cell("Garfield Elementary")).isEqualTo("Garfield Elementary");
        assertThat(LearningLoopCsv.cell(0.5)).isEqualTo("0.5");
    }
}
