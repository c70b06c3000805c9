/* CRC32 (bitwise and table-driven), Adler-32 and FNV over generated data. */
#include "sys.h"
static u32 table[256];
static u8 data[100000];
int main(int argc, char **argv, char **envp) {
    for (u32 i = 0; i < 256; i++) { u32 c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1; table[i] = c; }
    u32 s = 1;
    for (int i = 0; i < 100000; i++) { s = s * 1103515245u + 12345u; data[i] = (u8)(s >> 16); }
    u32 crc = 0xffffffffu;
    for (int i = 0; i < 100000; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    crc ^= 0xffffffffu;
    u32 crc2 = 0xffffffffu;
    for (int i = 0; i < 5000; i++) { crc2 ^= data[i]; for (int k = 0; k < 8; k++) crc2 = (crc2 >> 1) ^ (0xedb88320u & -(crc2 & 1)); }
    crc2 ^= 0xffffffffu;
    u32 a = 1, b = 0;
    for (int i = 0; i < 100000; i++) { a = (a + data[i]) % 65521; b = (b + a) % 65521; }
    const char *msg = "The quick brown fox jumps over the lazy dog";
    u32 c3 = 0xffffffffu; for (const char *p = msg; *p; p++) c3 = table[(c3 ^ (u8)*p) & 0xff] ^ (c3 >> 8);
    puts_("crc32 "); putx(crc); nl(); puts_("crc32-bits "); putx(crc2); nl();
    puts_("adler32 "); putx((b << 16) | a); nl(); puts_("fox "); putx(c3 ^ 0xffffffffu); nl();
    return 0;
}
