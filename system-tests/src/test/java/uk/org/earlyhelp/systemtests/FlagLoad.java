package uk.org.earlyhelp.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Agencies sending flags over HTTPS with mutual TLS, spread over both gateways, as a load balancer would
 * spread them. A sender that gets no 202 (503, a reset connection, a gateway that is gone) sends the same
 * flag again, to the next gateway, until it is accepted or the deadline passes: the same source message
 * id, so a flag made durable whose answer was lost comes back as the same receipt.
 */
final class FlagLoad {

    /** One flag to send: who sends it and what. */
    record Flag(SyntheticFamily family, String agencyId, String json, String sourceMessageId) {
    }

    /** One answer the gateways gave, for telling what happened when. */
    record Answer(Instant sentAt, Instant answeredAt, int status) {
    }

    /** What the senders saw. */
    static final class Result {
        final Map<String, String> receiptBySource = new ConcurrentHashMap<>();
        final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        Duration took;
        private ThrowingRunnable completion;

        void await() throws Exception {
            completion.run();
        }

        /** Waits until at least this many flags have a 202. */
        void awaitAccepted(int count, Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (receiptBySource.size() < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("only " + receiptBySource.size() + " flags accepted within " + timeout);
                }
                ChildProcess.pause(Duration.ofMillis(100));
            }
        }

        long answersWithStatus(int status) {
            synchronized (answers) {
                return answers.stream().filter(answer -> answer.status() == status).count();
            }
        }
    }

    /** Waiting for the senders to finish. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static final int TRANSPORT_FAILURE = -1;
    private final HttpsClients https;
    private final List<Topology.Gateway> gateways;
    private final int senders;
    private final Duration deadline;

    FlagLoad(HttpsClients https, List<Topology.Gateway> gateways, int senders, Duration deadline) {
        this.https = https;
        this.gateways = gateways;
        this.senders = senders;
        this.deadline = deadline;
    }

    /**
     * For each family: two to eight school suspensions (from either school), and for an alerting family one
     * police notification as well; all shuffled together, as unrelated agencies' flags arrive.
     */
    static List<Flag> plan(List<SyntheticFamily> families, Random random) {
        List<Flag> flags = new ArrayList<>();
        for (SyntheticFamily family : families) {
            int suspensions = 2 + random.nextInt(7);
            for (int i = 0; i < suspensions; i++) {
                flags.add(flag(family, random.nextBoolean() ? "greenfield-primary" : "hillside-academy",
                        family.schoolSuspension()));
            }
            if (family.alerting) {
                flags.add(flag(family, "county-police", family.policeDomesticAbuse()));
            }
        }
        Collections.shuffle(flags, random);
        return flags;
    }

    static List<SyntheticFamily> families(int count, Random random) {
        List<SyntheticFamily> families = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            families.add(new SyntheticFamily(random, i % 3 == 0));
        }
        return families;
    }

    private static Flag flag(SyntheticFamily family, String agencyId, ObjectNode json) {
        return new Flag(family, agencyId, json.toString(), json.get("sourceMessageId").asText());
    }

    /** Sends every flag and returns when each has a 202 or the deadline has passed. */
    Result send(List<Flag> flags) throws Exception {
        Result result = start(flags);
        result.await();
        return result;
    }

    /** Starts sending in the background; {@link Result#await()} waits for the end. */
    Result start(List<Flag> flags) {
        Result result = new Result();
        Instant started = Instant.now();
        Instant giveUpAt = started.plus(deadline);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (Flag flag : flags) {
            running.add(pool.submit(() -> sendUntilAccepted(flag, next.getAndIncrement(), giveUpAt, result)));
        }
        pool.shutdown();
        result.completion = () -> {
            try {
                for (Future<?> future : running) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
            result.took = Duration.between(started, Instant.now());
        };
        return result;
    }

    private void sendUntilAccepted(Flag flag, int sequence, Instant giveUpAt, Result result) {
        for (int attempt = 0; Instant.now().isBefore(giveUpAt); attempt++) {
            Topology.Gateway gateway = gateways.get((sequence + attempt) % gateways.size());
            Instant sentAt = Instant.now();
            int status;
            String body = "";
            try {
                HttpResponse<String> response = https.postFlag(flag.agencyId(), gateway.httpsPort(), flag.json());
                status = response.statusCode();
                body = response.body();
            } catch (Exception gatewayGoneOrReset) {
                status = TRANSPORT_FAILURE;
            }
            result.answers.add(new Answer(sentAt, Instant.now(), status));
            if (status == 202) {
                try {
                    JsonNode receipt = SyntheticFamily.JSON.readTree(body);
                    if (receipt.path("duplicate").asBoolean()) {
                        result.duplicates.incrementAndGet();
                    }
                    String previous = result.receiptBySource.putIfAbsent(flag.sourceMessageId(),
                            receipt.get("receiptId").asText());
                    if (previous != null && !previous.equals(receipt.get("receiptId").asText())) {
                        result.unexpected.add("two receipts for one source message: " + previous + ", " + receipt);
                    }
                } catch (Exception e) {
                    result.unexpected.add("unreadable 202 body: " + e);
                }
                return;
            }
            if (status != 503 && status != TRANSPORT_FAILURE) {
                result.unexpected.add(flag.agencyId() + " got " + status + ": " + body);
                return;
            }
            result.retries.incrementAndGet();
            ChildProcess.pause(Duration.ofMillis(Math.min(2000, 200L * (attempt + 1))));
        }
    }
}
