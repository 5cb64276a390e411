package dk.borgerflow.inquiry;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access for reports: the {@link InquiryFacts} of one inquiry, and every inquiry's id in
 * batches (to rebuild a read model from the inquiry table). Checks no user: callers are listeners
 * and commands, and must apply their own permissions to what they show.
 */
@Service
public class InquiryFactsSource {

    private final InquiryRepository inquiries;

    InquiryFactsSource(InquiryRepository inquiries) {
        this.inquiries = inquiries;
    }

    @Transactional(readOnly = true)
    public Optional<InquiryFacts> facts(String inquiryId, UnaryOperator<String> pseudonym) {
        return inquiries.findWithHistoryById(inquiryId).map(i -> {
            i.escalations().size();
            return InquiryFacts.of(i, pseudonym);
        });
    }

    /** Up to {@code limit} inquiry ids greater than {@code afterId} ({@code null}: from the first), in order. */
    @Transactional(readOnly = true)
    public List<String> idsAfter(String afterId, int limit) {
        return inquiries.idsAfter(afterId == null ? "" : afterId, PageRequest.of(0, limit));
    }
}
