import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP clients for the fault campaigns (bench/faults/server-kill.sh, bench/faults/soak.sh); JDK only, run as a
 * single-file program: {@code java bench/faults/FaultClients.java MODE BASE_URL PASSWORD CLIENTS OUT_DIR [SECONDS]}.
 *
 * <ul>
 * <li>{@code writers}: each client writes until the file OUT_DIR/stop exists — a case note on one person, a task
 * created, that task started, a legal hold placed on or lifted from the client's own case — and records every write
 * the server acknowledged (2xx) in OUT_DIR/acks.tsv ({@code kind, id, detail}). A write not answered (the server was
 * killed) is counted, not retried; the client waits for the server to come back.</li>
 * <li>{@code soak}: each client sends, for SECONDS, a mix of reads (person with purpose, case search, family, its
 * executability, timeline, notes, task queue) and writes (case note, task); anything but the expected status, and
 * any request slower than 30 s, is an error. /actuator/health is checked every second. Writes OUT_DIR/soak.tsv.</li>
 * </ul>
 */
public class FaultClients {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern HOLD = Pattern.compile("\"placedBy\"");
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern A_NUMBER = Pattern.compile("\"aNumber\"\\s*:\\s*\"(\\d{9})\"");
    static final Pattern FAMILY = Pattern.compile("\"familyId\"\\s*:\\s*(\\d+)");

    final String base;
    final String password;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    final Map<String, String> tokens = new ConcurrentHashMap<>();

    FaultClients(String base, String password) {
        this.base = base;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        FaultClients c = new FaultClients(args[1], args[2]);
        int clients = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        Files.createDirectories(out);
        if (mode.equals("writers")) {
            c.writers(clients, out);
        } else if (mode.equals("soak")) {
            c.soak(clients, out, Integer.parseInt(args[5]));
        } else {
            throw new IllegalArgumentException("mode: writers or soak");
        }
    }

    record Answer(int status, String body) {
    }

    Answer send(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("X-Purpose", "fault campaign");
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(-2, "timeout after " + TIMEOUT);
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, e.toString());
        }
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            for (int i = 0; i < 600; i++) {
                Answer a = send(null, "POST", "/api/auth/token",
                        "{\"username\":\"" + u + "\",\"password\":\"" + password + "\"}");
                Matcher m = TOKEN.matcher(a.body());
                if (a.status() == 200 && m.find()) {
                    return m.group(1);
                }
                sleep(1000);
            }
            throw new IllegalStateException("no token for " + u);
        });
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The version of the case's holds: how many it has had (0 when the read fails; the write then says why). */
    int holdsVersion(String aNumber) {
        Answer a = send("attorney", "GET", "/api/cases/" + aNumber + "/holds", null);
        if (a.status() != 200) {
            return 0;
        }
        Matcher m = HOLD.matcher(a.body());
        int holds = 0;
        while (m.find()) {
            holds++;
        }
        return holds;
    }

    static long id(Answer a) {
        Matcher m = ID.matcher(a.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The Houston cases of the demo docket: A-numbers and family ids. */
    List<String[]> houstonCases(int at_least) {
        List<String[]> cases = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int page = 0; cases.size() < at_least && page < 20; page++) {
            Answer a = send("officer", "GET", "/api/cases?fieldOffice=HOU&page=" + page + "&size=50", null);
            if (a.status() != 200) {
                throw new IllegalStateException("case search: " + a.status() + " " + a.body());
            }
            // each case object names its A-number before its family
            Matcher an = A_NUMBER.matcher(a.body());
            Matcher fam = FAMILY.matcher(a.body());
            while (an.find() && fam.find()) {
                if (seen.add(an.group(1))) {
                    cases.add(new String[] {an.group(1), fam.group(1)});
                }
            }
            if (!a.body().contains("aNumber")) {
                break;
            }
        }
        return cases;
    }

    // ------------------------------------------------------------------ writers (server killed under them)

    void writers(int clients, Path out) throws Exception {
        List<String[]> cases = houstonCases(clients);
        if (cases.size() < clients) {
            throw new IllegalStateException("only " + cases.size() + " Houston cases for " + clients + " clients");
        }
        ConcurrentLinkedQueue<String> acks = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong unanswered = new AtomicLong();
        Map<String, AtomicLong> other = new ConcurrentHashMap<>();
        Path stop = out.resolve("stop");
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            String aNumber = cases.get(c)[0];
            Thread t = new Thread(() -> {
                long lastTask = -1;
                boolean holdOpen = false;
                for (long seq = 0; !Files.exists(stop); seq++) {
                    int op = (int) (seq % 4);
                    Answer a;
                    String detail;
                    sent.incrementAndGet();
                    switch (op) {
                        case 0 -> {
                            detail = "fault note " + client + "-" + seq;
                            a = send("officer", "POST", "/api/people/" + aNumber + "/notes",
                                    "{\"text\":" + json(detail) + "}");
                            if (a.status() == 201) {
                                acks.add("NOTE\t" + id(a) + "\t" + detail);
                            }
                        }
                        case 1 -> {
                            detail = "fault task " + client + "-" + seq;
                            a = send("supervisor", "POST", "/api/tasks",
                                    "{\"title\":" + json(detail) + ",\"user\":\"supervisor\"}");
                            if (a.status() == 201) {
                                lastTask = id(a);
                                acks.add("TASK\t" + lastTask + "\t" + detail);
                            }
                        }
                        case 2 -> {
                            if (lastTask < 0) {
                                sent.decrementAndGet();
                                continue;
                            }
                            a = send("supervisor", "POST", "/api/tasks/" + lastTask + "/start", "{}");
                            if (a.status() == 200) {
                                acks.add("TASK_START\t" + lastTask + "\t");
                            }
                            lastTask = -1;
                        }
                        default -> {
                            // the client sends the version of the case's holds it read (docs/legal-rules.md)
                            int version = holdsVersion(aNumber);
                            if (!holdOpen) {
                                a = send("attorney", "POST", "/api/cases/" + aNumber + "/holds",
                                        "{\"reason\":\"fault campaign " + client + "-" + seq + "\",\"version\":"
                                                + version + "}");
                                if (a.status() == 201) {
                                    acks.add("HOLD_PLACED\t" + id(a) + "\t" + aNumber);
                                }
                            } else {
                                a = send("attorney", "POST", "/api/cases/" + aNumber + "/holds/lift",
                                        "{\"reason\":\"fault campaign " + client + "-" + seq + "\",\"version\":"
                                                + version + "}");
                                if (a.status() == 200) {
                                    acks.add("HOLD_LIFTED\t" + id(a) + "\t" + aNumber);
                                }
                            }
                            // a 409 means an unanswered write before did happen: the hold is in the other state
                            if (a.status() / 100 == 2 || a.status() == 409) {
                                holdOpen = !holdOpen;
                            }
                        }
                    }
                    if (a.status() < 0) {
                        unanswered.incrementAndGet();
                        sleep(250);
                    } else if (a.status() / 100 != 2) {
                        other.computeIfAbsent(a.status() + " " + a.body().replaceAll("\\s+", " ")
                                .substring(0, Math.min(160, a.body().length())), k -> new AtomicLong())
                                .incrementAndGet();
                        if (a.status() >= 500) {
                            sleep(250);
                        }
                    }
                }
            }, "writer-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("acks.tsv")))) {
            acks.forEach(w::println);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("clients.txt")))) {
            w.println("sent\t" + sent.get());
            w.println("acknowledged\t" + acks.size());
            w.println("unanswered (connection refused/reset, timeout)\t" + unanswered.get());
            other.forEach((k, v) -> w.println("answered " + k + "\t" + v));
        }
    }

    // ------------------------------------------------------------------ soak

    record Call(String name, String user, String method, String path, String body, int expected) {
    }

    void soak(int clients, Path out, int seconds) throws Exception {
        List<String[]> cases = houstonCases(64);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < Math.min(16, cases.size()); i++) {
            String a = cases.get(i)[0];
            String family = cases.get(i)[1];
            calls.add(new Call("person", "officer", "GET", "/api/people/" + a, null, 200));
            calls.add(new Call("cases", "officer", "GET", "/api/cases?fieldOffice=HOU&page=" + (i % 5) + "&size=50",
                    null, 200));
            calls.add(new Call("family", "supervisor", "GET", "/api/families/" + family, null, 200));
            calls.add(new Call("executability", "officer", "GET", "/api/families/" + family
                    + "/executability?asOf=2019-06-23", null, 200));
            calls.add(new Call("timeline", "officer", "GET", "/api/people/" + a + "/timeline", null, 200));
            calls.add(new Call("notes", "officer", "GET", "/api/people/" + a + "/notes", null, 200));
            calls.add(new Call("tasks", "supervisor", "GET", "/api/queues/team/HOU", null, 200));
            calls.add(new Call("note (write)", "officer", "POST", "/api/people/" + a + "/notes",
                    "{\"text\":\"soak: visited, nobody home\"}", 201));
            calls.add(new Call("task (write)", "supervisor", "POST", "/api/tasks",
                    "{\"title\":\"soak: check the address\",\"team\":\"HOU\"}", 201));
        }
        // the queue name must exist; check every call once before the clock starts
        for (Call call : calls) {
            Answer a = send(call.user(), call.method(), call.path(), call.body());
            if (a.status() != call.expected()) {
                throw new IllegalStateException(call + " answered " + a.status() + " " + a.body());
            }
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, AtomicLong> ok = new ConcurrentHashMap<>();
        Map<String, AtomicLong> latencyMs = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(c);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Call call = calls.get(random.nextInt(calls.size()));
                    long t0 = System.nanoTime();
                    Answer a = send(call.user(), call.method(), call.path(), call.body());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (a.status() == call.expected()) {
                        ok.computeIfAbsent(call.name(), k -> new AtomicLong()).incrementAndGet();
                        latencyMs.computeIfAbsent(call.name(), k -> new AtomicLong()).addAndGet(ms);
                    } else if (errors.size() < 10_000) {
                        errors.add(call.name() + "\t" + a.status() + "\t" + a.body().replaceAll("\\s+", " ")
                                .substring(0, Math.min(200, a.body().length())));
                    }
                }
            }, "soak-" + c);
            threads.add(t);
            t.start();
        }
        List<String> health = new ArrayList<>();
        long checks = 0;
        long t0 = System.nanoTime();
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Answer h = send(null, "GET", "/actuator/health", null);
            checks++;
            if (h.status() != 200 || !h.body().contains("\"UP\"")) {
                health.add(((System.nanoTime() - t0) / 1_000_000_000L) + " s: " + h.status() + " " + h.body());
            }
            sleep(1000);
        }
        long total = ok.values().stream().mapToLong(AtomicLong::get).sum();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("soak.tsv")))) {
            w.println("clients\t" + clients);
            w.println("seconds\t" + seconds);
            w.println("requests answered right\t" + total);
            w.println("requests per second\t" + String.format("%.1f", total / (double) seconds));
            w.println("errors\t" + errors.size());
            w.println("health checks\t" + checks);
            w.println("health checks not UP\t" + health.size());
            ok.forEach((k, v) -> w.println("ok " + k + "\t" + v + "\tmean ms " + latencyMs.get(k).get() / v.get()));
        }
        Files.write(out.resolve("errors.tsv"), errors);
        Files.write(out.resolve("health-not-up.txt"), health);
    }
}
