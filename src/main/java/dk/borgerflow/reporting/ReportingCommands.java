package dk.borgerflow.reporting;

import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The reporting commands: start the application with {@code --borgerflow.reporting.command=rebuild}
 * (the read model from the inquiry table) or {@code =generate-history} (demo history in bulk:
 * {@code --borgerflow.reporting.history.inquiries=1000000 --borgerflow.reporting.history.months=24});
 * it prints progress and exits when done. Without the property nothing happens.
 */
@Component
class ReportingCommands implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportingCommands.class);

    private final ReadModelRebuild rebuild;
    private final DemoHistory history;
    private final ConfigurableApplicationContext context;
    private final String command;
    private final int inquiries;
    private final int months;

    ReportingCommands(ReadModelRebuild rebuild, DemoHistory history, ConfigurableApplicationContext context,
            @Value("${borgerflow.reporting.command:}") String command,
            @Value("${borgerflow.reporting.history.inquiries:1000000}") int inquiries,
            @Value("${borgerflow.reporting.history.months:24}") int months) {
        this.rebuild = rebuild;
        this.history = history;
        this.context = context;
        this.command = command;
        this.inquiries = inquiries;
        this.months = months;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (command == null || command.isBlank()) {
            return;
        }
        long started = System.nanoTime();
        switch (command) {
            case "rebuild" -> {
                int n = rebuild.rebuild(count -> System.out.printf("rebuild: %,d inquiries projected%n", count));
                System.out.printf("rebuild: done, %,d inquiries in %d s%n", n, (System.nanoTime() - started) / 1_000_000_000L);
            }
            case "generate-history" -> {
                int[] lastShown = {0};
                int n = history.generate(inquiries, months, YearMonth.now().minusMonths(1), 12, count -> {
                    if (count - lastShown[0] >= 50_000 || count >= inquiries) {
                        lastShown[0] = count;
                        System.out.printf("generate-history: %,d of %,d inquiries written (%d s)%n", count, inquiries,
                                (System.nanoTime() - started) / 1_000_000_000L);
                    }
                });
                System.out.printf("generate-history: done, %,d inquiries over %d months in %d s%n", n, months,
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
            default -> log.error("Unknown borgerflow.reporting.command '{}' (rebuild, generate-history)", command);
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
