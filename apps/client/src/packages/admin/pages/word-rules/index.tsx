import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { WORD_RULE_LEVELS, WORD_RULE_LEVEL_LABELS, type WordRuleLevel, type WordRuleView } from '@ssp/contracts';
import { ListFooter } from '@/components/list-footer';
import { PageState } from '@/components/page-state';
import { StaffGate } from '@/components/session-gate';
import { WorkHeader } from '@/components/work-header';
import { useListPageEvents, usePagedList } from '@/hooks/use-paged-list';
import { AdminNav } from '@/packages/admin/components/admin-nav';
import { WORD_RULES_PAGE } from '@/routes';
import { fetchWordRules } from '@/services/api';
import { WordRuleForm } from './word-rule-form';
import { WordRuleRow } from './word-rule-row';
import './index.css';

const EMPTY_TEXT: Record<WordRuleLevel, string> = {
  block: '没有拦截词',
  review: '没有转人工审核的词',
  mask: '没有打码显示的词',
  allow: '白名单为空',
};

/** The text filter's word list by level (拦截 · 转人工审核 · 打码显示 · 白名单), searchable and editable. */
function WordRules() {
  const [level, setLevel] = useState<WordRuleLevel>('block');
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const fetchPage = useMemo(
    () => (cursor: string | null) => fetchWordRules({ level, q: query, cursor }),
    [level, query],
  );
  const list = usePagedList(fetchPage, `${level}|${query}`);
  useListPageEvents(list);

  const search = () => setQuery(typed.trim());

  const added = (rule: WordRuleView) => {
    setAdding(false);
    void Taro.showToast({ title: '已添加', icon: 'success' });
    // Show the new rule where it lives; the same tab and search starts over to include it.
    if (rule.level !== level || query !== '') {
      setLevel(rule.level);
      setTyped('');
      setQuery('');
    } else {
      void list.refresh();
    }
  };

  // A rule moved to another level leaves this tab.
  const changed = (rule: WordRuleView) =>
    list.mutate((items) =>
      rule.level === level ? items.map((item) => (item.id === rule.id ? rule : item)) : items.filter((item) => item.id !== rule.id),
    );
  const deleted = (id: string) => list.mutate((items) => items.filter((item) => item.id !== id));

  return (
    <View>
      <View id="word-rule-tabs" className="level-tabs">
        {WORD_RULE_LEVELS.map((candidate) => (
          <Text
            key={candidate}
            className={`level-tabs__tab${candidate === level ? ' level-tabs__tab--active' : ''}`}
            data-key={candidate}
            onClick={() => setLevel(candidate)}
          >
            {WORD_RULE_LEVEL_LABELS[candidate]}
          </Text>
        ))}
      </View>

      <View className="word-rules__toolbar">
        <Input
          id="word-rule-search"
          className="field__input word-rules__search"
          value={typed}
          placeholder="搜索词语"
          confirmType="search"
          onInput={(event) => setTyped(event.detail.value)}
          onConfirm={search}
        />
        <Button id="word-rule-search-submit" className="secondary-button word-rules__button" onClick={search}>
          搜索
        </Button>
        {adding ? null : (
          <Button id="word-rule-add" className="primary-button word-rules__button" onClick={() => setAdding(true)}>
            添加
          </Button>
        )}
      </View>

      {adding ? <WordRuleForm level={level} onAdded={added} onCancel={() => setAdding(false)} /> : null}

      <PageState
        state={list.state}
        onRetry={() => void list.refresh()}
        isEmpty={(items) => items.length === 0}
        emptyText={query ? `没有包含「${query}」的词` : EMPTY_TEXT[level]}
      >
        {(items) => (
          <View id="word-rule-list" className="card word-rules__list" data-level={level}>
            {items.map((rule) => (
              <WordRuleRow key={rule.id} rule={rule} onChanged={changed} onDeleted={deleted} />
            ))}
            <ListFooter
              hasMore={list.hasMore}
              loadingMore={list.loadingMore}
              moreError={list.moreError}
              onLoadMore={() => void list.loadMore()}
            />
          </View>
        )}
      </PageState>
    </View>
  );
}

export default function WordRulesPage() {
  return (
    <View className="page">
      <StaffGate roles={['admin']}>
        {(user) => (
          <>
            <WorkHeader title="敏感词管理" subtitle={user.nickname} />
            <AdminNav current={WORD_RULES_PAGE} />
            <WordRules />
          </>
        )}
      </StaffGate>
    </View>
  );
}
