package dk.borgerflow.consultation;

import dk.borgerflow.deadline.WorkingTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * When a consultee is reminded and when its svarfrist ends, in the municipality's calendar: the
 * svarfrist is a date and ends at midnight after it; the reminder goes out
 * {@link ConsultationProperties#reminderWorkingDays()} working days before it (never in the past).
 */
@Component
class ConsultationSchedule {

    private final WorkingTime workingTime;
    private final ConsultationProperties properties;

    ConsultationSchedule(WorkingTime workingTime, ConsultationProperties properties) {
        this.workingTime = workingTime;
        this.properties = properties;
    }

    Instant deadlineEnds(String municipality, LocalDate replyDeadline) {
        return replyDeadline.plusDays(1).atStartOfDay(workingTime.zone(municipality)).toInstant();
    }

    Instant reminderAt(String municipality, LocalDate replyDeadline, Instant now) {
        LocalDate day = workingTime.workingDaysBefore(municipality, replyDeadline, properties.reminderWorkingDays());
        Instant at = day.atTime(properties.reminderTime()).atZone(workingTime.zone(municipality)).toInstant();
        return at.isBefore(now) ? now : at;
    }

    LocalDate today(String municipality, Instant now) {
        return LocalDate.ofInstant(now, workingTime.zone(municipality));
    }

    /** A meeting date's start (the postponed proposal comes back at the reminder time that day). */
    Instant meetingStarts(String municipality, LocalDate meetingDate) {
        return meetingDate.atTime(properties.reminderTime()).atZone(workingTime.zone(municipality)).toInstant();
    }

    /** ISO-8601 date-time with the municipality's offset, as timers and due dates read it. */
    String iso(String municipality, Instant instant) {
        ZoneId zone = workingTime.zone(municipality);
        return OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
