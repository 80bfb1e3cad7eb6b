/*
 * Tag many documents with HeidelTime in one JVM (used by heideltime_runner.py for warm timing).
 *
 * usage: java -cp HEIDELTIME_JAR HeidelTimeBatch.java CONFIG_PROPS PASSES [NEWS|NARRATIVES] < JOBS
 *
 * JOBS: one "DCT<TAB>INPUT<TAB>OUTPUT" line a document (DCT as YYYY-MM-DD, or empty for none, which
 * NEWS mode refuses). Each pass tags every input with English settings, the given document type
 * (default NEWS) and the TreeTagger, as `java -jar` does, and writes its TimeML to OUTPUT (overwritten
 * each pass). For each call it prints "@@<TAB>PASS<TAB>INPUT<TAB>NANOS", the time of the process()
 * call alone.
 */
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        DocumentType type = args.length > 2 ? DocumentType.valueOf(args[2].toUpperCase()) : DocumentType.NEWS;
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, type, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        int passes = Integer.parseInt(args[1]);
        List<String[]> jobs = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isEmpty()) {
                jobs.add(line.split("\t", 3));
            }
        }
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        for (int pass = 1; pass <= passes; pass++) {
            for (String[] job : jobs) {
                String text = Files.readString(Path.of(job[1]), StandardCharsets.UTF_8);
                java.util.Date dct = job[0].isEmpty() ? null : format.parse(job[0]);
                long began = System.nanoTime();
                String timeml = dct == null ? tagger.process(text) : tagger.process(text, dct);
                long nanos = System.nanoTime() - began;
                Files.writeString(Path.of(job[2]), timeml, StandardCharsets.UTF_8);
                System.out.println("@@\t" + pass + "\t" + job[1] + "\t" + nanos);
            }
        }
    }
}
