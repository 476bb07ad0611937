// Service delivery's strings (服务请求, 服务记录本, 法律援助统计). Simplified Chinese is the source;
// the type makes Traditional Chinese and English give every key.
// One file per language in messages/; each stays short enough to read.

export { en } from './messages/en.ts';
export { zhCN } from './messages/zh-CN.ts';
export { zhTW } from './messages/zh-TW.ts';
