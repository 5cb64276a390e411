package dk.borgerflow.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the public answer page {@code /hearing/answer/{token}} ({@code borgerflow.consultation.answer-page}).
 *
 * @param requestsPerMinute  requests (any method) one client address may make per minute; a burst of as
 *                           many is allowed, then one more every 60/n seconds (default 60)
 * @param maxRequestBody     the largest body a submission may declare: the 10 MB PDF, the text and the
 *                           form's overhead (default 10752KB = 10.5 MB). Larger: 413 before a byte is read
 * @param maxTrackedClients  how many client addresses the rate limit remembers at once (default 100000);
 *                           the least recently seen are forgotten first
 */
@ConfigurationProperties("borgerflow.consultation.answer-page")
record AnswerPageProperties(Integer requestsPerMinute, DataSize maxRequestBody, Integer maxTrackedClients) {

    AnswerPageProperties {
        requestsPerMinute = requestsPerMinute == null ? 60 : requestsPerMinute;
        maxRequestBody = maxRequestBody == null ? DataSize.ofKilobytes(10 * 1024 + 512) : maxRequestBody;
        maxTrackedClients = maxTrackedClients == null ? 100_000 : maxTrackedClients;
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("borgerflow.consultation.answer-page.requests-per-minute must be at least 1");
        }
    }
}
