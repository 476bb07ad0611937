import type { Locale } from '../../../contract/common.ts';

// The login page's own words in the three languages, so a slow phone shows the form without the
// console's dictionary (and without antd). The texts are the console dictionary's ones for the
// same keys; login-text.test.ts keeps them equal.
const zhCN = {
  'app.name': '惠民',
  'app.subtitle': '新罗区共产党员专业服务工作室平台',
  'a11y.skipToContent': '跳到主要内容',
  'prefs.language': '语言',
  'prefs.largeFont': '大字号高对比',
  'session.expired': '登录已失效，请重新登录。',
  'session.signedOut': '您已安全退出。',
  'login.heading': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.failed': '登录失败',
  'common.loading': '加载中…',
  'common.networkError': '无法连接服务器，请检查网络后重试',
  'demo.label': '演示环境',
  'demo.text': '演示环境：数据均为虚构，演示账号的密码是公开的，请勿录入真实信息。',
};

export type LoginTextKey = keyof typeof zhCN;

export const loginText: Record<Locale, Record<LoginTextKey, string>> = {
  'zh-CN': zhCN,
  'zh-TW': {
    'app.name': '惠民',
    'app.subtitle': '新羅區共產黨員專業服務工作室平台',
    'a11y.skipToContent': '跳到主要內容',
    'prefs.language': '語言',
    'prefs.largeFont': '大字體高對比',
    'session.expired': '登入已失效，請重新登入。',
    'session.signedOut': '您已安全登出。',
    'login.heading': '登入',
    'login.username': '使用者名稱',
    'login.password': '密碼',
    'login.submit': '登入',
    'login.usernameRequired': '請輸入使用者名稱',
    'login.passwordRequired': '請輸入密碼',
    'login.failed': '登入失敗',
    'common.loading': '載入中…',
    'common.networkError': '無法連線到伺服器，請檢查網路後重試',
    'demo.label': '示範環境',
    'demo.text': '示範環境：資料均為虛構，示範帳號的密碼是公開的，請勿輸入真實資訊。',
  },
  en: {
    'app.name': 'Huimin',
    'app.subtitle': 'Party member professional service studios of Xinluo District',
    'a11y.skipToContent': 'Skip to main content',
    'prefs.language': 'Language',
    'prefs.largeFont': 'Large text, high contrast',
    'session.expired': 'Your session has ended. Please sign in again.',
    'session.signedOut': 'You have signed out.',
    'login.heading': 'Sign in',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.usernameRequired': 'Enter your username',
    'login.passwordRequired': 'Enter your password',
    'login.failed': 'Sign-in failed',
    'common.loading': 'Loading…',
    'common.networkError': 'The server cannot be reached. Check the network and try again.',
    'demo.label': 'Demo instance',
    'demo.text':
      "Demo instance: the data is made up and the demo accounts' password is public; enter no real personal data.",
  },
};

/** The interface languages, in menu order, each named in itself (as in lib/i18n). */
export const loginLocales: ReadonlyArray<{ locale: Locale; name: string }> = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'zh-TW', name: '繁體中文' },
  { locale: 'en', name: 'English' },
];
