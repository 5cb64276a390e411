package dk.borgerflow.inquiry;

import dk.borgerflow.municipality.Tier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Prometheus counters of the ladder: inquiries received, deadlines warned and escalated. */
@Component
class InquiryMetrics {

    private final MeterRegistry registry;

    InquiryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(Inquiry inquiry) {
        Counter.builder("borgerflow.inquiries.received").description("Inquiries received")
                .tag("municipality", inquiry.municipality()).tag("channel", inquiry.channel().name())
                .register(registry).increment();
    }

    void warned(Inquiry inquiry) {
        Counter.builder("borgerflow.inquiries.deadline.warnings").description("Deadlines at their warning point")
                .tag("municipality", inquiry.municipality()).tag("tier", inquiry.tier().name())
                .register(registry).increment();
    }

    void escalated(Inquiry inquiry, Tier from, String to) {
        Counter.builder("borgerflow.inquiries.escalations").description("Breached deadlines escalated")
                .tag("municipality", inquiry.municipality()).tag("from", from.name()).tag("to", to)
                .register(registry).increment();
    }
}
