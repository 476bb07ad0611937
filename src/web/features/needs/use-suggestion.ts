import { useEffect, useState } from 'react';
import { errorMessage } from '../../lib/api.ts';
import { needsApi, type Suggestion } from './api.ts';

/** Wait after the last keystroke before asking: one request per pause, not per character. */
const DEBOUNCE_MS = 400;
/** The shortest text worth classifying (the API takes 2; a need needs 4). */
const MIN_LENGTH = 4;

export interface SuggestionState {
  suggestion: Suggestion | null;
  /** The text the suggestion is for. */
  forText: string;
  loading: boolean;
  error: string | null;
}

/** The classifier's suggestion for `text`, asked for after the user pauses typing. */
export function useSuggestion(text: string): SuggestionState {
  const [state, setState] = useState<SuggestionState>({ suggestion: null, forText: '', loading: false, error: null });
  const trimmed = text.trim();

  useEffect(() => {
    if (trimmed.length < MIN_LENGTH) {
      setState({ suggestion: null, forText: '', loading: false, error: null });
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      needsApi.classify(trimmed).then(
        (suggestion) => !cancelled && setState({ suggestion, forText: trimmed, loading: false, error: null }),
        (err: unknown) =>
          !cancelled && setState({ suggestion: null, forText: trimmed, loading: false, error: errorMessage(err) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [trimmed]);

  return state;
}
