package gmpvm.loader.asm;

import java.util.List;

/** A {@code #define}: object-like when {@code params} is null, function-like otherwise. */
record Macro(String name, List<String> params, List<Token> body, Pos defined) {
}
