// go_asm.h: every struct offset, size and constant of the gmpvm runtime, in one place. The .s
// files include it, and the Java side (gmpvm.loader.runtime.RuntimeLayout) parses the same file,
// so there is one source of truth. Names follow the header Go's toolchain generates for its
// runtime (type_field, type__size, constants by their Go names). Field order follows Go's
// runtime2.go where code relies on it; fields Go has and gmpvm does not need are left out.
// Only "#define NAME NUMBER" lines (decimal or 0x hex) appear here, so the parser stays small.

// ---- stack: the bounds [lo, hi) of a goroutine stack ----
#define stack_lo 0
#define stack_hi 8
#define stack__size 16

// ---- gobuf: a saved context (gogo restores it, gosave/mcall fill it) ----
#define gobuf_sp 0
#define gobuf_pc 8
#define gobuf_g 16
#define gobuf_ctxt 24
#define gobuf_ret 32
#define gobuf_lr 40
#define gobuf_bp 48
#define gobuf__size 56

// ---- funcval: what a func value points at; the code pointer comes first ----
#define funcval_fn 0
#define funcval__size 8

// ---- mutex and note: one futex word each ----
#define mutex_key 0
#define mutex__size 8
#define note_key 0
#define note__size 8

// ---- g: a goroutine ----
#define g_stack 0
#define g_stack_lo 0
#define g_stack_hi 8
#define g_stackguard0 16
#define g_stackguard1 24
#define g__panic 32
#define g__defer 40
#define g_m 48
#define g_sched 56
#define g_syscallsp 112
#define g_syscallpc 120
#define g_stktopsp 128
#define g_param 136
#define g_atomicstatus 144
#define g_stackLock 148
#define g_goid 152
#define g_schedlink 160
#define g_waitsince 168
#define g_waitreason 176
#define g_preempt 177
#define g_preemptStop 178
#define g_throwsplit 179
#define g_lockedm 184
#define g_waiting 192
#define g_gopc 200
#define g_startpc 208
#define g_timer 216
#define g_selectDone 224
#define g_sig 232
#define g_sigcode0 240
#define g_sigcode1 248
#define g_sigpc 256
#define g__size 264

// ---- m: an OS thread (here: an emulated thread made by clone) ----
#define m_g0 0
#define m_morebuf 8
#define m_divmod 64
#define m_procid 72
#define m_gsignal 80
#define m_tls 88
#define m_mstartfn 136
#define m_curg 144
#define m_caughtsig 152
#define m_p 160
#define m_nextp 168
#define m_oldp 176
#define m_id 184
#define m_mallocing 192
#define m_throwing 196
#define m_locks 200
#define m_dying 204
#define m_profilehz 208
#define m_spinning 212
#define m_blocked 213
#define m_newSigstack 214
#define m_printlock 215
#define m_fastrand 216
#define m_park 224
#define m_alllink 232
#define m_schedlink 240
#define m_lockedg 248
#define m_freelink 256
#define m_preemptGen 264
#define m_signalPending 268
#define m_waitunlockf 272
#define m_waitlock 280
#define m_syscalltick 288
#define m__size 296

// ---- p: a processor, the right to run Go code; holds the local run queue ----
#define p_id 0
#define p_status 4
#define p_link 8
#define p_schedtick 16
#define p_syscalltick 20
#define p_sysmontick 24
#define p_m 56
#define p_goidcache 64
#define p_goidcacheend 72
#define p_runqhead 80
#define p_runqtail 84
#define p_runq 88
#define p_runnext 2136
#define p_gFree 2144
#define p_gFree_head 2144
#define p_gFree_n 2152
#define p_timer0When 2160
#define p_timersLock 2168
#define p_timers 2176
#define p_timers_len 2184
#define p_timers_cap 2192
#define p_numTimers 2200
#define p_deletedTimers 2204
#define p_preempt 2208
#define p_sudogcache 2216
#define p_nsudog 2224
#define p_deferpool 2232
#define p_deferpoolLen 2240
#define p__size 2248

// ---- sysmontick: what sysmon last saw of a P ----
#define sysmontick_schedtick 0
#define sysmontick_schedwhen 8
#define sysmontick_syscalltick 16
#define sysmontick_syscallwhen 24
#define sysmontick__size 32

// ---- schedt: the global scheduler state (runtime·sched) ----
#define schedt_goidgen 0
#define schedt_lastpoll 8
#define schedt_pollUntil 16
#define schedt_lock 24
#define schedt_midle 32
#define schedt_nmidle 40
#define schedt_nmidlelocked 44
#define schedt_mnext 48
#define schedt_maxmcount 56
#define schedt_nmsys 60
#define schedt_nmfreed 64
#define schedt_ngsys 72
#define schedt_pidle 80
#define schedt_npidle 88
#define schedt_nmspinning 92
#define schedt_needspinning 96
#define schedt_runq 104
#define schedt_runq_head 104
#define schedt_runq_tail 112
#define schedt_runqsize 120
#define schedt_gFree 128
#define schedt_gFree_lock 128
#define schedt_gFree_stack 136
#define schedt_gFree_noStack 144
#define schedt_gFree_n 152
#define schedt_sudoglock 160
#define schedt_sudogcache 168
#define schedt_freem 176
#define schedt_gcwaiting 184
#define schedt_stopwait 188
#define schedt_stopnote 192
#define schedt_sysmonwait 200
#define schedt_sysmonnote 208
#define schedt_procresizetime 216
#define schedt_totaltime 224
#define schedt_deferlock 232
#define schedt_deferpool 240
#define schedt__size 248

// ---- timer: one entry of a P's timer heap, as Go's time.go (arg is one word: the g for a
// sleep, where Go keeps an interface). f is called ABI0 as f(arg, seq) on g0, with no locks. ----
#define timer_pp 0
#define timer_when 8
#define timer_period 16
#define timer_f 24
#define timer_arg 32
#define timer_seq 40
#define timer_nextwhen 48
#define timer_status 56
#define timer__size 64
#define timerNoStatus 0
#define timerWaiting 1
#define timerRunning 2
#define timerDeleted 3
#define timerRemoving 4
#define timerRemoved 5
#define timerModifying 6
#define timerModifiedEarlier 7
#define timerModifiedLater 8
#define timerMoving 9
#define maxWhen 0x7fffffffffffffff
#define timersInitCap 8

// ---- sudog: a g waiting on a channel or semaphore ----
#define sudog_g 0
#define sudog_next 8
#define sudog_prev 16
#define sudog_elem 24
#define sudog_acquiretime 32
#define sudog_releasetime 40
#define sudog_ticket 48
#define sudog_isSelect 52
#define sudog_success 53
#define sudog_parent 56
#define sudog_waitlink 64
#define sudog_waittail 72
#define sudog_c 80
#define sudog__size 88

// ---- waitq: a list of sudogs ----
#define waitq_first 0
#define waitq_last 8
#define waitq__size 16

// ---- hchan: a channel ----
#define hchan_qcount 0
#define hchan_dataqsiz 8
#define hchan_buf 16
#define hchan_elemsize 24
#define hchan_closed 28
#define hchan_elemtype 32
#define hchan_sendx 40
#define hchan_recvx 48
#define hchan_recvq 56
#define hchan_sendq 72
#define hchan_lock 88
#define hchan__size 96

// ---- _defer: one deferred call, in Go 1.4–1.12's form: the call's argument bytes (siz of
// them) follow the record at _defer__size. sp is the deferring frame's SP when deferproc was
// called (its argument pointer), pc the address deferproc returns to. g._defer links them,
// newest first. bp is the deferring frame's frame pointer (its BP when it called deferproc),
// which a recovery restores with sp so that tracebacks and the frame's epilogue stay right
// (Go 1.12 has no such field: its compiled epilogues reload BP from the stack; gmpvm's
// tracebacks walk BP). A record from the pools has room for deferArgsCap argument bytes. ----
#define _defer_siz 0
#define _defer_started 4
#define _defer_sp 8
#define _defer_pc 16
#define _defer_fn 24
#define _defer__panic 32
#define _defer_link 40
#define _defer_bp 48
#define _defer__size 56
#define deferArgsCap 64
#define deferPoolCap 32

// ---- _panic: an active panic (g._panic links them, newest first); arg is the eface
// (type, data) passed to gopanic; argp points at the arguments of the deferred call being run ----
#define _panic_argp 0
#define _panic_arg 8
#define _panic_arg_type 8
#define _panic_arg_data 16
#define _panic_link 24
#define _panic_recovered 32
#define _panic_aborted 33
#define _panic__size 40

// ---- _type: a type descriptor, as much of Go's abi.Type as printing a panic value needs
// (size, kind) with the name as a string header instead of Go's nameOff. An eface is
// (type *_type, data unsafe.Pointer). ----
#define _type_size 0
#define _type_kind 8
#define _type_str 16
#define _type_strlen 24
#define _type__size 32
#define kindBool 1
#define kindInt 2
#define kindInt64 6
#define kindUint64 11
#define kindString 24
#define kindRuntimeError 64
#define kindPlainError 65

// ---- signals (Linux amd64): numbers, sigaction flags, the kernel's sigaction, sigaltstack,
// siginfo and ucontext offsets (docs/kernel.md) ----
#define _SIGILL 4
#define _SIGTRAP 5
#define _SIGBUS 7
#define _SIGFPE 8
#define _SIGSEGV 11
#define _SIGURG 23
#define sigPreempt 23
#define _SA_SIGINFO 0x4
#define _SA_ONSTACK 0x8000000
#define _SA_RESTORER 0x4000000
#define _SA_RESTART 0x10000000
#define sigactiont_sa_handler 0
#define sigactiont_sa_flags 8
#define sigactiont_sa_restorer 16
#define sigactiont_sa_mask 24
#define sigactiont__size 32
#define siginfo_si_signo 0
#define siginfo_si_code 8
#define siginfo_si_addr 16
#define ucontext_uc_mcontext 40
#define sigcontext_rbp 80
#define sigcontext_rsp 120
#define sigcontext_rip 128
#define _SEGV_MAPERR 1
#define _FPE_INTDIV 1

// ---- goroutine status (g.atomicstatus) ----
#define _Gidle 0
#define _Grunnable 1
#define _Grunning 2
#define _Gsyscall 3
#define _Gwaiting 4
#define _Gmoribund_unused 5
#define _Gdead 6
#define _Genqueue_unused 7
#define _Gcopystack 8
#define _Gpreempted 9

// ---- P status (p.status) ----
#define _Pidle 0
#define _Prunning 1
#define _Psyscall 2
#define _Pgcstop 3
#define _Pdead 4

// ---- runtime mutex states (lock_futex.go) ----
#define mutex_unlocked 0
#define mutex_locked 1
#define mutex_sleeping 2
#define active_spin 4
#define active_spin_cnt 30
#define passive_spin 1

// ---- wait reasons (g.waitreason), in Go's order ----
#define waitReasonZero 0
#define waitReasonGCAssistMarking 1
#define waitReasonIOWait 2
#define waitReasonChanReceiveNilChan 3
#define waitReasonChanSendNilChan 4
#define waitReasonDumpingHeap 5
#define waitReasonGarbageCollection 6
#define waitReasonGarbageCollectionScan 7
#define waitReasonPanicWait 8
#define waitReasonSelect 9
#define waitReasonSelectNoCases 10
#define waitReasonGCAssistWait 11
#define waitReasonGCSweepWait 12
#define waitReasonGCScavengeWait 13
#define waitReasonChanReceive 14
#define waitReasonChanSend 15
#define waitReasonFinalizerWait 16
#define waitReasonForceGCIdle 17
#define waitReasonSemacquire 18
#define waitReasonSleep 19
#define waitReasonSyncCondWait 20
#define waitReasonTimerGoroutineIdle 21
#define waitReasonTraceReaderBlocked 22
#define waitReasonWaitForGCCycle 23
#define waitReasonGCWorkerIdle 24
#define waitReasonPreempted 25
#define waitReasonDebugCall 26

// ---- stacks ----
#define _FixedStack 2048
#define _StackMin 2048
#define _StackSystem 0
#define _StackGuard 928
#define _StackSmall 128
#define _StackBig 4096
#define stackPreempt 0xfffffffffffffade
#define stackFork 0xfffffffffffffb2e
#define maxstacksize 1000000000
#define m0StackSize 65536
#define g0StackSize 16384
#define gsignalStackSize 32768

// ---- scheduler ----
#define _MaxGomaxprocs 256
#define runqSize 256
#define runqMask 255
#define globalRunqTick 61
#define sudogCacheCap 128
#define stealTries 4
#define _GoidCacheBatch 16
#define maxmcount 10000
#define forcePreemptNS 10000000
#define sysmonMinDelayUS 20
#define sysmonMaxDelayUS 10000
#define sysmonIdleRounds 50
// asyncPreemptStack: the stack an asynchronous preemption needs below the interrupted SP (Go's
// preempt.go init computes it the same way): asyncPreempt's frame (the return address pushCall
// pushes, BP, the flags and 368 bytes of registers: 392), asyncPreempt2's (return address, BP
// and 8 bytes: 24) and mcall's return address (8), plus 8 words of slack as Go adds: 488.
#define asyncPreemptStack 488

// ---- Linux: system call numbers, clone flags, arch_prctl, futex ----
#define SYS_read 0
#define SYS_write 1
#define SYS_close 3
#define SYS_mmap 9
#define SYS_munmap 11
#define SYS_rt_sigaction 13
#define SYS_rt_sigprocmask 14
#define SYS_rt_sigreturn 15
#define SYS_sched_yield 24
#define SYS_nanosleep 35
#define SYS_getpid 39
#define SYS_clone 56
#define SYS_exit 60
#define SYS_kill 62
#define SYS_sigaltstack 131
#define SYS_arch_prctl 158
#define SYS_gettid 186
#define SYS_tkill 200
#define SYS_futex 202
#define SYS_sched_getaffinity 204
#define SYS_clock_gettime 228
#define SYS_exit_group 231
#define SYS_tgkill 234
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define _CLONE_VM 0x100
#define _CLONE_FS 0x200
#define _CLONE_FILES 0x400
#define _CLONE_SIGHAND 0x800
#define _CLONE_SYSVSEM 0x40000
#define _CLONE_THREAD 0x10000
#define cloneFlags 0x50f00
#define _FUTEX_WAIT_PRIVATE 128
#define _FUTEX_WAKE_PRIVATE 129
#define _PROT_READ 1
#define _PROT_WRITE 2
#define _MAP_PRIVATE 2
#define _MAP_ANON 0x20
#define _CLOCK_MONOTONIC 1
#define _EAGAIN 11
#define _EINTR 4
#define _SS_DISABLE 2

// ---- semaRoot: the semaphore wait list (gmpvm keeps one; Go hashes addresses over 251) ----
#define semaRoot_lock 0
#define semaRoot_nwait 8
#define semaRoot_head 16
#define semaRoot_tail 24
#define semaRoot__size 32

// ---- runtime·pclntab, the PC table the linker emits (loader Pclntab.java, docs/runtime.md):
// a header, then one _func per TEXT symbol sorted by entry, line rows and files ----
#define pcln_magic 0
#define pcln_nfunc 4
#define pcln_functab 8
#define pcln_rows 12
#define pcln_files 16
#define pcln_strings 20
#define pcln_nfile 24
#define _func_entry 0
#define _func_end 8
#define _func_nameoff 16
#define _func_namelen 20
#define _func_args 24
#define _func_frame 28
#define _func_flags 32
#define _func_nrows 36
#define _func_rowoff 40
#define _func__size 48
#define pcrow_pcoff 0
#define pcrow_line 4
#define pcrow_file 8
#define pcrow__size 12
#define funcFlagBP 0x10000
#define funcFlagTopframe 2048

// ---- GOTRACEBACK levels (Go's traceback.go: none 0, single 1, all 1 + all, system 2 + all) and
// m.throwing values (throwTypeUser for fatal, throwTypeRuntime for throw) ----
#define throwTypeNone 0
#define throwTypeUser 1
#define throwTypeRuntime 2
#define tracebackMaxFrames 100
#define tracebackMaxArgs 10
