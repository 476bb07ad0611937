// The resident home, the not-found pages and looking a request up by phone: Traditional Chinese.
import type { zhCN } from './zh-CN.ts';

export const zhTW: Record<keyof typeof zhCN, string> = {
  'home.title': '便民服務',
  'home.intro': '共產黨員專業服務工作室就在您身邊，服務全部免費。您想做什麼？',
  'home.find': '找工作室',
  'home.findText': '看看附近有哪些工作室、在哪裡、什麼時候開門',
  'home.ask': '我要求助',
  'home.askText': '寫下您的需要，我們派給最近的工作室',
  'home.track': '查進度',
  'home.trackText': '用查詢碼或手機號查看求助辦到哪一步，辦完後評價',
  'home.sms': '簡訊訂閱',
  'home.smsText': '收到本社區工作室的服務公告',
  'home.mailbox': '監督信箱',
  'home.mailboxText': '對工作室有意見或建議，寫信給我們',
  'home.lastRequest': '繼續查看您最近的求助 {code}',
  'home.staffLogin': '工作人員登入',
  'nav.home': '首頁',
  'gone.home': '回到首頁',
  'gone.waysBack': '可以去的地方',
  'gone.studioTitle': '沒有找到這個工作室',
  'gone.studioText': '這個工作室不存在，或者編號有誤。可以在附近的工作室中找找看。',
  'gone.codeTitle': '沒有找到這個查詢碼',
  'gone.codeText': '請核對查詢碼是否輸入正確。如果記不清了，可以用求助時留下的手機號來查。',
  'gone.byPhone': '用手機號查',
};
