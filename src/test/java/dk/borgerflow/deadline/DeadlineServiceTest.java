package dk.borgerflow.deadline;

import static dk.borgerflow.deadline.CalendarFixtures.SLAGELSE;
import static dk.borgerflow.deadline.CalendarFixtures.copenhagen;
import static dk.borgerflow.municipality.Tier.CONTACT_CENTER;
import static dk.borgerflow.municipality.Tier.SPECIALIST;
import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BorgerflowTest
class DeadlineServiceTest {

    @Autowired
    DeadlineService deadlines;

    @Test
    void anInquiryReceivedBeforeChristmasIsDueTwoWorkingDaysLaterAndWarnsAtThreeQuarters() {
        Deadline deadline = deadlines.deadlineFor(SLAGELSE, CONTACT_CENTER, "housing-benefit",
                copenhagen("2026-12-23T12:00"));

        assertThat(deadline.duration()).isEqualTo("P2D");
        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2026-12-29T12:00"));
        // 20 opening hours in all (Wed 6, Mon 10, Tue 4); 75 % = 15 hours: Wed 6 + Mon 9
        assertThat(deadline.warnAt()).isEqualTo(copenhagen("2026-12-28T17:00"));
    }

    @Test
    void elderlyCareAtTheContactCenterIsDueTheNextWorkingDay() {
        Deadline deadline = deadlines.deadlineFor(SLAGELSE, CONTACT_CENTER, "elderly-care",
                copenhagen("2026-06-12T10:00"));

        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2026-06-15T10:00"));
        // 10 opening hours; 75 % = 7.5 hours: Fri 10:00-17:30
        assertThat(deadline.warnAt()).isEqualTo(copenhagen("2026-06-12T17:30"));
    }

    @Test
    void specialistsHaveTenWorkingDaysInTheirOwnHours() {
        Deadline deadline = deadlines.deadlineFor(SLAGELSE, SPECIALIST, "building-permit",
                copenhagen("2026-06-01T09:00"));

        assertThat(deadline.dueAt()).isEqualTo(copenhagen("2026-06-16T09:00"));
    }

    @Test
    void thePausedClockPushesTheDeadlineByTheWorkingTimeOfThePause() {
        // waited for the citizen from Friday 16:00 to Monday 10:00: four opening hours
        assertThat(deadlines.resume(SLAGELSE, CONTACT_CENTER, copenhagen("2026-06-16T10:00"),
                copenhagen("2026-06-12T16:00"), copenhagen("2026-06-15T10:00")))
                .isEqualTo(copenhagen("2026-06-16T14:00"));
    }

    @Test
    void aPauseOverTheClosingOfTheDayCarriesOverToTheNextWorkingDay() {
        assertThat(deadlines.resume(SLAGELSE, CONTACT_CENTER, copenhagen("2026-06-16T17:00"),
                copenhagen("2026-06-15T09:00"), copenhagen("2026-06-15T12:00")))
                .isEqualTo(copenhagen("2026-06-17T10:00"));
    }

    @Test
    void aDeadlineAlreadyPassedWhenPausedStaysPassed() {
        assertThat(deadlines.resume(SLAGELSE, CONTACT_CENTER, copenhagen("2026-06-16T10:00"),
                copenhagen("2026-06-17T09:00"), copenhagen("2026-06-18T09:00")))
                .isEqualTo(copenhagen("2026-06-16T10:00"));
    }
}
