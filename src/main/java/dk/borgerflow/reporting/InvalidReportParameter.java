package dk.borgerflow.reporting;

/** A report parameter that cannot be used; {@link #parameter()} names it (answered as 400 problem+json). */
public class InvalidReportParameter extends RuntimeException {

    private final String parameter;

    public InvalidReportParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
