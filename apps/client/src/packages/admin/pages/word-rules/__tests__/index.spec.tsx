import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { WordRuleLevel, WordRuleView } from '@ssp/contracts';
import { apiRoutes, bodyOf, errorBody, json } from '@test/api-routes';
import { ADMIN, signInAs } from '@test/session';
import { taroTest, type FakeResponse } from '@test/taro-mock';
import WordRulesPage from '../index';

function rule(id: string, pattern: string, overrides: Partial<WordRuleView> = {}): WordRuleView {
  return {
    id,
    pattern,
    level: 'block',
    category: 'ad',
    matchMode: 'substring',
    enabled: true,
    note: null,
    createdAt: '2025-06-01T00:00:00.000Z',
    updatedAt: '2025-06-01T00:00:00.000Z',
    ...overrides,
  };
}

interface Server {
  rules: WordRuleView[];
  create?: (body: Record<string, unknown>) => FakeResponse;
}

function serve(server: Server) {
  taroTest.onRequest(
    apiRoutes({
      'GET /api/v1/admin/word-rules': (options) => {
        const { level, q } = bodyOf(options) as { level?: WordRuleLevel; q?: string };
        const items = server.rules.filter((item) => item.level === level && (!q || item.pattern.includes(q)));
        return json({ items, nextCursor: null });
      },
      'POST /api/v1/admin/word-rules': (options) => {
        const body = bodyOf(options);
        if (server.create) return server.create(body);
        const created = rule(`w${server.rules.length + 1}`, String(body.pattern), body as Partial<WordRuleView>);
        server.rules.push(created);
        return json(created, 201);
      },
      'PATCH /api/v1/admin/word-rules/w1': (options) => {
        server.rules[0] = { ...server.rules[0], ...(bodyOf(options) as Partial<WordRuleView>) };
        return json(server.rules[0]);
      },
      'DELETE /api/v1/admin/word-rules/w1': () => {
        server.rules.shift();
        return { statusCode: 204, data: '' };
      },
    }),
  );
}

const patterns = () => Array.from(document.querySelectorAll('#word-rule-list .word-rule__pattern'), (element) => element.textContent);
const sent = (method: string) =>
  taroTest.taro.request.mock.calls.map(([options]) => options).filter((options) => options.method === method);

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} not rendered`);
  return element;
}

function choose(name: string, value: string): void {
  fireEvent.click(document.querySelector(`[data-name="${name}"] [data-value="${value}"]`) as HTMLElement);
}

describe('敏感词管理', () => {
  beforeEach(() => {
    taroTest.reset();
    signInAs(ADMIN);
  });

  it('lists the words of each level by tab, and searches', async () => {
    serve({ rules: [rule('w1', '加微信'), rule('w2', '代开发票'), rule('w3', '看不清', { level: 'review', category: 'other' })] });

    render(<WordRulesPage />);

    await waitFor(() => expect(patterns()).toEqual(['加微信', '代开发票']));
    expect(screen.getAllByText('广告 · 包含即命中')).toHaveLength(2);
    fireEvent.click(screen.getByText('转人工审核', { selector: '#word-rule-tabs *' }));
    await waitFor(() => expect(patterns()).toEqual(['看不清']));

    fireEvent.click(screen.getByText('拦截', { selector: '#word-rule-tabs *' }));
    fireEvent.change(byId('word-rule-search'), { target: { value: ' 发票 ' } });
    fireEvent.click(byId('word-rule-search-submit'));

    await waitFor(() => expect(patterns()).toEqual(['代开发票']));
    expect(bodyOf(sent('GET').at(-1)!)).toEqual({ level: 'block', q: '发票' });
  });

  it('adds a word with its level, category and match mode, and shows it in its tab', async () => {
    const server = { rules: [rule('w1', '加微信')] };
    serve(server);

    render(<WordRulesPage />);
    await waitFor(() => expect(patterns()).toEqual(['加微信']));
    fireEvent.click(byId('word-rule-add'));
    fireEvent.click(byId('word-rule-submit'));
    expect(screen.getByText('请填写要匹配的词')).toBeTruthy();

    fireEvent.change(byId('word-rule-pattern'), { target: { value: ' 法人 ' } });
    choose('level', 'review');
    choose('category', 'abuse');
    choose('matchMode', 'word');
    fireEvent.click(byId('word-rule-submit'));

    await waitFor(() => expect(patterns()).toEqual(['法人']));
    expect(bodyOf(sent('POST')[0])).toEqual({ pattern: '法人', level: 'review', category: 'abuse', matchMode: 'word', note: null });
    expect(byId('word-rule-list').getAttribute('data-level')).toBe('review');
    expect(document.getElementById('word-rule-form')).toBeNull();
  });

  it('says so when the word is already on the list (409), keeping what was typed', async () => {
    serve({ rules: [rule('w1', '加微信')], create: () => errorBody(409, 'CONFLICT', 'duplicate pattern') });

    render(<WordRulesPage />);
    await waitFor(() => expect(patterns()).toEqual(['加微信']));
    fireEvent.click(byId('word-rule-add'));
    fireEvent.change(byId('word-rule-pattern'), { target: { value: '加微信' } });
    fireEvent.click(byId('word-rule-submit'));

    expect(await screen.findByText('「加微信」已在词表中，请在列表中修改它')).toBeTruthy();
    expect((byId('word-rule-pattern') as HTMLInputElement).value).toBe('加微信');
  });

  it('switches a word off and moves it to another level', async () => {
    serve({ rules: [rule('w1', '加微信'), rule('w2', '代开发票')] });

    render(<WordRulesPage />);
    await waitFor(() => expect(patterns()).toEqual(['加微信', '代开发票']));
    const row = () => document.querySelector('.word-rule[data-id="w1"]') as HTMLElement;
    fireEvent.click(row().querySelector('.word-rule__toggle') as HTMLElement);

    await waitFor(() => expect(row().getAttribute('data-enabled')).toBe('false'));
    expect(bodyOf(sent('PATCH')[0])).toEqual({ enabled: false });
    expect(row().textContent).toContain('已停用');

    fireEvent.click(row().querySelector('[data-level="mask"]') as HTMLElement);

    await waitFor(() => expect(patterns()).toEqual(['代开发票']));
    expect(bodyOf(sent('PATCH')[1])).toEqual({ level: 'mask' });
  });

  it('deletes a word only after the admin confirms', async () => {
    serve({ rules: [rule('w1', '加微信'), rule('w2', '代开发票')] });

    render(<WordRulesPage />);
    await waitFor(() => expect(patterns()).toEqual(['加微信', '代开发票']));
    const remove = () => fireEvent.click(document.querySelector('.word-rule[data-id="w1"] .word-rule__delete') as HTMLElement);

    taroTest.answerModal(false);
    remove();
    await waitFor(() => expect(taroTest.taro.showModal).toHaveBeenCalledTimes(1));
    await act(async () => undefined);
    expect(sent('DELETE')).toHaveLength(0);
    expect(patterns()).toEqual(['加微信', '代开发票']);

    taroTest.answerModal(true);
    remove();

    // The confirmed delete goes through the modal, the request and a reload: give a busy CI machine time.
    await waitFor(() => expect(patterns()).toEqual(['代开发票']), { timeout: 5000 });
    expect(sent('DELETE')).toHaveLength(1);
    expect(taroTest.taro.showModal.mock.calls[0][0].content).toContain('加微信');
  });
});
