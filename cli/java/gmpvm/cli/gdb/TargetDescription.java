package gmpvm.cli.gdb;

/**
 * The target description gdb reads with {@code qXfer:features:read:target.xml}: architecture
 * i386:x86-64, OS ABI GNU/Linux, and one feature element per {@link Amd64Registers.Feature}
 * listing that feature's registers with explicit numbers, so the {@code g} packet's layout is
 * exactly {@link Amd64Registers}'s. gdb's amd64 support insists on the core feature with the x87
 * registers and on the SSE feature; the eflags and mxcsr bit names and the 128-bit vector union
 * are defined here.
 */
final class TargetDescription {
    private TargetDescription() {
    }

    static String xml(Amd64Registers regs) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\"?>\n");
        sb.append("<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n");
        sb.append("<target version=\"1.0\">\n");
        sb.append("  <architecture>i386:x86-64</architecture>\n");
        sb.append("  <osabi>GNU/Linux</osabi>\n");
        for (Amd64Registers.Feature f : Amd64Registers.Feature.values()) {
            sb.append("  <feature name=\"").append(f.gdbName).append("\">\n");
            if (f == Amd64Registers.Feature.CORE) {
                eflagsType(sb);
            } else if (f == Amd64Registers.Feature.SSE) {
                vectorTypes(sb);
            }
            for (int n = 0; n < regs.count(); n++) {
                Amd64Registers.Reg r = regs.all().get(n);
                if (r.feature() != f) {
                    continue;
                }
                sb.append("    <reg name=\"").append(r.name()).append("\" bitsize=\"").append(r.bits())
                        .append("\" type=\"").append(r.type()).append("\" regnum=\"").append(n).append('"');
                if (r.group() != null) {
                    sb.append(" group=\"").append(r.group()).append('"');
                }
                sb.append("/>\n");
            }
            sb.append("  </feature>\n");
        }
        sb.append("</target>\n");
        return sb.toString();
    }

    private static void eflagsType(StringBuilder sb) {
        sb.append("    <flags id=\"i386_eflags\" size=\"4\">\n");
        String[][] bits = {{"CF", "0"}, {"", "1"}, {"PF", "2"}, {"AF", "4"}, {"ZF", "6"}, {"SF", "7"},
            {"TF", "8"}, {"IF", "9"}, {"DF", "10"}, {"OF", "11"}, {"NT", "14"}, {"RF", "16"}, {"VM", "17"},
            {"AC", "18"}, {"VIF", "19"}, {"VIP", "20"}, {"ID", "21"}};
        fields(sb, bits);
        sb.append("    </flags>\n");
    }

    private static void vectorTypes(StringBuilder sb) {
        sb.append("    <vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>\n");
        sb.append("    <vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>\n");
        sb.append("    <vector id=\"v16i8\" type=\"int8\" count=\"16\"/>\n");
        sb.append("    <vector id=\"v8i16\" type=\"int16\" count=\"8\"/>\n");
        sb.append("    <vector id=\"v4i32\" type=\"int32\" count=\"4\"/>\n");
        sb.append("    <vector id=\"v2i64\" type=\"int64\" count=\"2\"/>\n");
        sb.append("    <union id=\"vec128\">\n");
        for (String[] f : new String[][] {{"v4_float", "v4f"}, {"v2_double", "v2d"}, {"v16_int8", "v16i8"},
            {"v8_int16", "v8i16"}, {"v4_int32", "v4i32"}, {"v2_int64", "v2i64"}, {"uint128", "uint128"}}) {
            sb.append("      <field name=\"").append(f[0]).append("\" type=\"").append(f[1]).append("\"/>\n");
        }
        sb.append("    </union>\n");
        sb.append("    <flags id=\"i386_mxcsr\" size=\"4\">\n");
        String[][] bits = {{"IE", "0"}, {"DE", "1"}, {"ZE", "2"}, {"OE", "3"}, {"UE", "4"}, {"PE", "5"},
            {"DAZ", "6"}, {"IM", "7"}, {"DM", "8"}, {"ZM", "9"}, {"OM", "10"}, {"UM", "11"}, {"PM", "12"},
            {"FZ", "15"}};
        fields(sb, bits);
        sb.append("    </flags>\n");
    }

    private static void fields(StringBuilder sb, String[][] bits) {
        for (String[] b : bits) {
            sb.append("      <field name=\"").append(b[0]).append("\" start=\"").append(b[1])
                    .append("\" end=\"").append(b[1]).append("\"/>\n");
        }
    }
}
