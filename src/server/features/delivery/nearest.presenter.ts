import { nearbyStudio, nearestResult } from '../../../contract/delivery.ts';
import { writerBuilder } from '../../plugins/serialization.ts';
import type { IndexedStudio } from './studio-index.repository.ts';

// The nearest-studio answer, the busiest public read, is written from pieces kept beside the
// index: each studio's JSON up to its distance is written once by the contract's own writer
// (the one Fastify would use, ./plugins/serialization.ts) and reused until the index is
// rebuilt, so an answer costs the concatenation of ten pieces and ten distances instead of
// writing thirty Chinese strings and forty decimals anew (about a tenth of the request).

type Writer = (data: unknown) => string;
let writers: { studio: Writer; result: Writer } | undefined;

function writersOf(): { studio: Writer; result: Writer } {
  if (!writers) {
    const build = writerBuilder();
    const of = (schema: unknown) => build({ schema, method: 'GET', url: '/api/public/nearest', httpStatus: '200' });
    writers = { studio: of(nearbyStudio), result: of(nearestResult) };
  }
  return writers;
}

/** What the distance ends each studio with: the contract writes `distanceM` last. */
const DISTANCE_TAIL = '"distanceM":0}';

/** A studio's JSON up to and including `"distanceM":`, by the index's studio object. */
const heads = new WeakMap<IndexedStudio, string>();

function headOf(studio: IndexedStudio): string {
  let head = heads.get(studio);
  if (head === undefined) {
    const written = writersOf().studio({ ...studio, distanceM: 0 });
    if (!written.endsWith(DISTANCE_TAIL)) throw new Error('nearbyStudio no longer ends with distanceM');
    head = written.slice(0, -2);
    heads.set(studio, head);
  }
  return head;
}

/**
 * The JSON answer of the nearest-studio search (the `nearestResult` contract): the same bytes
 * its writer makes of `{ origin, studios }`, from the kept pieces.
 */
export function nearestJson(
  origin: { lng: number; lat: number },
  found: ReadonlyArray<{ studio: IndexedStudio; distanceM: number }>,
): string {
  const shell = writersOf().result({ origin, studios: [] });
  let studios = '';
  for (let i = 0; i < found.length; i++) {
    const { studio, distanceM } = found[i] as { studio: IndexedStudio; distanceM: number };
    studios += `${i === 0 ? '' : ','}${headOf(studio)}${String(distanceM)}}`;
  }
  // The shell ends with the empty list: `…"studios":[]}`.
  return `${shell.slice(0, -2)}${studios}]}`;
}
