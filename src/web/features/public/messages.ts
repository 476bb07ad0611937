// Strings of the public address settings page (公开访问地址).
// zhCN is the source; the other two must give every key (the type says so).

export const zhCN = {
  'nav.publicAddress': '公开访问地址',
  'publicAddress.heading': '公开访问地址',
  'publicAddress.intro':
    '居民扫描牌匾、服务卡上的二维码或点击短信中的链接时打开的网址，例如 https://huimin.xinluo.gov.cn。未设置时不能打印二维码，也不能发送带链接的短信。',
  'publicAddress.url': '网址',
  'publicAddress.urlHelp': '以 http:// 或 https:// 开头，可带路径，不带“?”和“#”。',
  'publicAddress.invalid': '请输入以 http:// 或 https:// 开头、不带“?”和“#”的网址',
  'publicAddress.save': '保存',
  'publicAddress.clear': '清除',
  'publicAddress.saved': '已保存公开访问地址',
  'publicAddress.cleared': '已清除公开访问地址',
  'publicAddress.current': '当前使用',
  'publicAddress.source.setting': '本页设置',
  'publicAddress.source.environment': '服务器环境变量 HUIMIN_PUBLIC_URL',
  'publicAddress.notSet': '尚未设置：打印二维码和发送短信链接会被拒绝。',
};

type Key = keyof typeof zhCN;

export const zhTW: Record<Key, string> = {
  'nav.publicAddress': '公開存取位址',
  'publicAddress.heading': '公開存取位址',
  'publicAddress.intro':
    '居民掃描牌匾、服務卡上的二維碼或點擊簡訊中的連結時開啟的網址，例如 https://huimin.xinluo.gov.cn。未設定時不能列印二維碼，也不能發送帶連結的簡訊。',
  'publicAddress.url': '網址',
  'publicAddress.urlHelp': '以 http:// 或 https:// 開頭，可帶路徑，不帶「?」和「#」。',
  'publicAddress.invalid': '請輸入以 http:// 或 https:// 開頭、不帶「?」和「#」的網址',
  'publicAddress.save': '儲存',
  'publicAddress.clear': '清除',
  'publicAddress.saved': '已儲存公開存取位址',
  'publicAddress.cleared': '已清除公開存取位址',
  'publicAddress.current': '目前使用',
  'publicAddress.source.setting': '本頁設定',
  'publicAddress.source.environment': '伺服器環境變數 HUIMIN_PUBLIC_URL',
  'publicAddress.notSet': '尚未設定：列印二維碼和發送簡訊連結會被拒絕。',
};

export const en: Record<Key, string> = {
  'nav.publicAddress': 'Public address',
  'publicAddress.heading': 'Public address',
  'publicAddress.intro':
    'The address residents open when they scan the QR code on a plaque or service card or follow an SMS link, e.g. https://huimin.xinluo.gov.cn. Until it is set, QR codes cannot be printed and SMS links cannot be sent.',
  'publicAddress.url': 'Address',
  'publicAddress.urlHelp': 'Starts with http:// or https://, may have a path, no “?” or “#”.',
  'publicAddress.invalid': 'Enter an address starting with http:// or https://, without “?” or “#”',
  'publicAddress.save': 'Save',
  'publicAddress.clear': 'Clear',
  'publicAddress.saved': 'Public address saved',
  'publicAddress.cleared': 'Public address cleared',
  'publicAddress.current': 'In use',
  'publicAddress.source.setting': 'set on this page',
  'publicAddress.source.environment': 'server environment HUIMIN_PUBLIC_URL',
  'publicAddress.notSet': 'Not set: printing QR codes and sending SMS links are refused.',
};
