package gmpvm.loader.dwarf;

/** The DWARF numbers this reader uses: tags, attributes and forms (DWARF 5, §7.5). */
final class Dw {
    static final int TAG_ARRAY_TYPE = 0x01, TAG_MEMBER = 0x0d, TAG_POINTER_TYPE = 0x0f, TAG_COMPILE_UNIT = 0x11,
            TAG_STRUCTURE_TYPE = 0x13, TAG_TYPEDEF = 0x16, TAG_UNION_TYPE = 0x17, TAG_SUBRANGE_TYPE = 0x21,
            TAG_BASE_TYPE = 0x24, TAG_CONSTANT = 0x27, TAG_VARIABLE = 0x34;

    static final int AT_NAME = 0x03, AT_BYTE_SIZE = 0x0b, AT_CONST_VALUE = 0x1c, AT_PRODUCER = 0x25,
            AT_UPPER_BOUND = 0x2f, AT_COUNT = 0x37, AT_DATA_MEMBER_LOCATION = 0x38, AT_TYPE = 0x49;

    static final int FORM_ADDR = 0x01, FORM_BLOCK2 = 0x03, FORM_BLOCK4 = 0x04, FORM_DATA2 = 0x05, FORM_DATA4 = 0x06,
            FORM_DATA8 = 0x07, FORM_STRING = 0x08, FORM_BLOCK = 0x09, FORM_BLOCK1 = 0x0a, FORM_DATA1 = 0x0b,
            FORM_FLAG = 0x0c, FORM_SDATA = 0x0d, FORM_STRP = 0x0e, FORM_UDATA = 0x0f, FORM_REF_ADDR = 0x10,
            FORM_REF1 = 0x11, FORM_REF2 = 0x12, FORM_REF4 = 0x13, FORM_REF8 = 0x14, FORM_REF_UDATA = 0x15,
            FORM_INDIRECT = 0x16, FORM_SEC_OFFSET = 0x17, FORM_EXPRLOC = 0x18, FORM_FLAG_PRESENT = 0x19,
            FORM_STRX = 0x1a, FORM_ADDRX = 0x1b, FORM_REF_SUP4 = 0x1c, FORM_STRP_SUP = 0x1d, FORM_DATA16 = 0x1e,
            FORM_LINE_STRP = 0x1f, FORM_REF_SIG8 = 0x20, FORM_IMPLICIT_CONST = 0x21, FORM_LOCLISTX = 0x22,
            FORM_RNGLISTX = 0x23, FORM_REF_SUP8 = 0x24, FORM_STRX1 = 0x25, FORM_STRX2 = 0x26, FORM_STRX3 = 0x27,
            FORM_STRX4 = 0x28, FORM_ADDRX1 = 0x29, FORM_ADDRX2 = 0x2a, FORM_ADDRX3 = 0x2b, FORM_ADDRX4 = 0x2c;

    /** DW_OP_plus_uconst: a member offset written as a location expression (DWARF 2 style). */
    static final int OP_PLUS_UCONST = 0x23;

    private Dw() {
    }
}
