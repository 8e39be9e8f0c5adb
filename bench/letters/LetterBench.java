import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.caseops.notice.LetterContent;
import org.caseops.notice.LetterLanguage;
import org.caseops.notice.LetterRenderer;

/**
 * Issue 16's letter benchmark (bench/README.md, "letters"): printing N call-in letters as CaseOps prints them — a PDF
 * per letter, then per mailing batch the batch PDF (the batch's letters rendered as one document, as
 * {@code GET /api/letter-batches/{id}/pdf} does) and the mail house's CSV — against the baseline of rendering one
 * letter, measured in the same run: the median of single-letter renders, and the rate it implies for THREADS threads.
 * Synthetic letters only (no database: the gate's judging of each member is the screening benchmark's), in the mix of
 * languages of a family docket. Per-letter PDFs are written to OUT/letters/ and deleted unless KEEP=1, so that a
 * 100 k run does not fill the disk; their bytes are counted.
 *
 * <p>Arguments: letters, batch size, threads, seed, out directory. Writes OUT/summary.tsv.
 */
public class LetterBench {

    public static void main(String[] args) throws Exception {
        int letters = Integer.parseInt(args[0]);
        int batchSize = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Path out = Path.of(args[4]);
        boolean keep = "1".equals(System.getenv("KEEP"));
        Files.createDirectories(out.resolve("letters"));
        Files.createDirectories(out.resolve("batches"));
        LetterRenderer renderer = new LetterRenderer();
        List<LetterContent> all = synthetic(letters, seed);

        // warm-up, then the baseline: one letter at a time, the median of 60
        for (int i = 0; i < 60; i++) {
            renderer.pdf(all.get(i % all.size()));
        }
        long[] single = new long[60];
        for (int i = 0; i < single.length; i++) {
            long t = System.nanoTime();
            renderer.pdf(all.get((i * 7) % all.size()));
            single[i] = System.nanoTime() - t;
        }
        Arrays.sort(single);
        double oneLetterMs = single[single.length / 2] / 1e6;

        AtomicLong bytes = new AtomicLong();
        AtomicLong batchBytes = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int b = 0; b * batchSize < letters; b++) {
            int from = b * batchSize;
            int to = Math.min(letters, from + batchSize);
            int batch = b;
            work.add(pool.submit(() -> {
                List<LetterContent> slice = all.subList(from, to);
                for (LetterContent letter : slice) {
                    byte[] pdf = renderer.pdf(letter);
                    Path file = out.resolve("letters").resolve(letter.reference() + ".pdf");
                    Files.write(file, pdf);
                    bytes.addAndGet(pdf.length);
                    if (!keep) {
                        Files.delete(file);
                    }
                }
                byte[] batchPdf = renderer.pdf(slice);
                Files.write(out.resolve("batches").resolve(String.format("batch-%05d.pdf", batch)), batchPdf);
                batchBytes.addAndGet(batchPdf.length);
                try (Writer csv = Files.newBufferedWriter(out.resolve("batches")
                        .resolve(String.format("batch-%05d.csv", batch)), StandardCharsets.UTF_8)) {
                    csv.write("reference,addressee,address_line,city_line,language,interpreter\r\n");
                    for (LetterContent l : slice) {
                        csv.write(String.join(",", l.reference(), l.addressee(), l.mailingAddress().get(0),
                                l.mailingAddress().get(1), l.language().name(),
                                l.interpreterLanguage() == null ? "no" : "yes") + "\r\n");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = letters / seconds;
        // the baseline rate: every letter rendered once at the one-letter time, twice over (letter and batch), on
        // THREADS threads; the ratio says what is lost to batches, I/O and contention
        double baselineRate = threads * 1000.0 / (2 * oneLetterMs);
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        String summary = String.join("\n",
                "letters\t" + letters,
                "batch_size\t" + batchSize,
                "threads\t" + threads,
                "one_letter_ms_median\t" + String.format(Locale.ROOT, "%.1f", oneLetterMs),
                "seconds\t" + String.format(Locale.ROOT, "%.1f", seconds),
                "letters_per_second\t" + String.format(Locale.ROOT, "%.1f", rate),
                "baseline_letters_per_second\t" + String.format(Locale.ROOT, "%.1f", baselineRate),
                "ratio_to_baseline\t" + String.format(Locale.ROOT, "%.2f", rate / baselineRate),
                "letter_pdf_bytes\t" + bytes.get(),
                "batch_pdf_bytes\t" + batchBytes.get(),
                "heap_peak_mb\t" + heapPeak / (1024 * 1024)) + "\n";
        Files.writeString(out.resolve("summary.tsv"), summary);
        System.out.print(summary);
    }

    /** Letters in a family docket's mix of languages; the Mayan ones get the Spanish letter with an interpreter. */
    static List<LetterContent> synthetic(int n, long seed) {
        Random random = new Random(seed);
        List<LetterContent> letters = new ArrayList<>(n);
        LocalDate printed = LocalDate.of(2019, 2, 11);
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble();
            LetterLanguage language = r < 0.55 ? LetterLanguage.SPANISH : r < 0.70 ? LetterLanguage.ENGLISH
                    : r < 0.78 ? LetterLanguage.PORTUGUESE : r < 0.83 ? LetterLanguage.FRENCH
                    : r < 0.90 ? LetterLanguage.HAITIAN_CREOLE : LetterLanguage.SPANISH;
            String interpreter = r >= 0.90 ? List.of("K'iche'", "Mam", "Q'anjob'al").get(random.nextInt(3)) : null;
            int members = 1 + random.nextInt(4);
            List<LetterContent.Member> concerned = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                concerned.add(new LetterContent.Member("Synthetic Person " + i + "-" + m,
                        String.format("%09d", 990_000_000 + i * 4 + m)));
            }
            letters.add(new LetterContent(String.format("CL-BEN-20190211-%06d", i + 1), language, interpreter,
                    printed, printed.plusDays(28), printed.minusMonths(3 + random.nextInt(6)), random.nextBoolean(),
                    "Synthetic Person " + i + "-0", List.of((100 + random.nextInt(900)) + " Synthetic Street",
                    "Houston, TX 77" + String.format("%03d", random.nextInt(1000))), concerned,
                    "Houston Field Office", "126 Northpoint Drive, Houston, TX 77060"));
        }
        return letters;
    }
}
