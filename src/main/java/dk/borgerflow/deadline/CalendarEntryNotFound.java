package dk.borgerflow.deadline;

/** No such override or closing day to remove (404). */
public class CalendarEntryNotFound extends RuntimeException {

    CalendarEntryNotFound(String message) {
        super(message);
    }
}
