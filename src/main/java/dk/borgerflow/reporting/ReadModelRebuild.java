package dk.borgerflow.reporting;

import dk.borgerflow.inquiry.InquiryFactsSource;
import java.util.List;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the inquiries' read model from the inquiry table (after a change of the pseudonym key or
 * of a KPI's columns, or to repair it): empties it, then projects every inquiry in batches.
 * Consultees' rows are left as they are. Run it as a command:
 * {@code java -jar borgerflow.jar --borgerflow.reporting.command=rebuild} (docs/reports.md).
 */
@Service
public class ReadModelRebuild {

    private static final int BATCH = 500;

    private final InquiryFactsSource inquiries;
    private final ReadModel readModel;
    private final ReportingProjection projection;

    ReadModelRebuild(InquiryFactsSource inquiries, ReadModel readModel, ReportingProjection projection) {
        this.inquiries = inquiries;
        this.readModel = readModel;
        this.projection = projection;
    }

    /** Answers the number of inquiries projected; {@code progress} hears the running count. */
    public int rebuild(IntConsumer progress) {
        readModel.clearInquiries();
        int count = 0;
        String after = null;
        for (List<String> ids = inquiries.idsAfter(null, BATCH); !ids.isEmpty();
                ids = inquiries.idsAfter(after, BATCH)) {
            for (String id : ids) {
                projection.project(id);
            }
            count += ids.size();
            after = ids.get(ids.size() - 1);
            progress.accept(count);
        }
        return count;
    }
}
