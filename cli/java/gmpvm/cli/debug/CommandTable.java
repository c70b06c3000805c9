package gmpvm.cli.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The debugger's commands, registered in one place by name (one or two words, e.g. {@code info
 * goroutines}) with their aliases and help. Each group of commands registers itself from its own
 * file ({@link RunCommands}, {@link StoppointCommands}, {@link ViewCommands}, {@link GoCommands});
 * another group (reverse execution, say) adds itself the same way with one more
 * {@code register} call in {@link #standard()}.
 */
public final class CommandTable {
    /** A command's action: args is the rest of the line after the command's name (stripped). */
    @FunctionalInterface
    public interface Action {
        void run(Session s, String args);
    }

    /** A registered command. */
    public record Command(String name, List<String> aliases, String usage, String help, Action action) {
    }

    private final Map<String, Command> byName = new TreeMap<>();
    private final List<Command> commands = new ArrayList<>();

    /** Registers a command under its name and aliases. */
    public void add(String name, List<String> aliases, String usage, String help, Action action) {
        Command c = new Command(name, aliases, usage, help, action);
        commands.add(c);
        put(name, c);
        for (String a : aliases) {
            put(a, c);
        }
    }

    private void put(String key, Command c) {
        if (byName.putIfAbsent(key, c) != null) {
            throw new IllegalStateException("command registered twice: " + key);
        }
    }

    /** Every command, in registration order. */
    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Every name and alias (for completion). */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The command a line names (two words tried before one), with the rest of the line; null if none. */
    public Match find(String line) {
        String[] w = line.strip().split("\\s+", 3);
        if (w.length >= 2) {
            Command c = byName.get(w[0] + " " + w[1]);
            if (c != null) {
                return new Match(c, w.length == 3 ? w[2] : "");
            }
        }
        String first = w[0];
        // x/4gx and display/i: the format sticks to the command name
        int slash = first.indexOf('/');
        String name = slash > 0 ? first.substring(0, slash) : first;
        Command c = byName.get(name);
        if (c == null) {
            return null;
        }
        String rest = line.strip().substring(w[0].length()).strip();
        return new Match(c, slash > 0 ? first.substring(slash) + (rest.isEmpty() ? "" : " " + rest) : rest);
    }

    /** A found command and its arguments. */
    public record Match(Command command, String args) {
    }

    /** The standard command set. */
    public static CommandTable standard() {
        CommandTable t = new CommandTable();
        RunCommands.register(t);
        StoppointCommands.register(t);
        ViewCommands.register(t);
        GoCommands.register(t);
        ReverseCommands.register(t);
        return t;
    }
}
