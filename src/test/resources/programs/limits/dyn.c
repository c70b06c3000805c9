/* An ordinary dynamically linked C program: gmpvm run refuses it, gmpvm disasm lists it. */
int main(void) { return 0; }
