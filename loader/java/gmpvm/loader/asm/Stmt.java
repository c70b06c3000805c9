package gmpvm.loader.asm;

import java.util.List;

/**
 * One parsed statement: a label definition ({@code label} set, {@code op} null) or an
 * instruction or directive ({@code op} upper-case as written) with its operands in Go
 * (source-first) order.
 */
record Stmt(Pos pos, String label, String op, List<Operand> args) {
    boolean isLabel() {
        return label != null;
    }
}
