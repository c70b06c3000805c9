package gmpvm.cli.debug;

import gmpvm.emulator.memory.HostMemoryExhausted;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Reads debugger commands and runs them: interactively with line editing, history and
 * completion (JLine), or from a script ({@code --batch FILE}, {@code -ex CMD}) with each command
 * echoed after the prompt so that the transcript reads like a session. An empty line repeats
 * the last command, as in gdb. A bad command prints one line and the session goes on.
 */
public final class Repl {
    public static final String PROMPT = "(gmpvm) ";

    private final Session session;
    private String last = "";

    public Repl(Session session) {
        this.session = session;
    }

    /** Runs one line; returns false once the session should end. */
    public boolean execute(String line) {
        String cmd = line.strip();
        if (cmd.isEmpty()) {
            cmd = last;
            if (cmd.isEmpty()) {
                return true;
            }
        }
        if (cmd.startsWith("#")) {
            return true;
        }
        last = cmd;
        PrintStream out = session.out();
        CommandTable.Match m = session.table().find(cmd);
        if (m == null) {
            out.println("Undefined command: \"" + cmd.split("\\s+")[0] + "\".  Try \"help\".");
            return true;
        }
        try {
            m.command().action().run(session, m.args());
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
        } catch (HostMemoryExhausted e) {
            throw e; // the machine cannot go on: the session ends as run does, with status 137
        } catch (RuntimeException e) {
            out.println("gmpvm: internal error: " + e);
        }
        out.flush();
        return !session.quitting();
    }

    /** Runs script lines, echoing each after the prompt. */
    public void batch(List<String> lines) {
        for (String l : lines) {
            if (l.strip().startsWith("#")) {
                session.out().println(l.strip());
                continue;
            }
            session.out().println(PROMPT + l.strip());
            if (!execute(l)) {
                return;
            }
        }
    }

    /** Reads lines from in (no terminal: a pipe or a test), echoing nothing but the prompt. */
    public void plain(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (true) {
            session.out().print(PROMPT);
            session.out().flush();
            String l = r.readLine();
            if (l == null || !execute(l)) {
                return;
            }
        }
    }

    /** The interactive terminal: JLine with history (kept in ~/.gmpvm_history) and completion; Ctrl-C interrupts a run. */
    public void interactive() throws IOException {
        try (Terminal term = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(term).appName("gmpvm")
                    .completer(completer())
                    .variable(LineReader.HISTORY_FILE, java.nio.file.Path.of(System.getProperty("user.home"), ".gmpvm_history"))
                    .build();
            term.handle(Terminal.Signal.INT, s -> session.engine().interrupt());
            while (true) {
                String l;
                try {
                    l = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                if (!execute(l)) {
                    return;
                }
            }
        }
    }

    /** Completes command names, then symbols (both spellings' dot form) for the arguments. */
    private Completer completer() {
        List<String> commands = session.table().names();
        List<String> symbols = session.info().functionNames();
        return (reader, line, candidates) -> {
            if (line.wordIndex() == 0) {
                for (String c : commands) {
                    if (!c.contains(" ")) {
                        candidates.add(new Candidate(c));
                    }
                }
            } else {
                List<String> words = new ArrayList<>(line.words());
                if (words.size() == 2 && (words.get(0).equals("info") || words.get(0).equals("catch") || words.get(0).equals("set"))) {
                    for (String c : commands) {
                        if (c.startsWith(words.get(0) + " ")) {
                            candidates.add(new Candidate(c.substring(words.get(0).length() + 1)));
                        }
                    }
                }
                for (String s : symbols) {
                    candidates.add(new Candidate(s));
                }
            }
        };
    }
}
