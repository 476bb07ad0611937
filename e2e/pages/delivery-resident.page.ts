// Requests set up for the member and staff tests, through the public API the resident pages
// use (the full resident story on the pages is in delivery.test.ts's first test).

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A resident of a community, without an account. */
export class Resident {
  readonly baseURL: string;
  readonly name: string;
  readonly phone: string;

  constructor(baseURL: string, name: string, phone: string) {
    this.baseURL = baseURL;
    this.name = name;
    this.phone = phone;
  }

  /** The id of a public category by its Chinese name. */
  async categoryId(name: string): Promise<number> {
    const all = await json<Array<{ id: number; name: Record<string, string> }>>(
      await fetch(`${this.baseURL}/api/public/categories`),
      'categories',
    );
    const found = all.find((c) => c.name['zh-CN'] === name);
    if (!found) throw new Error(`no category ${name}`);
    return found.id;
  }

  /** Sends a request; gives the tracking code and the studio it went to. */
  async ask(
    categoryId: number,
    unitId: number,
    text: string,
  ): Promise<{ trackingCode: string; studioName: string | null }> {
    const response = await fetch(`${this.baseURL}/api/public/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({
        categoryId,
        text,
        preferredTime: '周六上午',
        unitId,
        residentName: this.name,
        residentPhone: this.phone,
      }),
    });
    return json(response, 'ask');
  }

  async track(
    code: string,
  ): Promise<{ status: string; canRate: boolean; rating: { score: number; comment: string } | null }> {
    return json(await fetch(`${this.baseURL}/api/public/requests/${code}`), 'track');
  }
}
