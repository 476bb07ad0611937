import type { zhCN } from './zh-CN.ts';

/** Every message key; Simplified Chinese is the source of truth. */
export type MessageKey = keyof typeof zhCN;

/** A complete dictionary: each language must give every key (and no stale ones). */
export type Messages = Record<MessageKey, string>;

/** Values filled into `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;
