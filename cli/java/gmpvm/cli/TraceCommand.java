package gmpvm.cli;

import gmpvm.loader.trace.TraceEvent;
import gmpvm.loader.trace.TraceFile;
import gmpvm.loader.trace.TraceSummary;
import gmpvm.loader.trace.TraceSvg;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gmpvm trace summary|svg}: reads a trace written by {@code run --trace}. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Read a trace recorded by `gmpvm run --trace FILE.json`.",
            "",
            "Exit status: 0; 2 if the file cannot be read or is not a trace."},
        subcommands = {TraceCommand.Summary.class, TraceCommand.Svg.class})
final class TraceCommand implements Callable<Integer> {
    static final int EXIT_INPUT = 2;

    private final PrintStream out;
    private final PrintStream err;

    TraceCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        err.println("gmpvm trace: name a subcommand: summary FILE, or svg FILE -o OUT.svg");
        return EXIT_INPUT;
    }

    /** The events of file, or null (the reason printed). */
    List<TraceEvent> read(Path file) {
        try {
            return TraceFile.read(file);
        } catch (NoSuchFileException e) {
            err.println("gmpvm: " + file + ": no such file");
        } catch (IOException e) {
            err.println("gmpvm: " + file + ": " + ReadError.why(e));
        } catch (IllegalArgumentException e) {
            err.println("gmpvm: " + file + ": not a trace-event JSON file (" + e.getMessage() + ")");
        }
        return null;
    }

    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Print per-goroutine totals (runs, running, runnable and waiting time, what it blocked on) and per-P totals (busy, idle, steals).")
    static final class Summary implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        TraceCommand parent;

        @Parameters(index = "0", paramLabel = "FILE.json")
        Path file;

        @Override
        public Integer call() {
            List<TraceEvent> events = parent.read(file);
            if (events == null) {
                return EXIT_INPUT;
            }
            parent.out.print(TraceSummary.text(events));
            parent.out.flush();
            return 0;
        }
    }

    @Command(name = "svg", mixinStandardHelpOptions = true,
            description = "Draw the timeline as a static SVG picture (P lanes, M lanes, a slice per goroutine run, steals, a legend).")
    static final class Svg implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        TraceCommand parent;

        @Parameters(index = "0", paramLabel = "FILE.json")
        Path file;

        @Option(names = "-o", paramLabel = "OUT.svg", required = true, description = "the picture to write")
        Path output;

        @Option(names = "--from", paramLabel = "US", description = "start of the window, in virtual µs (default: 0)")
        double from;

        @Option(names = "--to", paramLabel = "US", description = "end of the window, in virtual µs (default: the end of the run)")
        double to;

        @Option(names = "--width", paramLabel = "PX", description = "width in pixels (default: 960)")
        int width = 960;

        @Option(names = "--title", paramLabel = "TEXT", description = "the title drawn at the top (default: the file's name)")
        String title;

        @Override
        public Integer call() {
            if (width < 300 || from < 0 || to < 0 || (to > 0 && to <= from)) {
                parent.err.println("gmpvm: trace svg: --width must be at least 300 and the window must be 0 <= --from < --to");
                return EXIT_INPUT;
            }
            List<TraceEvent> events = parent.read(file);
            if (events == null) {
                return EXIT_INPUT;
            }
            String svg = TraceSvg.render(events, Math.round(from * 1000), Math.round(to * 1000), width,
                    title != null ? title : file.getFileName().toString());
            try {
                Files.writeString(output, svg, StandardCharsets.UTF_8);
            } catch (IOException e) {
                parent.err.println("gmpvm: " + output + ": cannot write: " + ReadError.why(e));
                return EXIT_INPUT;
            }
            return 0;
        }
    }
}
