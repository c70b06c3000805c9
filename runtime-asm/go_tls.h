// Access to the current goroutine's g, as Go's src/runtime/go_tls.h spells it on linux/amd64.
// get_tls(r) loads the TLS offset of g (-8) into r; g(r) is then the FS-relative word at that
// offset: FS:-8 holds the current g.
#define	get_tls(r)	MOVQ TLS, r
#define	g(r)	0(r)(TLS*1)
