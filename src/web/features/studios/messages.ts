// Strings of the studio screens (申办, review, contract, plaque, commitments, reminders, sent messages).
// Simplified Chinese is the source; the other two must give every key (the type says so).
// One file per language in messages/; each stays short enough to read.

export { en } from './messages/en.ts';
export { zhCN } from './messages/zh-CN.ts';
export { zhTW } from './messages/zh-TW.ts';
