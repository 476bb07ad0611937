// Supervision's strings (群众监督员, 季度检查, 整改建议, 检查表). Simplified Chinese is the source;
// the type makes Traditional Chinese and English give every key.

export { en } from './messages/en.ts';
export { zhCN } from './messages/zh-CN.ts';
export { zhTW } from './messages/zh-TW.ts';
