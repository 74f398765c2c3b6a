package uk.org.earlyhelp.gateway.bench;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import uk.org.earlyhelp.gateway.support.AgencyHttpsClient;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * Not a test: the load benchmark. Sends police notifications over HTTPS with mutual TLS at rising
 * concurrency to one embedded gateway whose database syncs every commit (as in the gateway's own run),
 * and prints sustained end-to-end flags/s and acknowledgement latency p50/p99 per level, with where the
 * time went (mean time per exchange in each Camel route: the intake, the whole pipeline and each of its
 * stages, from Camel's Micrometer route timers); then, in the same JVM on the same Artemis journal, the
 * raw durable send+receive rate with no gateway, and the ratio.
 *
 * <pre>./mvnw -B -pl gateway -am test -Dtest=LoadBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * ({@code -Dbench.flags=400} flags per level by default.)
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@TestPropertySource(properties = "gateway.embedded-database.durable=true")
class LoadBench extends GatewayIntegrationTest {

    private static final int[] CONCURRENCY = {1, 2, 4, 8, 16};

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    MeterRegistry meters;

    @Test
    void gatewayAgainstTheRawBroker() throws Exception {
        int flagsPerLevel = Integer.getInteger("bench.flags", 400);
        System.out.println();
        System.out.println("concurrency  ack p50 ms  ack p99 ms  intake flags/s  end-to-end flags/s");
        double best = 0;
        for (int threads : CONCURRENCY) {
            best = Math.max(best, level(threads, flagsPerLevel));
        }
        double raw = rawBroker(16, flagsPerLevel * 4);
        System.out.printf(Locale.ROOT, "%nraw broker, 16 producers, durable send + receive: %.0f msg/s%n", raw);
        System.out.printf(Locale.ROOT, "gateway best end-to-end %.0f flags/s = %.0f%% of the raw broker%n%n",
                best, 100 * best / raw);
    }

    private double level(int threads, int flags) throws Exception {
        AgencyHttpsClient police = agency("county-police");
        Map<String, double[]> routesBefore = routeTimes();
        int before = processed();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < flags / threads; i++) {
                    String flag = TestFlags.policeDomesticAbuse(new TestFamily(), false).toString();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = police.postJson("/api/v1/flags", flag);
                        if (response.statusCode() != 202) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        double intakeSeconds = (System.nanoTime() - start) / 1e9;
        int sent = (flags / threads) * threads;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> processed() - before >= sent - failures.get());
        double endToEndSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double endToEnd = sent / endToEndSeconds;
        System.out.printf(Locale.ROOT, "%11d  %10.1f  %10.1f  %14.0f  %18.0f%s%n", threads,
                percentile(sorted, 50), percentile(sorted, 99), sent / intakeSeconds, endToEnd,
                failures.get() == 0 ? "" : "  (" + failures.get() + " failed)");
        System.out.println("             mean ms per exchange: " + meanPerRoute(routesBefore, routeTimes()));
        return endToEnd;
    }

    /** The same journal, no gateway: concurrent persistent sends, then every message received. */
    private double rawBroker(int producers, int messages) throws Exception {
        String queue = "bench.raw";
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            work.add(pool.submit(() -> {
                try (Connection connection = connectionFactory.createConnection()) {
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer producer = session.createProducer(session.createQueue(queue));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    for (int i = 0; i < messages / producers; i++) {
                        producer.send(session.createTextMessage("{\"bench\": " + i + "}"));
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        int total = (messages / producers) * producers;
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            for (int i = 0; i < total; i++) {
                consumer.receive(10_000);
            }
        }
        pool.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    /** Count and total milliseconds so far of each Camel route's timer, by route id. */
    private Map<String, double[]> routeTimes() {
        Map<String, double[]> times = new TreeMap<>();
        // camel-micrometer's route policy: one timer per route, tagged with the route id.
        for (Timer timer : meters.find("camel.route.policy").timers()) {
            String route = timer.getId().getTag("routeId");
            if (route != null && !route.isBlank()) {
                times.merge(route, new double[] {timer.count(), timer.totalTime(TimeUnit.MILLISECONDS)},
                        (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return times;
    }

    private static String meanPerRoute(Map<String, double[]> before, Map<String, double[]> after) {
        StringBuilder line = new StringBuilder();
        after.forEach((route, now) -> {
            double[] then = before.getOrDefault(route, new double[2]);
            double count = now[0] - then[0];
            if (count > 0) {
                line.append(String.format(Locale.ROOT, "%s %.1f  ", route, (now[1] - then[1]) / count));
            }
        });
        return line.toString().trim();
    }

    private int processed() {
        return jdbc.queryForObject("select count(*) from pipeline_ledger", Integer.class);
    }

    private static double percentile(List<Long> sortedNanos, int percentile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
