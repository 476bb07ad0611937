// The server's entry as it always was: the same start as start.js (`npm run serve`), which is
// plain JavaScript so that Node need not load its TypeScript loader before the compile cache is on.
import './start.js';
