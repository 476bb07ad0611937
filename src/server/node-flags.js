// @ts-check
// How the server process is started (`npm run serve`, the bench): the V8 flags and the C library's
// settings that keep its resident memory down. Plain JavaScript, beside start.js, so the scripts
// that spawn the server can read them before any TypeScript loads. Both must be given when the
// process starts: V8 reads its flag once, when the heap is made (a setFlagsFromString in start.js
// comes too late, unlike --heap-growing-percent there), and glibc reads its variable at start.

/**
 * Node.js command-line options of the server process.
 *
 * --max-semi-space-size: V8 sizes the young generation from the heap limit, and on a machine with
 * 24 GB it let it grow to 128 MB (two 64 MB halves), which a busy server fills and then keeps
 * resident. 16 MB halves (Node 18's default) hold a request's garbage many times over: after a
 * province's start-up jobs the server's resident memory was 370 MB instead of 466 MB for the same
 * CPU.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];

/**
 * Environment of the server process.
 *
 * MALLOC_MMAP_THRESHOLD_: every password check (argon2id, 19 MiB) allocates its memory on one of
 * libuv's four worker threads. glibc raises its mmap threshold after the first such block is
 * freed, so the later ones come from each thread's own arena and stay there: four logins at once
 * left 76 MB resident for good. A fixed threshold (which also turns the raising off) gives blocks
 * of 1 MB and more their own mapping, returned when freed: 3 MB left after the same logins. Other
 * C libraries ignore the variable.
 */
export const SERVER_ENV = { MALLOC_MMAP_THRESHOLD_: '1048576' };
