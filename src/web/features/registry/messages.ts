// Strings of the registry (选好人). zhCN is the source; the other two must give every key.
// One file per language in messages/; each stays short enough to read.

export { en } from './messages/en.ts';
export { zhCN } from './messages/zh-CN.ts';
export { zhTW } from './messages/zh-TW.ts';
