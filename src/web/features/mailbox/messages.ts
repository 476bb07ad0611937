// Strings of the mailbox screens (来信, 设置, 三率). Simplified Chinese is the source; the other two
// must give every key (the type says so). One file per language in messages/.

export { en } from './messages/en.ts';
export { zhCN } from './messages/zh-CN.ts';
export { zhTW } from './messages/zh-TW.ts';
