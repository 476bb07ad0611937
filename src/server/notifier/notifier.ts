import type { FastifyBaseLogger } from 'fastify';

/**
 * One SMS as Chinese SMS gateways take it: a registered template id with parameters
 * and a registered signature (签名). `body` is the rendered text, kept for the outbox list
 * and for providers that send free text.
 */
export interface SmsMessage {
  to: string;
  templateId: string;
  params: Record<string, string>;
  signature: string;
  body: string;
}

/** Sends notifications. Real providers implement this; the outbox calls it with retries. */
export interface Notifier {
  readonly name: string;
  sendSms(message: SmsMessage): Promise<{ providerMessageId: string }>;
}

/** The default provider: sends nothing out, writes each message to the log. The outbox keeps the record. */
export class LogNotifier implements Notifier {
  readonly name = 'log';
  private readonly log: FastifyBaseLogger | undefined;
  private counter = 0;
  constructor(log?: FastifyBaseLogger) {
    this.log = log;
  }
  async sendSms(message: SmsMessage): Promise<{ providerMessageId: string }> {
    this.counter += 1;
    // Never log the full number.
    this.log?.info(
      {
        to: `${message.to.slice(0, 3)}****${message.to.slice(-4)}`,
        templateId: message.templateId,
        signature: message.signature,
      },
      'sms (log provider)',
    );
    return { providerMessageId: `log-${Date.now()}-${this.counter}` };
  }
}

/** SMS templates Huimin uses, with the text each renders to. */
export const smsTemplates = {
  commitmentPublished: {
    id: 'HUIMIN_COMMITMENT_PUBLISHED',
    render: (p: Record<string, string>) => `${p.studio}（${p.unit}）公开承诺：${p.items}。详情：${p.url} 回复TD退订`,
  },
  requestAssigned: {
    id: 'HUIMIN_REQUEST_ASSIGNED',
    render: (p: Record<string, string>) =>
      `${p.studio}：居民通过惠民平台请求“${p.category}”服务（${p.text}），请登录查看并及时响应。跟踪码 ${p.code}`,
  },
  requestReceived: {
    id: 'HUIMIN_REQUEST_RECEIVED',
    render: (p: Record<string, string>) =>
      `您的求助已收到，查询码 ${p.code}。可凭查询码，或凭手机号加查询码后四位，在惠民便民服务页面查询进度。`,
  },
  letterReceived: {
    id: 'HUIMIN_LETTER_RECEIVED',
    render: (p: Record<string, string>) => `您的监督信件已收到，跟踪码 ${p.code}，可凭跟踪码查询办理进度和答复。`,
  },
  letterForwarded: {
    id: 'HUIMIN_LETTER_FORWARDED',
    render: (p: Record<string, string>) => `您反映的问题已于${p.on}转交${p.body}处理，跟踪码 ${p.code}。`,
  },
  smsCode: {
    id: 'HUIMIN_SMS_CODE',
    render: (p: Record<string, string>) =>
      `验证码 ${p.code}，用于${p.action}“${p.unit}”的惠民公告短信，10分钟内有效。如非本人操作，请忽略本短信。`,
  },
  letterReplied: {
    id: 'HUIMIN_LETTER_REPLIED',
    render: (p: Record<string, string>) => `您的监督信件（跟踪码 ${p.code}）已有答复，请凭跟踪码查看并评价办理情况。`,
  },
} as const;

/** The signature (签名) messages carry. */
export const SMS_SIGNATURE = '新罗惠民';
