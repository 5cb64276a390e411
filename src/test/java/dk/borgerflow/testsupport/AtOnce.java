package dk.borgerflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs calls on real threads that wait at one start gate and are released together. */
public final class AtOnce {

    private AtOnce() {
    }

    /** The answers in the order of the calls, once all have returned. */
    @SafeVarargs
    public static <T> List<T> run(ExecutorService threads, Callable<T>... calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.length);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(threads.submit(() -> {
                ready.countDown();
                gate.await();
                return call.call();
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        gate.countDown();
        List<T> answers = new ArrayList<>();
        for (Future<T> f : futures) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** Status and body of each answer, for assertion messages. */
    public static String describe(List<HttpResponse<String>> answers) {
        return answers.stream().map(r -> r.statusCode() + " " + r.body()).toList().toString();
    }
}
