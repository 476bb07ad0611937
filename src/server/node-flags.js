// @ts-check
// The V8 flags the server runs with (`npm run serve`, `npm start`, the bench). Plain JavaScript,
// beside start.js, so the scripts that spawn the server can read them before any TypeScript loads.
//
// --max-semi-space-size: V8 sizes the young generation from the heap limit, and on a machine with
// 24 GB it let it grow to 128 MB (two 64 MB halves), which a busy server fills and then keeps
// resident. 16 MB halves (Node 18's default) hold a request's garbage many times over: after a
// province's start-up jobs the server's resident memory was 370 MB instead of 466 MB for the same
// CPU. It must be given on the command line: V8 reads it once, when the heap is made (a
// setFlagsFromString in start.js comes too late, unlike --heap-growing-percent there).

/** Node.js command-line options of the server process. */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];
