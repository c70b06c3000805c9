package gmpvm.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gmpvm.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pictures in the docs are what scripts/trace-pictures.sh draws: each line of
 * docs/images/pictures.tsv is run here through the same commands ({@code gmpvm run --trace},
 * {@code gmpvm trace svg}) and the SVG must equal the committed one byte for byte (run the
 * script after a change to the runtime or the drawing). The docs embed every picture.
 */
class TracePicturesTest {
    static final Path IMAGES = Path.of("docs", "images");

    static Stream<String> pictures() throws Exception {
        return Files.readAllLines(IMAGES.resolve("pictures.tsv")).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    private static int gmpvm(List<String> args, ByteArrayOutputStream err) {
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.commandLine(new ByteArrayInputStream(new byte[0]), o, e).execute(args.toArray(new String[0]));
    }

    @ParameterizedTest
    @MethodSource("pictures")
    void committedPictureIsWhatTheScriptDraws(String line) throws Exception {
        String[] c = line.split("\t");
        assertEquals(5, c.length, "name, example, run options, svg options, title: " + line);
        Path dir = Files.createDirectories(Path.of("target", "trace-pictures"));
        Path json = dir.resolve(c[0] + ".json");
        Path svg = dir.resolve(c[0] + ".svg");
        List<String> run = new ArrayList<>(List.of("run"));
        run.addAll(Arrays.asList(c[2].trim().split(" +")));
        // named relative to the checkout, as the script names it: the path is argv[0], which Go's
        // runtime copies, so a path of another length would shift a Go run's timings
        String program = "runtime-asm/examples/" + c[1];
        if (c[1].startsWith("go/")) {
            program = "target/go-examples/" + c[1].substring(3);
            gmpvm.run.TestPrograms.buildGo(Path.of("examples/go"), c[1].substring(3), Path.of(program));
        }
        run.addAll(List.of("--trace", json.toString(), program));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        gmpvm(run, err);
        assertTrue(Files.size(json) > 0, err.toString());
        List<String> draw = new ArrayList<>(List.of("trace", "svg", json.toString(), "-o", svg.toString()));
        draw.addAll(Arrays.asList(c[3].trim().split(" +")));
        draw.addAll(List.of("--title", c[4]));
        assertEquals(0, gmpvm(draw, err), err.toString());
        String drawn = Files.readString(svg);
        assertTrue(drawn.contains("<rect") && drawn.contains(c[4]), "a picture with its title");
        assertEquals(Files.readString(IMAGES.resolve(c[0] + ".svg")), drawn,
                "docs/images/" + c[0] + ".svg is stale: run scripts/trace-pictures.sh");
    }

    @Test
    void docsShowEveryPicture() throws Exception {
        String tracing = Files.readString(Path.of("docs", "tracing.md"));
        String runtime = Files.readString(Path.of("docs", "runtime.md"));
        for (String line : pictures().toList()) {
            String name = line.split("\t")[0];
            assertTrue(tracing.contains("images/" + name + ".svg"), "docs/tracing.md shows " + name);
            if (!line.split("\t")[1].startsWith("go/")) {
                assertTrue(runtime.contains("images/" + name + ".svg"), "docs/runtime.md shows " + name);
            }
        }
    }
}
