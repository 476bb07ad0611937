import { useCallback, useEffect, useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { importApi, registryImportPaths, type ImportPaths, type ImportStatus } from './api.ts';
import { uploadWorkbook } from './files.ts';

/** How often the dry run's progress is asked for. */
const POLL_MS = 400;

export type ImportPhase = 'idle' | 'uploading' | 'checking' | 'report' | 'committing' | 'committed' | 'failed';

export interface ImportRun {
  phase: ImportPhase;
  status: ImportStatus | null;
  error: string | null;
  upload(file: File): Promise<void>;
  commit(mode: 'all' | 'valid'): Promise<void>;
  reset(): void;
}

/**
 * An Excel import: upload (the dry run starts on the server at once), poll its progress
 * until the report is ready, then commit all rows or only the good ones.
 */
export function useImport(paths: ImportPaths = registryImportPaths): ImportRun {
  const me = useMe();
  const { locale } = useI18n();
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importId, setImportId] = useState<number | null>(null);

  // Polls while the server checks the file; the report's messages come in the current language.
  useEffect(() => {
    if (phase !== 'checking' || importId === null) return;
    const controller = new AbortController();
    let timer = 0;
    const poll = async () => {
      try {
        const s = await importApi.status(paths, importId, controller.signal);
        if (controller.signal.aborted) return;
        setStatus(s);
        if (s.status === 'validated') setPhase('report');
        else if (s.status === 'failed') setPhase('failed');
        else timer = window.setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (controller.signal.aborted) return;
        setError(errorMessage(err));
        setPhase('failed');
      }
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [phase, importId]);

  // A language switch while the report shows: fetch it again, so row messages follow.
  useEffect(() => {
    if (importId === null || (phase !== 'report' && phase !== 'committed')) return;
    const controller = new AbortController();
    importApi.status(paths, importId, controller.signal).then(
      (s) => !controller.signal.aborted && setStatus(s),
      () => undefined,
    );
    return () => controller.abort();
    // Only the language: phase changes already bring a fresh status.
  }, [locale]);

  const upload = useCallback(
    async (file: File) => {
      setError(null);
      setStatus(null);
      setPhase('uploading');
      try {
        const { id } = await uploadWorkbook(paths.upload, file, me.csrfToken, locale);
        setImportId(id);
        setPhase('checking');
      } catch (err) {
        setError(errorMessage(err));
        setPhase('failed');
      }
    },
    [me.csrfToken, locale, paths],
  );

  const commit = useCallback(
    async (mode: 'all' | 'valid') => {
      if (importId === null) return;
      setError(null);
      setPhase('committing');
      try {
        const committed = await importApi.commit(paths, importId, mode);
        // The commit answers in zh-CN; keep the report as shown and take only the counts.
        setStatus((old) =>
          old ? { ...old, status: committed.status, committedRows: committed.committedRows } : committed,
        );
        setPhase('committed');
      } catch (err) {
        setError(errorMessage(err));
        setPhase('report');
      }
    },
    [importId, paths],
  );

  const reset = useCallback(() => {
    setPhase('idle');
    setStatus(null);
    setError(null);
    setImportId(null);
  }, []);

  return { phase, status, error, upload, commit, reset };
}
