package dk.borgerflow.deadline;

/** The change conflicts with the calendar, e.g. a closing day added twice (409). */
public class CalendarConflict extends RuntimeException {

    CalendarConflict(String message) {
        super(message);
    }
}
