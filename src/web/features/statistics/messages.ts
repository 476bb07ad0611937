// Statistics' and the bulletin's strings (统计看板, 工作简报). Simplified Chinese is the source;
// the type makes Traditional Chinese and English give every key.

export { en } from './messages/en.ts';
export { zhCN } from './messages/zh-CN.ts';
export { zhTW } from './messages/zh-TW.ts';
