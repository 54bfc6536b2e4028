import { act, renderHook } from '@testing-library/react';
import type { CategorySuggestion } from '@ssp/contracts';
import { apiRoutes, bodyOf, errorBody, json } from '@test/api-routes';
import { RESIDENT, signInAs } from '@test/session';
import { taroTest, type FakeResponse } from '@test/taro-mock';
import { SUGGEST_DEBOUNCE_MS, useCategorySuggestions } from '../use-category-suggestions';

const MANHOLE: CategorySuggestion = { code: 'GY-02', name: '井盖', parentName: '公用设施', confidence: 0.82 };
const STREETLIGHT: CategorySuggestion = { code: 'GY-05', name: '路灯', parentName: '公用设施', confidence: 0.74 };
const UNLIKELY: CategorySuggestion = { code: 'QT-02', name: '其他问题', parentName: '其他', confidence: 0.03 };

function deferred() {
  let resolve: (response: FakeResponse) => void = () => undefined;
  const promise = new Promise<FakeResponse>((done) => (resolve = done));
  return { promise, resolve };
}

/** The texts the hook asked about, in order. */
function serveSuggestions(answer: (text: string) => FakeResponse | Promise<FakeResponse>): string[] {
  const asked: string[] = [];
  taroTest.onRequest(
    apiRoutes({
      'GET /api/v1/categories/suggest': (options) => {
        const text = String(bodyOf(options).text);
        asked.push(text);
        return answer(text);
      },
    }),
  );
  return asked;
}

async function pause(ms = SUGGEST_DEBOUNCE_MS): Promise<void> {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
}

const codes = (suggestions: CategorySuggestion[]) => suggestions.map((suggestion) => suggestion.code);

describe('live category suggestions', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    taroTest.reset();
    signInAs(RESIDENT);
  });
  afterEach(() => jest.useRealTimers());

  it('asks once when typing pauses, not per keystroke, and not for fewer than 4 characters', async () => {
    const asked = serveSuggestions(() => json([MANHOLE, UNLIKELY]));
    const { result, rerender } = renderHook(({ text }) => useCategorySuggestions(text, true), {
      initialProps: { text: '井盖' },
    });
    await pause(1000);
    expect(asked).toEqual([]);

    for (const text of ['井盖松', '井盖松动', '井盖松动了', '井盖松动了，响']) {
      rerender({ text });
      await pause(100);
    }
    expect(asked).toEqual([]);
    await pause();

    expect(asked).toEqual(['井盖松动了，响']);
    expect(taroTest.taro.request.mock.calls[0][0].data).toMatchObject({ limit: '3' });
    // A 3% guess is not shown as a suggestion.
    expect(codes(result.current)).toEqual(['GY-02']);

    rerender({ text: '井盖' });
    expect(result.current).toEqual([]);
  });

  it('ignores an answer that arrives after the text changed again', async () => {
    const pending = new Map<string, ReturnType<typeof deferred>>();
    serveSuggestions((text) => {
      const answer = deferred();
      pending.set(text, answer);
      return answer.promise;
    });
    const { result, rerender } = renderHook(({ text }) => useCategorySuggestions(text, true), {
      initialProps: { text: '井盖松动有响声' },
    });
    await pause();
    rerender({ text: '路灯晚上不亮' });
    await pause();
    expect([...pending.keys()]).toEqual(['井盖松动有响声', '路灯晚上不亮']);

    await act(async () => pending.get('路灯晚上不亮')?.resolve(json([STREETLIGHT])));
    expect(codes(result.current)).toEqual(['GY-05']);

    await act(async () => pending.get('井盖松动有响声')?.resolve(json([MANHOLE])));
    expect(codes(result.current)).toEqual(['GY-05']);
  });

  it('asks nothing once a category is chosen, and does not ask twice for the same text', async () => {
    const asked = serveSuggestions(() => json([MANHOLE]));
    const { result, rerender } = renderHook(({ text, enabled }) => useCategorySuggestions(text, enabled), {
      initialProps: { text: '井盖松动有响声', enabled: false },
    });
    await pause();
    expect(asked).toEqual([]);

    rerender({ text: '井盖松动有响声', enabled: true });
    await pause();
    rerender({ text: '井盖松动有响声', enabled: false });
    expect(result.current).toEqual([]);
    rerender({ text: '井盖松动有响声', enabled: true });
    await pause();

    expect(asked).toEqual(['井盖松动有响声']);
    expect(codes(result.current)).toEqual(['GY-02']);
  });

  it('shows nothing when the server cannot suggest', async () => {
    serveSuggestions(() => errorBody(400, 'VALIDATION_FAILED', '文字过长'));
    const { result } = renderHook(() => useCategorySuggestions('井盖松动有响声', true));
    await pause();

    expect(result.current).toEqual([]);
  });
});
