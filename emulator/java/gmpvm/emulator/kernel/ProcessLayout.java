package gmpvm.emulator.kernel;

/**
 * What the kernel must know about the loaded process image.
 *
 * @param brkStart first address of the heap (the page after the last loaded segment)
 * @param mmapTop  anonymous mmap regions are placed top-down below this address
 * @param seed     seed of the deterministic random bytes getrandom returns
 */
public record ProcessLayout(long brkStart, long mmapTop, long seed) {
}
